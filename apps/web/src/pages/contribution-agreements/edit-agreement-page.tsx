/** Editing a draft agreement (/agreements/$id/edit) or proposing an amendment to a signed one (/agreements/$id/amend). */
import { GcdsButton, GcdsTextarea } from '@cdssnc/gcds-components-react';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { buildTerms, TermsForm, toDraft } from './terms-form';
import { useTermsOptions } from './use-terms-options';

export function EditAgreementPage({ agreementId, mode }: { agreementId: string; mode: 'edit' | 'amend' }) {
  const { t, lang } = useT();
  const agreement = useQuery(trpc.agreements.get.queryOptions({ agreementId }));
  const { value } = useTermsOptions(agreement.data?.program.id ?? null);
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [reason, setReason] = useState('');
  const update = useMutation(trpc.agreements.updateDraft.mutationOptions());
  const propose = useMutation(trpc.agreements.proposeAmendment.mutationOptions());
  return (
    <RoleGate role="program_officer">
      <QueryView query={agreement}>
        {(a) => (
          <>
            <PageHeading title={mode === 'edit' ? t('ca.form.editTitle', { reference: a.referenceNumber }) : t('ca.form.amendTitle', { reference: a.referenceNumber, version: a.currentVersion })} />
            {value ? (
              <TermsForm initial={toDraft(a.terms, lang)} options={value} problems={problems}>
                {(draft) => (
                  <>
                    {mode === 'amend' ? (
                      <GcdsTextarea textareaId="amend-reason" name="amend-reason" label={t('ca.form.reason')} required rows={3} value={reason} errorMessage={problems.fields.reason ? t(problems.fields.reason.key as MessageKey) : ''} onGcdsInput={(e) => setReason(String(e.detail ?? ''))} />
                    ) : null}
                    <GcdsButton
                      type="button"
                      disabled={update.isPending || propose.isPending}
                      onGcdsClick={async () => {
                        const built = buildTerms(draft);
                        if (!built.ok) return setProblems(built.problems);
                        try {
                          if (mode === 'edit') await update.mutateAsync({ agreementId, terms: built.terms });
                          else await propose.mutateAsync({ agreementId, basedOnVersion: a.currentVersion, reason, terms: built.terms });
                          await queryClient.invalidateQueries({ queryKey: trpc.agreements.get.queryKey({ agreementId }) });
                          await navigate({ to: '/agreements/$agreementId', params: { agreementId } });
                        } catch (error) {
                          setProblems(problemsFromError(error, () => true));
                        }
                      }}
                    >
                      {mode === 'edit' ? t('ca.form.saveDraft') : t('ca.form.proposeAmendment')}
                    </GcdsButton>
                  </>
                )}
              </TermsForm>
            ) : null}
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}
