/** /claims/new?agreementId=: the claim form (expenditures by cost category against the budget, other revenues, the request and, for an advance, the cash-flow forecast). */
import { GcdsButton, GcdsHeading, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { CLAIM_KINDS, claimInput, COST_CATEGORIES, FUNDING_SOURCE_KINDS } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ProblemNotice, SuccessNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { MoneyField, readMoney } from '../intake/money-field';
import { CATEGORY_LABEL, FUNDING_KIND_LABEL, Field, Select } from './claim-fields';

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
export function useOptions(agreementId: string) {
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
        <FormProblemNotice problems={problems} />
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

