/**
 * Reference data every signed-in user reads: the national strategies with their pillars, programs
 * and funding streams, and the fiscal years with the current one.
 */
import { fiscalYearOfInstant } from '@tp/domain';
import { authedProcedure, router } from '../trpc';

export const referenceRouter = router({
  /** Both national strategies with their pillars, programs and funding streams. */
  strategies: authedProcedure.query(async ({ ctx }) => {
    const [strategies, pillars, programs, streams] = await Promise.all([
      ctx.db.selectFrom('strategy').select(['id', 'code', 'nameEn', 'nameFr', 'firstFiscalYear']).orderBy('code').execute(),
      ctx.db.selectFrom('pillar').select(['id', 'strategyId', 'code', 'position', 'nameEn', 'nameFr']).orderBy('position').execute(),
      ctx.db
        .selectFrom('program')
        .select(['id', 'code', 'strategyId', 'nameEn', 'nameFr', 'descriptionEn', 'descriptionFr', 'transferPaymentType'])
        .orderBy('code')
        .execute(),
      ctx.db.selectFrom('fundingStream').select(['id', 'programId', 'code', 'nameEn', 'nameFr']).orderBy('code').execute(),
    ]);
    return strategies.map((s) => ({
      ...s,
      pillars: pillars.filter((p) => p.strategyId === s.id),
      programs: programs
        .filter((p) => p.strategyId === s.id)
        .map((p) => ({ ...p, streams: streams.filter((st) => st.programId === p.id) })),
    }));
  }),

  /** Fiscal years (April 1 to March 31) and which one is current. */
  fiscalYears: authedProcedure.query(async ({ ctx }) => {
    const years = await ctx.db.selectFrom('fiscalYear').selectAll().orderBy('startDate').execute();
    return { current: fiscalYearOfInstant(new Date()).label, years };
  }),
});
