import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYear, fiscalYearOf, fiscalYearOfInstant, fiscalYearsBetween, isIsoDate, parseFiscalYearLabel } from '../src/fiscal-year';

describe('fiscal year of a date', () => {
  it('starts on April 1 and ends on March 31', () => {
    expect(fiscalYearOf('2024-04-01').label).toBe('2024-25');
    expect(fiscalYearOf('2025-03-31').label).toBe('2024-25');
    expect(fiscalYearOf('2024-03-31').label).toBe('2023-24');
    expect(fiscalYearOf('2025-04-01').label).toBe('2025-26');
  });

  it('names the century turn with two digits', () => {
    expect(fiscalYear(1999).label).toBe('1999-00');
    expect(fiscalYear(2099).label).toBe('2099-00');
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => fiscalYearOf('2024-13-01')).toThrow(RangeError);
  });

  it('reads an instant in Ottawa time: 1 a.m. UTC on April 1 is still March 31 there', () => {
    expect(fiscalYearOfInstant(new Date('2025-04-01T01:00:00Z')).label).toBe('2024-25');
    expect(fiscalYearOfInstant(new Date('2025-04-01T12:00:00Z')).label).toBe('2025-26');
  });

  it('parses labels and refuses inconsistent ones', () => {
    expect(parseFiscalYearLabel('2019-20')).toEqual(fiscalYear(2019));
    expect(() => parseFiscalYearLabel('2019-21')).toThrow(RangeError);
    expect(() => parseFiscalYearLabel('2019/20')).toThrow(RangeError);
  });

  it('lists the fiscal years a multi-year project spans', () => {
    expect(fiscalYearsBetween('2021-06-15', '2023-03-31').map((f) => f.label)).toEqual(['2021-22', '2022-23']);
    expect(fiscalYearsBetween('2021-03-31', '2021-04-01').map((f) => f.label)).toEqual(['2020-21', '2021-22']);
  });

  const dates = fc
    .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('every date lies within its own fiscal year, whose label round-trips', () => {
    fc.assert(
      fc.property(dates, (d) => {
        const fy = fiscalYearOf(d);
        expect(fy.start <= d && d <= fy.end).toBe(true);
        expect(parseFiscalYearLabel(fy.label)).toEqual(fy);
      }),
    );
  });

  it('consecutive fiscal years tile the calendar with no gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), (y) => {
        const next = new Date(`${fiscalYear(y).end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.toISOString().slice(0, 10)).toBe(fiscalYear(y + 1).start);
      }),
    );
  });
});

describe('dates for people', () => {
  it('writes the first of the month as 1er in French, and every other day as a number', async () => {
    const { formatLongDate } = await import('../src/dates');
    const april = (d: number) => new Date(Date.UTC(2027, 3, d, 12));
    expect(formatLongDate(april(1), 'fr', 'UTC')).toBe('1er avril 2027');
    expect(formatLongDate(april(2), 'fr', 'UTC')).toBe('2 avril 2027');
    expect(formatLongDate(april(11), 'fr', 'UTC')).toBe('11 avril 2027');
    expect(formatLongDate(april(21), 'fr', 'UTC')).toBe('21 avril 2027');
    expect(formatLongDate(april(1), 'en', 'UTC')).toBe('April 1, 2027');
    // Toronto's calendar: 02:00 UTC on April 1 is still March 31 there.
    expect(formatLongDate(new Date('2027-04-01T02:00:00Z'), 'fr', 'America/Toronto')).toBe('31 mars 2027');
  });
});
