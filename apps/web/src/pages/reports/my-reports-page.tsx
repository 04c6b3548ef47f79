/**
 * /my-reports (recipients): every reporting period of the organisation's agreements, with its due
 * date, the report's status and days late; a draft can be started at any time.
 */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ProblemNotice } from '../../components/notices';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import { ReportPeriod } from './report-period';

export function MyReportsPage() {
  return (
    <RoleGate role="recipient">
      <MyReports />
    </RoleGate>
  );
}

function MyReports() {
  const { t, formatDate } = useT();
  const due = useQuery(trpc.reports.due.queryOptions());
  const navigate = useNavigate();
  const open = useMutation(
    trpc.reports.open.mutationOptions({
      onSuccess: ({ reportId }) => navigate({ to: '/reports/$reportId', params: { reportId } }),
    }),
  );
  return (
    <>
      <PageHeading title={t('rep.my.title')} intro={t('rep.my.intro')} />
      <ProblemNotice problem={open.error ? problemsFromError(open.error).form : null} />
      <QueryView query={due}>
        {(rows) => (
          <DataTable
            caption={t('rep.my.caption')}
            testId="my-reports"
            rows={rows}
            rowKey={(r) => r.periodId}
            rowProps={(r) => ({ 'data-period-start': r.periodStart })}
            empty={t('rep.my.empty')}
            columns={[
              {
                header: t('rep.col.agreement'),
                cell: (r) => (
                  <>
                    {r.referenceNumber}
                    <br />
                    <small>{r.title}</small>
                  </>
                ),
              },
              {
                header: t('rep.col.period'),
                cell: (r) => <ReportPeriod start={r.periodStart} end={r.periodEnd} isFinal={r.isFinal} />,
              },
              { header: t('rep.col.due'), cell: (r) => formatDate(r.dueDate) },
              { header: t('rep.col.status'), cell: (r) => t(`status.report.${r.status}`) },
              { header: t('rep.col.late'), cell: (r) => (r.daysLate > 0 ? r.daysLate : '') },
              {
                header: t('rep.col.action'),
                cell: (r) =>
                  r.reportId ? (
                    <Link to="/reports/$reportId" params={{ reportId: r.reportId }} className="tp-link">
                      {r.status === 'draft' || r.status === 'returned' ? t('rep.continue') : t('rep.view')}
                      <span className="tp-visually-hidden"> {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}</span>
                    </Link>
                  ) : (
                    <GcdsButton type="button" size="small" buttonRole="secondary" disabled={open.isPending} onGcdsClick={() => open.mutate({ periodId: r.periodId })}>
                      {t('rep.start')}
                      <span className="tp-visually-hidden"> {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}</span>
                    </GcdsButton>
                  ),
              },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
