import { ORGANISATION_VERIFIERS } from '@tp/domain';
/** /organisations (program officers and administrators): registered organisations, verification, possible duplicates. */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
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
          return list.length === 0 ? (
            <p>{t('assess.orgs.empty')}</p>
          ) : (
            <div className="tp-table-wrap">
              <table className="tp-table" data-testid="organisations">
                <caption>{t('assess.orgs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assess.orgs.name')}</th>
                    <th scope="col">{t('assess.orgs.business')}</th>
                    <th scope="col">{t('assess.orgs.type')}</th>
                    <th scope="col">{t('assess.orgs.province')}</th>
                    <th scope="col">{t('assess.orgs.verification')}</th>
                    <th scope="col">{t('assess.orgs.duplicates')}</th>
                    <th scope="col">{t('assess.orgs.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((o) => {
                    const name = pick(o.legalNameEn, o.legalNameFr);
                    return (
                      <Fragment key={o.id}>
                        <tr data-organisation={o.legalNameEn}>
                          <th scope="row">{name}</th>
                          <td>{o.businessNumber ?? t('assess.notGiven')}</td>
                          <td>{t(`organisationType.${o.type}`)}</td>
                          <td>{t(`province.${o.provinceOrTerritory}`)}</td>
                          <td>{o.verifiedAt ? t('assess.orgs.verifiedOn', { date: formatDate(o.verifiedAt) }) : t('assess.orgs.notVerified')}</td>
                          <td>{o.possibleDuplicateIds.length === 0 ? t('assess.none') : <strong>{t('assess.orgs.looksLike', { names: o.possibleDuplicateIds.map(nameOf).join('; ') })}</strong>}</td>
                          <td>
                            {o.verifiedAt ? null : (
                              <GcdsButton type="button" buttonRole="secondary" size="small" disabled={verify.isPending} onGcdsClick={() => void onVerify(o.id, name)}>
                                {t('assess.orgs.verify')}
                                <span style={SR_ONLY}> {name}</span>
                              </GcdsButton>
                            )}
                          </td>
                        </tr>
                        {outcome?.id === o.id ? (
                          <tr>
                            <td colSpan={7}>
                              <ProblemNotice problem={outcome.problem} />
                              {outcome.message ? <SuccessNotice>{outcome.message}</SuccessNotice> : null}
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryView>
    </>
  );
}
