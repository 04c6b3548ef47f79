/**
 * The Government of Canada fiscal year runs from April 1 to March 31 and is named
 * after the two calendar years it spans: April 1, 2024 to March 31, 2025 is "2024-25".
 * Dates are ISO calendar dates ("2024-04-01"), never instants, so no time zone can
 * move a date across a fiscal year boundary.
 */
import { z } from 'zod';

export type IsoDate = string;

export interface FiscalYear {
  /** The calendar year in which the fiscal year starts: 2024 for 2024-25. */
  startYear: number;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LABEL = /^(\d{4})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'error.date.invalid' });

export function fiscalYear(startYear: number): FiscalYear {
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 9998) {
    throw new RangeError(`Not a fiscal year start: ${startYear}`);
  }
  const next = startYear + 1;
  return {
    startYear,
    label: `${startYear}-${String(next % 100).padStart(2, '0')}`,
    start: `${startYear}-04-01`,
    end: `${next}-03-31`,
  };
}

/** The first fiscal year the platform holds (its oldest history). */
export const FIRST_FISCAL_YEAR = 2017;
/** How many fiscal years past the current one always exist, so an ongoing agreement can be drafted to the end of its authority. */
export const FISCAL_YEARS_AHEAD = 10;

/** The fiscal years that must exist on `today`: from the first one to ten past the current one. */
export function fiscalYearsHeld(today: IsoDate): FiscalYear[] {
  const last = fiscalYearOf(today).startYear + FISCAL_YEARS_AHEAD;
  return Array.from({ length: last - FIRST_FISCAL_YEAR + 1 }, (_, i) => fiscalYear(FIRST_FISCAL_YEAR + i));
}

/** The fiscal year a calendar date falls in. */
export function fiscalYearOf(date: IsoDate): FiscalYear {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return fiscalYear(month >= 4 ? year : year - 1);
}

/** The fiscal year of an instant, read in Canada's capital (Ottawa) time. */
export function fiscalYearOfInstant(instant: Date, timeZone = 'America/Toronto'): FiscalYear {
  return fiscalYearOf(isoDateIn(instant, timeZone));
}

// Building a formatter costs far more than using one: one per time zone, made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function isoDateIn(instant: Date, timeZone: string): IsoDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Parse "2024-25" (the second part must be the next year). */
export function parseFiscalYearLabel(label: string): FiscalYear {
  const m = LABEL.exec(label);
  if (!m) throw new RangeError(`Not a fiscal year label: ${label}`);
  const start = Number(m[1]);
  if (Number(m[2]) !== (start + 1) % 100) throw new RangeError(`Not a fiscal year label: ${label}`);
  return fiscalYear(start);
}

export const fiscalYearLabelSchema = z.string().refine(
  (v) => {
    try {
      parseFiscalYearLabel(v);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'error.fiscalYear.invalid' },
);

/** Every fiscal year that a period from `start` to `end` (inclusive) touches, in order. */
export function fiscalYearsBetween(start: IsoDate, end: IsoDate): FiscalYear[] {
  if (end < start) throw new RangeError(`End ${end} is before start ${start}`);
  const first = fiscalYearOf(start).startYear;
  const last = fiscalYearOf(end).startYear;
  const years: FiscalYear[] = [];
  for (let y = first; y <= last; y++) years.push(fiscalYear(y));
  return years;
}

/**
 * Year end: a fiscal year is closed only after its March 31; the weeks after it are for the
 * payables at year end, and until the close a payment can still be made in it. The first day
 * `label` can be closed is April 1 of the next year, on the Ottawa calendar. The database holds
 * the same rule over the moment of the close (the year-end migration; a parity test keeps them equal).
 */
export function yearEndOpensOn(label: string): IsoDate {
  return fiscalYear(parseFiscalYearLabel(label).startYear + 1).start;
}

export function canCloseFiscalYear(label: string, today: IsoDate): boolean {
  return today >= yearEndOpensOn(label);
}

/** What a close asks the user to type, so one click cannot close a year: the fiscal year itself. */
export function yearEndConfirmationMatches(label: string, typed: string): boolean {
  return typed.trim() === label;
}
