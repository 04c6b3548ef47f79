/** Programs and funding streams by strategy: the program officer's and the program manager's home. */
import { useQuery } from '@tanstack/react-query';
import { PageHeading, SectionHeading } from '../components/page-heading';
import { QueryView } from '../components/query-view';
import { RoleGate } from '../components/role-gate';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { OfficerDashboard, ResultsDashboard } from './dashboards';
import { SignatureQueue } from './contribution-agreements/signature-queue';

export function OfficerHomePage() {
  const { t } = useT();
  return (
    <RoleGate role="program_officer">
      <PageHeading title={t('programs.officerTitle')} intro={t('programs.officerIntro')} />
      <SignatureQueue />
      <OfficerDashboard />
      <ProgramsByStrategy />
    </RoleGate>
  );
}

export function ManagerHomePage() {
  const { t } = useT();
  return (
    <RoleGate role="program_manager">
      <PageHeading title={t('programs.managerTitle')} intro={t('programs.managerIntro')} />
      <SignatureQueue />
      <OfficerDashboard />
      <ResultsDashboard />
      <ProgramsByStrategy />
    </RoleGate>
  );
}

function ProgramsByStrategy() {
  const { t, pick } = useT();
  const strategies = useQuery(trpc.reference.strategies.queryOptions());
  return (
    <QueryView query={strategies}>
      {(list) =>
        list.map((strategy) => (
          <section key={strategy.id} aria-labelledby={`strategy-${strategy.id}`}>
            <SectionHeading id={`strategy-${strategy.id}`}>
              {pick(strategy.nameEn, strategy.nameFr)}
            </SectionHeading>
            {strategy.programs.map((program) => (
              <article key={program.code} className="tp-card">
                <h3>{pick(program.nameEn, program.nameFr)}</h3>
                <p>{pick(program.descriptionEn, program.descriptionFr)}</p>
                <dl className="tp-facts">
                  <dt>{t('programs.type')}</dt>
                  <dd>{t(`transferPaymentType.${program.transferPaymentType}`)}</dd>
                  <dt>{t('programs.streams')}</dt>
                  <dd>
                    {program.streams.length === 0 ? (
                      t('programs.noStreams')
                    ) : (
                      <ul className="tp-list">
                        {program.streams.map((stream) => (
                          <li key={stream.code}>{pick(stream.nameEn, stream.nameFr)}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
              </article>
            ))}
          </section>
        ))
      }
    </QueryView>
  );
}
