/** /claims/$claimId: the claim, with certification (program officer, s. 34) and release (finance, s. 33) where allowed. */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import type { ClaimAction } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemNotice, SuccessNotice, FormProblemNotice } from '../../components/notices';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { MoneyField, readMoney } from '../intake/money-field';
import { CATEGORY_LABEL, FUNDING_KIND_LABEL, Field } from './claim-fields';
import { ConfirmAct } from '../../components/confirm-act';

// ---------------------------------------------------------------------------------------------
// /claims/$claimId

export function ClaimPage({ claimId }: { claimId: string }) {
  const claim = useQuery(trpc.claims.get.queryOptions({ claimId }));
  return <QueryView query={claim}>{(c) => <ClaimView claim={c} />}</QueryView>;
}

type Claim = NonNullable<ReturnType<typeof useClaim>['data']>;
export function useClaim(claimId: string) {
  return useQuery(trpc.claims.get.queryOptions({ claimId }));
}

function ClaimView({ claim }: { claim: Claim }) {
  const { t, pick, formatMoney, formatDate } = useT();
  const may = (action: ClaimAction) => claim.allowedActions.includes(action);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.claims.get.queryKey({ claimId: claim.id }) });
  return (
    <>
      <PageHeading
        title={t('claims.view.title', { reference: claim.referenceNumber })}
        intro={t('claims.view.summary', {
          organisation: pick(claim.organisation.legalNameEn, claim.organisation.legalNameFr),
          agreement: claim.agreementReference,
          kind: t(`claim.kind.${claim.kind}`),
          fiscalYear: claim.fiscalYear,
          period: `${formatDate(claim.periodStart)} – ${formatDate(claim.periodEnd)}`,
        })}
      />
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <p>
        <strong>{t('fin.col.status')}:</strong> <span data-testid="claim-status">{t(`status.claim.${claim.status}` as MessageKey)}</span>
      </p>
      <p>{t('claims.view.requested', { amount: formatMoney(claim.requestedCents) })}</p>
      {claim.certifiedCents !== null ? <p>{t('claims.view.certified', { amount: formatMoney(claim.certifiedCents) })}</p> : null}
      {claim.adjustmentReason ? <p>{t('claims.view.adjustment', { reason: claim.adjustmentReason })}</p> : null}
      <p>{t('claims.view.yearRoom', { fiscalYear: claim.fiscalYear, amount: formatMoney(claim.limits.fiscalYearAmount), paid: formatMoney(claim.fiscalYearBalances?.paid ?? 0n) })}</p>
      {claim.expenditures.length > 0 ? (
        <DataTable
          caption={t('claims.expenditures')}
          rows={claim.expenditures}
          rowKey={(e) => e.costCategory}
          columns={[
            {
              header: t('fin.col.costCategory'),
              cell: (e) => (
                <>
                  {t(CATEGORY_LABEL(e.costCategory))}
                  {e.explanation ? <p>{e.explanation}</p> : null}
                </>
              ),
            },
            { header: t('fin.col.budget'), cell: (e) => formatMoney(e.budgetCents) },
            { header: t('fin.col.amount'), cell: (e) => formatMoney(e.amountCents) },
          ]}
        />
      ) : null}
      {claim.forecast.length > 0 ? <p>{t('claims.view.forecastTotal', { amount: formatMoney(claim.forecast.reduce((s, f) => s + BigInt(f.amountCents), 0n)) })}</p> : null}
      {claim.otherRevenues.length > 0 ? (
        <ul>
          {claim.otherRevenues.map((r) => (
            <li key={r.position}>
              {r.source} ({t(FUNDING_KIND_LABEL(r.kind))}): {formatMoney(r.amountCents)}
            </li>
          ))}
        </ul>
      ) : null}
      {may('certify') ? <CertifyPanel claim={claim} onDone={(m) => { setDone(m); void refresh(); }} /> : null}
      {may('release') ? <ReleasePanel claim={claim} onDone={(m) => { setDone(m); void refresh(); }} /> : null}
    </>
  );
}

function CertifyPanel({ claim, onDone }: { claim: Claim; onDone(message: string): void }) {
  const { t, lang, formatMoney } = useT();
  const [amount, setAmount] = useState(() => {
    const s = (Number(claim.requestedCents) / 100).toFixed(2);
    return lang === 'fr' ? s.replace('.', ',') : s;
  });
  const [reason, setReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const certify = useMutation(trpc.claims.certify.mutationOptions());
  const reject = useMutation(trpc.claims.reject.mutationOptions());
  // The amount is checked before the question, which says it.
  const checkAmount = () => {
    const cents = readMoney(amount);
    if (cents === null || cents === 'invalid') {
      setProblems({ fields: { certifiedCents: { key: 'error.money.invalid' } }, form: null });
      return false;
    }
    return true;
  };
  const certifyAmount = () => {
    const cents = readMoney(amount);
    return typeof cents === 'bigint' ? formatMoney(cents) : '';
  };
  const send = async () => {
    const cents = readMoney(amount);
    if (cents === null || cents === 'invalid') return;
    try {
      await certify.mutateAsync({ claimId: claim.id, certifiedCents: cents, adjustmentReason: reason });
      onDone(t('claims.certify.done'));
    } catch (error) {
      setProblems(problemsFromError(error, ['certifiedCents', 'adjustmentReason']));
    }
  };
  return (
    <section aria-labelledby="certify-heading" className="tp-section" data-testid="certify-panel">
      <GcdsHeading tag="h2" id="certify-heading">
        {t('claims.certify.title')}
      </GcdsHeading>
      <p>{t('claims.certify.text')}</p>
      <FormProblemNotice problems={problems} />
      <MoneyField id="certify-amount" name="certify-amount" label={t('claims.certify.amount')} problem={problems.fields.certifiedCents} value={amount} onChange={setAmount} />
      <Field id="certify-reason" label={t('claims.certify.reason')} value={reason} problem={problems.fields.adjustmentReason} onChange={setReason} />
      <ConfirmAct
        label={t('claims.certify.submit')}
        question={t('claims.certify.question', { amount: certifyAmount() })}
        yes={t('claims.certify.yes')}
        disabled={certify.isPending}
        ready={checkAmount}
        onConfirm={send}
      />
      <Field id="reject-reason" label={t('claims.reject.reason')} value={rejectReason} problem={reject.error ? problemsFromError(reject.error).form : null} onChange={setRejectReason} />
      <ConfirmAct
        label={t('claims.reject.submit')}
        question={t('claims.reject.question')}
        yes={t('claims.reject.yes')}
        danger
        disabled={reject.isPending}
        onConfirm={() => reject.mutateAsync({ claimId: claim.id, reason: rejectReason }).then(() => onDone(t('claims.reject.done')), () => undefined)}
      />
    </section>
  );
}

function ReleasePanel({ claim, onDone }: { claim: Claim; onDone(message: string): void }) {
  const { t, formatMoney } = useT();
  // One key per page: a second click or a retry of this release is recognised, never paid twice.
  const [releaseKey] = useState(() => crypto.randomUUID());
  const release = useMutation(trpc.claims.release.mutationOptions());
  const amount = formatMoney(claim.certifiedCents ?? 0n);
  return (
    <section aria-labelledby="release-heading" className="tp-section" data-testid="release-panel">
      <GcdsHeading tag="h2" id="release-heading">
        {t('claims.release.title')}
      </GcdsHeading>
      <p>{t('claims.release.text', { amount })}</p>
      <ProblemNotice problem={release.error ? problemsFromError(release.error).form : null} />
      <ConfirmAct
        label={t('claims.release.submit')}
        question={t('claims.release.question', { amount })}
        yes={t('claims.release.yes')}
        disabled={release.isPending}
        onConfirm={() => release.mutateAsync({ claimId: claim.id, releaseKey }).then(() => onDone(t('claims.release.done', { amount })), () => undefined)}
      />
    </section>
  );
}
