/** Intake, screening, reviewer assignment, scoring, ranking and decisions; organisations for officers (issue 4, staff side). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const AssessmentPage = lazyPage(() => import('../pages/assessments/assessment-page'), 'AssessmentPage');
const AssessmentsPage = lazyPage(() => import('../pages/assessments/assessments-page'), 'AssessmentsPage');
const IntakeApplicationPage = lazyPage(() => import('../pages/intake/intake-application-page'), 'IntakeApplicationPage');
const IntakePage = lazyPage(() => import('../pages/intake/intake-page'), 'IntakePage');
const OrganisationsPage = lazyPage(() => import('../pages/organisations/organisations-page'), 'OrganisationsPage');

const intakeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/intake', component: IntakePage });

const intakeApplicationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/intake/$applicationId',
  component: function IntakeApplicationRoute() {
    return <IntakeApplicationPage applicationId={intakeApplicationRoute.useParams().applicationId} />;
  },
});

const assessmentsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/assessments', component: AssessmentsPage });

const assessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assessments/$applicationId',
  component: function AssessmentRoute() {
    return <AssessmentPage applicationId={assessmentRoute.useParams().applicationId} />;
  },
});

const organisationsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/organisations', component: OrganisationsPage });

export const assessmentRoutes = [intakeRoute, intakeApplicationRoute, assessmentsRoute, assessmentRoute, organisationsRoute] as const;
