/** Intake, screening, reviewer assignment, scoring, ranking and decisions; organisations for officers (issue 4, staff side). Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { AssessmentPage } from '../pages/assessments/assessment-page';
import { AssessmentsPage } from '../pages/assessments/assessments-page';
import { IntakeApplicationPage } from '../pages/intake/intake-application-page';
import { IntakePage } from '../pages/intake/intake-page';
import { OrganisationsPage } from '../pages/organisations/organisations-page';
import { signedInRoute } from './base';

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
