import { describe, expect, it } from 'vitest';
import { dateToTorontoWallTime, timeLeft, torontoWallTimeToDate } from './toronto-time';

describe('call dates in Eastern Time (America/Toronto)', () => {
  it('reads a wall time in winter (UTC-5) and in summer (UTC-4), whatever the browser’s zone', () => {
    expect(torontoWallTimeToDate('2027-01-15 17:00')?.toISOString()).toBe('2027-01-15T22:00:00.000Z');
    expect(torontoWallTimeToDate('2027-07-01 09:30')?.toISOString()).toBe('2027-07-01T13:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(torontoWallTimeToDate('2027-03-14 12:00')?.toISOString()).toBe('2027-03-14T16:00:00.000Z');
    expect(torontoWallTimeToDate('2026-11-01 12:00')?.toISOString()).toBe('2026-11-01T17:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(torontoWallTimeToDate('')).toBeNull();
    expect(torontoWallTimeToDate('2027-02-30 10:00')).toBeNull();
    expect(torontoWallTimeToDate('2027-01-15 25:00')).toBeNull();
    expect(torontoWallTimeToDate('15/01/2027 17:00')).toBeNull();
  });

  it('writes an instant back as the form shows it', () => {
    expect(dateToTorontoWallTime(new Date('2027-01-15T22:00:00Z'))).toBe('2027-01-15 17:00');
    expect(dateToTorontoWallTime(new Date('2027-07-01T04:00:00Z'))).toBe('2027-07-01 00:00');
  });

  it('counts whole days and hours left, and none once closed', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(timeLeft(new Date('2027-01-03T05:30:00Z'), now)).toEqual({ days: 2, hours: 5, minutes: 30 });
    expect(timeLeft(new Date('2026-12-31T00:00:00Z'), now)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
