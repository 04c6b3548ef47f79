/** Registration, the organisation profile, applying to a call and my applications (issue 4, recipient side). */
import { createRoute } from '@tanstack/react-router';
import { rootRoute, signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const ApplicationPage = lazyPage(() => import('../pages/applications/application-page'), 'ApplicationPage');
const ApplyPage = lazyPage(() => import('../pages/applications/apply-page'), 'ApplyPage');
const MyApplicationsPage = lazyPage(() => import('../pages/applications/my-applications-page'), 'MyApplicationsPage');
const OrganisationPage = lazyPage(() => import('../pages/organisation/organisation-page'), 'OrganisationPage');
const RegisterPage = lazyPage(() => import('../pages/organisation/register-page'), 'RegisterPage');

const organisationRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/organisation', component: OrganisationPage });

const myApplicationsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/applications', component: MyApplicationsPage });

const applicationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/applications/$applicationId',
  component: function ApplicationRoute() {
    const { applicationId } = applicationRoute.useParams();
    // A new key per application: the form's drafts start from that application's data.
    return <ApplicationPage key={applicationId} applicationId={applicationId} />;
  },
});

const applyRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/calls/$callId/apply',
  component: function ApplyRoute() {
    const { callId } = applyRoute.useParams();
    return <ApplyPage key={callId} callId={callId} />;
  },
});

/** Pages for signed-in users (attach under signedInRoute from ./base). */
export const applicationRoutes = [organisationRoute, myApplicationsRoute, applicationRoute, applyRoute] as const;

const registerRoute = createRoute({ getParentRoute: () => rootRoute, path: '/register', component: RegisterPage });

/** Public pages such as /register (attach under rootRoute from ./base). */
export const publicApplicationRoutes = [registerRoute] as const;
