/**
 * /agreements/$agreementId/progress (staff and the recipient): activities planned, completed,
 * under way and delayed, each milestone's latest status, and each indicator's actual to date
 * against its target, as a table and a small bar chart (the chart repeats the table, so the
 * table is what a screen reader reads).
 */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

export function AgreementProgressPage({ agreementId }: { agreementId: string }) {
  const { t, pick, formatDate } = useT();
  const agreement = useQuery(trpc.agreements.get.queryOptions({ agreementId }));
  const progress = useQuery(trpc.reports.progress.queryOptions({ agreementId }));
  return (
    <QueryView query={agreement}>
      {(a) => (
        <>
          <PageHeading title={t('rep.progressTitle', { reference: a.referenceNumber })} intro={`${pick(a.organisation.legalNameEn, a.organisation.legalNameFr)}: ${a.terms.title}`} />
          <p>
            <a href={`/agreements/${agreementId}`} className="tp-link">
              {a.referenceNumber}
            </a>
          </p>
          <QueryView query={progress}>
            {(p) => (
              <>
                <section aria-labelledby="progress-activities" className="tp-section">
                  <GcdsHeading tag="h2" id="progress-activities">
                    {t('rep.progress.activities')}
                  </GcdsHeading>
                  <p data-testid="activity-summary">
                    {t('rep.progress.summary', {
                      planned: p.activities.planned,
                      completed: p.activities.completed,
                      inProgress: p.activities.inProgress,
                      delayed: p.activities.delayed,
                      cancelled: p.activities.cancelled,
                      notStarted: p.activities.notStarted,
                      percent: p.activities.completedOrUnderWayPercent,
                    })}
                  </p>
                  <DataTable
                    caption={t('rep.progress.milestonesCaption')}
                    rows={p.milestones}
                    rowKey={(m) => m.key}
                    columns={[
                      { header: t('rep.progress.milestone'), cell: (m) => m.title },
                      { header: t('rep.col.due'), cell: (m) => formatDate(m.dueDate) },
                      { header: t('rep.progress.milestoneStatus'), cell: (m) => (m.status ? t(`status.activity.${m.status}`) : t('rep.progress.noData')) },
                    ]}
                  />
                </section>
                <section aria-labelledby="progress-indicators" className="tp-section">
                  <GcdsHeading tag="h2" id="progress-indicators">
                    {t('rep.progress.indicators')}
                  </GcdsHeading>
                  <DataTable
                    caption={t('rep.progress.caption')}
                    testId="indicator-progress"
                    rows={p.indicators}
                    rowKey={(i) => i.id}
                    columns={[
                      { header: t('rep.progress.indicator'), cell: (i) => pick(i.nameEn, i.nameFr) },
                      { header: t('rep.progress.actual'), cell: (i) => i.actual ?? t('rep.progress.noData') },
                      { header: t('rep.progress.target'), cell: (i) => i.targetValue ?? '' },
                      { header: t('rep.progress.share'), cell: (i) => <ShareBar share={i.actual !== null && i.targetValue && Number(i.targetValue) > 0 ? Math.round((Number(i.actual) * 100) / Number(i.targetValue)) : null} /> },
                    ]}
                  />
                </section>
              </>
            )}
          </QueryView>
        </>
      )}
    </QueryView>
  );
}

/** How much of its target an indicator has reached: a bar and the percentage. */
function ShareBar({ share }: { share: number | null }) {
  if (share === null) return '';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }}>
      <svg width="120" height="14" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="120" height="14" fill="#e1e4e7" />
        <rect x="0" y="0" width={Math.min(120, (share * 120) / 100)} height="14" fill="#26374a" />
      </svg>
      {share}%
    </span>
  );
}
