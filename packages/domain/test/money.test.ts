import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, dollars, formatMoney, MoneyParseError, parseMoney, percentOf, sum, toDecimalString } from '../src/money';

const amount = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });

describe('money', () => {
  it('parses what people type in English and French Canada', () => {
    expect(parseMoney('1,234.56')).toBe(123456n);
    expect(parseMoney('1 234,56 $')).toBe(123456n);
    expect(parseMoney('1\u202f234,56\u00a0$')).toBe(123456n);
    expect(parseMoney('$2,953,386')).toBe(295338600n);
    expect(parseMoney('0.5')).toBe(50n);
    expect(parseMoney('-12.30')).toBe(-1230n);
    expect(parseMoney('857000')).toBe(85700000n);
  });

  it('refuses what is not money', () => {
    for (const bad of ['', 'abc', '1.234.5x', '12.345', '1,23,4.00', '1.234,56', '-', '$', '1e6', '--5']) {
      expect(() => parseMoney(bad), bad).toThrow(MoneyParseError);
    }
  });

  it('formats exactly in both languages', () => {
    expect(formatMoney(123456n, 'en')).toBe('$1,234.56');
    expect(formatMoney(123456n, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234,56 $');
    // 2^53 + 1 cents would lose a cent through a double; the exact path keeps it.
    expect(formatMoney(9007199254740993n, 'en')).toBe('$90,071,992,547,409.93');
    expect(toDecimalString(-5n)).toBe('-0.05');
  });

  it('formatting then parsing returns the same amount, in both languages', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('en' as const, 'fr' as const), (a, locale) => {
        expect(parseMoney(formatMoney(a, locale).replace('(', '-').replace(')', ''))).toBe(a);
      }),
    );
  });

  it('percentOf rounds half away from zero, in basis points', () => {
    expect(percentOf(dollars(1_200_000), 1000n)).toBe(dollars(120_000)); // 10% holdback
    expect(percentOf(5n, 5000n)).toBe(3n); // 2.5 cents -> 3
    expect(percentOf(-5n, 5000n)).toBe(-3n);
    expect(percentOf(276_000_000n, 7600n)).toBe(209_760_000n);
  });

  it('percentOf is never more than half a cent away from the exact value', () => {
    fc.assert(
      fc.property(amount, fc.bigInt({ min: 0n, max: 10_000n }), (a, bp) => {
        const diff = percentOf(a, bp) * 10_000n - a * bp;
        expect((diff < 0n ? -diff : diff) <= 5_000n).toBe(true);
      }),
    );
  });

  it('allocate always adds back to the amount, to the cent', () => {
    fc.assert(
      fc.property(amount, fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 12 }), (a, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = allocate(a, weights);
        expect(sum(parts)).toBe(a);
        parts.forEach((p, i) => {
          if (weights[i] === 0n) expect(p).toBe(0n);
        });
      }),
    );
  });

  it('allocate splits $100 three ways as 33.34, 33.33, 33.33', () => {
    expect(allocate(10_000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
  });
});
