/** Programs and budgets, the performance measurement framework, calls for proposals (issue 3). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { CallPage, NewCallPage } from '../pages/calls/call-page';
import { CallsPage } from '../pages/calls/calls-page';
import { PerformancePage } from '../pages/performance/performance-page';
import { ProgramPage } from '../pages/programs/program-page';
import { ProgramsListPage } from '../pages/programs/programs-list-page';
import { signedInRoute } from './base';

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

export const programRoutes = [programsRoute, programRoute, performanceRoute, callsRoute, newCallRoute, callRoute] as const;
