/** Claims, payments and reconciliation (issue 7). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { ClaimPage, ClaimsPage, NewClaimPage } from '../pages/claims/claims-pages';
import { ReconciliationPage, AgreementJournalPage } from '../pages/claims/reconciliation-page';
import { signedInRoute } from './base';

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

const reconciliationRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/reconciliation', component: ReconciliationPage });

const journalRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/journal',
  component: function JournalRoute() {
    return <AgreementJournalPage agreementId={journalRoute.useParams().agreementId} />;
  },
});

export const claimRoutes = [claimsRoute, newClaimRoute, claimRoute, reconciliationRoute, journalRoute] as const;
