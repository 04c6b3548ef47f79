/**
 * /my-reports (recipients): every reporting period of the organisation's agreements, with its due
 * date, the report's status and days late; a draft can be started at any time.
 */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';

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
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('rep.my.empty')}</p>
          ) : (
            <div className="tp-table-wrap">
              <table className="tp-table" data-testid="my-reports">
                <caption>{t('rep.my.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rep.col.agreement')}</th>
                    <th scope="col">{t('rep.col.period')}</th>
                    <th scope="col">{t('rep.col.due')}</th>
                    <th scope="col">{t('rep.col.status')}</th>
                    <th scope="col">{t('rep.col.late')}</th>
                    <th scope="col">{t('rep.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.periodId} data-period-start={r.periodStart}>
                      <td>
                        {r.referenceNumber}
                        <br />
                        <small>{r.title}</small>
                      </td>
                      <td>
                        {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}
                        {r.isFinal ? <small> ({t('rep.final')})</small> : null}
                      </td>
                      <td>{formatDate(r.dueDate)}</td>
                      <td>{t(`status.report.${r.status}`)}</td>
                      <td>{r.daysLate > 0 ? r.daysLate : ''}</td>
                      <td>
                        {r.reportId ? (
                          <Link to="/reports/$reportId" params={{ reportId: r.reportId }} className="tp-link">
                            {r.status === 'draft' || r.status === 'returned' ? t('rep.continue') : t('rep.view')}
                            <span className="tp-visually-hidden"> {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}</span>
                          </Link>
                        ) : (
                          <GcdsButton type="button" size="small" buttonRole="secondary" disabled={open.isPending} onGcdsClick={() => open.mutate({ periodId: r.periodId })}>
                            {t('rep.start')}
                            <span className="tp-visually-hidden"> {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}</span>
                          </GcdsButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
