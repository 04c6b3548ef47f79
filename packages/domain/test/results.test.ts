import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  aggregateTotals,
  agreementYearValue,
  compareWithTarget,
  formatDecimal,
  parseDecimal,
  spendingInput,
  spendingVariance,
  suppressCount,
} from '../src/results';

describe('exact decimals', () => {
  it('reads and writes four places without floating point', () => {
    expect(formatDecimal(parseDecimal('0.1') + parseDecimal('0.2'))).toBe('0.3');
    expect(formatDecimal(parseDecimal('120'))).toBe('120');
    expect(formatDecimal(parseDecimal('12.5000'))).toBe('12.5');
    expect(formatDecimal(parseDecimal('-3.25'))).toBe('-3.25');
    expect(() => parseDecimal('1.23456')).toThrow();
    expect(() => parseDecimal('12abc')).toThrow();
  });
  it('round-trips any value of four places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (units) => {
        expect(parseDecimal(formatDecimal(units))).toBe(units);
      }),
    );
  });
});

describe('aggregation follows the unit', () => {
  it('adds counts over an agreement’s periods and across agreements', () => {
    const a = agreementYearValue('count', [
      { periodEnd: '2020-06-30', value: '120' },
      { periodEnd: '2020-09-30', value: '95' },
    ]);
    expect(a).toBe('215');
    expect(aggregate('count', [a!, '1063'])).toBe('1278');
    expect(aggregate('currency', ['1000.25', '0.75'])).toBe('1001');
  });

  it('never sums percentages: an agreement’s latest period stands, agreements are averaged', () => {
    const a = agreementYearValue('percent', [
      { periodEnd: '2021-03-31', value: '25' },
      { periodEnd: '2020-09-30', value: '80' },
    ]);
    expect(a).toBe('25');
    expect(aggregate('percent', ['25', '80', '90'])).toBe('65');
    // Rounded to four places, half away from zero.
    expect(aggregate('percent', ['10', '20', '20'])).toBe('16.6667');
  });

  it('a percentage average stays within the range of its parts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (raw) => {
        const values = raw.map((v) => formatDecimal(BigInt(v)));
        const mean = parseDecimal(aggregate('percent', values)!);
        const units = values.map(parseDecimal);
        expect(mean >= units.reduce((m, v) => (v < m ? v : m))).toBe(true);
        expect(mean <= units.reduce((m, v) => (v > m ? v : m))).toBe(true);
      }),
    );
  });

  it('counts add up to the cent whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 50 }), (counts) => {
        const values = counts.map(String);
        expect(aggregate('count', values)).toBe(String(counts.reduce((s, c) => s + c, 0)));
        expect(aggregate('count', [...values].reverse())).toBe(aggregate('count', values));
      }),
    );
  });

  it('the totals the database keeps give exactly the figure computed agreement by agreement, for every unit', () => {
    const period = fc.record({ month: fc.integer({ min: 1, max: 12 }), units: fc.integer({ min: 0, max: 50_000_000 }) });
    fc.assert(
      fc.property(
        fc.constantFrom('count', 'currency', 'percent', 'days', 'yes_no', null),
        fc.array(fc.uniqueArray(period, { minLength: 1, maxLength: 4, selector: (p) => p.month }), { minLength: 1, maxLength: 30 }),
        (unit, agreements) => {
          const perAgreement = agreements.map((periods) =>
            periods.map((p) => ({ periodEnd: `2024-${String(p.month).padStart(2, '0')}-28`, value: formatDecimal(BigInt(p.units)) })),
          );
          const figures = perAgreement.map((periods) => agreementYearValue(unit, periods)!);
          // What the trigger keeps: per agreement its year total and latest value, summed.
          const latest = perAgreement.map((periods) => [...periods].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0]!.value);
          const totals = {
            agreements: agreements.length,
            total: formatDecimal(perAgreement.flat().reduce((s, p) => s + parseDecimal(p.value), 0n)),
            latestTotal: formatDecimal(latest.reduce((s, v) => s + parseDecimal(v), 0n)),
            latestPositive: latest.filter((v) => parseDecimal(v) > 0n).length,
          };
          expect(aggregateTotals(unit, totals)).toBe(aggregate(unit, figures));
        },
      ),
    );
    expect(aggregateTotals('count', null)).toBeNull();
  });

  it('yes/no is the share of agreements answering yes', () => {
    expect(aggregate('yes_no', ['1', '0', '1', '1'])).toBe('75');
    expect(aggregate('days', ['10', '20'])).toBe('15');
    expect(aggregate('count', [])).toBeNull();
    expect(agreementYearValue('count', [])).toBeNull();
  });
});

describe('comparison with baseline and target', () => {
  it('higher is better: met at or above the target', () => {
    const c = compareWithTarget('1278', '934', '1200', 'higher_is_better');
    expect(c).toEqual({ varianceToTarget: '78', changeFromBaseline: '344', percentOfTarget: 107, status: 'met', improved: true });
  });
  it('lower is better: a fall is an improvement, a rise a miss', () => {
    const c = compareWithTarget('25', '28', '20', 'lower_is_better');
    expect(c.status).toBe('not_met');
    expect(c.improved).toBe(true);
    expect(c.varianceToTarget).toBe('5');
    expect(compareWithTarget('18', '28', '20', 'lower_is_better').status).toBe('met');
  });
  it('says what is missing rather than guessing', () => {
    expect(compareWithTarget(null, '1', '2', 'higher_is_better').status).toBe('no_data');
    const noTarget = compareWithTarget('5', null, null, 'higher_is_better');
    expect(noTarget.status).toBe('no_target');
    expect(noTarget.changeFromBaseline).toBeNull();
    expect(compareWithTarget('5', null, '0', 'higher_is_better').percentOfTarget).toBeNull();
  });
});

describe('spending variance', () => {
  it('actual minus planned, and its share of planned in basis points', () => {
    expect(spendingVariance(1_000_000n, 850_000n)).toEqual({ varianceCents: -150_000n, varianceBasisPoints: -1500n });
    expect(spendingVariance(300n, 301n)).toEqual({ varianceCents: 1n, varianceBasisPoints: 33n });
    expect(spendingVariance(0n, 5n).varianceBasisPoints).toBeNull();
  });
});

describe('small-number suppression', () => {
  it('hides 1 to 4, shows zero and 5 and up', () => {
    expect([0, 1, 4, 5, 19].map((c) => suppressCount(c))).toEqual([0, null, null, 5, 19]);
  });
});

describe('spending input', () => {
  it('refuses a range that runs backwards, naming the field', () => {
    const r = spendingInput.safeParse({ fromFiscalYear: '2021-22', toFiscalYear: '2017-18' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['toFiscalYear']);
    expect(r.error?.issues[0]?.message).toBe('error.results.yearRange');
  });
});
