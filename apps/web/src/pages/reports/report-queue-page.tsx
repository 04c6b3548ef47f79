import { REPORT_STAFF } from '@tp/domain';
/** /reports (officers and managers): reports waiting for review, and overdue reports with days late. */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { ReportPeriod } from './report-period';

export function ReportQueuePage() {
  return (
    <AnyRoleGate roles={REPORT_STAFF}>
      <ReportQueue />
    </AnyRoleGate>
  );
}

function ReportQueue() {
  const { t, pick, formatDate } = useT();
  const queue = useQuery(trpc.reports.queue.queryOptions());
  return (
    <>
      <PageHeading title={t('rep.queue.title')} intro={t('rep.queue.intro')} />
      <QueryView query={queue}>
        {(q) => (
          <>
            <section aria-labelledby="to-review" className="tp-section">
              <GcdsHeading tag="h2" id="to-review">
                {t('rep.queue.toReview')}
              </GcdsHeading>
              <DataTable
                caption={t('rep.queue.toReviewCaption')}
                testId="reports-to-review"
                rows={q.toReview}
                rowKey={(r) => r.periodId}
                empty={t('rep.queue.none')}
                columns={[
                  {
                    header: t('rep.col.agreement'),
                    cell: (r) => (
                      <Link to="/reports/$reportId" params={{ reportId: r.reportId ?? '' }} className="tp-link">
                        {r.referenceNumber}
                      </Link>
                    ),
                  },
                  { header: t('rep.col.organisation'), cell: (r) => pick(r.legalNameEn, r.legalNameFr) },
                  {
                    header: t('rep.col.period'),
                    cell: (r) => <ReportPeriod start={r.periodStart} end={r.periodEnd} isFinal={r.isFinal} />,
                  },
                  { header: t('rep.col.due'), cell: (r) => formatDate(r.dueDate) },
                ]}
              />
            </section>
            <section aria-labelledby="overdue" className="tp-section">
              <GcdsHeading tag="h2" id="overdue">
                {t('rep.queue.overdue')}
              </GcdsHeading>
              <DataTable
                caption={t('rep.queue.overdueCaption')}
                testId="reports-overdue"
                rows={[...q.overdue].sort((a, b) => b.daysLate - a.daysLate)}
                rowKey={(r) => r.periodId}
                empty={t('rep.queue.none')}
                columns={[
                  { header: t('rep.col.agreement'), cell: (r) => r.referenceNumber },
                  { header: t('rep.col.organisation'), cell: (r) => pick(r.legalNameEn, r.legalNameFr) },
                  { header: t('rep.col.period'), cell: (r) => <ReportPeriod start={r.periodStart} end={r.periodEnd} /> },
                  { header: t('rep.col.due'), cell: (r) => formatDate(r.dueDate) },
                  { header: t('rep.col.status'), cell: (r) => t(`status.report.${r.status ?? 'not_started'}`) },
                  { header: t('rep.col.late'), cell: (r) => r.daysLate },
                ]}
              />
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
