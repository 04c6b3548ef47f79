import { PROGRAM_STAFF } from '@tp/domain';
/** /programs: every program by strategy, with its type, stacking limit and budget by fiscal year. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { AnyRoleGate } from '../../components/role-gate';
import '../calls/programs.css';


/** 7500 basis points as "75 %" (or "75,5 %"), in the user's language. */
export function usePercentOfBp(): (bp: number) => string {
  const { locale } = useT();
  return (bp) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

export function ProgramsListPage() {
  const { t, pick, formatMoney } = useT();
  const programs = useQuery(trpc.program.list.queryOptions());
  const percent = usePercentOfBp();
  return (
    <AnyRoleGate roles={PROGRAM_STAFF}>
      <PageHeading title={t('prog.title')} intro={t('prog.intro')} />
      <QueryView query={programs}>
        {(list) => {
          const strategies = [...new Map(list.map((p) => [p.strategyId, p])).values()];
          return strategies.map((s) => (
            <section key={s.strategyId} aria-labelledby={`strategy-${s.strategyCode}`} className="tp-section">
              <SectionHeading id={`strategy-${s.strategyCode}`}>
                {pick(s.strategyNameEn, s.strategyNameFr)}
              </SectionHeading>
              {list
                .filter((p) => p.strategyId === s.strategyId)
                .map((program) => (
                  <article key={program.id} className="tp-card" data-program-code={program.code}>
                    <h3>
                      <Link to="/programs/$programId" params={{ programId: program.id }} className="tp-link">
                        {pick(program.nameEn, program.nameFr)}
                      </Link>
                    </h3>
                    <dl className="tp-facts">
                      <dt>{t('programs.type')}</dt>
                      <dd>{t(`transferPaymentType.${program.transferPaymentType}`)}</dd>
                      <dt>{t('prog.stackingLimit')}</dt>
                      <dd>{percent(program.stackingLimitBp)}</dd>
                      <dt>{t('prog.pillars')}</dt>
                      <dd>{program.pillars.map((p) => pick(p.nameEn, p.nameFr)).join('; ') || t('common.none')}</dd>
                      <dt>{t('prog.budgetByYear')}</dt>
                      <dd>
                        {program.budgetByFiscalYear.length === 0 ? (
                          t('prog.noBudget')
                        ) : (
                          <ul className="tp-plain-list">
                            {program.budgetByFiscalYear.map((b) => (
                              <li key={b.fiscalYear}>
                                {t('prog.yearAmount', { year: b.fiscalYear, amount: formatMoney(b.amountCents) })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </dl>
                  </article>
                ))}
            </section>
          ));
        }}
      </QueryView>
    </AnyRoleGate>
  );
}
