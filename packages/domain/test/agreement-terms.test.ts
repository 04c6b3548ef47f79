import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceSchedule,
  agreementLifecycle,
  agreementTermsInput,
  amendmentKind,
  amendmentMoneyIssues,
  changedSections,
  holdbackCents,
  payableBeforeFinalReport,
  proposeFiscalYearAmounts,
  riskDefaults,
  termFiscalYears,
  type AgreementTermsShape,
} from '../src';

const PILLAR = '5a0d7c44-1d2e-4a7b-9c1f-2b3c4d5e6f70';

function terms(over: Partial<AgreementTermsShape> = {}): AgreementTermsShape {
  return {
    streamId: null,
    pillarIds: [PILLAR],
    title: 'Healing Circles',
    description: '',
    startDate: '2026-10-01',
    endDate: '2028-09-30',
    totalCents: 16_000_000n,
    fiscalYears: [
      { fiscalYear: '2026-27', amountCents: 4_000_000n },
      { fiscalYear: '2027-28', amountCents: 8_000_000n },
      { fiscalYear: '2028-29', amountCents: 4_000_000n },
    ],
    budget: [
      { fiscalYear: '2026-27', category: 'salaries_benefits', amountCents: 4_000_000n },
      { fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: 7_200_000n },
      { fiscalYear: '2027-28', category: 'travel', amountCents: 800_000n },
      { fiscalYear: '2028-29', category: 'evaluation', amountCents: 4_000_000n },
    ],
    paymentBasis: 'advance',
    advanceFrequency: 'quarterly',
    holdback: { kind: 'percent', basisPoints: 1000n },
    riskLevel: 'medium',
    riskReasons: 'First agreement.',
    reportingFrequency: 'quarterly',
    milestones: [{ title: 'Mentors trained', deliverables: '', dueDate: '2026-12-31', paymentCents: null }],
    indicators: [],
    otherFunding: [],
    specialConditions: '',
    ...over,
  };
}

const issues = (t: unknown) => (agreementTermsInput.safeParse(t).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('the fiscal years of a term', () => {
  it('clips each fiscal year to the term', () => {
    expect(termFiscalYears('2026-07-01', '2029-06-30')).toEqual([
      { fiscalYear: '2026-27', start: '2026-07-01', end: '2027-03-31', days: 274 },
      { fiscalYear: '2027-28', start: '2027-04-01', end: '2028-03-31', days: 366 },
      { fiscalYear: '2028-29', start: '2028-04-01', end: '2029-03-31', days: 365 },
      { fiscalYear: '2029-30', start: '2029-04-01', end: '2029-06-30', days: 91 },
    ]);
  });

  it('proposes amounts in proportion to the days, adding up to the total to the cent', () => {
    expect(proposeFiscalYearAmounts(100_00n, '2026-04-01', '2028-03-31')).toEqual([
      { fiscalYear: '2026-27', amountCents: 4_993n },
      { fiscalYear: '2027-28', amountCents: 5_007n },
    ]);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 11n }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2000 }), (total, offset, length) => {
        const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
        const years = proposeFiscalYearAmounts(total, day(offset), day(offset + length));
        expect(years.reduce((s, y) => s + y.amountCents, 0n)).toBe(total);
        expect(years.every((y) => y.amountCents >= 0n)).toBe(true);
        expect(years.map((y) => y.fiscalYear)).toEqual([...years.map((y) => y.fiscalYear)].sort());
      }),
    );
  });
});

describe('holdback and advances', () => {
  it('computes the holdback to the cent', () => {
    expect(holdbackCents(45_000_000n, { kind: 'percent', basisPoints: 1000n })).toBe(4_500_000n);
    // 7.5% of $123,456.78 is $9,259.2585: rounded half away from zero to $9,259.26.
    expect(holdbackCents(12_345_678n, { kind: 'percent', basisPoints: 750n })).toBe(925_926n);
    expect(holdbackCents(12_345_678n, { kind: 'amount', cents: 500_000n })).toBe(500_000n);
  });

  it('keeps the holdback from the last years first', () => {
    const years = [
      { fiscalYear: '2026-27', amountCents: 10_000n },
      { fiscalYear: '2027-28', amountCents: 3_000n },
    ];
    expect(payableBeforeFinalReport(years, 5_000n)).toEqual([
      { fiscalYear: '2026-27', amountCents: 8_000n },
      { fiscalYear: '2027-28', amountCents: 0n },
    ]);
  });

  it('splits each year’s payable amount into advances that add up exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000n, max: 10n ** 10n }), fc.bigInt({ min: 1_000n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 5000n }), (a, b, bp) => {
        const fiscalYears = [
          { fiscalYear: '2026-27', amountCents: a },
          { fiscalYear: '2027-28', amountCents: b },
        ];
        const holdback = holdbackCents(a + b, { kind: 'percent', basisPoints: bp });
        const advances = advanceSchedule({ startDate: '2026-04-01', endDate: '2028-03-31', fiscalYears, holdbackCents: holdback, advanceFrequency: 'quarterly' });
        expect(advances).toHaveLength(8);
        expect(advances.reduce((s, x) => s + x.amountCents, 0n)).toBe(a + b - holdback);
        const payable = payableBeforeFinalReport(fiscalYears, holdback);
        for (const y of payable) expect(advances.filter((x) => x.fiscalYear === y.fiscalYear).reduce((s, x) => s + x.amountCents, 0n)).toBe(y.amountCents);
      }),
    );
  });
});

describe('risk defaults', () => {
  it('propose reporting, advances and holdback by risk', () => {
    expect(riskDefaults('low')).toEqual({ reportingFrequency: 'semi_annual', paymentBasis: 'advance', advanceFrequency: 'semi_annual', holdbackBasisPoints: 500n });
    expect(riskDefaults('medium')).toEqual({ reportingFrequency: 'quarterly', paymentBasis: 'advance', advanceFrequency: 'quarterly', holdbackBasisPoints: 1000n });
    expect(riskDefaults('high')).toEqual({ reportingFrequency: 'monthly', paymentBasis: 'reimbursement', advanceFrequency: null, holdbackBasisPoints: 1000n });
  });
});

describe('terms checked whole, each problem on its field', () => {
  it('accepts consistent terms', () => {
    expect(issues(terms())).toEqual([]);
  });
  it('refuses an end before the start', () => {
    expect(issues(terms({ endDate: '2026-09-30' }))).toEqual([['endDate', 'error.dates.endBeforeStart']]);
  });
  it('refuses fiscal-year amounts that do not add up to the total', () => {
    expect(issues(terms({ totalCents: 16_000_001n }))).toContainEqual(['fiscalYears', 'error.agreement.fiscalYearsSum']);
  });
  it('refuses a budget that does not add up to its year, or a year outside the term', () => {
    const t = terms();
    expect(issues({ ...t, budget: t.budget.slice(1) })).toContainEqual(['budget', 'error.agreement.budgetSum']);
    expect(issues({ ...t, fiscalYears: [...t.fiscalYears, { fiscalYear: '2029-30', amountCents: 0n }] })).toContainEqual(['fiscalYears.3.fiscalYear', 'error.agreement.fiscalYearOutsideTerm']);
  });
  it('refuses a holdback over 100% or above the total', () => {
    expect(issues(terms({ holdback: { kind: 'percent', basisPoints: 10_001n } }))).toEqual([['holdback.basisPoints', 'error.holdback.overHundred']]);
    expect(issues(terms({ holdback: { kind: 'amount', cents: 16_000_001n } }))).toEqual([['holdback', 'error.holdback.overTotal']]);
  });
  it('refuses advances without a frequency, and negative amounts', () => {
    expect(issues(terms({ advanceFrequency: null }))).toEqual([['advanceFrequency', 'error.agreement.advanceFrequency']]);
    expect(issues(terms({ totalCents: -1n }))).toContainEqual(['totalCents', 'error.money.negative']);
  });
});

describe('amendments', () => {
  it('tell a reprofiling from an increase or a decrease; reprofiling keeps the total', () => {
    const t = terms();
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 4_000_000n }), (moved) => {
        const next = { ...t, fiscalYears: t.fiscalYears.map((y, i) => ({ ...y, amountCents: y.amountCents + (i === 0 ? -moved : i === 1 ? moved : 0n) })) };
        expect(amendmentKind(t, next)).toBe('reprofiling');
        expect(next.fiscalYears.reduce((s, y) => s + y.amountCents, 0n)).toBe(t.totalCents);
      }),
    );
    expect(amendmentKind(t, { ...t, totalCents: t.totalCents + 1n })).toBe('increase');
    expect(amendmentKind(t, { ...t, totalCents: t.totalCents - 1n })).toBe('decrease');
    expect(amendmentKind(t, t)).toBe('other');
  });

  it('never move money paid in a fiscal year out of it, nor add to a closed year', () => {
    const before = terms().fiscalYears;
    const after = [
      { fiscalYear: '2026-27', amountCents: 1_000_000n },
      { fiscalYear: '2027-28', amountCents: 11_000_000n },
      { fiscalYear: '2028-29', amountCents: 4_000_000n },
    ];
    expect(amendmentMoneyIssues(before, after, new Map([['2026-27', 1_500_000n]]), new Set())).toEqual([{ path: ['fiscalYears'], messageKey: 'error.amendment.paidMoneyMoved', params: { fiscalYear: '2026-27' } }]);
    expect(amendmentMoneyIssues(before, after, new Map([['2026-27', 1_000_000n]]), new Set())).toEqual([]);
    expect(amendmentMoneyIssues(before, after, new Map(), new Set(['2027-28']))).toEqual([{ path: ['fiscalYears'], messageKey: 'error.amendment.closedYearIncreased', params: { fiscalYear: '2027-28' } }]);
  });

  it('list the sections that changed, whatever the order of years and pillars', () => {
    const t = terms();
    expect(changedSections(t, { ...t, fiscalYears: [...t.fiscalYears].reverse() })).toEqual([]);
    expect(changedSections(t, { ...t, totalCents: 1n, title: 'x' })).toEqual(['title', 'totalCents']);
  });
});

describe('the lifecycle', () => {
  it('allows only its transitions', () => {
    expect(agreementLifecycle.can('draft', 'sent_for_signature')).toBe(true);
    expect(agreementLifecycle.can('recipient_signed', 'active')).toBe(true);
    expect(agreementLifecycle.can('draft', 'active')).toBe(false);
    expect(agreementLifecycle.can('active', 'draft')).toBe(false);
    expect(agreementLifecycle.can('closed', 'active')).toBe(false);
  });
});
