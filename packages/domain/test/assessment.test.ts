import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decisionInput,
  delegatedAuthority,
  rankApplications,
  recommendationInput,
  screeningInput,
  SCREENING_CHECKLIST,
  weightedPoints,
  withinDelegatedLimit,
} from '../src/assessment';
import { positionsHeld } from '../src/delegation';

const id = '00000000-0000-4000-8000-000000000001';

describe('weighted scoring', () => {
  it('score x weight, summed: full marks are 100 points', () => {
    expect(weightedPoints([{ score: 10, weight: 60 }, { score: 10, weight: 40 }]) / 10).toBe(100);
    expect(weightedPoints([{ score: 7, weight: 60 }, { score: 5, weight: 40 }])).toBe(620);
    expect(() => weightedPoints([{ score: 11, weight: 100 }])).toThrow();
    expect(() => weightedPoints([{ score: 2.5, weight: 100 }])).toThrow();
  });

  it('ranks by average, ties share a rank and the next rank skips; unscored come last', () => {
    const ranked = rankApplications([
      { applicationId: 'a', reviewerPoints: [700, 800] }, // 75
      { applicationId: 'b', reviewerPoints: [900] }, // 90
      { applicationId: 'c', reviewerPoints: [750] }, // 75
      { applicationId: 'd', reviewerPoints: [] },
      { applicationId: 'e', reviewerPoints: [600, 601, 600] }, // 60.03
    ]);
    expect(ranked.map((r) => [r.applicationId, r.rank, r.averageScore, r.spread])).toEqual([
      ['b', 1, 90, 0],
      ['a', 2, 75, 10],
      ['c', 2, 75, 0],
      ['e', 4, 60.03, 0.1],
      ['d', null, null, null],
    ]);
  });

  it('averages compare exactly: 1/3 differences are not lost to rounding', () => {
    const ranked = rankApplications([
      { applicationId: 'x', reviewerPoints: [1, 0, 0] },
      { applicationId: 'y', reviewerPoints: [0, 0] },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('ranking is a permutation-independent ordering: a higher average never ranks below a lower one', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (points) => {
        const apps = points.map((p, i) => ({ applicationId: `a${String(i).padStart(2, '0')}`, reviewerPoints: p }));
        const ranked = rankApplications(apps);
        const shuffled = rankApplications([...apps].reverse());
        expect(Object.fromEntries(shuffled.map((r) => [r.applicationId, r.rank]))).toEqual(Object.fromEntries(ranked.map((r) => [r.applicationId, r.rank])));
        const avg = (id: string) => {
          const p = apps.find((a) => a.applicationId === id)!.reviewerPoints;
          return p.reduce((a, b) => a + b, 0) / p.length;
        };
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.rank! >= ranked[i - 1]!.rank!).toBe(true);
          if (ranked[i]!.rank === ranked[i - 1]!.rank) expect(avg(ranked[i]!.applicationId)).toBeCloseTo(avg(ranked[i - 1]!.applicationId), 9);
          else expect(ranked[i]!.rank).toBe(i + 1);
        }
      }),
    );
  });
});

describe('delegated authority', () => {
  const limits = [
    { role: 'program_officer' as const, maxAmountCents: 25_000_000n },
    { role: 'program_manager' as const, maxAmountCents: 1_000_000_000n },
  ];
  it('uses the highest limit among the deciding roles held, and refuses above it', () => {
    const officer = delegatedAuthority(['program_officer'], limits);
    expect(officer).toEqual({ role: 'program_officer', maxAmountCents: 25_000_000n });
    expect(withinDelegatedLimit(25_000_000n, officer)).toBe(true);
    expect(withinDelegatedLimit(25_000_001n, officer)).toBe(false);
    const both = delegatedAuthority(['program_officer', 'program_manager'], limits);
    expect(both?.role).toBe('program_manager');
    expect(withinDelegatedLimit(25_000_001n, both)).toBe(true);
    expect(delegatedAuthority(positionsHeld(['reviewer', 'administrator'], [], '2026-12-04'), limits)).toBeNull();
    // A deputy head by appointment, where the program sets no deputy head limit: no authority from it.
    expect(delegatedAuthority(['deputy_head'], limits)).toBeNull();
    expect(delegatedAuthority(['program_officer', 'deputy_head'], [...limits, { role: 'deputy_head', maxAmountCents: 5_000_000_000n }])).toEqual({ role: 'deputy_head', maxAmountCents: 5_000_000_000n });
    expect(withinDelegatedLimit(null, null)).toBe(false);
    expect(withinDelegatedLimit(null, officer)).toBe(true);
  });
  it('holds at the boundary for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 0n, max: 10n ** 13n }), (amount, limit) => {
        expect(withinDelegatedLimit(amount, { maxAmountCents: limit })).toBe(amount <= limit);
      }),
    );
  });
});

describe('screening, recommendation and decision inputs', () => {
  const allTrue = Object.fromEntries(SCREENING_CHECKLIST.map((k) => [k, true]));
  const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.path.join('.')));
  it('ineligible needs a reason; eligible needs every checklist item met', () => {
    expect(paths(screeningInput.safeParse({ applicationId: id, checklist: allTrue, eligible: true, reason: '' }))).toEqual([]);
    expect(paths(screeningInput.safeParse({ applicationId: id, checklist: allTrue, eligible: false, reason: ' ' }))).toEqual(['reason']);
    expect(paths(screeningInput.safeParse({ applicationId: id, checklist: { ...allTrue, province_eligible: false }, eligible: true, reason: '' }))).toEqual(['eligible']);
    expect(paths(screeningInput.safeParse({ applicationId: id, checklist: {}, eligible: false, reason: 'No' }))).toEqual(SCREENING_CHECKLIST.map((k) => `checklist.${k}`));
  });
  it('fund with changes needs an amount; do not fund and declined have none', () => {
    expect(paths(recommendationInput.safeParse({ applicationId: id, outcome: 'fund_with_changes', amountCents: null, rationale: 'r' }))).toEqual(['amountCents']);
    expect(paths(recommendationInput.safeParse({ applicationId: id, outcome: 'do_not_fund', amountCents: 1n, rationale: 'r' }))).toEqual(['amountCents']);
    expect(paths(decisionInput.safeParse({ applicationId: id, outcome: 'approved', amountCents: null, rationale: 'r' }))).toEqual(['amountCents']);
    expect(paths(decisionInput.safeParse({ applicationId: id, outcome: 'approved', amountCents: -5n, rationale: 'r' }))).toEqual(['amountCents']);
    expect(paths(decisionInput.safeParse({ applicationId: id, outcome: 'declined', amountCents: null, rationale: 'r' }))).toEqual([]);
  });
});
