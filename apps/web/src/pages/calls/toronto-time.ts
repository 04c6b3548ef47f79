/**
 * Call dates are typed and shown in the department's time zone, Eastern Time (America/Toronto),
 * whatever the browser's own zone; the page says so next to every date-time.
 */
export const CALL_TIME_ZONE = 'America/Toronto';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = partsFormatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Milliseconds Toronto's wall clock is ahead of UTC at `instant` (negative: -4 h or -5 h). */
function offsetAt(instant: Date): number {
  const p = wallParts(instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2027-01-15 17:00" read as Toronto time; null when it is not a real date and time in that form. */
export function torontoWallTimeToDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = naive - offsetAt(new Date(naive));
  guess = naive - offsetAt(new Date(guess));
  const back = wallParts(new Date(guess));
  if (back.year !== year || back.month !== month || back.day !== day) return null;
  return new Date(guess);
}

/** The instant as "2027-01-15 17:00" on Toronto's clock (what the form shows). */
export function dateToTorontoWallTime(instant: Date): string {
  const p = wallParts(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The instant written for people, in their language, on Toronto's clock. */
export function formatTorontoDateTime(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: CALL_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(instant);
}

/** Whole days and hours from `now` to `until` (zero when past). */
export function timeLeft(until: Date, now: Date): { days: number; hours: number; minutes: number } {
  const ms = Math.max(0, until.getTime() - now.getTime());
  return { days: Math.floor(ms / 86_400_000), hours: Math.floor((ms % 86_400_000) / 3_600_000), minutes: Math.floor((ms % 3_600_000) / 60_000) };
}
