/**
 * Claims. /claims: a recipient's claims and, for each active agreement, a link to a new claim;
 * for staff, the queues (to certify, to release, recently paid) with the service standard.
 * /claims/new?agreementId=: the claim form (expenditures by cost category against the budget,
 * other revenues, the request and, for an advance, the cash-flow forecast). /claims/$claimId: the
 * claim, with certification (program officer, s. 34) and release (finance, s. 33) where allowed.
 */
import { GcdsButton, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { CLAIM_KINDS, type ClaimAction, claimInput, type ClaimKind, COST_CATEGORIES, type CostCategory, FUNDING_SOURCE_KINDS, type FundingSourceKind, PAYMENT_SERVICE_STANDARD_DAYS, RECIPIENTS } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useHasAnyRole } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { MoneyField, readMoney } from '../intake/money-field';

const CATEGORY_LABEL = (c: CostCategory) => `apply.cost.${c}` as MessageKey;
const FUNDING_KIND_LABEL = (k: FundingSourceKind) => `apply.fundingKind.${k}` as MessageKey;

function useProblemText(problem: Problem | null | undefined): string {
  const { problem: message } = useT();
  return problem ? message(problem) : '';
}

function Field({ id, label, value, onChange, problem, hint }: { id: string; label: string; value: string; onChange(v: string): void; problem?: Problem | null | undefined; hint?: string }) {
  return <GcdsInput inputId={id} name={id} label={label} type="text" validateOn="other" value={value} {...(hint ? { hint } : {})} errorMessage={useProblemText(problem)} onGcdsInput={(e) => onChange(String(e.detail ?? ''))} />;
}

function Select({ id, label, value, onChange, problem, children }: { id: string; label: string; value: string; onChange(v: string): void; problem?: Problem | null | undefined; children: ReactNode }) {
  const { lang } = useT();
  return (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} validateOn="other" value={value} errorMessage={useProblemText(problem)} onGcdsChange={(e) => onChange(String(e.detail ?? ''))}>
      {children}
    </GcdsSelect>
  );
}

// ---------------------------------------------------------------------------------------------
// /claims

export function ClaimsPage() {
  const isRecipient = useHasAnyRole(RECIPIENTS);
  return isRecipient ? <RecipientClaims /> : <StaffClaims />;
}

function ClaimsTable({ rows, caption, testId }: { rows: { id: string; referenceNumber: string; agreementReference: string; legalNameEn: string; legalNameFr: string; kind: ClaimKind; fiscalYear: string; requestedCents: bigint; status: string; submittedAt: Date; daysToPayment: number | null }[]; caption: string; testId: string }) {
  const { t, pick, formatMoney, formatDate } = useT();
  if (rows.length === 0) return <p>{t('claims.queue.none')}</p>;
  return (
    <div className="tp-table-wrap">
      <table className="tp-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fin.col.claim')}</th>
            <th scope="col">{t('fin.col.organisation')}</th>
            <th scope="col">{t('fin.col.kind')}</th>
            <th scope="col">{t('fin.col.fiscalYear')}</th>
            <th scope="col">{t('fin.col.requested')}</th>
            <th scope="col">{t('fin.col.submitted')}</th>
            <th scope="col">{t('fin.col.status')}</th>
            <th scope="col">{t('fin.col.daysToPayment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to="/claims/$claimId" params={{ claimId: c.id }} className="tp-link">
                  {c.referenceNumber}
                </Link>
                <br />
                <small>{c.agreementReference}</small>
              </td>
              <td>{pick(c.legalNameEn, c.legalNameFr)}</td>
              <td>{t(`claim.kind.${c.kind}`)}</td>
              <td>{c.fiscalYear}</td>
              <td>{formatMoney(c.requestedCents)}</td>
              <td>{formatDate(c.submittedAt)}</td>
              <td>{t(`status.claim.${c.status}` as MessageKey)}</td>
              <td>{c.daysToPayment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecipientClaims() {
  const { t } = useT();
  const claims = useQuery(trpc.claims.list.queryOptions({}));
  const agreements = useQuery(trpc.agreements.mine.queryOptions());
  return (
    <>
      <PageHeading title={t('claims.my.title')} intro={t('claims.my.intro')} />
      <QueryView query={agreements}>
        {(a) => (
          <ul>
            {a.agreements
              .filter((x) => x.status === 'active')
              .map((x) => (
                <li key={x.id}>
                  <Link to="/claims/new" search={{ agreementId: x.id }} className="tp-link">
                    {t('claims.my.new', { reference: x.referenceNumber })}
                  </Link>{' '}
                  <small>{x.title}</small>
                </li>
              ))}
          </ul>
        )}
      </QueryView>
      <QueryView query={claims}>{(rows) => (rows.length === 0 ? <p>{t('claims.my.empty')}</p> : <ClaimsTable rows={rows} caption={t('claims.my.caption')} testId="my-claims" />)}</QueryView>
    </>
  );
}

function StaffClaims() {
  const { t } = useT();
  const toCertify = useQuery(trpc.claims.list.queryOptions({ status: 'submitted' }));
  const toRelease = useQuery(trpc.claims.list.queryOptions({ status: 'certified' }));
  const paid = useQuery(trpc.claims.list.queryOptions({ status: 'paid' }));
  return (
    <>
      <PageHeading title={t('claims.queue.title')} intro={t('claims.queue.standard', { days: PAYMENT_SERVICE_STANDARD_DAYS })} />
      <section aria-labelledby="to-certify" className="tp-section">
        <GcdsHeading tag="h2" id="to-certify">
          {t('claims.queue.toCertify')}
        </GcdsHeading>
        <QueryView query={toCertify}>{(rows) => <ClaimsTable rows={rows} caption={t('claims.queue.toCertify')} testId="claims-to-certify" />}</QueryView>
      </section>
      <section aria-labelledby="to-release" className="tp-section">
        <GcdsHeading tag="h2" id="to-release">
          {t('claims.queue.toRelease')}
        </GcdsHeading>
        <QueryView query={toRelease}>{(rows) => <ClaimsTable rows={rows} caption={t('claims.queue.toRelease')} testId="claims-to-release" />}</QueryView>
      </section>
      <section aria-labelledby="recent" className="tp-section">
        <GcdsHeading tag="h2" id="recent">
          {t('claims.queue.recent')}
        </GcdsHeading>
        <QueryView query={paid}>{(rows) => <ClaimsTable rows={rows.slice(0, 20)} caption={t('claims.queue.recent')} testId="claims-paid" />}</QueryView>
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// /claims/new

interface Draft {
  kind: string;
  fiscalYear: string;
  periodStart: string;
  periodEnd: string;
  milestoneKey: string;
  requested: string;
  expenditures: Record<string, { amount: string; explanation: string }>;
  revenues: { source: string; kind: string; amount: string }[];
  forecast: { month: string; amount: string }[];
  explanation: string;
}

export function NewClaimPage({ agreementId }: { agreementId: string }) {
  const options = useQuery(trpc.claims.options.queryOptions({ agreementId }));
  return <QueryView query={options}>{(o) => <NewClaimForm options={o} />}</QueryView>;
}

type Options = NonNullable<ReturnType<typeof useOptions>['data']>;
function useOptions(agreementId: string) {
  return useQuery(trpc.claims.options.queryOptions({ agreementId }));
}

function NewClaimForm({ options }: { options: Options }) {
  const { t, formatMoney, problem: message } = useT();
  const openYear = options.fiscalYears.find((y) => y.status === 'open');
  const [clientKey] = useState(() => crypto.randomUUID());
  const [draft, setDraft] = useState<Draft>({
    kind: options.paymentBasis === 'advance' ? 'advance' : 'reimbursement',
    fiscalYear: openYear?.label ?? '',
    periodStart: '',
    periodEnd: '',
    milestoneKey: '',
    requested: '',
    expenditures: {},
    revenues: [],
    forecast: [{ month: '', amount: '' }],
    explanation: '',
  });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const submit = useMutation(trpc.claims.submit.mutationOptions());
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const budget = options.budget.filter((b) => b.fiscalYear === draft.fiscalYear);
  const field = (path: string) => problems.fields[path];

  const onSubmit = async () => {
    const money = (v: string) => {
      const r = readMoney(v);
      return r === 'invalid' ? ('invalid' as unknown as bigint) : (r ?? 0n);
    };
    const candidate = {
      agreementId: options.agreementId,
      clientKey,
      kind: draft.kind,
      fiscalYear: draft.fiscalYear,
      periodStart: draft.periodStart.trim(),
      periodEnd: draft.periodEnd.trim(),
      milestoneKey: draft.kind === 'milestone' ? draft.milestoneKey || null : null,
      requestedCents: money(draft.requested),
      expenditures: Object.entries(draft.expenditures)
        .filter(([, e]) => e.amount.trim() !== '')
        .map(([category, e]) => ({ category, amountCents: money(e.amount), explanation: e.explanation })),
      otherRevenues: draft.revenues.map((r) => ({ source: r.source, kind: r.kind, amountCents: money(r.amount) })),
      forecast: draft.kind === 'advance' ? draft.forecast.filter((f) => f.month.trim() !== '' || f.amount.trim() !== '').map((f) => ({ month: f.month.trim(), amountCents: money(f.amount) })) : [],
      explanation: draft.explanation,
    };
    const parsed = claimInput.safeParse(candidate);
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, () => true));
      return;
    }
    try {
      await submit.mutateAsync(parsed.data);
      setProblems(NO_PROBLEMS);
      await queryClient.invalidateQueries({ queryKey: trpc.claims.list.queryKey() });
    } catch (error) {
      setProblems(problemsFromError(error, () => true));
    }
  };

  if (submit.data) {
    return (
      <>
        <PageHeading title={t('claims.new.title', { reference: options.referenceNumber })} />
        <SuccessNotice>{t('claims.submitted', { reference: submit.data.referenceNumber })}</SuccessNotice>
        <p>
          <Link to="/claims/$claimId" params={{ claimId: submit.data.id }} className="tp-link">
            {submit.data.referenceNumber}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('claims.new.title', { reference: options.referenceNumber })} intro={t('claims.new.intro')} />
      <p data-testid="claim-balances">
        {t('claims.balances', { paid: formatMoney(options.balances.paid), total: formatMoney(options.fiscalYears.reduce((s, y) => s + y.amountCents, 0n)), outstanding: formatMoney(options.balances.advancesOutstanding), holdback: formatMoney(options.holdbackCents) })}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <ProblemNotice problem={problems.form} />
        <Select id="claim-kind" label={t('claims.field.kind')} value={draft.kind} problem={field('kind')} onChange={(v) => set({ kind: v })}>
          {CLAIM_KINDS.filter((k) => k !== 'advance' || options.paymentBasis === 'advance').map((k) => (
            <option key={k} value={k}>
              {t(`claim.kind.${k}`)}
            </option>
          ))}
        </Select>
        <Select id="claim-fiscalYear" label={t('claims.field.fiscalYear')} value={draft.fiscalYear} problem={field('fiscalYear')} onChange={(v) => set({ fiscalYear: v })}>
          {options.fiscalYears.map((y) => (
            <option key={y.label} value={y.label} disabled={y.status === 'closed'}>
              {y.label}: {formatMoney(y.amountCents)} ({formatMoney(y.paidCents)})
            </option>
          ))}
        </Select>
        <Field id="claim-periodStart" label={t('claims.field.periodStart')} value={draft.periodStart} problem={field('periodStart')} onChange={(v) => set({ periodStart: v })} />
        <Field id="claim-periodEnd" label={t('claims.field.periodEnd')} value={draft.periodEnd} problem={field('periodEnd')} onChange={(v) => set({ periodEnd: v })} />
        {draft.kind === 'milestone' ? (
          <Select id="claim-milestone" label={t('claims.field.milestone')} value={draft.milestoneKey} problem={field('milestoneKey')} onChange={(v) => set({ milestoneKey: v, requested: v ? String(options.milestones.find((m) => m.key === v)?.paymentCents ?? '') : draft.requested })}>
            <option value="">{t('claims.choose')}</option>
            {options.milestones.map((m) => (
              <option key={m.key} value={m.key}>
                {m.title} ({formatMoney(m.paymentCents ?? 0n)})
              </option>
            ))}
          </Select>
        ) : null}

        <section aria-labelledby="expenditures-heading" className="tp-section">
          <GcdsHeading tag="h2" id="expenditures-heading">
            {t('claims.expenditures')}
          </GcdsHeading>
          <p>{t('claims.expenditures.hint')}</p>
          {COST_CATEGORIES.filter((c) => budget.some((b) => b.costCategory === c)).map((c) => {
            const e = draft.expenditures[c] ?? { amount: '', explanation: '' };
            const i = Object.keys(draft.expenditures).filter((k) => (draft.expenditures[k]?.amount ?? '').trim() !== '').indexOf(c);
            const line = budget.find((b) => b.costCategory === c);
            return (
              <div key={c} className="tp-fieldset">
                <MoneyField
                  id={`expenditure-${c}`}
                  name={`expenditure-${c}`}
                  label={t('claims.expenditure.amount', { category: t(CATEGORY_LABEL(c)), budget: formatMoney(line?.amountCents ?? 0n) })}
                  problem={field(`expenditures.${i}.amountCents`) ?? field(`expenditures.${i}.category`)}
                  value={e.amount}
                  onChange={(v) => set({ expenditures: { ...draft.expenditures, [c]: { ...e, amount: v } } })}
                />
                {field(`expenditures.${i}.explanation`) || e.explanation !== '' ? (
                  <GcdsTextarea
                    textareaId={`expenditure-${c}-explanation`}
                    name={`expenditure-${c}-explanation`}
                    label={t('claims.expenditure.explanation', { category: t(CATEGORY_LABEL(c)) })}
                    rows={2}
                    value={e.explanation}
                    errorMessage={field(`expenditures.${i}.explanation`) ? message(field(`expenditures.${i}.explanation`)!) : ''}
                    onGcdsInput={(ev) => set({ expenditures: { ...draft.expenditures, [c]: { ...e, explanation: String(ev.detail ?? '') } } })}
                  />
                ) : null}
              </div>
            );
          })}
        </section>

        <section aria-labelledby="revenues-heading" className="tp-section">
          <GcdsHeading tag="h2" id="revenues-heading">
            {t('claims.revenues')}
          </GcdsHeading>
          {draft.revenues.map((r, i) => (
            <div key={i} className="tp-fieldset">
              <Field id={`revenue-${i}-source`} label={t('claims.revenue.source', { n: i + 1 })} value={r.source} problem={field(`otherRevenues.${i}.source`)} onChange={(v) => set({ revenues: draft.revenues.map((x, j) => (j === i ? { ...x, source: v } : x)) })} />
              <Select id={`revenue-${i}-kind`} label={t('claims.revenue.kind', { n: i + 1 })} value={r.kind} problem={field(`otherRevenues.${i}.kind`)} onChange={(v) => set({ revenues: draft.revenues.map((x, j) => (j === i ? { ...x, kind: v } : x)) })}>
                <option value="">{t('claims.choose')}</option>
                {FUNDING_SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(FUNDING_KIND_LABEL(k))}
                  </option>
                ))}
              </Select>
              <MoneyField id={`revenue-${i}-amount`} name={`revenue-${i}-amount`} label={t('claims.revenue.amount', { n: i + 1 })} problem={field(`otherRevenues.${i}.amountCents`)} value={r.amount} onChange={(v) => set({ revenues: draft.revenues.map((x, j) => (j === i ? { ...x, amount: v } : x)) })} />
            </div>
          ))}
          <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ revenues: [...draft.revenues, { source: '', kind: '', amount: '' }] })}>
            {t('claims.revenue.add')}
          </GcdsButton>
        </section>

        {draft.kind === 'advance' ? (
          <section aria-labelledby="forecast-heading" className="tp-section">
            <GcdsHeading tag="h2" id="forecast-heading">
              {t('claims.forecast')}
            </GcdsHeading>
            <p>{t('claims.forecast.hint')}</p>
            <ProblemNotice problem={field('forecast') ?? null} />
            {draft.forecast.map((f, i) => (
              <div key={i} className="tp-fieldset">
                <Field id={`forecast-${i}-month`} label={t('claims.forecast.month', { n: i + 1 })} value={f.month} problem={field(`forecast.${i}.month`)} onChange={(v) => set({ forecast: draft.forecast.map((x, j) => (j === i ? { ...x, month: v } : x)) })} />
                <MoneyField id={`forecast-${i}-amount`} name={`forecast-${i}-amount`} label={t('claims.forecast.amount', { n: i + 1 })} problem={field(`forecast.${i}.amountCents`)} value={f.amount} onChange={(v) => set({ forecast: draft.forecast.map((x, j) => (j === i ? { ...x, amount: v } : x)) })} />
              </div>
            ))}
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ forecast: [...draft.forecast, { month: '', amount: '' }] })}>
              {t('claims.forecast.add')}
            </GcdsButton>
          </section>
        ) : null}

        <MoneyField id="claim-requested" name="claim-requested" label={t('claims.field.requested')} problem={field('requestedCents')} value={draft.requested} onChange={(v) => set({ requested: v })} />
        <GcdsTextarea textareaId="claim-explanation" name="claim-explanation" label={t('claims.field.explanation')} rows={3} value={draft.explanation} onGcdsInput={(e) => set({ explanation: String(e.detail ?? '') })} />
        <GcdsButton type="submit" disabled={submit.isPending}>
          {t('claims.submit')}
        </GcdsButton>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// /claims/$claimId

export function ClaimPage({ claimId }: { claimId: string }) {
  const claim = useQuery(trpc.claims.get.queryOptions({ claimId }));
  return <QueryView query={claim}>{(c) => <ClaimView claim={c} />}</QueryView>;
}

type Claim = NonNullable<ReturnType<typeof useClaim>['data']>;
function useClaim(claimId: string) {
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
        <div className="tp-table-wrap">
          <table className="tp-table">
            <caption>{t('claims.expenditures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fin.col.costCategory')}</th>
                <th scope="col">{t('fin.col.budget')}</th>
                <th scope="col">{t('fin.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {claim.expenditures.map((e) => (
                <tr key={e.costCategory}>
                  <td>
                    {t(CATEGORY_LABEL(e.costCategory))}
                    {e.explanation ? <p>{e.explanation}</p> : null}
                  </td>
                  <td>{formatMoney(e.budgetCents)}</td>
                  <td>{formatMoney(e.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
  const { t, lang } = useT();
  const [amount, setAmount] = useState(() => {
    const s = (Number(claim.requestedCents) / 100).toFixed(2);
    return lang === 'fr' ? s.replace('.', ',') : s;
  });
  const [reason, setReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const certify = useMutation(trpc.claims.certify.mutationOptions());
  const reject = useMutation(trpc.claims.reject.mutationOptions());
  const send = async () => {
    const cents = readMoney(amount);
    if (cents === null || cents === 'invalid') {
      setProblems({ fields: { certifiedCents: { key: 'error.money.invalid' } }, form: null });
      return;
    }
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
      <ProblemNotice problem={problems.form} />
      <MoneyField id="certify-amount" name="certify-amount" label={t('claims.certify.amount')} problem={problems.fields.certifiedCents} value={amount} onChange={setAmount} />
      <Field id="certify-reason" label={t('claims.certify.reason')} value={reason} problem={problems.fields.adjustmentReason} onChange={setReason} />
      <GcdsButton type="button" disabled={certify.isPending} onGcdsClick={() => void send()}>
        {t('claims.certify.submit')}
      </GcdsButton>
      <Field id="reject-reason" label={t('claims.reject.reason')} value={rejectReason} problem={reject.error ? problemsFromError(reject.error).form : null} onChange={setRejectReason} />
      <GcdsButton
        type="button"
        buttonRole="secondary"
        disabled={reject.isPending}
        onGcdsClick={() => void reject.mutateAsync({ claimId: claim.id, reason: rejectReason }).then(() => onDone(t('claims.reject.done')), () => undefined)}
      >
        {t('claims.reject.submit')}
      </GcdsButton>
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
      <GcdsButton type="button" disabled={release.isPending} onGcdsClick={() => void release.mutateAsync({ claimId: claim.id, releaseKey }).then(() => onDone(t('claims.release.done', { amount })), () => undefined)}>
        {t('claims.release.submit')}
      </GcdsButton>
    </section>
  );
}

export { useClaim, useOptions };
