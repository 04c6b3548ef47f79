/** Drafting an agreement (/agreements/new): from an approved application, or directly for a program and an organisation. */
import { GcdsButton, GcdsSelect } from '@cdssnc/gcds-components-react';
import { AGREEMENT_DRAFTERS, type AgreementTerms } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import { buildTerms, EMPTY_DRAFT, TermsForm, toDraft, type TermsOptions } from './terms-form';
import { useTermsOptions } from './use-terms-options';

export function NewAgreementPage({ applicationId }: { applicationId: string }) {
  return <AnyRoleGate roles={AGREEMENT_DRAFTERS}>{applicationId ? <FromApplication applicationId={applicationId} /> : <Direct />}</AnyRoleGate>;
}

function FromApplication({ applicationId }: { applicationId: string }) {
  const { t, lang } = useT();
  const proposal = useQuery(trpc.agreements.proposeFromApplication.queryOptions({ applicationId }));
  const awaiting = useQuery(trpc.agreements.awaitingAgreement.queryOptions());
  const { value } = useTermsOptions(proposal.data?.programId ?? null);
  const app = awaiting.data?.find((a) => a.id === applicationId);
  return (
    <>
      <PageHeading title={t('ca.form.newTitle')} {...(app ? { intro: t('ca.form.fromApplication', { reference: app.referenceNumber ?? '', organisation: lang === 'fr' ? app.legalNameFr : app.legalNameEn }) } : {})} />
      <QueryView query={proposal}>
        {(p) => (value ? <CreateForm programId={p.programId} organisationId={p.organisationId} applicationId={p.applicationId} initial={toDraft(p.terms as AgreementTerms, lang)} options={value} /> : null)}
      </QueryView>
    </>
  );
}

function Direct() {
  const { t, pick, lang } = useT();
  const [programId, setProgramId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const { programs, value } = useTermsOptions(programId || null);
  return (
    <>
      <PageHeading title={t('ca.form.newTitle')} />
      <GcdsSelect key={`p-${lang}`} selectId="agreement-program" name="agreement-program" label={t('ca.form.program')} required value={programId} onGcdsChange={(e) => setProgramId(String(e.detail ?? ''))}>
        <option value="">{t('ca.form.choose')}</option>
        {(programs.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {pick(p.nameEn, p.nameFr)}
          </option>
        ))}
      </GcdsSelect>
      <GcdsSelect key={`o-${lang}`} selectId="agreement-organisation" name="agreement-organisation" label={t('ca.form.organisation')} required value={organisationId} onGcdsChange={(e) => setOrganisationId(String(e.detail ?? ''))}>
        <option value="">{t('ca.form.choose')}</option>
        {((organisations.data as { id: string; legalNameEn: string; legalNameFr: string }[] | undefined) ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {pick(o.legalNameEn, o.legalNameFr)}
          </option>
        ))}
      </GcdsSelect>
      {programId && organisationId && value ? <CreateForm key={programId} programId={programId} organisationId={organisationId} applicationId={null} initial={EMPTY_DRAFT} options={value} /> : null}
    </>
  );
}

function CreateForm({ programId, organisationId, applicationId, initial, options }: { programId: string; organisationId: string; applicationId: string | null; initial: typeof EMPTY_DRAFT; options: TermsOptions }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const create = useMutation(trpc.agreements.create.mutationOptions());
  return (
    <TermsForm initial={initial} options={options} problems={problems}>
      {(draft) => (
        <GcdsButton
          type="button"
          disabled={create.isPending}
          onGcdsClick={async () => {
            const built = buildTerms(draft);
            if (!built.ok) return setProblems(built.problems);
            try {
              const made = await create.mutateAsync({ programId, organisationId, applicationId, terms: built.terms });
              await navigate({ to: '/agreements/$agreementId', params: { agreementId: made.id } });
            } catch (error) {
              setProblems(problemsFromError(error, () => true));
            }
          }}
        >
          {t('ca.form.saveDraft')}
        </GcdsButton>
      )}
    </TermsForm>
  );
}
