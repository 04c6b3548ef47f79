/**
 * /intake/$applicationId (program officers and managers): the submitted application read-only,
 * screening (officer), reviewer assignment (manager), reviewers' scores, recommendation (officer),
 * decision (manager) and the decision letter once decided.
 */
import { APPLICATION_STAFF } from '@tp/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { ApplicationFacts, ApplicationSections } from './application-view';
import { AnyRoleGate } from '../../components/role-gate';
import { Screening } from './screening-panel';
import { Reviewers, Scores } from './reviewers-panel';
import { Recommendation } from './recommendation-panel';
import { Decision } from './decision-panel';

export function IntakeApplicationPage({ applicationId }: { applicationId: string }) {
  return (
    <AnyRoleGate roles={APPLICATION_STAFF}>
      <IntakeApplication applicationId={applicationId} />
    </AnyRoleGate>
  );
}


function IntakeApplication({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const application = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const callId = application.data?.call.id;
  const call = useQuery({ ...trpc.calls.get.queryOptions({ id: callId ?? '' }), enabled: Boolean(callId) });
  return (
    <>
      <QueryView query={application}>
        {(app) => (
          <>
            <PageHeading title={t('assess.application.title', { reference: app.referenceNumber ?? t('assess.noReference') })} intro={app.project.title} />
            <p>
              <Link to="/intake" className="tp-link">
                {t('assess.backToIntake')}
              </Link>
            </p>
            <ApplicationFacts app={app} />
            <Screening app={app} />
            <Reviewers app={app} />
            <Scores app={app} call={call.data} />
            <Recommendation app={app} />
            <Decision app={app} />
            <ApplicationSections app={app} call={call.data} />
          </>
        )}
      </QueryView>
    </>
  );
}

