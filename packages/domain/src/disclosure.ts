/**
 * Proactive disclosure of grants and contributions as Treasury Board receives it: the "grants"
 * template, version 3 (in force since 2025-12-01), as data and rules.
 *
 * Written by hand from the open.canada.ca registry's own schema, repository open-data/ckanext-canada,
 * path ckanext/canada/tables/grants.yaml (template_version 3, template_updated 2025-12-01): the
 * field list in the template's column order, each field's obligation and the date from which it
 * binds, the controlled lists, the formats, and the conditional rules of the registry's database
 * check (the `grants_trigger` of that file), plus the "Nothing to report" resource (`grants-nil`).
 * Nothing is copied from that file; the rules are restated here in our terms.
 *
 * What the template says that the brief assumed otherwise:
 * - Version 3 has no `ref_number` column. Its key is `owner_org` (the department's organisation on
 *   the registry, implied by where the file is uploaded, not a column) + `agreement_number` +
 *   `amendment_number`. Records published before 2026 were linked by the reference number, which
 *   became their agreement number; `alternate_agreement_number` is "formerly agreement_number".
 *   So we send the TBS reference number (`DDD-YYYY-YYYY-QX-XXXXX`, the form the template's own
 *   example of a key uses) as `agreement_number`, the same for every amendment of an agreement,
 *   and our departmental number (AGR-…) as `alternate_agreement_number`.
 * - The business number is optional, but when given for an agreement starting on or after
 *   2025-12-01 it is the 9-digit number (digits only, not starting with 0).
 *
 * Rules beyond the registry's, ours, named as such: `frenchCopiesEnglish` (a French text of four
 * words or more identical to the English one is a copy, not a translation) and `duplicateKey`
 * (the registry refuses a second row with the same key; we say so before it does).
 */
import type { IsoDate } from './fiscal-year';
import { fiscalYearOf } from './fiscal-year';
import type { OrganisationType, TransferPaymentType } from './reference';

export const GRANTS_TEMPLATE_VERSION = 3;

/** Proactive disclosure covers grants and contributions over $25,000. */
export const DISCLOSURE_THRESHOLD_CENTS = 2_500_000n;

/** The template's columns, in its order (the import template: the registry's own timestamps left out). */
export const GRANTS_FIELDS = [
  'agreement_number',
  'amendment_number',
  'amendment_date',
  'agreement_type',
  'agreement_title_en',
  'agreement_title_fr',
  'recipient_type',
  'recipient_business_number',
  'recipient_legal_name',
  'recipient_operating_name',
  'research_organization_name',
  'recipient_country',
  'recipient_province',
  'recipient_city',
  'recipient_postal_code',
  'federal_riding_name_en',
  'federal_riding_name_fr',
  'federal_riding_number',
  'prog_name_en',
  'prog_name_fr',
  'prog_purpose_en',
  'prog_purpose_fr',
  'alternate_agreement_number',
  'agreement_value',
  'foreign_currency_type',
  'foreign_currency_value',
  'agreement_start_date',
  'agreement_end_date',
  'agreement_termination_date',
  'coverage',
  'description_en',
  'description_fr',
  'naics_identifier',
  'expected_results_en',
  'expected_results_fr',
  'additional_information_en',
  'additional_information_fr',
] as const;
export type GrantsField = (typeof GRANTS_FIELDS)[number];

/** One row as it is written in the file: every cell a text, empty or null when blank. */
export type GrantsRow = Record<GrantsField, string | null>;

/** The template's money columns (datastore type money). */
export const GRANTS_MONEY_FIELDS: readonly GrantsField[] = ['agreement_value', 'foreign_currency_value'];
/** The template's date columns (YYYY-MM-DD). */
export const GRANTS_DATE_FIELDS: readonly GrantsField[] = ['amendment_date', 'agreement_start_date', 'agreement_end_date', 'agreement_termination_date'];

/** Dates from which the template's rules bind, by the agreement's start date. */
export const GRANTS_RULES_FROM = {
  /** Agreement type, legal name, country, province, city and both descriptions. */
  core: '2018-04-01',
  /** Template version 3: recipient type, program names and purposes, titles, end date, expected results, formats. */
  version3: '2025-12-01',
  /** Agreement value zero or more. */
  nonNegativeValue: '2026-05-01',
} as const satisfies Record<string, IsoDate>;

export const AGREEMENT_TYPE_CODES = ['G', 'C', 'O'] as const;
export type AgreementTypeCode = (typeof AGREEMENT_TYPE_CODES)[number];

/** F for-profit, N not-for-profit and charities, S academia, A Indigenous recipients, G government, I international (non-government), P individual or sole proprietorship, O other. */
export const RECIPIENT_TYPE_CODES = ['F', 'N', 'S', 'A', 'G', 'I', 'P', 'O'] as const;
export type RecipientTypeCode = (typeof RECIPIENT_TYPE_CODES)[number];

/** The template's list of provinces and territories (the same thirteen postal abbreviations as ours). */
export const GRANTS_PROVINCE_CODES = ['ON', 'QC', 'NB', 'NL', 'PE', 'SK', 'YT', 'AB', 'BC', 'MB', 'NT', 'NU', 'NS'] as const;

/**
 * Our organisation types as the template's recipient types: provinces, territories and police
 * services are government; an Indigenous organisation is an Indigenous recipient (A, never I,
 * which is international); an academic institution is academia (S, never A).
 */
export const RECIPIENT_TYPE_OF: Record<OrganisationType, RecipientTypeCode> = {
  province_or_territory: 'G',
  municipal_police_service: 'G',
  provincial_police_service: 'G',
  indigenous_organisation: 'A',
  non_profit: 'N',
  academic: 'S',
  other: 'O',
};

/** Our transfer payment types as the template's agreement types. */
export const AGREEMENT_TYPE_OF: Record<TransferPaymentType, AgreementTypeCode> = { grant: 'G', contribution: 'C' };

export const DISCLOSURE_RULES = [
  'required',
  'choice',
  'date',
  'integer',
  'money',
  'noComma',
  'businessNumber',
  'postalCode',
  'ridingNumber',
  'startAfterEnd',
  'terminationBeforeStart',
  'negativeValue',
  'pairRequired',
  'frenchCopiesEnglish',
  'duplicateKey',
] as const;
export type DisclosureRule = (typeof DISCLOSURE_RULES)[number];

export interface DisclosureViolation {
  /** The row's index in the list given (0 for the first data row). */
  row: number;
  field: GrantsField | GrantsNilField;
  rule: DisclosureRule;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
const MONEY = /^-?\d+(\.\d{1,2})?$/;
const INTEGER = /^-?\d+$/;
/** The registry's postal code check, after it trims, upper-cases and collapses spaces. */
const POSTAL_CODE = /^[A-Z]\d[A-Z] \d[A-Z]\d$/;
/** n digits, not starting with 0 (the template's business number and riding number formats). */
const digitsNotZeroLed = (n: number) => new RegExp(`^[1-9]\\d{${n - 1}}$`);
const BUSINESS_NUMBER = digitsNotZeroLed(9);
const RIDING_NUMBER = digitsNotZeroLed(5);
/** ISO 3166-1 alpha-2 and ISO 4217 alphabetic codes, by form (the registry's full lists are choice files). */
const COUNTRY_CODE = /^[A-Z]{2}$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';
const words = (v: string) => v.trim().split(/\s+/).length;

/** The bilingual pairs whose French must be a translation, not a copy. */
const TRANSLATED_PAIRS: readonly [GrantsField, GrantsField][] = [
  ['agreement_title_en', 'agreement_title_fr'],
  ['prog_purpose_en', 'prog_purpose_fr'],
  ['description_en', 'description_fr'],
  ['expected_results_en', 'expected_results_fr'],
];

/** Every way a row breaks the template, in field order within a row. */
export function disclosureViolations(rows: readonly GrantsRow[]): DisclosureViolation[] {
  const out: DisclosureViolation[] = [];
  const seen = new Set<string>();
  rows.forEach((r, row) => {
    const found: DisclosureViolation[] = [];
    const add = (field: GrantsField, rule: DisclosureRule) => {
      if (!found.some((v) => v.field === field && v.rule === rule)) found.push({ row, field, rule });
    };
    const v = (f: GrantsField): string => (r[f] ?? '').trim();
    const need = (f: GrantsField) => blank(r[f]) && add(f, 'required');
    const among = (f: GrantsField, list: readonly string[]) => !blank(r[f]) && !list.includes(v(f)) && add(f, 'choice');

    // Formats, whatever the date.
    for (const f of GRANTS_DATE_FIELDS) if (!blank(r[f]) && !isDate(v(f))) add(f, 'date');
    for (const f of GRANTS_MONEY_FIELDS) if (!blank(r[f]) && !MONEY.test(v(f))) add(f, 'money');

    need('agreement_number');
    if (v('agreement_number').includes(',')) add('agreement_number', 'noComma');
    need('amendment_number');
    if (!blank(r.amendment_number) && !INTEGER.test(v('amendment_number'))) add('amendment_number', 'integer');
    if (INTEGER.test(v('amendment_number')) && Number(v('amendment_number')) !== 0) need('amendment_date');

    if (!blank(r.foreign_currency_type) || !blank(r.foreign_currency_value)) {
      need('foreign_currency_type');
      if (!blank(r.foreign_currency_type) && !CURRENCY_CODE.test(v('foreign_currency_type'))) add('foreign_currency_type', 'choice');
      need('foreign_currency_value');
    }
    need('agreement_value');
    need('agreement_start_date');

    const start = isDate(v('agreement_start_date')) ? v('agreement_start_date') : null;
    const end = isDate(v('agreement_end_date')) ? v('agreement_end_date') : null;
    const terminated = isDate(v('agreement_termination_date')) ? v('agreement_termination_date') : null;
    if (start && end && start > end) add('agreement_start_date', 'startAfterEnd');
    if (start && terminated && terminated < start) add('agreement_termination_date', 'terminationBeforeStart');

    if (start && start >= GRANTS_RULES_FROM.core) {
      need('agreement_type');
      among('agreement_type', AGREEMENT_TYPE_CODES);
      among('recipient_type', RECIPIENT_TYPE_CODES);
      need('recipient_legal_name');
      need('recipient_country');
      if (!blank(r.recipient_country) && !COUNTRY_CODE.test(v('recipient_country'))) add('recipient_country', 'choice');
      if (v('recipient_country') === 'CA') {
        need('recipient_province');
        among('recipient_province', GRANTS_PROVINCE_CODES);
      }
      need('recipient_city');
      need('description_en');
      need('description_fr');
    }
    if (start && start >= GRANTS_RULES_FROM.version3) {
      for (const f of ['recipient_type', 'prog_name_en', 'prog_name_fr', 'prog_purpose_en', 'prog_purpose_fr', 'agreement_title_en', 'agreement_title_fr', 'agreement_end_date', 'expected_results_en', 'expected_results_fr'] as const) need(f);
      const postal = v('recipient_postal_code').toUpperCase().replace(/\s+/g, ' ');
      if (postal !== '' && !POSTAL_CODE.test(postal)) add('recipient_postal_code', 'postalCode');
      if (!blank(r.recipient_business_number) && !BUSINESS_NUMBER.test(v('recipient_business_number'))) add('recipient_business_number', 'businessNumber');
      if (!blank(r.federal_riding_number) && !RIDING_NUMBER.test(v('federal_riding_number'))) add('federal_riding_number', 'ridingNumber');
    }
    if (start && start >= GRANTS_RULES_FROM.nonNegativeValue && MONEY.test(v('agreement_value')) && v('agreement_value').startsWith('-')) add('agreement_value', 'negativeValue');

    // The template's form asks for each federal riding name when the other is given.
    if (blank(r.federal_riding_name_en) !== blank(r.federal_riding_name_fr)) add(blank(r.federal_riding_name_en) ? 'federal_riding_name_en' : 'federal_riding_name_fr', 'pairRequired');

    // Ours: a French copy of the English is not a translation.
    for (const [en, fr] of TRANSLATED_PAIRS) {
      if (!blank(r[en]) && v(en) === v(fr) && words(v(en)) >= 4) add(fr, 'frenchCopiesEnglish');
    }
    const key = `${v('agreement_number')}\u0000${v('amendment_number')}`;
    if (!blank(r.agreement_number) && seen.has(key)) add('amendment_number', 'duplicateKey');
    seen.add(key);

    const order = (f: GrantsField | GrantsNilField) => (GRANTS_FIELDS as readonly string[]).indexOf(f);
    out.push(...found.sort((a, b) => order(a.field) - order(b.field)));
  });
  return out;
}

/** The fiscal quarter of a date: Q1 April to June … Q4 January to March. */
export function fiscalQuarterOf(date: IsoDate): { fiscalYearStart: number; quarter: 1 | 2 | 3 | 4 } {
  const fy = fiscalYearOf(date);
  const month = Number(date.slice(5, 7));
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as 1 | 2 | 3 | 4;
  return { fiscalYearStart: fy.startYear, quarter };
}

/** The template writes a fiscal year with both years whole: 2026-2027 (we say 2026-27). */
export function grantsFiscalYear(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** The TBS form of a reference number: department, fiscal year, quarter, sequence. */
export const TBS_REFERENCE_NUMBER = /^(\d{3})-(\d{4})-(\d{4})-Q([1-4])-(\d{5})$/;
/** A department's three-digit identifier in that reference number. */
export const DEPARTMENT_CODE = /^\d{3}$/;
/**
 * Our default department identifier (Public Safety Canada). A placeholder the department
 * confirms with Treasury Board: set DISCLOSURE_DEPARTMENT_CODE to the number it publishes under.
 */
export const DEFAULT_DISCLOSURE_DEPARTMENT_CODE = '130';

/**
 * The reference number `DDD-YYYY-YYYY-QX-XXXXX` of an agreement: the department's identifier,
 * the fiscal year and quarter in which the original agreement was decided, and its sequence
 * among the agreements decided in that quarter (1 for the first).
 */
export function disclosureReferenceNumber(input: { departmentCode: string; decidedOn: IsoDate; sequence: number }): string {
  if (!DEPARTMENT_CODE.test(input.departmentCode)) throw new RangeError(`Not a three-digit department code: ${input.departmentCode}`);
  if (!Number.isInteger(input.sequence) || input.sequence < 1 || input.sequence > 99_999) throw new RangeError(`Not a sequence: ${input.sequence}`);
  const { fiscalYearStart, quarter } = fiscalQuarterOf(input.decidedOn);
  return `${input.departmentCode}-${grantsFiscalYear(fiscalYearStart)}-Q${quarter}-${String(input.sequence).padStart(5, '0')}`;
}

/** The 9-digit business number the template wants, from our 9- or 15-character one (its first nine digits). */
export function disclosureBusinessNumber(businessNumber: string | null): string | null {
  const nine = businessNumber?.trim().slice(0, 9) ?? '';
  return BUSINESS_NUMBER.test(nine) ? nine : null;
}

/** A Canadian postal code as the template writes it ("A1A 1A1"), from ours (the space optional), or null. */
export function disclosurePostalCode(postalCode: string | null): string | null {
  const compact = (postalCode ?? '').replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact) ? `${compact.slice(0, 3)} ${compact.slice(3)}` : null;
}

/** A legal name as the template writes it: "English|French", or one name when both are the same. */
export function disclosureLegalName(nameEn: string, nameFr: string): string {
  return nameEn.trim() === nameFr.trim() ? nameEn.trim() : `${nameEn.trim()}|${nameFr.trim()}`;
}

/** The "Nothing to report" resource: one row per fiscal year and quarter with nothing to disclose. */
export const GRANTS_NIL_FIELDS = ['fiscal_year', 'quarter'] as const;
export type GrantsNilField = (typeof GRANTS_NIL_FIELDS)[number];
export type GrantsNilRow = Record<GrantsNilField, string>;
const NIL_FISCAL_YEAR = /^(\d{4})-(\d{4})$/;
export const GRANTS_QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export function nilReportViolations(rows: readonly GrantsNilRow[]): DisclosureViolation[] {
  const out: DisclosureViolation[] = [];
  rows.forEach((r, row) => {
    const m = NIL_FISCAL_YEAR.exec(r.fiscal_year.trim());
    if (r.fiscal_year.trim() === '') out.push({ row, field: 'fiscal_year', rule: 'required' });
    else if (!m || Number(m[2]) !== Number(m[1]) + 1) out.push({ row, field: 'fiscal_year', rule: 'choice' });
    if (r.quarter.trim() === '') out.push({ row, field: 'quarter', rule: 'required' });
    else if (!(GRANTS_QUARTERS as readonly string[]).includes(r.quarter.trim())) out.push({ row, field: 'quarter', rule: 'choice' });
  });
  return out;
}

/**
 * The quarters, from the first to the last given (inclusive, fiscal years by their start), in
 * which no row was disclosed: each is one "Nothing to report" row. A row belongs to the quarter
 * of its agreement's (or amendment's) decision, the `disclosedOn` given.
 */
export function nilQuarters(disclosedOn: readonly IsoDate[], from: IsoDate, to: IsoDate): GrantsNilRow[] {
  const key = (d: IsoDate) => {
    const q = fiscalQuarterOf(d);
    return q.fiscalYearStart * 4 + (q.quarter - 1);
  };
  const busy = new Set(disclosedOn.map(key));
  const out: GrantsNilRow[] = [];
  for (let k = key(from); k <= key(to); k++) {
    if (busy.has(k)) continue;
    out.push({ fiscal_year: grantsFiscalYear(Math.floor(k / 4)), quarter: GRANTS_QUARTERS[k % 4] ?? 'Q1' });
  }
  return out;
}
