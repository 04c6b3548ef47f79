/**
 * /performance: a strategy's logic model by level (ultimate, intermediate, immediate outcomes,
 * outputs by pillar) with what each result contributes to, and its indicators: ready or not, what
 * each lacks, baseline, target, unit, frequency, GBA Plus dimensions and departmental result.
 * Analysts, officers and administrators edit indicators.
 */
import { GcdsButton, GcdsHeading, GcdsSelect } from '@cdssnc/gcds-components-react';
import { FRAMEWORK_EDITORS, LOGIC_MODEL_LEVELS } from '@tp/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import '../calls/programs.css';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import { IndicatorForm, type Indicator } from './indicator-form';

const useFrameworkQuery = (strategyCode: string) => useQuery({ ...trpc.performance.framework.queryOptions({ strategyCode }), enabled: strategyCode !== '' });
type Framework = NonNullable<ReturnType<typeof useFrameworkQuery>['data']>;
type Result = Framework['results'][number];

export function PerformancePage() {
  const { t, lang, pick } = useT();
  const strategies = useQuery(trpc.reference.strategies.queryOptions());
  const [chosen, setChosen] = useState('');
  const strategyCode = chosen || strategies.data?.[0]?.code || '';
  const framework = useFrameworkQuery(strategyCode);
  return (
    <AnyRoleGate roles={FRAMEWORK_EDITORS}>
      <PageHeading title={t('perf.title')} intro={t('perf.intro')} />
      <QueryView query={strategies}>
        {(list) => (
          <GcdsSelect
            key={`strategy-${lang}`}
            selectId="perf-strategy"
            name="strategy"
            label={t('perf.strategy')}
            value={strategyCode}
            onGcdsChange={(event) => setChosen(event.detail)}
          >
            {list.map((s) => (
              <option key={s.code} value={s.code}>
                {pick(s.nameEn, s.nameFr)}
              </option>
            ))}
          </GcdsSelect>
        )}
      </QueryView>
      {strategyCode ? <QueryView query={framework}>{(data) => <LogicModel framework={data} />}</QueryView> : null}
    </AnyRoleGate>
  );
}

function LogicModel({ framework }: { framework: Framework }) {
  const { t, pick } = useT();
  const byId = new Map(framework.results.map((r) => [r.id, r]));
  const pillarName = (id: string | null) => {
    const p = framework.pillars.find((x) => x.id === id);
    return p ? pick(p.nameEn, p.nameFr) : t('perf.noPillar');
  };
  return (
    <>
      {LOGIC_MODEL_LEVELS.map((level) => {
        const results = framework.results.filter((r) => r.level === level);
        if (results.length === 0) return null;
        if (level !== 'output') {
          return (
            <section key={level} aria-labelledby={`level-${level}`} className="tp-section tp-level">
              <GcdsHeading tag="h2" id={`level-${level}`}>
                {t(`perf.level.${level}`)}
              </GcdsHeading>
              {results.map((r) => (
                <ResultCard key={r.id} result={r} byId={byId} headingTag="h3" />
              ))}
            </section>
          );
        }
        const pillarIds = [...new Set(results.map((r) => r.pillarId))];
        return (
          <section key={level} aria-labelledby={`level-${level}`} className="tp-section tp-level">
            <GcdsHeading tag="h2" id={`level-${level}`}>
              {t('perf.level.output')}
            </GcdsHeading>
            {pillarIds.map((pillarId) => (
              <div key={pillarId ?? 'none'}>
                <GcdsHeading tag="h3">{t('perf.pillar', { pillar: pillarName(pillarId) })}</GcdsHeading>
                {results
                  .filter((r) => r.pillarId === pillarId)
                  .map((r) => (
                    <ResultCard key={r.id} result={r} byId={byId} headingTag="h4" />
                  ))}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

function ResultCard({ result, byId, headingTag }: { result: Result; byId: Map<string, Result>; headingTag: 'h3' | 'h4' }) {
  const { t, pick } = useT();
  const Heading = headingTag;
  const canEdit = useHasAnyRole(FRAMEWORK_EDITORS);
  const [adding, setAdding] = useState(false);
  return (
    <article className="tp-card" id={`result-${result.code}`} data-result-code={result.code}>
      <Heading>{pick(result.nameEn, result.nameFr)}</Heading>
      {result.contributesTo.length > 0 ? (
        <>
          <p>{t('perf.contributesTo')}</p>
          <ul className="tp-list">
            {result.contributesTo.map((id) => {
              const to = byId.get(id);
              return to ? (
                <li key={id}>
                  <a href={`#result-${to.code}`} className="tp-link">
                    {pick(to.nameEn, to.nameFr)}
                  </a>
                </li>
              ) : null;
            })}
          </ul>
        </>
      ) : null}
      {result.indicators.length === 0 ? <p>{t('perf.noIndicators')}</p> : null}
      {result.indicators.map((indicator) => (
        <IndicatorView key={indicator.id} indicator={indicator} headingTag={headingTag === 'h3' ? 'h4' : 'h5'} />
      ))}
      {canEdit ? (
        adding ? (
          <IndicatorForm outcomeId={result.id} indicator={null} onDone={() => setAdding(false)} />
        ) : (
          <div className="tp-actions">
            <GcdsButton type="button" size="small" buttonRole="secondary" onGcdsClick={() => setAdding(true)}>
              {t('perf.addIndicator', { result: pick(result.nameEn, result.nameFr) })}
            </GcdsButton>
          </div>
        )
      ) : null}
    </article>
  );
}

/** A measured value ("28.0000" from the database) written for people: "28", "12,5". */
function useMeasure(): (value: string) => string {
  const { locale } = useT();
  return (value) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(Number(value));
}

function IndicatorView({ indicator, headingTag }: { indicator: Indicator; headingTag: 'h4' | 'h5' }) {
  const { t, pick, formatDate } = useT();
  const canEdit = useHasAnyRole(FRAMEWORK_EDITORS);
  const [editing, setEditing] = useState(false);
  const departmental = useQuery(trpc.performance.departmentalIndicators.queryOptions());
  const mapping = departmental.data?.find((d) => d.id === indicator.departmentalResultIndicatorId);
  const ready = indicator.missing.length === 0;
  const measure = useMeasure();
  const none = t('common.none');
  return (
    <div className="tp-section" data-indicator-code={indicator.code}>
      <GcdsHeading tag={headingTag} characterLimit={false}>
        {pick(indicator.nameEn, indicator.nameFr)}{' '}
        <span className={ready ? 'tp-ready' : 'tp-not-ready'}>{ready ? t('perf.ready') : t('perf.notReady')}</span>
      </GcdsHeading>
      {!ready ? (
        <>
          <p>{t('perf.lacks')}</p>
          <ul className="tp-list" data-testid="missing">
            {indicator.missing.map((m) => (
              <li key={m}>{t(`readiness.${m}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <dl className="tp-facts">
        <dt>{t('perf.definition')}</dt>
        <dd>{pick(indicator.definitionEn ?? '', indicator.definitionFr ?? '') || none}</dd>
        <dt>{t('perf.baseline')}</dt>
        <dd>{indicator.baselineValue !== null ? t('perf.valueInYear', { value: measure(indicator.baselineValue), year: indicator.baselineYear ?? '?' }) : none}</dd>
        <dt>{t('perf.target')}</dt>
        <dd>{indicator.targetValue !== null ? t('perf.valueByDate', { value: measure(indicator.targetValue), date: indicator.targetDate ? formatDate(indicator.targetDate) : '?' }) : none}</dd>
        <dt>{t('perf.unit')}</dt>
        <dd>{indicator.unit ? t(`perf.unit.${indicator.unit}`) : none}</dd>
        <dt>{t('perf.direction')}</dt>
        <dd>{t(`perf.direction.${indicator.direction}`)}</dd>
        <dt>{t('perf.frequency')}</dt>
        <dd>{indicator.frequency ? t(`perf.frequency.${indicator.frequency}`) : none}</dd>
        <dt>{t('perf.gba')}</dt>
        <dd>{indicator.gbaDimensions.length ? indicator.gbaDimensions.map((g) => t(`perf.gba.${g}`)).join(', ') : none}</dd>
        <dt>{t('perf.departmental')}</dt>
        <dd>
          {mapping
            ? `${pick(mapping.coreResponsibilityNameEn, mapping.coreResponsibilityNameFr)} › ${pick(mapping.resultNameEn, mapping.resultNameFr)} › ${pick(mapping.nameEn, mapping.nameFr)}`
            : none}
        </dd>
      </dl>
      {canEdit ? (
        editing ? (
          <IndicatorForm outcomeId={indicator.resultId} indicator={indicator} onDone={() => setEditing(false)} />
        ) : (
          <div className="tp-actions">
            <GcdsButton type="button" size="small" buttonRole="secondary" onGcdsClick={() => setEditing(true)}>
              {t('perf.edit', { name: pick(indicator.nameEn, indicator.nameFr) })}
            </GcdsButton>
          </div>
        )
      ) : null}
    </div>
  );
}
