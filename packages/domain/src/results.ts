/**
 * Results: how indicator actuals from accepted progress reports add up to a program's
 * performance measurement framework and to the departmental results framework, how they compare
 * with baselines and targets, how spending compares with plans, and which small counts are
 * suppressed. Exact decimal arithmetic throughout (indicator values are numeric(16,4)).
 *
 * Aggregation follows the indicator's unit:
 * - count and currency are flows: an agreement's periods in the year add up, and agreements add up;
 * - percent and days are levels: an agreement's latest accepted period in the year stands for
 *   it, and agreements are averaged with equal weights (one agreement, one weight) — never summed;
 * - yes/no: the share of agreements answering yes at their latest period, as a percentage.
 */
import { z } from 'zod';
import { fiscalYearLabelSchema } from './fiscal-year';
import type { IndicatorDirection, IndicatorUnit } from './performance';

/** Counts from 1 to 4 are shown as "<5" in exports and to roles that do not need the detail. */
export const SUPPRESSION_THRESHOLD = 5;

/** A count as it may be shown: the number, or null when suppressed (rendered "<5"). Zero is shown. */
export function suppressCount(count: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}

export function suppressedLabel(threshold = SUPPRESSION_THRESHOLD): string {
  return `<${threshold}`;
}

// ---------------------------------------------------------------------------------------------
// Exact decimals, four places (numeric(16,4))

const SCALE = 10_000n;

export function parseDecimal(value: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal with at most four places: ${value}`);
  const units = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -units : units;
}

/** A scaled decimal back to text, without trailing zeros ("12.5", "120", "-3.25"). */
export function formatDecimal(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a / b in scaled units, rounded half away from zero to four places. */
function divideRounded(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (absA * 2n + absB) / (2n * absB);
  return negative ? -q : q;
}

// ---------------------------------------------------------------------------------------------
// Aggregation

export type AggregationMethod = 'sum' | 'mean' | 'share_yes';

export function aggregationMethod(unit: IndicatorUnit | null): AggregationMethod {
  switch (unit) {
    case 'percent':
    case 'days':
      return 'mean';
    case 'yes_no':
      return 'share_yes';
    default:
      return 'sum';
  }
}

/** One agreement's periods in the fiscal year, each with its accepted value. */
export interface PeriodValue {
  periodEnd: string;
  value: string;
}

/** What one agreement contributes for the year: the sum of its periods for flows, else its latest period. */
export function agreementYearValue(unit: IndicatorUnit | null, periods: readonly PeriodValue[]): string | null {
  if (periods.length === 0) return null;
  if (aggregationMethod(unit) === 'sum') return formatDecimal(periods.reduce((s, p) => s + parseDecimal(p.value), 0n));
  const latest = [...periods].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0]!;
  return formatDecimal(parseDecimal(latest.value));
}

/** The program's figure for the year from each contributing agreement's figure. */
export function aggregate(unit: IndicatorUnit | null, agreementValues: readonly string[]): string | null {
  if (agreementValues.length === 0) return null;
  const units = agreementValues.map(parseDecimal);
  const total = units.reduce((s, v) => s + v, 0n);
  switch (aggregationMethod(unit)) {
    case 'sum':
      return formatDecimal(total);
    case 'mean':
      return formatDecimal(divideRounded(total, BigInt(units.length)));
    case 'share_yes': {
      const yes = units.filter((v) => v > 0n).length;
      return formatDecimal(divideRounded(BigInt(yes) * 100n * SCALE, BigInt(units.length)));
    }
  }
}

/**
 * The totals the database keeps per program, indicator and year (program_indicator_year): how
 * many agreements reported, the sum of their year totals, the sum of their latest values, and
 * how many latest values are above zero. Enough to give exactly what `aggregate` gives from the
 * agreements' figures one by one, for every unit.
 */
export interface FigureTotals {
  agreements: number;
  total: string;
  latestTotal: string;
  latestPositive: number;
}

export function aggregateTotals(unit: IndicatorUnit | null, totals: FigureTotals | null): string | null {
  if (!totals || totals.agreements === 0) return null;
  const agreements = BigInt(totals.agreements);
  switch (aggregationMethod(unit)) {
    case 'sum':
      return formatDecimal(parseDecimal(totals.total));
    case 'mean':
      return formatDecimal(divideRounded(parseDecimal(totals.latestTotal), agreements));
    case 'share_yes':
      return formatDecimal(divideRounded(BigInt(totals.latestPositive) * 100n * SCALE, agreements));
  }
}

// ---------------------------------------------------------------------------------------------
// Against baseline and target

export type TargetStatus = 'met' | 'not_met' | 'no_target' | 'no_data';

export interface Comparison {
  /** actual − target, and actual − baseline, as decimals; null when either side is missing. */
  varianceToTarget: string | null;
  changeFromBaseline: string | null;
  /** actual as a share of target, in whole percent (rounded), when the target is not zero. */
  percentOfTarget: number | null;
  status: TargetStatus;
  /** Whether the change from the baseline goes the way the indicator wants. */
  improved: boolean | null;
}

export function compareWithTarget(actual: string | null, baseline: string | null, target: string | null, direction: IndicatorDirection): Comparison {
  if (actual === null) {
    return { varianceToTarget: null, changeFromBaseline: null, percentOfTarget: null, status: 'no_data', improved: null };
  }
  const a = parseDecimal(actual);
  const t = target === null ? null : parseDecimal(target);
  const b = baseline === null ? null : parseDecimal(baseline);
  const better = (x: bigint, y: bigint) => (direction === 'higher_is_better' ? x >= y : x <= y);
  return {
    varianceToTarget: t === null ? null : formatDecimal(a - t),
    changeFromBaseline: b === null ? null : formatDecimal(a - b),
    percentOfTarget: t === null || t === 0n ? null : Number(divideRounded(a * 100n, t)),
    status: t === null ? 'no_target' : better(a, t) ? 'met' : 'not_met',
    improved: b === null || a === b ? null : better(a, b),
  };
}

/** Planned versus actual spending, in cents: actual − planned, and that as basis points of planned. */
export function spendingVariance(plannedCents: bigint, actualCents: bigint): { varianceCents: bigint; varianceBasisPoints: bigint | null } {
  const varianceCents = actualCents - plannedCents;
  if (plannedCents === 0n) return { varianceCents, varianceBasisPoints: null };
  const scaled = varianceCents * 10_000n;
  const q = (scaled < 0n ? scaled - plannedCents / 2n : scaled + plannedCents / 2n) / plannedCents;
  return { varianceCents, varianceBasisPoints: q };
}

// ---------------------------------------------------------------------------------------------
// Inputs

const uuid = z.uuid({ message: 'error.id.invalid' });

export const programYearInput = z.object({ programId: uuid, fiscalYear: fiscalYearLabelSchema });
export type ProgramYearInput = z.infer<typeof programYearInput>;

export const indicatorDrillInput = programYearInput.extend({ indicatorId: uuid });

export const spendingInput = z
  .object({
    programId: uuid.optional(),
    fromFiscalYear: fiscalYearLabelSchema,
    toFiscalYear: fiscalYearLabelSchema,
  })
  .refine((v) => v.fromFiscalYear <= v.toFiscalYear, { message: 'error.results.yearRange', path: ['toFiscalYear'] })
  .refine((v) => Number(v.toFiscalYear.slice(0, 4)) - Number(v.fromFiscalYear.slice(0, 4)) < 15, { message: 'error.results.yearRange', path: ['toFiscalYear'] });
export type SpendingInput = z.infer<typeof spendingInput>;
