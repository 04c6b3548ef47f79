/** /assessments (reviewers): the applications assigned to me and where my review of each stands. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

export function AssessmentsPage() {
  return (
    <RoleGate role="reviewer">
      <Assessments />
    </RoleGate>
  );
}

function Assessments() {
  const { t, pick } = useT();
  const assignments = useQuery(trpc.assessment.myAssignments.queryOptions());
  return (
    <>
      <PageHeading title={t('assess.mine.title')} intro={t('assess.mine.intro')} />
      <QueryView query={assignments}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('assess.mine.empty')}</p>
          ) : (
            <div className="tp-table-wrap">
              <table className="tp-table" data-testid="my-assignments">
                <caption>{t('assess.mine.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assess.col.reference')}</th>
                    <th scope="col">{t('assess.col.organisation')}</th>
                    <th scope="col">{t('assess.col.title')}</th>
                    <th scope="col">{t('assess.col.call')}</th>
                    <th scope="col">{t('assess.mine.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id} data-application-id={a.applicationId}>
                      <th scope="row">
                        <Link to="/assessments/$applicationId" params={{ applicationId: a.applicationId }} className="tp-link">
                          {a.referenceNumber ?? t('assess.noReference')}
                        </Link>
                      </th>
                      <td>{pick(a.organisationNameEn, a.organisationNameFr)}</td>
                      <td>{a.title}</td>
                      <td>{pick(a.callTitleEn, a.callTitleFr)}</td>
                      <td>
                        {a.conflict === null
                          ? t('assess.state.declare')
                          : a.conflict === 'conflict'
                            ? t('assess.state.conflict')
                            : a.submittedAt
                              ? t('assess.state.submitted')
                              : t('assess.state.scoring')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
