/**
 * Contribution agreements: the terms an officer drafts (money by fiscal year and cost
 * category, payment basis, holdback, risk, reporting schedule, milestones, indicators,
 * other funding), the defaults a risk level proposes, the schedules derived from the term
 * (fiscal years, reporting periods, advances), the lifecycle, and the rules an amendment
 * must keep (reprofiling keeps the total; money paid in a fiscal year stays in it).
 * Terms are checked whole: a draft agreement is never inconsistent.
 */
import { z } from 'zod';
import {
  COST_CATEGORIES,
  FUNDING_SOURCE_KINDS,
  FUNDING_STATUSES,
  targetValueSchema,
  type CostCategory,
  type FundingSourceKind,
  type FundingStatus,
} from './applications';
import { fiscalYearLabelSchema, fiscalYearOf, fiscalYearsBetween, isoDateSchema, parseFiscalYearLabel, type IsoDate } from './fiscal-year';
import { allocate, centsInputSchema, percentOf, sum, type Cents } from './money';
import { COLLECTION_FREQUENCIES, type CollectionFrequency } from './performance';
import type { OrganisationType } from './reference';
import { stateMachine } from './state-machine';

export const AGREEMENT_STATUSES = ['draft', 'sent_for_signature', 'recipient_signed', 'active', 'closed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * Draft, out for signature (recalled to draft to change it), signed by the recipient, then
 * signed by the department, which makes it active. An active agreement ends closed (its work
 * and money are done) or terminated (ended early, with a reason).
 */
export const agreementLifecycle = stateMachine<AgreementStatus>('agreement', {
  draft: ['sent_for_signature'],
  sent_for_signature: ['draft', 'recipient_signed'],
  recipient_signed: ['active', 'draft'],
  active: ['closed', 'terminated'],
  closed: [],
  terminated: [],
});

/** A version of the terms: version 1 is the original, every later one an amendment. */
export const AGREEMENT_VERSION_STATUSES = ['draft', 'proposed', 'in_force', 'superseded', 'rejected'] as const;
export type AgreementVersionStatus = (typeof AGREEMENT_VERSION_STATUSES)[number];
export const agreementVersionLifecycle = stateMachine<AgreementVersionStatus>('agreement version', {
  draft: ['proposed'],
  proposed: ['draft', 'in_force', 'rejected'],
  in_force: ['superseded'],
  superseded: [],
  rejected: [],
});

export const AGREEMENT_TEMPLATES = ['standard', 'province_territory'] as const;
export type AgreementTemplate = (typeof AGREEMENT_TEMPLATES)[number];
/** Provinces and territories sign bilateral agreements with their own wording. */
export function agreementTemplateFor(type: OrganisationType): AgreementTemplate {
  return type === 'province_or_territory' ? 'province_territory' : 'standard';
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const PAYMENT_BASES = ['advance', 'reimbursement'] as const;
export type PaymentBasis = (typeof PAYMENT_BASES)[number];
export const REPORTING_FREQUENCIES = COLLECTION_FREQUENCIES;
export type ReportingFrequency = CollectionFrequency;

export interface RiskDefaults {
  reportingFrequency: ReportingFrequency;
  paymentBasis: PaymentBasis;
  advanceFrequency: ReportingFrequency | null;
  holdbackBasisPoints: bigint;
}

/**
 * What a risk level proposes; the officer may change each. Low risk reports twice a year and
 * receives advances twice a year; medium reports and receives advances quarterly; high risk
 * reports monthly and is paid only by reimbursement of its claims. The holdback grows with risk.
 */
export function riskDefaults(level: RiskLevel): RiskDefaults {
  switch (level) {
    case 'low':
      return { reportingFrequency: 'semi_annual', paymentBasis: 'advance', advanceFrequency: 'semi_annual', holdbackBasisPoints: 500n };
    case 'medium':
      return { reportingFrequency: 'quarterly', paymentBasis: 'advance', advanceFrequency: 'quarterly', holdbackBasisPoints: 1000n };
    case 'high':
      return { reportingFrequency: 'monthly', paymentBasis: 'reimbursement', advanceFrequency: null, holdbackBasisPoints: 1000n };
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and periods

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetweenInclusive(start: IsoDate, end: IsoDate): number {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000) + 1;
}

function firstOfMonth(year: number, month: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return d.toISOString().slice(0, 10);
}

export interface TermFiscalYear {
  fiscalYear: string;
  /** The part of the fiscal year inside the agreement's term. */
  start: IsoDate;
  end: IsoDate;
  days: number;
}

/** The fiscal years an agreement's term touches, each clipped to the term. */
export function termFiscalYears(start: IsoDate, end: IsoDate): TermFiscalYear[] {
  return fiscalYearsBetween(start, end).map((fy) => {
    const s = fy.start > start ? fy.start : start;
    const e = fy.end < end ? fy.end : end;
    return { fiscalYear: fy.label, start: s, end: e, days: daysBetweenInclusive(s, e) };
  });
}

/** The total split over the term's fiscal years in proportion to the days of each, to the cent. */
export function proposeFiscalYearAmounts(totalCents: Cents, start: IsoDate, end: IsoDate): { fiscalYear: string; amountCents: Cents }[] {
  const years = termFiscalYears(start, end);
  const parts = allocate(totalCents, years.map((y) => BigInt(y.days)));
  return years.map((y, i) => ({ fiscalYear: y.fiscalYear, amountCents: parts[i] ?? 0n }));
}

const MONTHS_PER_PERIOD: Record<ReportingFrequency, number> = { monthly: 1, quarterly: 3, semi_annual: 6, annual: 12 };

export interface Period {
  fiscalYear: string;
  start: IsoDate;
  end: IsoDate;
}

/**
 * Periods of a frequency aligned on the fiscal year (quarters end June 30, September 30,
 * December 31 and March 31), clipped to the term; a period never spans two fiscal years.
 */
export function periodsOf(start: IsoDate, end: IsoDate, frequency: ReportingFrequency): Period[] {
  const months = MONTHS_PER_PERIOD[frequency];
  const periods: Period[] = [];
  for (const fy of fiscalYearsBetween(start, end)) {
    for (let k = 0; k < 12; k += months) {
      const monthIndex = 3 + k; // April is month index 3
      const pStart = firstOfMonth(fy.startYear + Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
      const nextIndex = monthIndex + months;
      const pEnd = addDays(firstOfMonth(fy.startYear + Math.floor(nextIndex / 12), (nextIndex % 12) + 1), -1);
      if (pEnd < start || pStart > end) continue;
      periods.push({ fiscalYear: fy.label, start: pStart > start ? pStart : start, end: pEnd < end ? pEnd : end });
    }
  }
  return periods;
}

/** Days after a period's end that its progress report is due; the final report gets longer. */
export const REPORT_DUE_DAYS = 30;
export const FINAL_REPORT_DUE_DAYS = 90;

export interface ReportingPeriod extends Period {
  dueDate: IsoDate;
  final: boolean;
}

/** The progress reports an agreement asks for: one per period, the last one the final report. */
export function reportingSchedule(start: IsoDate, end: IsoDate, frequency: ReportingFrequency): ReportingPeriod[] {
  const periods = periodsOf(start, end, frequency);
  return periods.map((p, i) => {
    const final = i === periods.length - 1;
    return { ...p, final, dueDate: addDays(p.end, final ? FINAL_REPORT_DUE_DAYS : REPORT_DUE_DAYS) };
  });
}

// ---------------------------------------------------------------------------------------------
// Holdback and advances

export type Holdback = { kind: 'percent'; basisPoints: bigint } | { kind: 'amount'; cents: Cents };

/** The amount kept back until the final report is accepted, to the cent. */
export function holdbackCents(totalCents: Cents, holdback: Holdback): Cents {
  return holdback.kind === 'percent' ? percentOf(totalCents, holdback.basisPoints) : holdback.cents;
}

/**
 * The holdback is withheld from the last fiscal years: it comes out of the final year's
 * amount first, then the year before, and so on. Returns the amount payable per fiscal year
 * before the final report is accepted; the parts add up to the total minus the holdback.
 */
export function payableBeforeFinalReport(fiscalYears: readonly { fiscalYear: string; amountCents: Cents }[], holdback: Cents): { fiscalYear: string; amountCents: Cents }[] {
  let left = holdback;
  const sorted = [...fiscalYears].sort((a, b) => a.fiscalYear.localeCompare(b.fiscalYear));
  const out = sorted.map((y) => ({ ...y }));
  for (let i = out.length - 1; i >= 0 && left > 0n; i--) {
    const y = out[i]!;
    const taken = y.amountCents < left ? y.amountCents : left;
    y.amountCents -= taken;
    left -= taken;
  }
  return out;
}

export interface AdvanceInstalment extends Period {
  amountCents: Cents;
}

/**
 * Advances for an agreement paid in advance: each fiscal year's payable amount (after the
 * holdback) split over that year's advance periods in proportion to their days, to the cent.
 */
export function advanceSchedule(terms: {
  startDate: IsoDate;
  endDate: IsoDate;
  fiscalYears: readonly { fiscalYear: string; amountCents: Cents }[];
  holdbackCents: Cents;
  advanceFrequency: ReportingFrequency;
}): AdvanceInstalment[] {
  const payable = payableBeforeFinalReport(terms.fiscalYears, terms.holdbackCents);
  const periods = periodsOf(terms.startDate, terms.endDate, terms.advanceFrequency);
  const out: AdvanceInstalment[] = [];
  for (const y of payable) {
    const inYear = periods.filter((p) => p.fiscalYear === y.fiscalYear);
    if (inYear.length === 0) continue;
    const parts = allocate(y.amountCents, inYear.map((p) => BigInt(daysBetweenInclusive(p.start, p.end))));
    inYear.forEach((p, i) => out.push({ ...p, amountCents: parts[i] ?? 0n }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The terms

const text = (max: number) => z.string({ message: 'error.invalid' }).trim().max(max, { message: 'error.text.tooLong' });
const required = (max: number) => text(max).min(1, { message: 'error.required' });
const uuid = z.uuid({ message: 'error.id.invalid' });

export const holdbackInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('percent'),
      basisPoints: z
        .bigint({ message: 'error.holdback.invalid' })
        .min(0n, { message: 'error.holdback.invalid' })
        .max(10_000n, { message: 'error.holdback.overHundred' }),
    }),
    z.object({ kind: z.literal('amount'), cents: centsInputSchema }),
  ],
  { message: 'error.holdback.invalid' },
);

export const agreementFiscalYearInput = z.object({ fiscalYear: fiscalYearLabelSchema, amountCents: centsInputSchema });
export const agreementBudgetLineInput = z.object({
  fiscalYear: fiscalYearLabelSchema,
  category: z.enum(COST_CATEGORIES, { message: 'error.costCategory.invalid' }),
  amountCents: centsInputSchema,
});
export const milestoneInput = z.object({
  /** Stable across versions, so a report or a claim can name the milestone after an amendment. */
  key: uuid.optional(),
  title: required(300),
  deliverables: text(2000),
  dueDate: isoDateSchema,
  /** The payment this milestone releases once approved, or null. */
  paymentCents: centsInputSchema.nullable(),
});
export const agreementIndicatorInput = z.object({ indicatorId: uuid, targetValue: targetValueSchema });
export const agreementFundingSourceInput = z.object({
  source: required(300),
  kind: z.enum(FUNDING_SOURCE_KINDS, { message: 'error.fundingKind.invalid' }),
  amountCents: centsInputSchema,
  status: z.enum(FUNDING_STATUSES, { message: 'error.fundingStatus.invalid' }),
});

const termsShape = z.object({
  streamId: uuid.nullable(),
  pillarIds: z.array(uuid).min(1, { message: 'error.agreement.pillarRequired' }).max(10, { message: 'error.list.tooLong' }),
  title: required(300),
  description: text(10_000),
  /**
   * For the proactive disclosure (domain/disclosure.ts): the French title and description and the
   * expected results in both languages. Optional while drafting (blank is "not yet written"); the
   * disclosure check reports a missing one for agreements starting on or after 2025-12-01.
   */
  titleFr: text(300).optional(),
  descriptionFr: text(10_000).optional(),
  expectedResultsEn: text(5000).optional(),
  expectedResultsFr: text(5000).optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  totalCents: centsInputSchema.refine((v) => v > 0n, { message: 'error.money.positive' }),
  fiscalYears: z.array(agreementFiscalYearInput).min(1, { message: 'error.agreement.fiscalYearsRequired' }).max(12, { message: 'error.list.tooLong' }),
  budget: z.array(agreementBudgetLineInput).max(200, { message: 'error.list.tooLong' }),
  paymentBasis: z.enum(PAYMENT_BASES, { message: 'error.agreement.paymentBasis' }),
  advanceFrequency: z.enum(REPORTING_FREQUENCIES, { message: 'error.agreement.advanceFrequency' }).nullable(),
  holdback: holdbackInput,
  riskLevel: z.enum(RISK_LEVELS, { message: 'error.agreement.riskLevel' }),
  riskReasons: required(5000),
  reportingFrequency: z.enum(REPORTING_FREQUENCIES, { message: 'error.agreement.reportingFrequency' }),
  milestones: z.array(milestoneInput).max(100, { message: 'error.list.tooLong' }),
  indicators: z.array(agreementIndicatorInput).max(50, { message: 'error.list.tooLong' }),
  otherFunding: z.array(agreementFundingSourceInput).max(50, { message: 'error.list.tooLong' }),
  specialConditions: text(10_000),
});
export type AgreementTermsShape = z.infer<typeof termsShape>;

export interface TermsIssue {
  path: (string | number)[];
  messageKey: string;
  params?: Record<string, string>;
}

/**
 * Everything the terms must satisfy together, each issue naming its field: the end after the
 * start; fiscal-year amounts inside the term, once each, adding up to the total; the budget
 * inside those years and adding up to each year's amount; the holdback within the total;
 * advances with a frequency, reimbursement without; milestones inside the term, their payments
 * within the total; each indicator once.
 */
export function termsIssues(t: AgreementTermsShape): TermsIssue[] {
  const issues: TermsIssue[] = [];
  if (t.endDate < t.startDate) {
    issues.push({ path: ['endDate'], messageKey: 'error.dates.endBeforeStart' });
    return issues;
  }
  const termYears = new Set(termFiscalYears(t.startDate, t.endDate).map((y) => y.fiscalYear));
  const seenYears = new Set<string>();
  t.fiscalYears.forEach((y, i) => {
    if (!termYears.has(y.fiscalYear)) issues.push({ path: ['fiscalYears', i, 'fiscalYear'], messageKey: 'error.agreement.fiscalYearOutsideTerm', params: { fiscalYear: y.fiscalYear } });
    if (seenYears.has(y.fiscalYear)) issues.push({ path: ['fiscalYears', i, 'fiscalYear'], messageKey: 'error.agreement.fiscalYearTwice', params: { fiscalYear: y.fiscalYear } });
    seenYears.add(y.fiscalYear);
  });
  const yearsTotal = sum(t.fiscalYears.map((y) => y.amountCents));
  if (yearsTotal !== t.totalCents) issues.push({ path: ['fiscalYears'], messageKey: 'error.agreement.fiscalYearsSum' });

  const budgetByYear = new Map<string, Cents>();
  const seenLines = new Set<string>();
  t.budget.forEach((l, i) => {
    if (!seenYears.has(l.fiscalYear)) issues.push({ path: ['budget', i, 'fiscalYear'], messageKey: 'error.agreement.budgetYearUnknown', params: { fiscalYear: l.fiscalYear } });
    const key = `${l.fiscalYear}/${l.category}`;
    if (seenLines.has(key)) issues.push({ path: ['budget', i, 'category'], messageKey: 'error.agreement.budgetLineTwice', params: { fiscalYear: l.fiscalYear } });
    seenLines.add(key);
    budgetByYear.set(l.fiscalYear, (budgetByYear.get(l.fiscalYear) ?? 0n) + l.amountCents);
  });
  for (const y of t.fiscalYears) {
    if ((budgetByYear.get(y.fiscalYear) ?? 0n) !== y.amountCents) {
      issues.push({ path: ['budget'], messageKey: 'error.agreement.budgetSum', params: { fiscalYear: y.fiscalYear } });
    }
  }

  if (t.holdback.kind === 'amount' && t.holdback.cents > t.totalCents) issues.push({ path: ['holdback'], messageKey: 'error.holdback.overTotal' });
  if (t.paymentBasis === 'advance' && t.advanceFrequency === null) issues.push({ path: ['advanceFrequency'], messageKey: 'error.agreement.advanceFrequency' });
  if (t.paymentBasis === 'reimbursement' && t.advanceFrequency !== null) issues.push({ path: ['advanceFrequency'], messageKey: 'error.agreement.noAdvances' });

  t.milestones.forEach((m, i) => {
    if (m.dueDate < t.startDate || m.dueDate > t.endDate) issues.push({ path: ['milestones', i, 'dueDate'], messageKey: 'error.agreement.milestoneOutsideTerm' });
  });
  const milestonePayments = sum(t.milestones.map((m) => m.paymentCents ?? 0n));
  if (milestonePayments > t.totalCents) issues.push({ path: ['milestones'], messageKey: 'error.agreement.milestonePaymentsOverTotal' });
  const keys = new Set<string>();
  t.milestones.forEach((m, i) => {
    if (m.key && keys.has(m.key)) issues.push({ path: ['milestones', i, 'key'], messageKey: 'error.invalid' });
    if (m.key) keys.add(m.key);
  });

  const indicators = new Set<string>();
  t.indicators.forEach((ind, i) => {
    if (indicators.has(ind.indicatorId)) issues.push({ path: ['indicators', i, 'indicatorId'], messageKey: 'error.agreement.indicatorTwice' });
    indicators.add(ind.indicatorId);
  });
  if (new Set(t.pillarIds).size !== t.pillarIds.length) issues.push({ path: ['pillarIds'], messageKey: 'error.invalid' });
  return issues;
}

/** The terms of a version, checked whole (each issue reported on its field). */
export const agreementTermsInput = termsShape.superRefine((t, ctx) => {
  for (const issue of termsIssues(t)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.messageKey, params: issue.params });
});
export type AgreementTerms = z.infer<typeof agreementTermsInput>;

/** The disclosure's texts of the version in force (or the current one), written after draft (agreementActions' writeDisclosure). */
export const writeDisclosureTextsInput = z.object({
  agreementId: uuid,
  titleFr: text(300),
  descriptionFr: text(10_000),
  expectedResultsEn: text(5000),
  expectedResultsFr: text(5000),
});
export type WriteDisclosureTextsInput = z.infer<typeof writeDisclosureTextsInput>;

export const createAgreementInput = z.object({
  programId: uuid,
  organisationId: uuid,
  /** Set when the agreement comes from an approved application; null for a direct agreement. */
  applicationId: uuid.nullable(),
  terms: agreementTermsInput,
});
export type CreateAgreementInput = z.infer<typeof createAgreementInput>;

export const updateAgreementDraftInput = z.object({ agreementId: uuid, terms: agreementTermsInput });

export const recipientSignatureInput = z.object({
  agreementId: uuid,
  signerName: required(120),
  signerTitle: required(120),
  /** The recipient confirms having read the agreement and its schedules. */
  confirmed: z.literal(true, { message: 'error.agreement.confirmRequired' }),
});

export const proposeAmendmentInput = z.object({
  agreementId: uuid,
  /** The version in force that the officer amended: a stale one is refused as a conflict. */
  basedOnVersion: z.number({ message: 'error.invalid' }).int().positive(),
  reason: required(5000),
  terms: agreementTermsInput,
});

export const decideAmendmentInput = z.object({
  agreementId: uuid,
  version: z.number({ message: 'error.invalid' }).int().min(2),
  approve: z.boolean(),
  note: text(5000),
});

export const endAgreementInput = z.object({
  agreementId: uuid,
  outcome: z.enum(['closed', 'terminated'], { message: 'error.invalid' }),
  reason: required(5000),
});

export const AGREEMENT_PORTFOLIO_PAGE_SIZE = 50;
export const agreementPortfolioInput = z.object({
  programId: uuid.nullable().default(null),
  streamId: uuid.nullable().default(null),
  pillarId: uuid.nullable().default(null),
  province: z.string().max(2).nullable().default(null),
  riskLevel: z.enum(RISK_LEVELS, { message: 'error.agreement.riskLevel' }).nullable().default(null),
  status: z.enum(AGREEMENT_STATUSES, { message: 'error.invalid' }).nullable().default(null),
  fiscalYear: fiscalYearLabelSchema.nullable().default(null),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type AgreementPortfolioInput = z.infer<typeof agreementPortfolioInput>;

// ---------------------------------------------------------------------------------------------
// Amendments

export type AmendmentKind = 'reprofiling' | 'increase' | 'decrease' | 'other';

/** What an amendment does to the money: an increase needs authority for the new total. */
export function amendmentKind(previous: Pick<AgreementTermsShape, 'totalCents' | 'fiscalYears'>, next: Pick<AgreementTermsShape, 'totalCents' | 'fiscalYears'>): AmendmentKind {
  if (next.totalCents > previous.totalCents) return 'increase';
  if (next.totalCents < previous.totalCents) return 'decrease';
  const before = new Map(previous.fiscalYears.map((y) => [y.fiscalYear, y.amountCents]));
  const after = new Map(next.fiscalYears.map((y) => [y.fiscalYear, y.amountCents]));
  const labels = new Set([...before.keys(), ...after.keys()]);
  for (const l of labels) if ((before.get(l) ?? 0n) !== (after.get(l) ?? 0n)) return 'reprofiling';
  return 'other';
}

/**
 * Money already paid in a fiscal year cannot leave it, and a closed fiscal year cannot
 * receive more: each issue names the fiscal year.
 */
export function amendmentMoneyIssues(
  previous: readonly { fiscalYear: string; amountCents: Cents }[],
  next: readonly { fiscalYear: string; amountCents: Cents }[],
  paidByFiscalYear: ReadonlyMap<string, Cents>,
  closedFiscalYears: ReadonlySet<string>,
): TermsIssue[] {
  const issues: TermsIssue[] = [];
  const nextBy = new Map(next.map((y) => [y.fiscalYear, y.amountCents]));
  const prevBy = new Map(previous.map((y) => [y.fiscalYear, y.amountCents]));
  for (const [label, paid] of paidByFiscalYear) {
    if (paid > 0n && (nextBy.get(label) ?? 0n) < paid) {
      issues.push({ path: ['fiscalYears'], messageKey: 'error.amendment.paidMoneyMoved', params: { fiscalYear: label } });
    }
  }
  for (const [label, amount] of nextBy) {
    if (closedFiscalYears.has(label) && amount > (prevBy.get(label) ?? 0n)) {
      issues.push({ path: ['fiscalYears'], messageKey: 'error.amendment.closedYearIncreased', params: { fiscalYear: label } });
    }
  }
  return issues;
}

/** The top-level parts of the terms that differ between two versions, for the side-by-side view. */
export const TERMS_SECTIONS = [
  'streamId', 'pillarIds', 'title', 'titleFr', 'description', 'descriptionFr', 'expectedResultsEn', 'expectedResultsFr', 'startDate', 'endDate', 'totalCents', 'fiscalYears', 'budget',
  'paymentBasis', 'advanceFrequency', 'holdback', 'riskLevel', 'riskReasons', 'reportingFrequency',
  'milestones', 'indicators', 'otherFunding', 'specialConditions',
] as const satisfies readonly (keyof AgreementTermsShape)[];
export type TermsSection = (typeof TERMS_SECTIONS)[number];

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function changedSections(a: AgreementTermsShape, b: AgreementTermsShape): TermsSection[] {
  const norm = (t: AgreementTermsShape, s: TermsSection): string => {
    const v = t[s];
    if (s === 'fiscalYears' || s === 'budget') {
      return canonical([...(v as { fiscalYear: string }[])].sort((x, y) => canonical(x).localeCompare(canonical(y))));
    }
    if (s === 'pillarIds') return canonical([...(v as string[])].sort());
    return canonical(v);
  };
  return TERMS_SECTIONS.filter((s) => norm(a, s) !== norm(b, s));
}

// ---------------------------------------------------------------------------------------------
// References and helpers

export function agreementReference(year: number, n: number | bigint): string {
  return `AGR-${year}-${String(n).padStart(6, '0')}`;
}

/** The fiscal years of a period, as labels, e.g. for a filter: 2026-27 is in term if the term touches it. */
export function termTouchesFiscalYear(start: IsoDate, end: IsoDate, label: string): boolean {
  const fy = parseFiscalYearLabel(label);
  return start <= fy.end && end >= fy.start;
}

export function fiscalYearLabelOf(date: IsoDate): string {
  return fiscalYearOf(date).label;
}

export type { CostCategory, FundingSourceKind, FundingStatus };
