import { adminRouter } from './users/router';
import { agreementsRouter } from './agreements/router';
import { claimsRouter } from './claims/router';
import { delegationRouter } from './delegation/router';
import { notificationsRouter, reportsRouter } from './progress-reports/router';
import { applicationsRouter, assessmentRouter } from './applications/router';
import { authRouter } from './auth/router';
import { callRouter } from './calls/router';
import { performanceRouter } from './performance/router';
import { programRouter } from './programs/router';
import { organisationRouter } from './organisations/router';
import { referenceRouter } from './programs/reference-router';
import { dashboardRouter, resultsRouter } from './results/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  reference: referenceRouter,
  organisation: organisationRouter,
  admin: adminRouter,
  performance: performanceRouter,
  calls: callRouter,
  program: programRouter,
  delegation: delegationRouter,
  applications: applicationsRouter,
  assessment: assessmentRouter,
  agreements: agreementsRouter,
  reports: reportsRouter,
  notifications: notificationsRouter,
  claims: claimsRouter,
  results: resultsRouter,
  dashboard: dashboardRouter,
});

/** The only thing the web client imports from the API: the router's type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
