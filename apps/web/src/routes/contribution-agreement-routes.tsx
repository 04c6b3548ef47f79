/** Contribution agreements (issue 5). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const AgreementPage = lazyPage(() => import('../pages/contribution-agreements/agreement-page'), 'AgreementPage');
const EditAgreementPage = lazyPage(() => import('../pages/contribution-agreements/edit-agreement-page'), 'EditAgreementPage');
const MyAgreementsPage = lazyPage(() => import('../pages/contribution-agreements/my-agreements-page'), 'MyAgreementsPage');
const NewAgreementPage = lazyPage(() => import('../pages/contribution-agreements/new-agreement-page'), 'NewAgreementPage');
const PortfolioPage = lazyPage(() => import('../pages/contribution-agreements/portfolio-page'), 'PortfolioPage');
const VersionPage = lazyPage(() => import('../pages/contribution-agreements/version-page'), 'VersionPage');

const portfolioRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/agreements', component: PortfolioPage });
const myAgreementsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/my-agreements', component: MyAgreementsPage });

const newRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/new',
  validateSearch: (search: Record<string, unknown>): { applicationId: string } => ({ applicationId: typeof search.applicationId === 'string' ? search.applicationId : '' }),
  component: function NewRoute() {
    const { applicationId } = newRoute.useSearch();
    return <NewAgreementPage key={applicationId} applicationId={applicationId} />;
  },
});

const agreementRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId',
  component: function AgreementRoute() {
    const { agreementId } = agreementRoute.useParams();
    return <AgreementPage key={agreementId} agreementId={agreementId} />;
  },
});

const editRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/edit',
  component: function EditRoute() {
    const { agreementId } = editRoute.useParams();
    return <EditAgreementPage key={`edit-${agreementId}`} agreementId={agreementId} mode="edit" />;
  },
});

const amendRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/amend',
  component: function AmendRoute() {
    const { agreementId } = amendRoute.useParams();
    return <EditAgreementPage key={`amend-${agreementId}`} agreementId={agreementId} mode="amend" />;
  },
});

const versionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/versions/$version',
  component: function VersionRoute() {
    const { agreementId, version } = versionRoute.useParams();
    return <VersionPage key={`${agreementId}-${version}`} agreementId={agreementId} version={Number(version)} />;
  },
});

export const contributionAgreementRoutes = [portfolioRoute, myAgreementsRoute, newRoute, agreementRoute, editRoute, amendRoute, versionRoute] as const;
