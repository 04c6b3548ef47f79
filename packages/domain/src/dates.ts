/**
 * A date for people, in English or French, the one way every screen, letter, email and PDF writes
 * it: "April 1, 2027" and "1er avril 2027" (Canada.ca French style writes the first of the month
 * as an ordinal, "1er", which Intl does not).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatLongDate(instant: Date, lang: 'en' | 'fr', timeZone?: string): string {
  const key = `${lang}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
    formats.set(key, format);
  }
  return format
    .formatToParts(instant)
    .map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}
