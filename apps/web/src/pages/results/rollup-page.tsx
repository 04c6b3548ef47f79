/**
 * /results/rollup?programId&fiscalYear (results analysts and the staff who read results): one
 * program's fiscal year against its performance measurement framework, outcome by outcome,
 * with baseline, target, actual, variance and status; the departmental results indicators it
 * feeds; what is missing; GBA Plus counts; the exports. Every figure links to its reports.
 */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { DataTable } from '../../components/data-table';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc, type trpcClient } from '../../lib/trpc';
import { ProgramYearPicker, RESULTS_READERS, unitLabel, useDefaultProgramYear, useFigure } from './shared';

export function RollupPage(props: { programId?: string; fiscalYear?: string }) {
  return (
    <AnyRoleGate roles={RESULTS_READERS}>
      <Rollup {...props} />
    </AnyRoleGate>
  );
}

function Rollup(props: { programId?: string; fiscalYear?: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const { programId, fiscalYear } = useDefaultProgramYear(props.programId, props.fiscalYear);
  const ready = Boolean(programId && fiscalYear);
  const rollup = useQuery({ ...trpc.results.rollup.queryOptions({ programId, fiscalYear }), enabled: ready });
  const gba = useQuery({ ...trpc.results.gba.queryOptions({ programId, fiscalYear }), enabled: ready });
  const query = `?programId=${programId}&fiscalYear=${fiscalYear}`;
  return (
    <>
      <PageHeading title={t('results.rollup.title')} intro={t('results.rollup.intro')} />
      <ProgramYearPicker idPrefix="rollup" programId={programId} fiscalYear={fiscalYear} onChange={(next) => void navigate({ to: '/results/rollup', search: next })} />
      {ready ? (
        <>
          <ul className="tp-list">
            <li><a className="tp-link" href={`/exports/results-indicators.xlsx${query}`} data-testid="export-indicators-xlsx">{t('results.export.xlsx')}</a></li>
            <li><a className="tp-link" href={`/exports/results-indicators.csv${query}`}>{t('results.export.csv')}</a></li>
            <li><a className="tp-link" href={`/exports/results-program.xlsx${query}`}>{t('results.export.tpp')}</a></li>
            <li><a className="tp-link" href={`/exports/results-gba.xlsx${query}`}>{t('results.export.gba')}</a></li>
          </ul>
          {rollup.data?.program.strategyId ? (
            <ul className="tp-list">
              <li><a className="tp-link" href={`/results/annual-report.pdf?strategyId=${rollup.data.program.strategyId}&fiscalYear=${fiscalYear}&lang=en`} data-testid="annual-report-en">{t('results.export.annualReportEn')}</a></li>
              <li><a className="tp-link" href={`/results/annual-report.pdf?strategyId=${rollup.data.program.strategyId}&fiscalYear=${fiscalYear}&lang=fr`}>{t('results.export.annualReportFr')}</a></li>
            </ul>
          ) : null}
          <QueryView query={rollup}>{(data) => <RollupBody data={data} />}</QueryView>
          <QueryView query={gba}>{(data) => <GbaSection data={data} />}</QueryView>
        </>
      ) : null}
    </>
  );
}

type RollupData = Awaited<ReturnType<typeof trpcClient.results.rollup.query>>;

function RollupBody({ data }: { data: RollupData }) {
  const { t, pick } = useT();
  const figure = useFigure();
  const c = data.completeness;
  return (
    <>
      <section aria-labelledby="framework-heading" className="tp-section">
        <SectionHeading id="framework-heading">
          {t('results.framework')}: {pick(data.program.nameEn, data.program.nameFr)}, {data.fiscalYear}
        </SectionHeading>
        {data.outcomes.map((o) => (
          <DataTable
            key={o.id}
            caption={
              <>
                {t(`perf.level.${o.level}` as MessageKey)}: {pick(o.nameEn, o.nameFr)}
              </>
            }
            testId={`outcome-${o.code}`}
            rows={o.indicators}
            rowKey={(ind) => ind.id}
            rowProps={(ind) => ({ 'data-indicator': ind.code })}
            columns={[
              {
                header: t('results.col.indicator'),
                rowHeader: true,
                cell: (ind) => (
                  <>
                    {pick(ind.nameEn, ind.nameFr)} <span className="tp-muted">({t(unitLabel(ind.unit))})</span>
                  </>
                ),
              },
              { header: t('results.col.baseline'), cell: (ind) => (ind.baselineValue === null ? '—' : `${figure(ind.baselineValue, ind.unit)}${ind.baselineYear ? ` (${ind.baselineYear})` : ''}`) },
              { header: t('results.col.target'), cell: (ind) => figure(ind.targetValue, ind.unit) },
              {
                header: t('results.col.actual'),
                cellProps: (ind) => ({ 'data-column': 'actual', 'data-value': ind.actual ?? '' }),
                cell: (ind) =>
                  ind.reports > 0 ? (
                    <Link className="tp-link" to="/results/rollup/indicator" search={{ programId: data.program.id, fiscalYear: data.fiscalYear, indicatorId: ind.id }}>
                      {figure(ind.actual, ind.unit)}
                      <span className="tp-visually-hidden"> — {t('results.drill.link', { indicator: pick(ind.nameEn, ind.nameFr) })}</span>
                    </Link>
                  ) : (
                    figure(ind.actual, ind.unit)
                  ),
              },
              { header: t('results.col.variance'), cell: (ind) => figure(ind.comparison.varianceToTarget, ind.unit) },
              { header: t('results.col.status'), cellProps: () => ({ 'data-column': 'status' }), cell: (ind) => t(`results.status.${ind.comparison.status}` as MessageKey) },
              { header: t('results.col.agreements'), cell: (ind) => `${ind.agreementsReporting} / ${ind.agreementsCarrying}` },
              { header: t('results.col.method'), cell: (ind) => t(`results.method.${ind.method}` as MessageKey) },
            ]}
          />
        ))}
      </section>

      <section aria-labelledby="departmental-heading" className="tp-section">
        <GcdsHeading tag="h2" id="departmental-heading">
          {t('results.departmental')}
        </GcdsHeading>
        {data.departmental.length === 0 ? (
          <p>{t('results.departmental.none')}</p>
        ) : (
          <div className="tp-table-wrap">
            <table className="tp-table">
              <caption>{t('results.departmental')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.col.departmentalResult')}</th>
                  <th scope="col">{t('results.col.departmentalIndicator')}</th>
                  <th scope="col">{t('results.col.indicator')}</th>
                  <th scope="col">{t('results.col.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {data.departmental.map((d) =>
                  d.indicators.map((ind, i) => (
                    <tr key={`${d.id}-${ind.id}`}>
                      {i === 0 ? <td rowSpan={d.indicators.length}>{pick(d.resultNameEn ?? '', d.resultNameFr ?? '')}</td> : null}
                      {i === 0 ? (
                        <th scope="row" rowSpan={d.indicators.length}>
                          {pick(d.nameEn, d.nameFr)}
                          {d.total !== null && d.indicators.length > 1 ? ` — ${t('results.departmental.total')}: ${figure(d.total, ind.unit)}` : ''}
                        </th>
                      ) : null}
                      <td>{pick(ind.nameEn, ind.nameFr)}</td>
                      <td>{figure(ind.actual, ind.unit)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="completeness-heading" className="tp-section">
        <GcdsHeading tag="h2" id="completeness-heading">
          {t('results.completeness')}
        </GcdsHeading>
        <p data-testid="completeness-summary">
          {t('results.completeness.summary', { accepted: c.reportsAccepted, due: c.reportsDue, complete: c.agreementsComplete, agreements: c.agreementsDue })}
        </p>
        <GcdsHeading tag="h3">{t('results.completeness.agreements')}</GcdsHeading>
        <DataTable
          caption={t('results.completeness.agreements')}
          rows={c.agreementsMissing}
          rowKey={(a) => a.agreementId}
          empty={t('results.completeness.allIn')}
          columns={[
            {
              header: t('results.col.agreement'),
              rowHeader: true,
              cell: (a) => (
                <Link className="tp-link" to="/agreements/$agreementId" params={{ agreementId: a.agreementId }}>
                  {a.referenceNumber}
                </Link>
              ),
            },
            { header: t('results.col.organisation'), cell: (a) => pick(a.organisationNameEn, a.organisationNameFr) },
            { header: t('results.col.due'), cell: (a) => a.due },
            { header: t('results.col.accepted'), cell: (a) => a.accepted },
            { header: t('results.col.inReview'), cell: (a) => a.inReview },
            { header: t('results.col.notFiled'), cell: (a) => a.notFiled },
            { header: t('results.col.daysLate'), cell: (a) => a.maxDaysLate ?? '' },
          ]}
        />
        <GcdsHeading tag="h3">{t('results.completeness.indicators')}</GcdsHeading>
        {c.indicatorsMissingData.length === 0 ? (
          <p>{t('results.completeness.indicatorsOk')}</p>
        ) : (
          <ul className="tp-list" data-testid="indicators-missing">
            {c.indicatorsMissingData.map((i) => (
              <li key={i.id}>
                {pick(i.nameEn, i.nameFr)}: {t('results.col.missing')} {i.missing.map((m) => t(`results.missing.${m}` as MessageKey)).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

type GbaData = Awaited<ReturnType<typeof trpcClient.results.gba.query>>;

function GbaSection({ data }: { data: GbaData }) {
  const { t, pick } = useT();
  return (
    <section aria-labelledby="gba-heading" className="tp-section">
      <GcdsHeading tag="h2" id="gba-heading">
        {t('results.gba')}
      </GcdsHeading>
      <p>{t('results.gba.intro')}</p>
      {data.suppressed ? <p>{t('results.gba.suppressed')}</p> : null}
      {data.indicators.length === 0 ? <p>{t('results.gba.none')}</p> : null}
      {data.indicators.map((ind) => (
        <div key={ind.id} className="tp-table-wrap">
          <table className="tp-table" data-testid={`gba-${ind.code}`}>
            <caption>{pick(ind.nameEn, ind.nameFr)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.col.dimension')}</th>
                <th scope="col">{t('results.col.share')}</th>
                <th scope="col">{t('results.col.category')}</th>
                <th scope="col">{t('results.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {ind.dimensions.map((d) =>
                (d.categories.length ? d.categories : [{ category: '', count: null }]).map((c, i) => (
                  <tr key={`${d.dimension}-${c.category}`}>
                    {i === 0 ? (
                      <th scope="row" rowSpan={Math.max(1, d.categories.length)}>
                        {t(`gba.dimension.${d.dimension}` as MessageKey)}
                      </th>
                    ) : null}
                    {i === 0 ? (
                      <td rowSpan={Math.max(1, d.categories.length)}>
                        {d.sharePercent === null ? '—' : t('results.gba.share', { share: d.sharePercent, giving: d.agreementsGiving, agreements: ind.agreementsReporting })}
                      </td>
                    ) : null}
                    <td>{c.category ? t(`gba.category.${c.category}` as MessageKey) : '—'}</td>
                    <td>{c.category ? (c.count === null ? '<5' : c.count) : ''}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
