/** Programs and budgets, the performance measurement framework, calls for proposals (issue 3). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const CallPage = lazyPage(() => import('../pages/calls/call-page'), 'CallPage');
const NewCallPage = lazyPage(() => import('../pages/calls/call-page'), 'NewCallPage');
const CallsPage = lazyPage(() => import('../pages/calls/calls-page'), 'CallsPage');
const PerformancePage = lazyPage(() => import('../pages/performance/performance-page'), 'PerformancePage');
const ProgramPage = lazyPage(() => import('../pages/programs/program-page'), 'ProgramPage');
const DelegationPage = lazyPage(() => import('../pages/programs/delegation-page'), 'DelegationPage');
const ProgramsListPage = lazyPage(() => import('../pages/programs/programs-list-page'), 'ProgramsListPage');

export const callsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/calls', component: CallsPage });

export const newCallRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/calls/new', component: NewCallPage });

export const callRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/calls/$callId',
  component: function CallRoute() {
    const { callId } = callRoute.useParams();
    return <CallPage key={callId} callId={callId} />;
  },
});

export const programsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/programs', component: ProgramsListPage });

export const programRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/programs/$programId',
  component: function ProgramRoute() {
    const { programId } = programRoute.useParams();
    return <ProgramPage key={programId} programId={programId} />;
  },
});

export const performanceRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/performance', component: PerformancePage });

export const delegationRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/delegation', component: DelegationPage });

export const programRoutes = [programsRoute, delegationRoute, programRoute, performanceRoute, callsRoute, newCallRoute, callRoute] as const;
