/**
 * The two routes every other route hangs from: the root (the GC page shell) and the signed-in
 * guard, which sends signed-out visitors to /sign-in and brings them back afterwards. Which role
 * may see a page is each page's RoleGate. Route modules (program-routes, application-routes,
 * assessment-routes) attach their pages here; router.tsx assembles the tree.
 */
import { createRootRoute, createRoute, redirect } from '@tanstack/react-router';
import { AppShell } from '../components/app-shell';
import { loadSession } from '../lib/session';
import { ErrorPage, NotFoundPage } from '../pages/not-found-page';

export const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage, errorComponent: ErrorPage });

/** Signed-in pages: the guard. Which role may see which page is each page's RoleGate. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ location }) => {
    const session = await loadSession();
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
});

