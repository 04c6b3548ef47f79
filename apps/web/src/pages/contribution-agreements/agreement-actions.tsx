/** What the reader may do with an agreement, as the server says (allowedActions): send, recall, sign, amend, decide an amendment, end. */
import { GcdsButton, GcdsCheckboxes, GcdsInput, GcdsTextarea } from '@cdssnc/gcds-components-react';
import type { AgreementAction } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ProblemNotice } from '../../components/notices';
import { SectionHeading } from '../../components/page-heading';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import type { Agreement } from './use-agreement';
import { ConfirmAct } from '../../components/confirm-act';

export function AgreementActions({ agreement: a, onDone }: { agreement: Agreement; onDone(message: string): Promise<void> }) {
  const { t, pick, formatMoney } = useT();
  const may = (action: AgreementAction) => a.allowedActions.includes(action);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await work();
      await onDone(message);
    } catch (e) {
      setError(e);
    }
  };
  const send = useMutation(trpc.agreements.send.mutationOptions());
  const recall = useMutation(trpc.agreements.recall.mutationOptions());
  const sign = useMutation(trpc.agreements.signAsRecipient.mutationOptions());
  const signDept = useMutation(trpc.agreements.signForDepartment.mutationOptions());
  const decide = useMutation(trpc.agreements.decideAmendment.mutationOptions());
  const end = useMutation(trpc.agreements.end.mutationOptions());
  const problem = error ? problemsFromError(error, () => false).form : null;
  return (
    <div data-testid="agreement-actions">
      <ProblemNotice problem={problem} />
      {may('send') ? (
        <div className="tp-actions">
          <Link to="/agreements/$agreementId/edit" params={{ agreementId: a.id }} className="tp-link">
            {t('ca.action.edit')}
          </Link>
          <GcdsButton type="button" onGcdsClick={() => void run(() => send.mutateAsync({ agreementId: a.id }), t('ca.action.sent'))}>
            {t('ca.action.send')}
          </GcdsButton>
        </div>
      ) : null}
      {may('recall') ? (
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => recall.mutateAsync({ agreementId: a.id }), t('ca.action.recalled'))}>
          {t('ca.action.recall')}
        </GcdsButton>
      ) : null}
      {may('signAsRecipient') ? (
        <section aria-labelledby="sign-heading" className="tp-section" data-testid="sign-panel">
          <SectionHeading id="sign-heading">{t('ca.sign.title')}</SectionHeading>
          <p>{t('ca.sign.intro', { organisation: pick(a.organisation.legalNameEn, a.organisation.legalNameFr) })}</p>
          <GcdsInput inputId="sign-name" name="sign-name" label={t('ca.sign.name')} required type="text" value={name} onGcdsInput={(e) => setName(String(e.detail ?? ''))} />
          <GcdsInput inputId="sign-title" name="sign-title" label={t('ca.sign.signerTitle')} required type="text" value={title} onGcdsInput={(e) => setTitle(String(e.detail ?? ''))} />
          <GcdsCheckboxes
            name="sign-confirm"
            legend={t('ca.sign.title')}
            hideLegend
            options={[{ id: 'sign-confirm', label: t('ca.sign.confirm'), value: 'yes', checked: confirmed }]}
            value={confirmed ? ['yes'] : []}
            onGcdsChange={(e) => setConfirmed(Array.isArray(e.detail) && (e.detail as string[]).includes('yes'))}
          />
          <GcdsButton type="button" onGcdsClick={() => void run(() => sign.mutateAsync({ agreementId: a.id, signerName: name, signerTitle: title, confirmed: confirmed as true }), t('ca.sign.done'))}>
            {t('ca.sign.submit')}
          </GcdsButton>
        </section>
      ) : null}
      {may('signForDepartment') ? (
        <section aria-labelledby="dept-heading" className="tp-section" data-testid="department-panel">
          <SectionHeading id="dept-heading">{t('ca.department.title')}</SectionHeading>
          <p>{a.myAuthority ? t('ca.department.authority', { limit: formatMoney(a.myAuthority.maxAmountCents), role: t(`position.${a.myAuthority.role}`) }) : t('ca.department.none')}</p>
          {a.signers ? (
            // Above the caller's authority: say who can sign (it waits in their queue) instead of offering a signature that would be refused.
            <p data-testid="department-signers">
              {t('ca.department.aboveYou', { total: formatMoney(a.terms.totalCents) })} {pick(a.signers.en, a.signers.fr)}
            </p>
          ) : (
            <ConfirmAct
              label={t('ca.department.submit')}
              question={t('ca.department.question', { total: formatMoney(a.terms.totalCents) })}
              yes={t('ca.department.yes')}
              onConfirm={() => run(() => signDept.mutateAsync({ agreementId: a.id }), t('ca.department.done'))}
            />
          )}
        </section>
      ) : null}
      {may('amend') ? (
        <p>
          <Link to="/agreements/$agreementId/amend" params={{ agreementId: a.id }} className="tp-link">
            {t('ca.amend.link')}
          </Link>
        </p>
      ) : null}
      {a.pendingAmendment ? (
        <section aria-labelledby="pending-heading" className="tp-section" data-testid="pending-amendment">
          <SectionHeading id="pending-heading">{t('ca.amend.pending', { version: a.pendingAmendment.version, reason: a.pendingAmendment.reason ?? '' })}</SectionHeading>
          <p>
            <Link to="/agreements/$agreementId/versions/$version" params={{ agreementId: a.id, version: String(a.pendingAmendment.version) }} className="tp-link">
              {t('ca.view.compare', { version: a.pendingAmendment.version })}
            </Link>
          </p>
          {may('decideAmendment') ? (
            <>
              <GcdsTextarea textareaId="amend-note" name="amend-note" label={t('ca.amend.note')} rows={2} value={note} onGcdsInput={(e) => setNote(String(e.detail ?? ''))} />
              <div className="tp-actions">
                <GcdsButton type="button" onGcdsClick={() => void run(() => decide.mutateAsync({ agreementId: a.id, version: a.pendingAmendment!.version, approve: true, note }), t('ca.amend.approved'))}>
                  {t('ca.amend.approve')}
                </GcdsButton>
                <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => decide.mutateAsync({ agreementId: a.id, version: a.pendingAmendment!.version, approve: false, note }), t('ca.amend.rejected'))}>
                  {t('ca.amend.reject')}
                </GcdsButton>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      {may('end') ? (
        <details>
          <summary>{t('ca.end.title')}</summary>
          <GcdsTextarea textareaId="end-reason" name="end-reason" label={t('ca.end.reason')} rows={2} value={reason} onGcdsInput={(e) => setReason(String(e.detail ?? ''))} />
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => end.mutateAsync({ agreementId: a.id, outcome: 'closed', reason }), t('ca.end.done'))}>
              {t('ca.end.close')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="danger" onGcdsClick={() => void run(() => end.mutateAsync({ agreementId: a.id, outcome: 'terminated', reason }), t('ca.end.done'))}>
              {t('ca.end.terminate')}
            </GcdsButton>
          </div>
        </details>
      ) : null}
    </div>
  );
}
