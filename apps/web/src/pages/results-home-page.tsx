import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { PageHeading } from '../components/page-heading';
import { QueryView } from '../components/query-view';
import { RoleGate } from '../components/role-gate';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { ResultsDashboard } from './dashboards';
import { StrategyPillars } from './strategy-pillars';

export function ResultsHomePage() {
  const { t, pick } = useT();
  const strategies = useQuery(trpc.reference.strategies.queryOptions());
  return (
    <RoleGate role="results_analyst">
      <PageHeading title={t('results.title')} intro={t('results.intro')} />
      <ResultsDashboard />
      <QueryView query={strategies}>
        {(list) =>
          list.map((strategy) => (
            <section key={strategy.id} className="tp-card">
              <GcdsHeading tag="h2" characterLimit={false}>{pick(strategy.nameEn, strategy.nameFr)}</GcdsHeading>
              {strategy.firstFiscalYear ? <p>{t('results.since', { year: strategy.firstFiscalYear })}</p> : null}
              <h3>{t('results.pillars')}</h3>
              <StrategyPillars pillars={strategy.pillars} />
              <h3>{t('results.programs')}</h3>
              <ul className="tp-list">
                {strategy.programs.map((program) => (
                  <li key={program.code}>
                    {pick(program.nameEn, program.nameFr)} ({t(`transferPaymentType.${program.transferPaymentType}`)})
                  </li>
                ))}
              </ul>
            </section>
          ))
        }
      </QueryView>
    </RoleGate>
  );
}
