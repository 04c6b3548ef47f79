/**
 * Claims, payments and the journal. Every money event is an entry of the journal; every balance
 * (committed, paid, advanced and not yet accounted for, holdback, lapsed, available) is derived
 * from the entries and can be recomputed from them at any time. The rules that limit payments
 * are checked here (to answer the person with a clear message) and again by the database.
 */
import { z } from 'zod';
import { COST_CATEGORIES, FUNDING_SOURCE_KINDS, type CostCategory } from './applications';
import { fiscalYearLabelSchema, isoDateSchema } from './fiscal-year';
import { centsInputSchema, percentOf, type Cents } from './money';
import { stateMachine } from './state-machine';

export const CLAIM_KINDS = ['advance', 'reimbursement', 'milestone'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_STATUSES = ['submitted', 'certified', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Section 34 (certified by the program) comes before section 33 (released by finance). */
export const claimLifecycle = stateMachine<ClaimStatus>('claim', {
  submitted: ['certified', 'rejected'],
  certified: ['paid', 'rejected'],
  paid: [],
  rejected: [],
});

export const LEDGER_KINDS = [
  'commitment',
  'advance_paid',
  'expenditure_reported',
  'advance_reconciled',
  'reimbursement_paid',
  'holdback_retained',
  'holdback_released',
  'overpayment_established',
  'recovery_received',
  'lapse',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The entries that are money paid to the recipient: one per released claim. Nothing else is a
 * payment. In particular `holdback_released` is not: it marks how much *of* a payment (the
 * `advance_paid` or `reimbursement_paid` of the same claim) was the holdback that the accepted
 * final report set free, so it never adds to what was paid.
 */
export const PAYMENT_KINDS = ['advance_paid', 'reimbursement_paid'] as const satisfies readonly LedgerKind[];

export interface JournalEntry {
  fiscalYear: string;
  kind: LedgerKind;
  amountCents: Cents;
  costCategory?: CostCategory | null;
}

export interface Balances {
  committed: Cents;
  paid: Cents;
  advanced: Cents;
  advancesOutstanding: Cents;
  expenditureReported: Cents;
  lapsed: Cents;
  /** Of what was paid, how much was holdback set free by the accepted final report (a part of `paid`, never added to it). */
  holdbackReleased: Cents;
  receivable: Cents;
  /** Overpayments the recipient has paid back. */
  recovered: Cents;
  /** Committed and not paid. */
  available: Cents;
}

const ZERO: Balances = { committed: 0n, paid: 0n, advanced: 0n, advancesOutstanding: 0n, expenditureReported: 0n, lapsed: 0n, holdbackReleased: 0n, receivable: 0n, recovered: 0n, available: 0n };

/** One entry's effect on the balances: the only place that says what each kind of entry means. */
export function applyEntry(b: Balances, e: Pick<JournalEntry, 'kind' | 'amountCents'>): Balances {
  const n = { ...b };
  switch (e.kind) {
    case 'commitment':
      n.committed += e.amountCents;
      break;
    case 'lapse':
      n.committed -= e.amountCents;
      n.lapsed += e.amountCents;
      break;
    case 'advance_paid':
      n.paid += e.amountCents;
      n.advanced += e.amountCents;
      n.advancesOutstanding += e.amountCents;
      break;
    case 'reimbursement_paid':
      n.paid += e.amountCents;
      break;
    case 'expenditure_reported':
      n.expenditureReported += e.amountCents;
      break;
    case 'advance_reconciled':
      n.advancesOutstanding -= e.amountCents;
      break;
    case 'holdback_retained':
      break;
    case 'holdback_released':
      // A marker inside a payment, already counted in `paid` by that payment's own entry.
      n.holdbackReleased += e.amountCents;
      break;
    case 'overpayment_established':
      n.receivable += e.amountCents;
      break;
    case 'recovery_received':
      n.receivable -= e.amountCents;
      n.recovered += e.amountCents;
      break;
  }
  n.available = n.committed - n.paid;
  return n;
}

/** The balances of a set of entries, by replaying them. */
export function balancesOf(entries: readonly Pick<JournalEntry, 'kind' | 'amountCents'>[]): Balances {
  return entries.reduce(applyEntry, ZERO);
}

/** What the program actually spent: paid to the recipient, less the overpayments paid back. */
export function actualSpending(b: Pick<Balances, 'paid' | 'recovered'>): Cents {
  return b.paid - b.recovered;
}

/**
 * How much of a payment of `amount`, made after `paidBefore` was paid, is holdback set free: once
 * the final report is accepted, whatever is paid beyond the total less the holdback. Before the
 * final report nothing is (the limits refuse paying into the holdback).
 */
export function holdbackReleasedBy(paidBefore: Cents, amount: Cents, limits: Pick<PaymentLimits, 'totalCents' | 'holdbackCents' | 'finalReportAccepted'>): Cents {
  if (!limits.finalReportAccepted) return 0n;
  const threshold = limits.totalCents - limits.holdbackCents;
  const beyond = (paid: Cents) => (paid > threshold ? paid - threshold : 0n);
  return beyond(paidBefore + amount) - beyond(paidBefore);
}

/**
 * The holdback still kept, shown in one fiscal year only: the last fiscal year of the terms in
 * force (where it would be paid). Every reconciliation path and the database's copy use this.
 */
export function holdbackKeptIn(fiscalYear: string, termsLastYear: string | null, holdbackCents: Cents, releasedCents: Cents): Cents {
  return termsLastYear !== null && fiscalYear === termsLastYear ? holdbackCents - releasedCents : 0n;
}

/** Balances per fiscal year, in fiscal-year order. */
export function balancesByFiscalYear(entries: readonly JournalEntry[]): Map<string, Balances> {
  const out = new Map<string, Balances>();
  for (const e of [...entries].sort((a, b) => a.fiscalYear.localeCompare(b.fiscalYear))) out.set(e.fiscalYear, applyEntry(out.get(e.fiscalYear) ?? ZERO, e));
  return out;
}

export interface PaymentLimits {
  /** Each fiscal year's amount in the terms in force. */
  fiscalYears: ReadonlyMap<string, Cents>;
  totalCents: Cents;
  holdbackCents: Cents;
  finalReportAccepted: boolean;
}

export type PaymentRefusal = { messageKey: 'error.payment.fiscalYearLimit'; room: Cents } | { messageKey: 'error.payment.totalLimit'; room: Cents };

/**
 * May `amount` be paid in `fiscalYear`? Never beyond the year's amount; never, in total, beyond
 * the agreement less the holdback until the final report is accepted (then the total).
 */
export function paymentRefusal(entries: readonly JournalEntry[], limits: PaymentLimits, fiscalYear: string, amount: Cents): PaymentRefusal | null {
  const paidYear = balancesOf(entries.filter((e) => e.fiscalYear === fiscalYear)).paid;
  const yearRoom = (limits.fiscalYears.get(fiscalYear) ?? 0n) - paidYear;
  if (amount > yearRoom) return { messageKey: 'error.payment.fiscalYearLimit', room: yearRoom < 0n ? 0n : yearRoom };
  const paid = balancesOf(entries).paid;
  const ceiling = limits.finalReportAccepted ? limits.totalCents : limits.totalCents - limits.holdbackCents;
  if (paid + amount > ceiling) return { messageKey: 'error.payment.totalLimit', room: ceiling - paid < 0n ? 0n : ceiling - paid };
  return null;
}

/**
 * No new advance until earlier advances are accounted for: what is still outstanding may not
 * exceed the tolerance (a share of all advances paid).
 */
export function advancesAccountedFor(balances: Pick<Balances, 'advanced' | 'advancesOutstanding'>, toleranceBp: bigint): boolean {
  return balances.advancesOutstanding <= percentOf(balances.advanced, toleranceBp);
}

/** The part of reported spending that accounts for outstanding advances; the rest may be reimbursed. */
export function splitExpenditure(expenditure: Cents, advancesOutstanding: Cents): { reconciles: Cents; reimbursable: Cents } {
  const reconciles = expenditure < advancesOutstanding ? expenditure : advancesOutstanding < 0n ? 0n : advancesOutstanding;
  return { reconciles, reimbursable: expenditure - reconciles };
}

/**
 * A budget line's variance once this claim's spending is added: spent to date against the
 * line's budget for the year. An explanation is required beyond the threshold (or for spending
 * on a line with no budget at all).
 */
export function varianceNeedsExplanation(budget: Cents, spentToDate: Cents, thresholdBp: bigint): boolean {
  if (budget === 0n) return spentToDate > 0n;
  const over = spentToDate - budget;
  return over > 0n && over * 10_000n > thresholdBp * budget;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const text = (max: number) => z.string({ message: 'error.invalid' }).trim().max(max, { message: 'error.text.tooLong' });
const uuid = z.uuid({ message: 'error.id.invalid' });

export const claimExpenditureInput = z.object({
  category: z.enum(COST_CATEGORIES, { message: 'error.costCategory.invalid' }),
  amountCents: centsInputSchema,
  explanation: text(2000),
});

export const claimInput = z
  .object({
    agreementId: uuid,
    clientKey: uuid,
    kind: z.enum(CLAIM_KINDS, { message: 'error.claim.kind' }),
    fiscalYear: fiscalYearLabelSchema,
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    milestoneKey: uuid.nullable(),
    requestedCents: centsInputSchema.refine((v) => v > 0n, { message: 'error.money.positive' }),
    expenditures: z.array(claimExpenditureInput).max(COST_CATEGORIES.length, { message: 'error.list.tooLong' }),
    otherRevenues: z
      .array(z.object({ source: text(300).min(1, { message: 'error.required' }), kind: z.enum(FUNDING_SOURCE_KINDS, { message: 'error.fundingKind.invalid' }), amountCents: centsInputSchema }))
      .max(20, { message: 'error.list.tooLong' }),
    /** The cash-flow forecast that justifies an advance: what will be spent, month by month. */
    forecast: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, { message: 'error.claim.month' }), amountCents: centsInputSchema })).max(24, { message: 'error.list.tooLong' }),
    explanation: text(5000),
  })
  .superRefine((c, ctx) => {
    if (c.periodEnd < c.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'error.dates.endBeforeStart' });
    if ((c.kind === 'milestone') !== (c.milestoneKey !== null)) ctx.addIssue({ code: 'custom', path: ['milestoneKey'], message: 'error.claim.milestoneRequired' });
    if (c.kind === 'advance' && c.forecast.length === 0) ctx.addIssue({ code: 'custom', path: ['forecast'], message: 'error.claim.forecastRequired' });
    const seen = new Set<string>();
    c.expenditures.forEach((e, i) => {
      if (seen.has(e.category)) ctx.addIssue({ code: 'custom', path: ['expenditures', i, 'category'], message: 'error.claim.categoryTwice' });
      seen.add(e.category);
    });
  });
export type ClaimInput = z.infer<typeof claimInput>;

export const certifyClaimInput = z
  .object({
    claimId: uuid,
    certifiedCents: centsInputSchema.refine((v) => v > 0n, { message: 'error.money.positive' }),
    adjustmentReason: text(5000),
  });

/**
 * May a claim of `requestedCents` be certified for `certifiedCents`? A positive amount, never more
 * than was claimed, and a reason whenever it is less (blank text is no reason). The database holds
 * the same as CHECKs on claim (packages/db/test/parity/certification.test.ts).
 */
export function certificationAmountRefusal(
  requestedCents: Cents,
  certifiedCents: Cents,
  adjustmentReason: string,
): 'error.money.positive' | 'error.claim.certifiedAboveRequested' | 'error.claim.adjustmentReason' | null {
  if (certifiedCents <= 0n) return 'error.money.positive';
  if (certifiedCents > requestedCents) return 'error.claim.certifiedAboveRequested';
  return certifiedCents !== requestedCents && adjustmentReason.trim() === '' ? 'error.claim.adjustmentReason' : null;
}

export const rejectClaimInput = z.object({ claimId: uuid, reason: text(5000).min(1, { message: 'error.claim.reasonRequired' }) });
export const releasePaymentInput = z.object({ claimId: uuid, releaseKey: uuid });

/** Published service standard: pay a complete claim within this many calendar days. */
export const PAYMENT_SERVICE_STANDARD_DAYS = 28;

export function claimReference(year: number, n: number | bigint): string {
  return `CLM-${year}-${String(n).padStart(6, '0')}`;
}
