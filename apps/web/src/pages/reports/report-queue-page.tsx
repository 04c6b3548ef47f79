import { REPORT_STAFF } from '@tp/domain';
/** /reports (officers and managers): reports waiting for review, and overdue reports with days late. */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

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
              {q.toReview.length === 0 ? (
                <p>{t('rep.queue.none')}</p>
              ) : (
                <div className="tp-table-wrap">
                  <table className="tp-table" data-testid="reports-to-review">
                    <caption>{t('rep.queue.toReviewCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rep.col.agreement')}</th>
                        <th scope="col">{t('rep.col.organisation')}</th>
                        <th scope="col">{t('rep.col.period')}</th>
                        <th scope="col">{t('rep.col.due')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {q.toReview.map((r) => (
                        <tr key={r.periodId}>
                          <td>
                            <Link to="/reports/$reportId" params={{ reportId: r.reportId ?? '' }} className="tp-link">
                              {r.referenceNumber}
                            </Link>
                          </td>
                          <td>{pick(r.legalNameEn, r.legalNameFr)}</td>
                          <td>
                            {t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}
                            {r.isFinal ? <small> ({t('rep.final')})</small> : null}
                          </td>
                          <td>{formatDate(r.dueDate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section aria-labelledby="overdue" className="tp-section">
              <GcdsHeading tag="h2" id="overdue">
                {t('rep.queue.overdue')}
              </GcdsHeading>
              {q.overdue.length === 0 ? (
                <p>{t('rep.queue.none')}</p>
              ) : (
                <div className="tp-table-wrap">
                  <table className="tp-table" data-testid="reports-overdue">
                    <caption>{t('rep.queue.overdueCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rep.col.agreement')}</th>
                        <th scope="col">{t('rep.col.organisation')}</th>
                        <th scope="col">{t('rep.col.period')}</th>
                        <th scope="col">{t('rep.col.due')}</th>
                        <th scope="col">{t('rep.col.status')}</th>
                        <th scope="col">{t('rep.col.late')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...q.overdue].sort((a, b) => b.daysLate - a.daysLate).map((r) => (
                        <tr key={r.periodId}>
                          <td>{r.referenceNumber}</td>
                          <td>{pick(r.legalNameEn, r.legalNameFr)}</td>
                          <td>{t('rep.periodText', { start: formatDate(r.periodStart), end: formatDate(r.periodEnd) })}</td>
                          <td>{formatDate(r.dueDate)}</td>
                          <td>{t(`status.report.${r.status ?? 'not_started'}`)}</td>
                          <td>{r.daysLate}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
