/**
 * The results and dashboard procedures: the rollup to the frameworks, the reports behind a figure,
 * spending, who was funded and GBA Plus counts, and each role's home dashboard. They name who may
 * call each one (the access sets of packages/domain) and hand the work to this folder's queries.
 */
import { FINANCE_DASHBOARD_READERS, OFFICER_DASHBOARD_READERS, RESULTS_READERS } from '@tp/domain';
import { fiscalYearLabelSchema, fiscalYearOfInstant, indicatorDrillInput, isoDateIn, programYearInput, spendingInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { fundedProfile, gbaProfile } from './profiles';
import { indicatorReports, programRollup, recipientIndicators } from './rollup';
import { seesSmallCounts } from './framework';
import { spending } from './spending';
import { financeDashboard, officerDashboard, recipientPayments } from './dashboard';
import { recipientProcedure, roleProcedure, router } from '../trpc';

const today = () => isoDateIn(new Date(), 'America/Toronto');
/** Departmental staff who read results; recipients only ever see their own agreements' figures. */
const readers = roleProcedure(...RESULTS_READERS);

export const resultsRouter = router({
  /** One program's fiscal year against its performance measurement framework and the departmental one. */
  rollup: readers.input(programYearInput).query(({ ctx, input }) => programRollup(ctx.db, input, today())),
  /** The accepted reports behind one indicator's figure. */
  indicatorReports: readers.input(indicatorDrillInput).query(({ ctx, input }) => indicatorReports(ctx.db, input)),
  spending: readers.input(spendingInput).query(({ ctx, input }) => spending(ctx.db, input)),
  funded: readers
    .input(z.object({ fiscalYear: fiscalYearLabelSchema, programId: uuidSchema.optional() }))
    .query(({ ctx, input }) => fundedProfile(ctx.db, input)),
  gba: readers.input(programYearInput).query(({ ctx, input }) => gbaProfile(ctx.db, input, { suppress: !seesSmallCounts(ctx.user) })),
  mine: recipientProcedure.query(({ ctx }) => recipientIndicators(ctx.db, ctx.user)),
});

/** Home dashboards: each role's first things to act on. */
export const dashboardRouter = router({
  officer: roleProcedure(...OFFICER_DASHBOARD_READERS).query(({ ctx }) => officerDashboard(ctx.db, today())),
  finance: roleProcedure(...FINANCE_DASHBOARD_READERS).query(({ ctx }) => financeDashboard(ctx.db, fiscalYearOfInstant(new Date()).label)),
  payments: recipientProcedure.query(({ ctx }) => recipientPayments(ctx.db, ctx.user)),
});
