import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { InfoNotice } from '../components/notices';
import { PageHeading } from '../components/page-heading';
import { QueryView } from '../components/query-view';
import { RoleGate } from '../components/role-gate';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { StrategyPillars } from './strategy-pillars';

export function ReviewerHomePage() {
  const { t, pick } = useT();
  const strategies = useQuery(trpc.reference.strategies.queryOptions());
  return (
    <RoleGate role="reviewer">
      <PageHeading title={t('reviewer.title')} />
      <InfoNotice title={t('reviewer.title')}>{t('reviewer.none')}</InfoNotice>
      <GcdsHeading tag="h2">{t('reviewer.pillarsTitle')}</GcdsHeading>
      <p>{t('reviewer.pillarsIntro')}</p>
      <QueryView query={strategies}>
        {(list) =>
          list.map((strategy) => (
            <section key={strategy.id}>
              <h3>{pick(strategy.nameEn, strategy.nameFr)}</h3>
              <StrategyPillars pillars={strategy.pillars} />
            </section>
          ))
        }
      </QueryView>
    </RoleGate>
  );
}
