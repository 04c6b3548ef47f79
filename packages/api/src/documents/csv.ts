/**
 * CSV as a spreadsheet opens it safely: RFC 4180 (comma, CRLF, fields with a quote, comma or line
 * break quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads "Engagé" and not
 * "EngagÃ©", and formula injection neutralised as OWASP recommends: a text cell that begins with
 * =, +, -, @, a tab or a carriage return is prefixed with an apostrophe and quoted, so it is read
 * as text, never run. Numbers are written as numbers (a negative amount stays a number) and money
 * with its two decimals ("62000.00"), exact from cents.
 */
import { toDecimalString } from '@tp/domain';

/** What a spreadsheet would start to evaluate as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const BOM = '\uFEFF';

export type CsvValue = string | number | bigint | null;

/** One text cell, neutralised and quoted as needed. */
export function csvText(value: string): string {
  const neutralised = FORMULA_START.test(value) ? `'${value}` : value;
  return neutralised !== value || NEEDS_QUOTES.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}

/** One cell: text as above, a number as it is, cents with their two decimals. */
export function csvCell(value: CsvValue, money = false): string {
  if (value === null) return '';
  if (typeof value === 'bigint') return money ? toDecimalString(value) : value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvText(value);
}

/** A whole file: the byte-order mark, a header line, one line per row. */
export function writeCsv(columns: readonly { key: string; header: string; money?: boolean }[], rows: readonly Record<string, CsvValue>[]): Buffer {
  const lines = [columns.map((c) => csvText(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c.key] ?? null, c.money)).join(','))];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
