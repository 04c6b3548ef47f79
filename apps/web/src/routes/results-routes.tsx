/** Results: the rollup, its drill-down and spending (issue 8). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const IndicatorReportsPage = lazyPage(() => import('../pages/results/indicator-reports-page'), 'IndicatorReportsPage');
const RollupPage = lazyPage(() => import('../pages/results/rollup-page'), 'RollupPage');
const SpendingPage = lazyPage(() => import('../pages/results/spending-page'), 'SpendingPage');

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

const rollupRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/results/rollup',
  validateSearch: (search: Record<string, unknown>): { programId?: string; fiscalYear?: string } => ({ programId: text(search.programId), fiscalYear: text(search.fiscalYear) }),
  component: function RollupRoute() {
    const { programId, fiscalYear } = rollupRoute.useSearch();
    return <RollupPage programId={programId} fiscalYear={fiscalYear} />;
  },
});

const indicatorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/results/rollup/indicator',
  validateSearch: (search: Record<string, unknown>): { programId: string; fiscalYear: string; indicatorId: string } => ({
    programId: text(search.programId) ?? '',
    fiscalYear: text(search.fiscalYear) ?? '',
    indicatorId: text(search.indicatorId) ?? '',
  }),
  component: function IndicatorRoute() {
    const search = indicatorRoute.useSearch();
    return <IndicatorReportsPage key={`${search.programId}-${search.fiscalYear}-${search.indicatorId}`} {...search} />;
  },
});

const spendingRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/results/spending', component: SpendingPage });

export const resultsRoutes = [rollupRoute, indicatorRoute, spendingRoute] as const;
