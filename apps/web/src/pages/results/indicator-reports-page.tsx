/**
 * /results/rollup/indicator?programId&fiscalYear&indicatorId: the accepted progress reports
 * behind one figure of the rollup, each with its agreement, organisation, period and value.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
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
          {data.reports.length === 0 ? (
            <p>{t('results.drill.none')}</p>
          ) : (
            <div className="tp-table-wrap">
              <table className="tp-table" data-testid="drill-reports">
                <caption>{t('results.drill.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.col.agreement')}</th>
                    <th scope="col">{t('results.col.organisation')}</th>
                    <th scope="col">{t('results.col.period')}</th>
                    <th scope="col">{t('results.col.value')}</th>
                    <th scope="col">{t('results.col.acceptedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.reports.map((r) => (
                    <tr key={r.reportId} data-report={r.reportId}>
                      <th scope="row">
                        <Link className="tp-link" to="/agreements/$agreementId" params={{ agreementId: r.agreementId }}>
                          {r.referenceNumber}
                        </Link>
                      </th>
                      <td>{pick(r.organisationNameEn, r.organisationNameFr)}</td>
                      <td>
                        {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
                      </td>
                      <td data-value={r.value}>{figure(r.value, data.indicator.unit)}</td>
                      <td>{formatDate(r.acceptedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </QueryView>
  );
}
