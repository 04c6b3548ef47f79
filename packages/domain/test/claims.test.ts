import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advancesAccountedFor,
  applyEntry,
  balancesByFiscalYear,
  balancesOf,
  certificationAmountRefusal,
  claimInput,
  claimLifecycle,
  paymentRefusal,
  splitExpenditure,
  varianceNeedsExplanation,
  type JournalEntry,
  type PaymentLimits,
} from '../src';

const YEARS = ['2026-27', '2027-28'] as const;
const limits = (over: Partial<PaymentLimits> = {}): PaymentLimits => ({
  fiscalYears: new Map([
    ['2026-27', 12_000_000n],
    ['2027-28', 12_000_000n],
  ]),
  totalCents: 24_000_000n,
  holdbackCents: 2_400_000n,
  finalReportAccepted: false,
  ...over,
});

/**
 * A small model of the platform's money rules: operations are attempted in any order and applied
 * only when the rules allow them, exactly as the services do before the journal is written.
 */
type Op =
  | { op: 'advance'; year: 0 | 1; amount: bigint }
  | { op: 'reimburse'; year: 0 | 1; amount: bigint }
  | { op: 'spend'; year: 0 | 1; amount: bigint }
  | { op: 'acceptFinal' }
  | { op: 'lapse'; year: 0 | 1 };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('advance' as const), year: fc.constantFrom(0 as const, 1 as const), amount: fc.bigInt({ min: 1n, max: 6_000_000n }) }),
  fc.record({ op: fc.constant('reimburse' as const), year: fc.constantFrom(0 as const, 1 as const), amount: fc.bigInt({ min: 1n, max: 6_000_000n }) }),
  fc.record({ op: fc.constant('spend' as const), year: fc.constantFrom(0 as const, 1 as const), amount: fc.bigInt({ min: 1n, max: 6_000_000n }) }),
  fc.constant({ op: 'acceptFinal' as const }),
  fc.record({ op: fc.constant('lapse' as const), year: fc.constantFrom(0 as const, 1 as const) }),
);

function run(ops: readonly Op[]) {
  const entries: JournalEntry[] = YEARS.map((fiscalYear) => ({ fiscalYear, kind: 'commitment', amountCents: 12_000_000n }));
  let l = limits();
  const lapsed = new Set<string>();
  for (const o of ops) {
    if (o.op === 'acceptFinal') {
      l = { ...l, finalReportAccepted: true };
      continue;
    }
    const fiscalYear = YEARS[o.year];
    if (o.op === 'lapse') {
      const b = balancesOf(entries.filter((e) => e.fiscalYear === fiscalYear));
      if (!lapsed.has(fiscalYear) && b.available > 0n) entries.push({ fiscalYear, kind: 'lapse', amountCents: b.available });
      lapsed.add(fiscalYear);
      continue;
    }
    if (lapsed.has(fiscalYear)) continue;
    if (o.op === 'spend') {
      entries.push({ fiscalYear, kind: 'expenditure_reported', amountCents: o.amount });
      const { reconciles } = splitExpenditure(o.amount, balancesOf(entries).advancesOutstanding);
      if (reconciles > 0n) entries.push({ fiscalYear, kind: 'advance_reconciled', amountCents: reconciles });
      continue;
    }
    if (paymentRefusal(entries, l, fiscalYear, o.amount)) continue;
    entries.push({ fiscalYear, kind: o.op === 'advance' ? 'advance_paid' : 'reimbursement_paid', amountCents: o.amount });
  }
  return { entries, limits: l };
}

describe('the journal', () => {
  it('for any sequence of allowed operations: never pays beyond a year or the total less the holdback, and sums to the cent', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const { entries, limits: l } = run(ops);
        const all = balancesOf(entries);
        const byYear = balancesByFiscalYear(entries);
        for (const [year, b] of byYear) {
          expect(b.paid).toBeLessThanOrEqual(l.fiscalYears.get(year) ?? 0n);
          expect(b.paid).toBeGreaterThanOrEqual(0n);
          expect(b.committed + b.lapsed).toBe(12_000_000n);
        }
        expect(all.paid).toBeLessThanOrEqual(l.totalCents);
        // Before the final report is accepted, nothing touches the holdback.
        if (!ops.some((o) => o.op === 'acceptFinal')) expect(all.paid).toBeLessThanOrEqual(l.totalCents - l.holdbackCents);
        expect(all.advancesOutstanding).toBeGreaterThanOrEqual(0n);
        // The totals are the sums of the years, to the cent.
        const years = [...byYear.values()];
        expect(years.reduce((s, b) => s + b.paid, 0n)).toBe(all.paid);
        expect(years.reduce((s, b) => s + b.available, 0n)).toBe(all.available);
        expect(all.available).toBe(all.committed - all.paid);
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the journal equals the balances kept entry by entry, in any grouping', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (ops, cut) => {
        const { entries } = run(ops);
        let running = balancesOf([]);
        for (const e of entries) running = applyEntry(running, e);
        expect(running).toEqual(balancesOf(entries));
        // Replaying in two halves from the first half's balances gives the same result.
        const head = entries.slice(0, cut);
        const tail = entries.slice(cut);
        expect(tail.reduce(applyEntry, balancesOf(head))).toEqual(balancesOf(entries));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a payment beyond the year, then beyond the total less the holdback, naming the room left', () => {
    const entries: JournalEntry[] = [{ fiscalYear: '2026-27', kind: 'reimbursement_paid', amountCents: 11_000_000n }];
    expect(paymentRefusal(entries, limits(), '2026-27', 1_000_001n)).toEqual({ messageKey: 'error.payment.fiscalYearLimit', room: 1_000_000n });
    expect(paymentRefusal(entries, limits(), '2026-27', 1_000_000n)).toBeNull();
    const nearly: JournalEntry[] = [...entries, { fiscalYear: '2027-28', kind: 'reimbursement_paid', amountCents: 10_600_000n }];
    expect(paymentRefusal(nearly, limits(), '2027-28', 1n)).toEqual({ messageKey: 'error.payment.totalLimit', room: 0n });
    expect(paymentRefusal(nearly, limits({ finalReportAccepted: true }), '2027-28', 1_400_000n)).toBeNull();
  });
});

describe('advances and spending', () => {
  it('a new advance waits until all but the tolerance of earlier advances is accounted for', () => {
    expect(advancesAccountedFor({ advanced: 3_000_000n, advancesOutstanding: 300_000n }, 1000n)).toBe(true);
    expect(advancesAccountedFor({ advanced: 3_000_000n, advancesOutstanding: 300_001n }, 1000n)).toBe(false);
    expect(advancesAccountedFor({ advanced: 0n, advancesOutstanding: 0n }, 0n)).toBe(true);
  });

  it('spending accounts for outstanding advances first; only the rest is reimbursable', () => {
    expect(splitExpenditure(2_800_000n, 3_000_000n)).toEqual({ reconciles: 2_800_000n, reimbursable: 0n });
    expect(splitExpenditure(5_000_000n, 3_000_000n)).toEqual({ reconciles: 3_000_000n, reimbursable: 2_000_000n });
    expect(splitExpenditure(5_000_000n, 0n)).toEqual({ reconciles: 0n, reimbursable: 5_000_000n });
  });

  it('asks for an explanation only beyond the variance threshold', () => {
    expect(varianceNeedsExplanation(2_000_000n, 2_200_000n, 1000n)).toBe(false);
    expect(varianceNeedsExplanation(2_000_000n, 2_200_001n, 1000n)).toBe(true);
    expect(varianceNeedsExplanation(0n, 1n, 1000n)).toBe(true);
  });
});

describe('claim input', () => {
  const base = {
    agreementId: '7c1d8a52-7d55-4f33-9d0b-6a8b0f4b9d11',
    clientKey: '0b5c2f7e-3a61-4a9f-8d8e-2c9f4b1e7a22',
    kind: 'advance',
    fiscalYear: '2026-27',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    milestoneKey: null,
    requestedCents: 100n,
    expenditures: [],
    otherRevenues: [],
    forecast: [{ month: '2026-10', amountCents: 100n }],
    explanation: '',
  };
  it('accepts a complete advance and refuses what is wrong, naming the field', () => {
    expect(claimInput.safeParse(base).success).toBe(true);
    const paths = (v: unknown) => (claimInput.safeParse(v).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
    expect(paths({ ...base, requestedCents: -1n })).toContainEqual(['requestedCents', 'error.money.negative']);
    expect(paths({ ...base, requestedCents: 0n })).toContainEqual(['requestedCents', 'error.money.positive']);
    expect(paths({ ...base, forecast: [] })).toContainEqual(['forecast', 'error.claim.forecastRequired']);
    expect(paths({ ...base, periodEnd: '2026-09-30' })).toContainEqual(['periodEnd', 'error.dates.endBeforeStart']);
    expect(paths({ ...base, kind: 'milestone' })).toContainEqual(['milestoneKey', 'error.claim.milestoneRequired']);
    expect(paths({ ...base, expenditures: [{ category: 'travel', amountCents: 1n, explanation: '' }, { category: 'travel', amountCents: 1n, explanation: '' }] })).toContainEqual(['expenditures.1.category', 'error.claim.categoryTwice']);
  });
  it('moves from submitted to certified to paid, and nowhere else', () => {
    expect(claimLifecycle.can('submitted', 'certified')).toBe(true);
    expect(claimLifecycle.can('certified', 'paid')).toBe(true);
    expect(claimLifecycle.can('submitted', 'paid')).toBe(false);
    expect(claimLifecycle.can('paid', 'rejected')).toBe(false);
  });
});

describe('certificationAmountRefusal', () => {
  it('certifies a positive amount up to the claim, with a reason whenever less (blank is no reason)', () => {
    expect(certificationAmountRefusal(100n, 100n, '')).toBeNull();
    expect(certificationAmountRefusal(100n, 60n, 'Travel not eligible')).toBeNull();
    expect(certificationAmountRefusal(100n, 60n, ' \t ')).toBe('error.claim.adjustmentReason');
    expect(certificationAmountRefusal(100n, 101n, 'More')).toBe('error.claim.certifiedAboveRequested');
    expect(certificationAmountRefusal(100n, 0n, '')).toBe('error.money.positive');
  });
});
