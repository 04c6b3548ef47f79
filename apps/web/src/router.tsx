/**
 * The route tree (code-based). Public pages: sign-in and the password links. Every role's home
 * sits under a guard that sends signed-out visitors to /sign-in and comes back after.
 */
import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { AppShell } from './components/app-shell';
import { homePathOf, loadSession } from './lib/session';
import { AdminHomePage } from './pages/admin/admin-home-page';
import { FinanceHomePage } from './pages/finance-home-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { NewPasswordPage } from './pages/new-password-page';
import { ErrorPage, NotFoundPage } from './pages/not-found-page';
import { ManagerHomePage, OfficerHomePage } from './pages/programs-page';
import { RecipientHomePage } from './pages/recipient-home-page';
import { ResultsHomePage } from './pages/results-home-page';
import { ReviewerHomePage } from './pages/reviewer-home-page';
import { SignInPage } from './pages/sign-in-page';

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage, errorComponent: ErrorPage });

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

/** Signed-in pages: the guard. Which role may see which page is each page's RoleGate. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ location }) => {
    const session = await loadSession();
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
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
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
