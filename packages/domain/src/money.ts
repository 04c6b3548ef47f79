/**
 * Money is integer cents held in a bigint. Never a floating-point number.
 * Parsing accepts what people type in English or French Canada
 * ("1,234.56", "1 234,56 $", "$1234"); formatting goes through Intl.
 */
import { z } from 'zod';

export type Cents = bigint;

export type Locale = 'en' | 'fr';

/** An amount typed into a form and sent to the server: whole cents, never negative, never absurd. */
export const centsInputSchema = z
  .bigint({ message: 'error.money.invalid' })
  .min(0n, { message: 'error.money.negative' })
  .max(10n ** 13n, { message: 'error.money.tooLarge' });

const MAX_CENTS = 10n ** 15n; // ten trillion dollars: far above any agreement, far below overflow of numeric(17,0)

export class MoneyParseError extends Error {
  constructor(readonly input: string) {
    super(`Not an amount of money: ${input}`);
    this.name = 'MoneyParseError';
  }
}

export function cents(value: bigint | number | string): Cents {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Cents must be a safe integer, got ${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`Cents must be an integer string, got ${value}`);
  return BigInt(value);
}

export function dollars(whole: number): Cents {
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Dollars must be a whole number, got ${whole}`);
  return BigInt(whole) * 100n;
}

/**
 * Parse an amount typed by a person, in English ("1,234.56") or French ("1 234,56 $").
 * Spaces (including no-break ones) and "$" are ignored. A comma followed by exactly three
 * digits groups thousands; a comma followed by one or two digits is the French decimal
 * separator; a point is always the decimal separator. Anything ambiguous is refused.
 */
export function parseMoney(input: string): Cents {
  let raw = input.replace(/[\s\u00a0\u202f$]/g, '');
  const negative = raw.startsWith('-');
  if (negative) raw = raw.slice(1);
  let whole: string;
  let fraction = '';
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(raw) || /^\d+(\.\d{1,2})?$/.test(raw) || /^\d*\.\d{1,2}$/.test(raw)) {
    [whole = '', fraction = ''] = raw.split('.');
    whole = whole.replace(/,/g, '');
  } else if (/^\d*,\d{1,2}$/.test(raw)) {
    [whole = '', fraction = ''] = raw.split(',');
  } else {
    throw new MoneyParseError(input);
  }
  const value = BigInt(whole === '' ? '0' : whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (value >= MAX_CENTS) throw new MoneyParseError(input);
  return negative ? -value : value;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale): Intl.NumberFormat {
  const tag = locale === 'fr' ? 'fr-CA' : 'en-CA';
  let f = formatters.get(tag);
  if (!f) {
    f = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CAD', minimumFractionDigits: 2 });
    formatters.set(tag, f);
  }
  return f;
}

/** "$1,234.56" in English, "1 234,56 $" in French. Exact: formats the decimal string, not a float. */
export function formatMoney(amount: Cents, locale: Locale): string {
  // Intl.NumberFormat accepts a decimal string and formats it without going through a double.
  return formatter(locale).format(toDecimalString(amount) as unknown as number);
}

/** "1234.56": the form PostgreSQL numeric and CSV exports take. */
export function toDecimalString(amount: Cents): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function sum(amounts: Iterable<Cents>): Cents {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

/**
 * A percentage of an amount, rounded half away from zero to the cent.
 * The percentage is given in basis points (1% = 100 bp) so that it is exact too.
 */
export function percentOf(amount: Cents, basisPoints: bigint): Cents {
  const product = amount * basisPoints;
  const q = product / 10_000n;
  const r = product % 10_000n;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= 10_000n) return product < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * Split an amount into parts proportional to the weights, to the cent, so that the parts
 * always add back to the amount (largest remainder method; ties go to the earlier part).
 */
export function allocate(amount: Cents, weights: readonly bigint[]): Cents[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const total = sum(weights);
  if (total === 0n) throw new RangeError('weights must not all be zero');
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const shares = weights.map((w) => (abs * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % total }));
  let left = abs - sum(shares);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return negative ? shares.map((s) => -s) : shares;
}
