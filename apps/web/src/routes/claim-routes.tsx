/** Claims, payments and reconciliation (issue 7). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';
import { reconciliationFilters } from '../pages/claims/reconciliation-filters';

const ClaimPage = lazyPage(() => import('../pages/claims/claim-page'), 'ClaimPage');
const ClaimsPage = lazyPage(() => import('../pages/claims/claims-page'), 'ClaimsPage');
const NewClaimPage = lazyPage(() => import('../pages/claims/new-claim-page'), 'NewClaimPage');
const ReconciliationPage = lazyPage(() => import('../pages/claims/reconciliation-page'), 'ReconciliationPage');
const AgreementJournalPage = lazyPage(() => import('../pages/claims/reconciliation-page'), 'AgreementJournalPage');

const claimsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/claims', component: ClaimsPage });

const newClaimRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/claims/new',
  validateSearch: (search: Record<string, unknown>): { agreementId: string } => ({ agreementId: typeof search.agreementId === 'string' ? search.agreementId : '' }),
  component: function NewClaimRoute() {
    const { agreementId } = newClaimRoute.useSearch();
    return <NewClaimPage key={agreementId} agreementId={agreementId} />;
  },
});

const claimRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/claims/$claimId',
  component: function ClaimRoute() {
    const { claimId } = claimRoute.useParams();
    return <ClaimPage key={claimId} claimId={claimId} />;
  },
});

const reconciliationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reconciliation',
  validateSearch: reconciliationFilters,
  component: function ReconciliationRoute() {
    return <ReconciliationPage filters={reconciliationRoute.useSearch()} />;
  },
});

const journalRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/journal',
  component: function JournalRoute() {
    return <AgreementJournalPage agreementId={journalRoute.useParams().agreementId} />;
  },
});

export const claimRoutes = [claimsRoute, newClaimRoute, claimRoute, reconciliationRoute, journalRoute] as const;
