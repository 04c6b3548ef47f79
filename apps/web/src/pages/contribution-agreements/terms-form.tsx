/**
 * The terms of an agreement as a form, shared by drafting, editing a draft and amending: project,
 * money by fiscal year and cost category, payments and holdback, risk and reporting (with the
 * defaults a risk level proposes), milestones, indicators, other funding and special conditions.
 * Amounts are typed as people type them (English or French); the whole is checked by the same
 * schema as the server's, and the server's problems come back next to the field they name.
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import {
  agreementTermsInput,
  COST_CATEGORIES,
  FUNDING_SOURCE_KINDS,
  FUNDING_STATUSES,
  formatBasisPoints,
  holdbackCents,
  PAYMENT_BASES,
  proposeFiscalYearAmounts,
  REPORTING_FREQUENCIES,
  reportingSchedule,
  RISK_LEVELS,
  riskDefaults,
  stackingCheck,
  termFiscalYears,
  toDecimalString,
  type AgreementTerms,
  type CostCategory,
  type FundingSourceKind,
} from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useState, type ReactNode } from 'react';
import { ProblemNotice, FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { MoneyField, readMoney } from '../intake/money-field';
import { SectionHeading } from '../../components/page-heading';

export interface TermsOptions {
  streams: { id: string; nameEn: string; nameFr: string }[];
  pillars: { id: string; nameEn: string; nameFr: string }[];
  indicators: { id: string; code: string; nameEn: string; nameFr: string }[];
  stackingLimitBp: number;
}

interface Draft {
  streamId: string;
  pillarIds: string[];
  title: string;
  titleFr: string;
  description: string;
  descriptionFr: string;
  expectedResultsEn: string;
  expectedResultsFr: string;
  startDate: string;
  endDate: string;
  total: string;
  years: { fiscalYear: string; amount: string }[];
  budget: { fiscalYear: string; category: string; amount: string }[];
  paymentBasis: string;
  advanceFrequency: string;
  holdbackKind: 'percent' | 'amount';
  holdbackValue: string;
  riskLevel: string;
  riskReasons: string;
  reportingFrequency: string;
  milestones: { key?: string; title: string; deliverables: string; dueDate: string; payment: string }[];
  indicators: { indicatorId: string; targetValue: string }[];
  funding: { source: string; kind: string; amount: string; status: string }[];
  specialConditions: string;
}

function typed(cents: bigint, lang: 'en' | 'fr'): string {
  const s = toDecimalString(cents);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

export function toDraft(t: AgreementTerms, lang: 'en' | 'fr'): Draft {
  return {
    streamId: t.streamId ?? '',
    pillarIds: t.pillarIds,
    title: t.title,
    titleFr: t.titleFr ?? '',
    description: t.description,
    descriptionFr: t.descriptionFr ?? '',
    expectedResultsEn: t.expectedResultsEn ?? '',
    expectedResultsFr: t.expectedResultsFr ?? '',
    startDate: t.startDate,
    endDate: t.endDate,
    total: typed(t.totalCents, lang),
    years: t.fiscalYears.map((y) => ({ fiscalYear: y.fiscalYear, amount: typed(y.amountCents, lang) })),
    budget: t.budget.map((b) => ({ fiscalYear: b.fiscalYear, category: b.category, amount: typed(b.amountCents, lang) })),
    paymentBasis: t.paymentBasis,
    advanceFrequency: t.advanceFrequency ?? '',
    holdbackKind: t.holdback.kind,
    holdbackValue: t.holdback.kind === 'percent' ? formatBasisPoints(t.holdback.basisPoints).replace('.', lang === 'fr' ? ',' : '.') : typed(t.holdback.cents, lang),
    riskLevel: t.riskLevel,
    riskReasons: t.riskReasons,
    reportingFrequency: t.reportingFrequency,
    milestones: t.milestones.map((m) => ({ ...(m.key ? { key: m.key } : {}), title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, payment: m.paymentCents === null ? '' : typed(m.paymentCents, lang) })),
    indicators: t.indicators,
    funding: t.otherFunding.map((f) => ({ source: f.source, kind: f.kind, amount: typed(f.amountCents, lang), status: f.status })),
    specialConditions: t.specialConditions,
  };
}

export const EMPTY_DRAFT: Draft = {
  streamId: '',
  pillarIds: [],
  title: '',
  titleFr: '',
  description: '',
  descriptionFr: '',
  expectedResultsEn: '',
  expectedResultsFr: '',
  startDate: '',
  endDate: '',
  total: '',
  years: [],
  budget: [],
  paymentBasis: 'advance',
  advanceFrequency: 'quarterly',
  holdbackKind: 'percent',
  holdbackValue: '10',
  riskLevel: 'medium',
  riskReasons: '',
  reportingFrequency: 'quarterly',
  milestones: [],
  indicators: [],
  funding: [],
  specialConditions: '',
};

/** A percentage typed as "10" or "7,5" in basis points, or null. */
function readPercent(text: string): bigint | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace('%', '').trim());
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

const cents = (text: string): bigint | 'invalid' => {
  const v = readMoney(text);
  return v === null ? 0n : v;
};

/** The draft as the API takes it (invalid amounts left for the schema to name). */
function fromDraft(d: Draft): unknown {
  const bad = (v: bigint | 'invalid') => (v === 'invalid' ? 'invalid' : v);
  return {
    streamId: d.streamId || null,
    pillarIds: d.pillarIds,
    title: d.title,
    titleFr: d.titleFr,
    description: d.description,
    descriptionFr: d.descriptionFr,
    expectedResultsEn: d.expectedResultsEn,
    expectedResultsFr: d.expectedResultsFr,
    startDate: d.startDate.trim(),
    endDate: d.endDate.trim(),
    totalCents: bad(cents(d.total)),
    fiscalYears: d.years.map((y) => ({ fiscalYear: y.fiscalYear, amountCents: bad(cents(y.amount)) })),
    budget: d.budget.map((b) => ({ fiscalYear: b.fiscalYear, category: b.category, amountCents: bad(cents(b.amount)) })),
    paymentBasis: d.paymentBasis,
    advanceFrequency: d.paymentBasis === 'advance' ? d.advanceFrequency || null : null,
    holdback: d.holdbackKind === 'percent' ? { kind: 'percent', basisPoints: readPercent(d.holdbackValue) ?? 'invalid' } : { kind: 'amount', cents: bad(cents(d.holdbackValue)) },
    riskLevel: d.riskLevel,
    riskReasons: d.riskReasons,
    reportingFrequency: d.reportingFrequency,
    milestones: d.milestones.map((m) => ({ ...(m.key ? { key: m.key } : {}), title: m.title, deliverables: m.deliverables, dueDate: m.dueDate.trim(), paymentCents: m.payment.trim() === '' ? null : bad(cents(m.payment)) })),
    indicators: d.indicators,
    otherFunding: d.funding.map((f) => ({ source: f.source, kind: f.kind, amountCents: bad(cents(f.amount)), status: f.status })),
    specialConditions: d.specialConditions,
  };
}

export type BuiltTerms = { ok: true; terms: AgreementTerms } | { ok: false; problems: FormProblems };

export function buildTerms(d: Draft): BuiltTerms {
  const parsed = agreementTermsInput.safeParse(fromDraft(d));
  if (parsed.success) return { ok: true, terms: parsed.data };
  return { ok: false, problems: problemsFromIssues(parsed.error.issues.map((i) => ({ ...i, path: ['terms', ...i.path] })), () => true) };
}

function Input({ id, label, value, onChange, problem, hint }: { id: string; label: string; value: string; onChange(v: string): void; problem: Problem | undefined; hint?: string }) {
  const { problem: message } = useT();
  return <GcdsInput inputId={id} name={id} label={label} type="text" validateOn="other" value={value} {...(hint ? { hint } : {})} errorMessage={problem ? message(problem) : ''} onGcdsInput={(e) => onChange(String(e.detail ?? ''))} />;
}

function Select({ id, label, value, onChange, problem, children }: { id: string; label: string; value: string; onChange(v: string): void; problem: Problem | undefined; children: ReactNode }) {
  const { problem: message, lang } = useT();
  return (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} validateOn="other" value={value} errorMessage={problem ? message(problem) : ''} onGcdsChange={(e) => onChange(String(e.detail ?? ''))}>
      {children}
    </GcdsSelect>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`terms-${id}`} className="tp-section">
      <SectionHeading id={`terms-${id}`}>
        {title}
      </SectionHeading>
      {children}
    </section>
  );
}

export function TermsForm({ initial, options, problems, children }: { initial: Draft; options: TermsOptions; problems: FormProblems; children(draft: Draft): ReactNode }) {
  const { t, pick, lang, formatMoney, formatDate, problem: message } = useT();
  const [d, setD] = useState<Draft>(initial);
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const f = (path: string) => problems.fields[`terms.${path}`];
  const totalCents = readMoney(d.total);
  const validDates = /^\d{4}-\d{2}-\d{2}$/.test(d.startDate) && /^\d{4}-\d{2}-\d{2}$/.test(d.endDate) && d.endDate >= d.startDate;
  const termYears = validDates ? termFiscalYears(d.startDate, d.endDate).map((y) => y.fiscalYear) : d.years.map((y) => y.fiscalYear);
  const holdback =
    typeof totalCents === 'bigint' ? (d.holdbackKind === 'percent' ? (readPercent(d.holdbackValue) !== null ? holdbackCents(totalCents, { kind: 'percent', basisPoints: readPercent(d.holdbackValue)! }) : null) : readMoney(d.holdbackValue)) : null;
  const schedule = validDates && (REPORTING_FREQUENCIES as readonly string[]).includes(d.reportingFrequency) ? reportingSchedule(d.startDate, d.endDate, d.reportingFrequency as (typeof REPORTING_FREQUENCIES)[number]) : [];
  const stacking =
    typeof totalCents === 'bigint'
      ? stackingCheck({ requestedCents: totalCents, otherSources: d.funding.map((x) => ({ kind: (x.kind || 'other') as FundingSourceKind, amountCents: typeof readMoney(x.amount) === 'bigint' ? (readMoney(x.amount) as bigint) : 0n })), limitBp: options.stackingLimitBp })
      : null;

  return (
    <>
      <FormProblemNotice problems={problems} />
      <Section id="project" title={t('ca.form.section.project')}>
        <Input id="terms-title" label={t('ca.form.title')} value={d.title} problem={f('title')} onChange={(v) => set({ title: v })} />
        <Input id="terms-title-fr" label={t('ca.form.titleFr')} value={d.titleFr} problem={f('titleFr')} onChange={(v) => set({ titleFr: v })} />
        <GcdsTextarea textareaId="terms-description" validateOn="other" name="terms-description" label={t('ca.form.description')} rows={4} value={d.description} errorMessage={f('description') ? message(f('description')!) : ''} onGcdsInput={(e) => set({ description: String(e.detail ?? '') })} />
        <GcdsTextarea textareaId="terms-description-fr" validateOn="other" name="terms-description-fr" label={t('ca.form.descriptionFr')} rows={4} value={d.descriptionFr} errorMessage={f('descriptionFr') ? message(f('descriptionFr')!) : ''} onGcdsInput={(e) => set({ descriptionFr: String(e.detail ?? '') })} />
        <GcdsTextarea textareaId="terms-expected-results-en" validateOn="other" name="terms-expected-results-en" label={t('ca.form.expectedResultsEn')} hint={t('ca.form.disclosureHint')} rows={3} value={d.expectedResultsEn} errorMessage={f('expectedResultsEn') ? message(f('expectedResultsEn')!) : ''} onGcdsInput={(e) => set({ expectedResultsEn: String(e.detail ?? '') })} />
        <GcdsTextarea textareaId="terms-expected-results-fr" validateOn="other" name="terms-expected-results-fr" label={t('ca.form.expectedResultsFr')} hint={t('ca.form.disclosureHint')} rows={3} value={d.expectedResultsFr} errorMessage={f('expectedResultsFr') ? message(f('expectedResultsFr')!) : ''} onGcdsInput={(e) => set({ expectedResultsFr: String(e.detail ?? '') })} />
        <Input id="terms-start" label={t('ca.form.start')} value={d.startDate} problem={f('startDate')} onChange={(v) => set({ startDate: v })} />
        <Input id="terms-end" label={t('ca.form.end')} value={d.endDate} problem={f('endDate')} onChange={(v) => set({ endDate: v })} />
        <Select id="terms-stream" label={t('ca.form.stream')} value={d.streamId} problem={f('streamId')} onChange={(v) => set({ streamId: v })}>
          <option value="">{t('ca.form.noStream')}</option>
          {options.streams.map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.nameEn, s.nameFr)}
            </option>
          ))}
        </Select>
        <GcdsCheckboxes
          key={`pillars-${lang}`}
          id="terms-pillars"
          name="terms-pillars"
          legend={t('ca.form.pillars')}
          validateOn="other"
          options={options.pillars.map((p) => ({ id: `terms-pillar-${p.id}`, label: pick(p.nameEn, p.nameFr), value: p.id, checked: d.pillarIds.includes(p.id) }))}
          value={d.pillarIds}
          errorMessage={f('pillarIds') ? message(f('pillarIds')!) : ''}
          onGcdsChange={(e) => set({ pillarIds: Array.isArray(e.detail) ? (e.detail as string[]) : [] })}
        />
      </Section>

      <Section id="money" title={t('ca.form.section.money')}>
        <MoneyField id="terms-total" name="terms-total" label={t('ca.form.total')} problem={f('totalCents')} value={d.total} onChange={(v) => set({ total: v })} />
        <GcdsButton
          type="button"
          buttonRole="secondary"
          size="small"
          disabled={!validDates || typeof totalCents !== 'bigint'}
          onGcdsClick={() => {
            if (!validDates || typeof totalCents !== 'bigint') return;
            const years = proposeFiscalYearAmounts(totalCents, d.startDate, d.endDate).map((y) => ({ fiscalYear: y.fiscalYear, amount: typed(y.amountCents, lang) }));
            set({ years });
          }}
        >
          {t('ca.form.split')}
        </GcdsButton>
        <ProblemNotice problem={f('fiscalYears') ?? null} />
        {d.years.map((y, i) => (
          <MoneyField key={y.fiscalYear} id={`terms-year-${y.fiscalYear}`} name={`terms-year-${i}`} label={t('ca.form.yearAmount', { fiscalYear: y.fiscalYear })} problem={f(`fiscalYears.${i}.amountCents`) ?? f(`fiscalYears.${i}.fiscalYear`)} value={y.amount} onChange={(v) => set({ years: d.years.map((x, j) => (j === i ? { ...x, amount: v } : x)) })} />
        ))}
        <GcdsHeading tag="h3" characterLimit={false}>
          {t('ca.form.budget')}
        </GcdsHeading>
        <ProblemNotice problem={f('budget') ?? null} />
        <ul data-testid="budget-year-totals">
          {d.years.map((y) => {
            const sum = d.budget.filter((b) => b.fiscalYear === y.fiscalYear).reduce((s, b) => s + (typeof readMoney(b.amount) === 'bigint' ? (readMoney(b.amount) as bigint) : 0n), 0n);
            const amount = readMoney(y.amount);
            return <li key={y.fiscalYear}>{t('ca.form.budgetYearTotal', { fiscalYear: y.fiscalYear, budget: formatMoney(sum), amount: typeof amount === 'bigint' ? formatMoney(amount) : '…' })}</li>;
          })}
        </ul>
        {d.budget.map((b, i) => (
          <fieldset key={i} className="tp-fieldset">
            <legend>{t('ca.form.budgetLine', { n: i + 1 })}</legend>
            <Select id={`terms-budget-${i}-year`} label={t('ca.form.budgetYear', { n: i + 1 })} value={b.fiscalYear} problem={f(`budget.${i}.fiscalYear`)} onChange={(v) => set({ budget: d.budget.map((x, j) => (j === i ? { ...x, fiscalYear: v } : x)) })}>
              <option value="">{t('ca.form.choose')}</option>
              {termYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
            <Select id={`terms-budget-${i}-category`} label={t('ca.form.budgetCategory', { n: i + 1 })} value={b.category} problem={f(`budget.${i}.category`)} onChange={(v) => set({ budget: d.budget.map((x, j) => (j === i ? { ...x, category: v } : x)) })}>
              <option value="">{t('ca.form.choose')}</option>
              {COST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`apply.cost.${c}` as MessageKey)}
                </option>
              ))}
            </Select>
            <MoneyField id={`terms-budget-${i}-amount`} name={`terms-budget-${i}-amount`} label={t('ca.form.budgetAmount', { n: i + 1 })} problem={f(`budget.${i}.amountCents`)} value={b.amount} onChange={(v) => set({ budget: d.budget.map((x, j) => (j === i ? { ...x, amount: v } : x)) })} />
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ budget: d.budget.filter((_, j) => j !== i) })}>
              {t('ca.form.budgetRemove', { n: i + 1 })}
            </GcdsButton>
          </fieldset>
        ))}
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ budget: [...d.budget, { fiscalYear: termYears[0] ?? '', category: '', amount: '' }] })}>
          {t('ca.form.budgetAdd')}
        </GcdsButton>
      </Section>

      <Section id="payment" title={t('ca.form.section.payment')}>
        <Select id="terms-basis" label={t('ca.form.basis')} value={d.paymentBasis} problem={f('paymentBasis')} onChange={(v) => set({ paymentBasis: v })}>
          {PAYMENT_BASES.map((b) => (
            <option key={b} value={b}>
              {t(`ca.basis.${b}`)}
            </option>
          ))}
        </Select>
        {d.paymentBasis === 'advance' ? (
          <Select id="terms-advanceFrequency" label={t('ca.form.advanceFrequency')} value={d.advanceFrequency} problem={f('advanceFrequency')} onChange={(v) => set({ advanceFrequency: v })}>
            <option value="">{t('ca.form.choose')}</option>
            {REPORTING_FREQUENCIES.map((x) => (
              <option key={x} value={x}>
                {t(`ca.frequency.${x}`)}
              </option>
            ))}
          </Select>
        ) : null}
        <Select id="terms-holdbackKind" label={t('ca.form.holdbackKind')} value={d.holdbackKind} problem={undefined} onChange={(v) => set({ holdbackKind: v === 'amount' ? 'amount' : 'percent' })}>
          <option value="percent">{t('ca.form.holdbackPercent')}</option>
          <option value="amount">{t('ca.form.holdbackAmount')}</option>
        </Select>
        <Input id="terms-holdback" label={t('ca.form.holdbackValue', { kind: t(d.holdbackKind === 'percent' ? 'ca.form.holdbackPercent' : 'ca.form.holdbackAmount') })} value={d.holdbackValue} problem={f('holdback') ?? f('holdback.basisPoints') ?? f('holdback.cents')} onChange={(v) => set({ holdbackValue: v })} />
        {typeof holdback === 'bigint' ? <p data-testid="holdback-amount">{t('ca.form.holdbackComputed', { amount: formatMoney(holdback) })}</p> : null}
      </Section>

      <Section id="risk" title={t('ca.form.section.risk')}>
        <Select id="terms-risk" label={t('ca.form.risk')} value={d.riskLevel} problem={f('riskLevel')} onChange={(v) => set({ riskLevel: v })}>
          {RISK_LEVELS.map((r) => (
            <option key={r} value={r}>
              {t(`ca.risk.${r}`)}
            </option>
          ))}
        </Select>
        <GcdsButton
          type="button"
          buttonRole="secondary"
          size="small"
          onGcdsClick={() => {
            const r = riskDefaults(d.riskLevel as (typeof RISK_LEVELS)[number]);
            set({ reportingFrequency: r.reportingFrequency, paymentBasis: r.paymentBasis, advanceFrequency: r.advanceFrequency ?? '', holdbackKind: 'percent', holdbackValue: formatBasisPoints(r.holdbackBasisPoints) });
          }}
        >
          {t('ca.form.applyDefaults')}
        </GcdsButton>
        <GcdsTextarea textareaId="terms-riskReasons" name="terms-riskReasons" label={t('ca.form.riskReasons')} rows={3} value={d.riskReasons} errorMessage={f('riskReasons') ? message(f('riskReasons')!) : ''} onGcdsInput={(e) => set({ riskReasons: String(e.detail ?? '') })} />
        <Select id="terms-reporting" label={t('ca.form.reporting')} value={d.reportingFrequency} problem={f('reportingFrequency')} onChange={(v) => set({ reportingFrequency: v })}>
          {REPORTING_FREQUENCIES.map((x) => (
            <option key={x} value={x}>
              {t(`ca.frequency.${x}`)}
            </option>
          ))}
        </Select>
        {schedule.length > 0 ? <p>{t('ca.form.reportingPreview', { count: schedule.length, first: formatDate(schedule[0]!.dueDate), last: formatDate(schedule.at(-1)!.dueDate) })}</p> : null}
      </Section>

      <Section id="milestones" title={t('ca.form.section.milestones')}>
        {d.milestones.map((m, i) => (
          <fieldset key={m.key ?? `new-${i}`} className="tp-fieldset">
            <legend>{t('ca.form.milestone', { n: i + 1 })}</legend>
            <Input id={`terms-milestone-${i}-title`} label={t('ca.form.milestoneTitle', { n: i + 1 })} value={m.title} problem={f(`milestones.${i}.title`)} onChange={(v) => set({ milestones: d.milestones.map((x, j) => (j === i ? { ...x, title: v } : x)) })} />
            <Input id={`terms-milestone-${i}-deliverables`} label={t('ca.form.milestoneDeliverables', { n: i + 1 })} value={m.deliverables} problem={f(`milestones.${i}.deliverables`)} onChange={(v) => set({ milestones: d.milestones.map((x, j) => (j === i ? { ...x, deliverables: v } : x)) })} />
            <Input id={`terms-milestone-${i}-due`} label={t('ca.form.milestoneDue', { n: i + 1 })} value={m.dueDate} problem={f(`milestones.${i}.dueDate`)} onChange={(v) => set({ milestones: d.milestones.map((x, j) => (j === i ? { ...x, dueDate: v } : x)) })} />
            <MoneyField id={`terms-milestone-${i}-payment`} name={`terms-milestone-${i}-payment`} label={t('ca.form.milestonePayment', { n: i + 1 })} problem={f(`milestones.${i}.paymentCents`)} value={m.payment} onChange={(v) => set({ milestones: d.milestones.map((x, j) => (j === i ? { ...x, payment: v } : x)) })} />
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ milestones: d.milestones.filter((_, j) => j !== i) })}>
              {t('ca.form.milestoneRemove', { n: i + 1 })}
            </GcdsButton>
          </fieldset>
        ))}
        <ProblemNotice problem={f('milestones') ?? null} />
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ milestones: [...d.milestones, { title: '', deliverables: '', dueDate: '', payment: '' }] })}>
          {t('ca.form.milestoneAdd')}
        </GcdsButton>
      </Section>

      <Section id="indicators" title={t('ca.form.section.indicators')}>
        {d.indicators.map((x, i) => (
          <fieldset key={i} className="tp-fieldset">
            <legend>{t('ca.form.indicator', { n: i + 1 })}</legend>
            <Select id={`terms-indicator-${i}`} label={t('ca.form.indicator', { n: i + 1 })} value={x.indicatorId} problem={f(`indicators.${i}.indicatorId`)} onChange={(v) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, indicatorId: v } : y)) })}>
              <option value="">{t('ca.form.choose')}</option>
              {options.indicators.map((ind) => (
                <option key={ind.id} value={ind.id}>
                  {pick(ind.nameEn, ind.nameFr)}
                </option>
              ))}
            </Select>
            <Input id={`terms-indicator-${i}-target`} label={t('ca.form.indicatorTarget', { n: i + 1 })} value={x.targetValue} problem={f(`indicators.${i}.targetValue`)} onChange={(v) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, targetValue: v } : y)) })} />
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ indicators: d.indicators.filter((_, j) => j !== i) })}>
              {t('ca.form.indicatorRemove', { n: i + 1 })}
            </GcdsButton>
          </fieldset>
        ))}
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ indicators: [...d.indicators, { indicatorId: '', targetValue: '' }] })}>
          {t('ca.form.indicatorAdd')}
        </GcdsButton>
      </Section>

      <Section id="otherFunding" title={t('ca.form.section.otherFunding')}>
        <ProblemNotice problem={f('otherFunding') ?? null} />
        {d.funding.map((x, i) => (
          <fieldset key={i} className="tp-fieldset">
            <legend>{t('ca.form.funding', { n: i + 1 })}</legend>
            <Input id={`terms-funding-${i}-source`} label={t('ca.form.funding', { n: i + 1 })} value={x.source} problem={f(`otherFunding.${i}.source`)} onChange={(v) => set({ funding: d.funding.map((y, j) => (j === i ? { ...y, source: v } : y)) })} />
            <Select id={`terms-funding-${i}-kind`} label={t('ca.form.fundingKind', { n: i + 1 })} value={x.kind} problem={f(`otherFunding.${i}.kind`)} onChange={(v) => set({ funding: d.funding.map((y, j) => (j === i ? { ...y, kind: v } : y)) })}>
              <option value="">{t('ca.form.choose')}</option>
              {FUNDING_SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`apply.fundingKind.${k}` as MessageKey)}
                </option>
              ))}
            </Select>
            <MoneyField id={`terms-funding-${i}-amount`} name={`terms-funding-${i}-amount`} label={t('ca.form.fundingAmount', { n: i + 1 })} problem={f(`otherFunding.${i}.amountCents`)} value={x.amount} onChange={(v) => set({ funding: d.funding.map((y, j) => (j === i ? { ...y, amount: v } : y)) })} />
            <Select id={`terms-funding-${i}-status`} label={t('ca.form.fundingStatus', { n: i + 1 })} value={x.status} problem={f(`otherFunding.${i}.status`)} onChange={(v) => set({ funding: d.funding.map((y, j) => (j === i ? { ...y, status: v } : y)) })}>
              {FUNDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`ca.fundingStatus.${s}`)}
                </option>
              ))}
            </Select>
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ funding: d.funding.filter((_, j) => j !== i) })}>
              {t('ca.form.fundingRemove', { n: i + 1 })}
            </GcdsButton>
          </fieldset>
        ))}
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ funding: [...d.funding, { source: '', kind: '', amount: '', status: 'confirmed' }] })}>
          {t('ca.form.fundingAdd')}
        </GcdsButton>
        {stacking && stacking.governmentShareBp !== null ? <p>{t('ca.form.stacking', { share: `${formatBasisPoints(stacking.governmentShareBp)} %`, limit: `${formatBasisPoints(stacking.limitBp)} %` })}</p> : null}
      </Section>

      <Section id="conditions" title={t('ca.form.section.conditions')}>
        <GcdsTextarea textareaId="terms-conditions" name="terms-conditions" label={t('ca.form.conditions')} rows={3} value={d.specialConditions} onGcdsInput={(e) => set({ specialConditions: String(e.detail ?? '') })} />
      </Section>
      {children(d)}
    </>
  );
}

export type { CostCategory, Draft };
