import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, callInput, callLifecycle, isCallOpen, publicationRefusal, weightsSumTo100 } from '../src/calls';

const id = '00000000-0000-4000-8000-000000000001';
const valid = {
  programId: id,
  streamId: null,
  pillarIds: [id],
  titleEn: 'Youth at risk pilot projects',
  titleFr: 'Projets pilotes pour les jeunes à risque',
  descriptionEn: '',
  descriptionFr: '',
  eligibleRecipientTypes: ['non_profit'],
  eligibleProvinces: ['ON'],
  priorities: ['youth'],
  minAmountCents: 1_000_000n,
  maxAmountCents: 20_000_000n,
  maxDurationMonths: 24,
  firstFiscalYear: '2026-27',
  lastFiscalYear: '2027-28',
  opensAt: new Date('2026-12-01T14:00:00Z'),
  closesAt: new Date('2027-01-31T23:59:00Z'),
  indicatorIds: [id],
  eligibilityQuestions: [{ textEn: 'Are you incorporated?', textFr: 'Êtes-vous constitué en société?', expectedAnswer: true }],
  criteria: [
    { nameEn: 'Need', nameFr: 'Besoin', weight: 60 },
    { nameEn: 'Capacity', nameFr: 'Capacité', weight: 40 },
  ],
};

function fieldsOf(input: unknown): Record<string, string> {
  const r = callInput.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('call lifecycle', () => {
  it('allows draft -> published -> closed and cancelling before the end, and refuses every other move', () => {
    const allowed = new Set(['draft>published', 'draft>cancelled', 'published>closed', 'published>cancelled']);
    for (const from of CALL_STATUSES) {
      for (const to of CALL_STATUSES) {
        expect(callLifecycle.can(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('is open only while published and between open and close, on the server clock', () => {
    const call = { status: 'published' as const, opensAt: valid.opensAt, closesAt: valid.closesAt };
    expect(isCallOpen(call, new Date('2026-11-30T00:00:00Z'))).toBe(false);
    expect(isCallOpen(call, valid.opensAt)).toBe(true);
    expect(isCallOpen(call, new Date(valid.closesAt.getTime() - 1))).toBe(true);
    expect(isCallOpen(call, valid.closesAt)).toBe(false);
    expect(isCallOpen({ ...call, status: 'draft' }, new Date('2026-12-15T00:00:00Z'))).toBe(false);
  });
});

describe('call rules', () => {
  it('accepts a complete call', () => {
    expect(fieldsOf(valid)).toEqual({});
  });

  it('weights must be positive whole numbers summing to exactly 100', () => {
    expect(weightsSumTo100([60, 40])).toBe(true);
    expect(weightsSumTo100([50, 40])).toBe(false);
    expect(weightsSumTo100([])).toBe(false);
    expect(weightsSumTo100([100, 0])).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }), (ws) => {
        expect(weightsSumTo100(ws)).toBe(ws.reduce((a, b) => a + b, 0) === 100);
      }),
    );
    expect(fieldsOf({ ...valid, criteria: [{ nameEn: 'Need', nameFr: 'Besoin', weight: 70 }] })).toEqual({ criteria: 'error.weights.sum' });
  });

  it('names each field that breaks a rule', () => {
    expect(fieldsOf({ ...valid, closesAt: new Date('2026-11-01T00:00:00Z') })).toEqual({ closesAt: 'error.closesAt.beforeOpens' });
    expect(fieldsOf({ ...valid, maxAmountCents: 500n })).toEqual({ maxAmountCents: 'error.amount.maxBelowMin' });
    expect(fieldsOf({ ...valid, titleFr: '   ' })).toEqual({ titleFr: 'error.titleFr.required' });
    expect(fieldsOf({ ...valid, lastFiscalYear: '2025-26' })).toEqual({ lastFiscalYear: 'error.fiscalYears.order' });
    expect(fieldsOf({ ...valid, indicatorIds: [] })).toEqual({ indicatorIds: 'error.indicators.required' });
  });
});

describe('publicationRefusal', () => {
  it('publishes criteria weighing exactly 100 with an indicator, weights first', () => {
    expect(publicationRefusal({ weights: [60, 40], indicators: 1 })).toBeNull();
    expect(publicationRefusal({ weights: [60, 39], indicators: 1 })).toBe('error.weights.sum');
    expect(publicationRefusal({ weights: [], indicators: 0 })).toBe('error.weights.sum');
    expect(publicationRefusal({ weights: [100], indicators: 0 })).toBe('error.indicators.required');
  });
});
