/**
 * How the API writes dates and decimals for people (letters, emails, documents and screens): a
 * date in Toronto's time zone in the reader's language, and a numeric(16,4) value as it was typed.
 */
import { formatLongDate } from '@tp/domain';

export function formatDate(at: Date, lang: 'en' | 'fr'): string {
  return formatLongDate(at, lang, 'America/Toronto');
}

/** numeric(16,4) reads back as "120.0000": show it as typed, "120" ("12.5000" -> "12.5"). */
export function normaliseDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
