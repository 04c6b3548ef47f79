/**
 * /calls/$callId/apply: opens the organisation's application to the call (the existing one when
 * there is one) and goes to it. Opening it twice (two tabs, a reload) finds the same draft.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { ProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';

export function ApplyPage({ callId }: { callId: string }) {
  const { t } = useT();
  const organisations = useQuery(trpc.organisation.mine.queryOptions());
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('applyStart.title')} />
      <QueryView query={organisations}>
        {(orgs) =>
          orgs[0] ? (
            <OpenDraft callId={callId} organisationId={orgs[0].id} />
          ) : (
            <p>
              {t('applyStart.noOrganisation')}{' '}
              <Link to="/organisation" className="tp-link">
                {t('organisation.title')}
              </Link>
            </p>
          )
        }
      </QueryView>
    </RoleGate>
  );
}

function OpenDraft({ callId, organisationId }: { callId: string; organisationId: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const create = useMutation(trpc.applications.create.mutationOptions());
  const started = useRef(false);
  const { mutateAsync } = create;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void mutateAsync({ callId, organisationId })
      .then(async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.applications.mine.queryKey() });
        await navigate({ to: '/applications/$applicationId', params: { applicationId: id }, replace: true });
      })
      .catch(() => undefined);
  }, [callId, organisationId, mutateAsync, navigate]);
  if (create.isError) {
    return (
      <>
        <ProblemNotice problem={problemsFromError(create.error).form} />
        <Link to="/calls" className="tp-link">
          {t('applications.seeCalls')}
        </Link>
      </>
    );
  }
  return <p role="status">{t('applyStart.opening')}</p>;
}
