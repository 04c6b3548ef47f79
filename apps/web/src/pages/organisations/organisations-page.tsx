import { ORGANISATION_VERIFIERS } from '@tp/domain';
/** /organisations (program officers and administrators): registered organisations, verification, possible duplicates. */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { problemsFromError, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { AnyRoleGate } from '../../components/role-gate';

export function OrganisationsPage() {
  return (
    <AnyRoleGate roles={ORGANISATION_VERIFIERS}>
      <Organisations />
    </AnyRoleGate>
  );
}

/** Read by screen readers, not shown: which organisation a row's button verifies. */
const SR_ONLY = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

interface Outcome {
  id: string;
  problem: Problem | null;
  message: string | null;
}

function Organisations() {
  const { t, pick, formatDate } = useT();
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const verify = useMutation(trpc.organisation.verify.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onVerify(id: string, name: string) {
    setOutcome(null);
    try {
      await verify.mutateAsync({ id });
    } catch (error) {
      setOutcome({ id, problem: problemsFromError(error).form, message: null });
      return;
    }
    setOutcome({ id, problem: null, message: t('assess.orgs.verifiedNow', { name }) });
    await queryClient.invalidateQueries({ queryKey: trpc.organisation.pathKey() });
  }

  return (
    <>
      <PageHeading title={t('assess.orgs.title')} intro={t('assess.orgs.intro')} />
      <QueryView query={organisations}>
        {(list) => {
          const nameOf = (id: string) => {
            const o = list.find((x) => x.id === id);
            return o ? pick(o.legalNameEn, o.legalNameFr) : id;
          };
          return (
            <DataTable
              caption={t('assess.orgs.caption')}
              testId="organisations"
              rows={list}
              rowKey={(o) => o.id}
              rowProps={(o) => ({ 'data-organisation': o.legalNameEn })}
              empty={t('assess.orgs.empty')}
              columns={[
                { header: t('assess.orgs.name'), rowHeader: true, cell: (o) => pick(o.legalNameEn, o.legalNameFr) },
                { header: t('assess.orgs.business'), cell: (o) => o.businessNumber ?? t('assess.notGiven') },
                { header: t('assess.orgs.type'), cell: (o) => t(`organisationType.${o.type}`) },
                { header: t('assess.orgs.province'), cell: (o) => t(`province.${o.provinceOrTerritory}`) },
                { header: t('assess.orgs.verification'), cell: (o) => (o.verifiedAt ? t('assess.orgs.verifiedOn', { date: formatDate(o.verifiedAt) }) : t('assess.orgs.notVerified')) },
                {
                  header: t('assess.orgs.duplicates'),
                  cell: (o) => (o.possibleDuplicateIds.length === 0 ? t('assess.none') : <strong>{t('assess.orgs.looksLike', { names: o.possibleDuplicateIds.map(nameOf).join('; ') })}</strong>),
                },
                {
                  header: t('assess.orgs.actions'),
                  cell: (o) =>
                    o.verifiedAt ? null : (
                      <GcdsButton type="button" buttonRole="secondary" size="small" disabled={verify.isPending} onGcdsClick={() => void onVerify(o.id, pick(o.legalNameEn, o.legalNameFr))}>
                        {t('assess.orgs.verify')}
                        <span style={SR_ONLY}> {pick(o.legalNameEn, o.legalNameFr)}</span>
                      </GcdsButton>
                    ),
                },
              ]}
              rowDetail={(o) =>
                outcome?.id === o.id ? (
                  <>
                    <ProblemNotice problem={outcome.problem} />
                    {outcome.message ? <SuccessNotice>{outcome.message}</SuccessNotice> : null}
                  </>
                ) : null
              }
            />
          );
        }}
      </QueryView>
    </>
  );
}
