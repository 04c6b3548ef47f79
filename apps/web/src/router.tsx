/**
 * The route tree (code-based). Public pages: sign-in and the password links. Every role's home
 * sits under a guard that sends signed-out visitors to /sign-in and comes back after.
 */
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { homePathOf, loadSession } from './lib/session';
import { applicationRoutes, publicApplicationRoutes } from './routes/application-routes';
import { assessmentRoutes } from './routes/assessment-routes';
import { rootRoute, signedInRoute } from './routes/base';
import { programRoutes } from './routes/program-routes';
import { reportRoutes } from './routes/report-routes';
import { claimRoutes } from './routes/claim-routes';
import { resultsRoutes } from './routes/results-routes';
import { contributionAgreementRoutes } from './routes/contribution-agreement-routes';
import { lazyPage } from './routes/lazy-page';

const AdminHomePage = lazyPage(() => import('./pages/admin/admin-home-page'), 'AdminHomePage');
const FinanceHomePage = lazyPage(() => import('./pages/finance-home-page'), 'FinanceHomePage');
const ManagerHomePage = lazyPage(() => import('./pages/programs-page'), 'ManagerHomePage');
const OfficerHomePage = lazyPage(() => import('./pages/programs-page'), 'OfficerHomePage');
const RecipientHomePage = lazyPage(() => import('./pages/recipient-home-page'), 'RecipientHomePage');
const ResultsHomePage = lazyPage(() => import('./pages/results-home-page'), 'ResultsHomePage');
const ReviewerHomePage = lazyPage(() => import('./pages/reviewer-home-page'), 'ReviewerHomePage');
const NewPasswordPage = lazyPage(() => import('./pages/new-password-page'), 'NewPasswordPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/forgot-password-page'), 'ForgotPasswordPage');
const SignInPage = lazyPage(() => import('./pages/sign-in-page'), 'SignInPage');

const tokenSearch = (search: Record<string, unknown>) => ({ token: typeof search.token === 'string' ? search.token : '' });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async () => {
    const session = await loadSession();
    throw redirect({ to: session ? homePathOf(session.roles) : '/sign-in' });
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: function SignInRoute() {
    const { redirect: returnTo } = signInRoute.useSearch();
    return <SignInPage returnTo={returnTo} />;
  },
});

const forgotPasswordRoute = createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage });

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: function ResetPasswordRoute() {
    return <NewPasswordPage purpose="reset" token={resetPasswordRoute.useSearch().token} />;
  },
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invitation',
  validateSearch: tokenSearch,
  component: function AcceptInvitationRoute() {
    return <NewPasswordPage purpose="invitation" token={acceptInvitationRoute.useSearch().token} />;
  },
});

const page = (path: string, component: () => React.ReactNode) => createRoute({ getParentRoute: () => signedInRoute, path, component });

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  signedInRoute.addChildren([
    page('/recipient', RecipientHomePage),
    page('/officer', OfficerHomePage),
    page('/manager', ManagerHomePage),
    page('/reviewer', ReviewerHomePage),
    page('/finance', FinanceHomePage),
    page('/results', ResultsHomePage),
    page('/admin', AdminHomePage),
    ...programRoutes,
    ...applicationRoutes,
    ...assessmentRoutes,
    ...reportRoutes,
    ...claimRoutes,
    ...resultsRoutes,
    ...contributionAgreementRoutes,
  ]),
  ...publicApplicationRoutes,
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
