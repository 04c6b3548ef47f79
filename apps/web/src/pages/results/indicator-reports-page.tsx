/**
 * /results/rollup/indicator?programId&fiscalYear&indicatorId: the accepted progress reports
 * behind one figure of the rollup, each with its agreement, organisation, period and value.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { RESULTS_READERS, useFigure } from './shared';

export function IndicatorReportsPage(props: { programId: string; fiscalYear: string; indicatorId: string }) {
  return (
    <AnyRoleGate roles={RESULTS_READERS}>
      <IndicatorReports {...props} />
    </AnyRoleGate>
  );
}

function IndicatorReports({ programId, fiscalYear, indicatorId }: { programId: string; fiscalYear: string; indicatorId: string }) {
  const { t, pick, formatDate } = useT();
  const figure = useFigure();
  const drill = useQuery(trpc.results.indicatorReports.queryOptions({ programId, fiscalYear, indicatorId }));
  const rollup = useQuery(trpc.results.rollup.queryOptions({ programId, fiscalYear }));
  const figureOf = rollup.data?.outcomes.flatMap((o) => o.indicators).find((i) => i.id === indicatorId);
  return (
    <QueryView query={drill}>
      {(data) => (
        <>
          <PageHeading title={t('results.drill', { indicator: pick(data.indicator.nameEn, data.indicator.nameFr) })} intro={`${rollup.data ? pick(rollup.data.program.nameEn, rollup.data.program.nameFr) : ''} — ${fiscalYear}`} />
          <p>
            <Link className="tp-link" to="/results/rollup" search={{ programId, fiscalYear }}>
              {t('results.back')}
            </Link>
          </p>
          {figureOf ? (
            <p data-testid="drill-figure" data-value={figureOf.actual ?? ''}>
              {t('results.drill.total')}: <strong>{figure(figureOf.actual, figureOf.unit)}</strong> ({t(`results.method.${figureOf.method}`)})
            </p>
          ) : null}
          <DataTable
            caption={t('results.drill.title')}
            testId="drill-reports"
            rows={data.reports}
            rowKey={(r) => r.reportId}
            rowProps={(r) => ({ 'data-report': r.reportId })}
            empty={t('results.drill.none')}
            columns={[
              {
                header: t('results.col.agreement'),
                rowHeader: true,
                cell: (r) => (
                  <Link className="tp-link" to="/agreements/$agreementId" params={{ agreementId: r.agreementId }}>
                    {r.referenceNumber}
                  </Link>
                ),
              },
              { header: t('results.col.organisation'), cell: (r) => pick(r.organisationNameEn, r.organisationNameFr) },
              { header: t('results.col.period'), cell: (r) => `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}` },
              { header: t('results.col.value'), cellProps: (r) => ({ 'data-value': r.value }), cell: (r) => figure(r.value, data.indicator.unit) },
              { header: t('results.col.acceptedOn'), cell: (r) => formatDate(r.acceptedAt) },
            ]}
          />
        </>
      )}
    </QueryView>
  );
}
