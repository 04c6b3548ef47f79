/** /assessments (reviewers): the applications assigned to me and where my review of each stands. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
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
        {(list) => (
          <DataTable
            caption={t('assess.mine.caption')}
            testId="my-assignments"
            rows={list}
            rowKey={(a) => a.id}
            rowProps={(a) => ({ 'data-application-id': a.applicationId })}
            empty={t('assess.mine.empty')}
            columns={[
              {
                header: t('assess.col.reference'),
                rowHeader: true,
                cell: (a) => (
                  <Link to="/assessments/$applicationId" params={{ applicationId: a.applicationId }} className="tp-link">
                    {a.referenceNumber ?? t('assess.noReference')}
                  </Link>
                ),
              },
              { header: t('assess.col.organisation'), cell: (a) => pick(a.organisationNameEn, a.organisationNameFr) },
              { header: t('assess.col.title'), cell: (a) => a.title },
              { header: t('assess.col.call'), cell: (a) => pick(a.callTitleEn, a.callTitleFr) },
              {
                header: t('assess.mine.state'),
                cell: (a) =>
                  a.conflict === null
                    ? t('assess.state.declare')
                    : a.conflict === 'conflict'
                      ? t('assess.state.conflict')
                      : a.submittedAt
                        ? t('assess.state.submitted')
                        : t('assess.state.scoring'),
              },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
