/**
 * Finance exports, XLSX written by exceljs and CSV by documents/csv.ts (safe to open in a spreadsheet): the reconciliation, the payments
 * file for the financial system, and the proactive disclosure of grants and contributions over
 * $25,000 in the Treasury Board field layout. Amounts are exact decimal numbers (from cents),
 * never floating-point arithmetic; headers are bilingual where a person reads them.
 */
import ExcelJS from 'exceljs';
import type { Db } from '@tp/db';
import {
  AGREEMENT_TYPE_OF,
  DISCLOSURE_THRESHOLD_CENTS,
  disclosureBusinessNumber,
  disclosureLegalName,
  disclosurePostalCode,
  disclosureReferenceNumber,
  disclosureViolations,
  fiscalQuarterOf,
  GRANTS_FIELDS,
  GRANTS_MONEY_FIELDS,
  GRANTS_NIL_FIELDS,
  type GrantsField,
  type GrantsRow,
  isoDateIn,
  type IsoDate,
  nilQuarters,
  PAYMENT_KINDS,
  RECIPIENT_TYPE_OF,
  toDecimalString,
} from '@tp/domain';
import { translate } from '@tp/i18n';
import { matchingSearch, reconciliation } from './reconciliation';
import { writeCsv } from '../documents/csv';

export type ExportFormat = 'xlsx' | 'csv';

export interface Sheet {
  name: string;
  /**
   * `money`: cents, written with two decimals. `type`: how a spreadsheet holds the column's values
   * (the rows keep what a CSV shows): numbers as numbers, ISO dates as dates, "25%" as a percentage,
   * so an analyst can total, sort and chart them; a value that is not one (a "fewer than 5") stays text.
   */
  columns: { key: string; header: string; money?: boolean; type?: 'number' | 'date' | 'percent'; width?: number }[];
  rows: Record<string, string | number | bigint | null>[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERCENT = /^(-?\d+(\.\d+)?)%$/;

/** A value as the spreadsheet types it (see Sheet's columns). */
export function spreadsheetValue(column: Sheet['columns'][number], v: string | number | bigint | null): string | number | Date | null {
  if (typeof v === 'bigint') return column.money ? Number(toDecimalString(v)) : Number(v);
  if (typeof v !== 'string') return v;
  if (column.type === 'number' && NUMBER.test(v)) return Number(v);
  const date = column.type === 'date' ? ISO_DATE.exec(v) : null;
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  const percent = column.type === 'percent' ? PERCENT.exec(v) : null;
  if (percent) return Number(percent[1]) / 100;
  return v;
}

const FORMATS = { number: undefined, date: 'yyyy-mm-dd', percent: '0.0%' } as const;

/** One sheet as a file. Money goes in as an exact decimal number with two places. */
export async function writeSheet(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return writeCsv(sheet.columns, sheet.rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Transfer Payment Portal';
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
  ws.columns = sheet.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)) }));
  for (const row of sheet.rows) {
    const out: Record<string, string | number | Date | null> = {};
    // A cents amount becomes its exact decimal ("1234.56"), then a number Excel shows with two places.
    for (const c of sheet.columns) out[c.key] = spreadsheetValue(c, row[c.key] ?? null);
    ws.addRow(out);
  }
  for (const c of sheet.columns) {
    const format = c.money ? '#,##0.00' : c.type ? FORMATS[c.type] : undefined;
    if (format) ws.getColumn(c.key).numFmt = format;
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const both = (key: Parameters<typeof translate>[1]) => `${translate('en', key)} / ${translate('fr', key)}`;

/** The reconciliation as on screen: the same filters and the same search, every row. */
export async function reconciliationSheet(db: Db, filters: { programId?: string | null; fiscalYear?: string | null; byCategory?: boolean; search?: string }): Promise<Sheet> {
  const rows = matchingSearch(await reconciliation(db, filters), filters.search ?? '');
  return {
    name: 'Reconciliation',
    columns: [
      { key: 'agreement', header: both('fin.col.agreement'), width: 18 },
      { key: 'organisation', header: both('fin.col.organisation'), width: 36 },
      { key: 'program', header: both('fin.col.program'), width: 36 },
      { key: 'fiscalYear', header: both('fin.col.fiscalYear') },
      ...(filters.byCategory ? [{ key: 'costCategory', header: both('fin.col.costCategory') }] : []),
      { key: 'budget', header: both('fin.col.budget'), money: true },
      { key: 'committed', header: both('fin.col.committed'), money: true },
      { key: 'claimed', header: both('fin.col.claimed'), money: true },
      { key: 'certified', header: both('fin.col.certified'), money: true },
      { key: 'paid', header: both('fin.col.paid'), money: true },
      { key: 'advancesOutstanding', header: both('fin.col.advancesOutstanding'), money: true },
      { key: 'holdback', header: both('fin.col.holdback'), money: true },
      { key: 'lapsed', header: both('fin.col.lapsed'), money: true },
      { key: 'available', header: both('fin.col.available'), money: true },
    ],
    rows: rows.map((r) => ({
      agreement: r.referenceNumber,
      organisation: r.organisationNameEn,
      program: r.programNameEn,
      fiscalYear: r.fiscalYear,
      costCategory: r.costCategory,
      budget: r.budgetCents,
      committed: r.committedCents,
      claimed: r.claimedCents,
      certified: r.certifiedCents,
      paid: r.paidCents,
      advancesOutstanding: r.advancesOutstandingCents,
      holdback: r.holdbackCents,
      lapsed: r.lapsedCents,
      available: r.availableCents,
    })),
  };
}

/**
 * The payments made, one line each, as the financial system takes them: every payment entry of
 * the journal (PAYMENT_KINDS), with the claim it released when there is one. Read from the
 * journal, not from the claims, so the file pays out exactly what the reconciliation says was paid.
 */
export async function paymentsSheet(db: Db, filters: { fiscalYear?: string | null }): Promise<Sheet> {
  let q = db
    .selectFrom('ledgerEntry as l')
    .innerJoin('agreement', 'agreement.id', 'l.agreementId')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('program', 'program.id', 'agreement.programId')
    .leftJoin('claim', 'claim.id', 'l.claimId')
    .select([
      'l.kind as entryKind', 'l.fiscalYear', 'l.amountCents', 'l.createdAt', 'claim.referenceNumber', 'claim.releasedAt', 'claim.kind', 'agreement.referenceNumber as agreementReference',
      'organisation.legalNameEn', 'organisation.businessNumber', 'organisation.provinceOrTerritory', 'program.code as programCode',
    ])
    .where('l.kind', 'in', PAYMENT_KINDS);
  if (filters.fiscalYear) q = q.where('l.fiscalYear', '=', filters.fiscalYear);
  const rows = await q.orderBy('l.createdAt').orderBy('l.id').execute();
  return {
    name: 'Payments',
    columns: [
      { key: 'paymentDate', header: 'payment_date', type: 'date' },
      { key: 'claim', header: 'claim_reference', width: 18 },
      { key: 'agreement', header: 'agreement_reference', width: 18 },
      { key: 'payee', header: 'payee_legal_name', width: 36 },
      { key: 'businessNumber', header: 'payee_business_number', width: 18 },
      { key: 'province', header: 'payee_province' },
      { key: 'program', header: 'program_code', width: 24 },
      { key: 'fiscalYear', header: 'fiscal_year' },
      { key: 'paymentType', header: 'payment_type' },
      { key: 'amount', header: 'amount_cad', money: true },
    ],
    rows: rows.map((r) => ({
      // The day in Ottawa, as every date the department reckons (a release at 8 p.m. is not tomorrow's).
      paymentDate: isoDateIn(r.releasedAt ?? r.createdAt, 'America/Toronto'),
      claim: r.referenceNumber,
      agreement: r.agreementReference,
      payee: r.legalNameEn,
      businessNumber: r.businessNumber,
      province: r.provinceOrTerritory,
      program: r.programCode,
      fiscalYear: r.fiscalYear,
      paymentType: r.kind ?? (r.entryKind === 'advance_paid' ? 'advance' : 'reimbursement'),
      amount: r.amountCents,
    })),
  };
}

/** A text the template reads as blank when it holds only white space. */
const given = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === '' ? null : text.trim());
const ottawaDate = (instant: Date) => isoDateIn(instant, 'America/Toronto');

interface DisclosedRow {
  row: Record<GrantsField, string | number | bigint | null>;
  /** The day the disclosed event happened (signature, amendment or termination): its quarter is the one it is reported in. */
  on: IsoDate;
}

/**
 * The rows of the proactive disclosure, as the grants template version 3 has them (the rules and
 * their source are in packages/domain/src/disclosure.ts): one row per agreement version in force
 * or superseded above the disclosure threshold, amendment 0 the original, each later version an
 * amendment dated by its decision, and a termination one more amendment, as the template asks.
 *
 * The key (agreement_number) is the TBS reference number of the agreement, the same for all its
 * amendments: the department's code, the fiscal year and quarter in which the department signed
 * the original agreement, and its sequence among the agreements signed in that quarter (ordered
 * by signature, then by our number). Our own number is the alternate agreement number.
 * agreement_start_date is the last signature's day (the template: "normally identified based on
 * the last date of signature"), not the project's start.
 */
async function disclosedRows(db: Db, departmentCode: string): Promise<DisclosedRow[]> {
  const [agreements, versions] = await Promise.all([
    db
      .selectFrom('agreement as a')
      .innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .innerJoin('program as p', 'p.id', 'a.programId')
      .select([
        'a.id', 'a.referenceNumber', 'a.status', 'a.endedAt', 'a.recipientSignedAt', 'a.departmentSignedAt',
        'o.type', 'o.businessNumber', 'o.legalNameEn', 'o.legalNameFr', 'o.provinceOrTerritory', 'o.city', 'o.postalCode',
        'o.federalRidingNameEn', 'o.federalRidingNameFr', 'o.federalRidingNumber',
        'p.nameEn as programEn', 'p.nameFr as programFr', 'p.descriptionEn as purposeEn', 'p.descriptionFr as purposeFr', 'p.transferPaymentType',
      ])
      .where('a.departmentSignedAt', 'is not', null)
      .execute(),
    db
      .selectFrom('agreementVersion as v')
      .select(['v.agreementId', 'v.version', 'v.decidedAt', 'v.title', 'v.titleFr', 'v.description', 'v.descriptionFr', 'v.expectedResultsEn', 'v.expectedResultsFr', 'v.totalCents', 'v.endDate'])
      .where('v.status', 'in', ['in_force', 'superseded'])
      .orderBy('v.agreementId')
      .orderBy('v.version')
      .execute(),
  ]);
  // The sequence of each agreement within the quarter its original was signed in.
  const signed = agreements
    .map((a) => ({ a, signedOn: ottawaDate(a.departmentSignedAt!) }))
    .sort((x, y) => x.a.departmentSignedAt!.getTime() - y.a.departmentSignedAt!.getTime() || x.a.referenceNumber.localeCompare(y.a.referenceNumber));
  const reference = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const { a, signedOn } of signed) {
    const q = fiscalQuarterOf(signedOn);
    const key = `${q.fiscalYearStart}Q${q.quarter}`;
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    reference.set(a.id, disclosureReferenceNumber({ departmentCode, decidedOn: signedOn, sequence }));
  }
  const byAgreement = new Map<string, typeof versions>();
  for (const v of versions) byAgreement.set(v.agreementId, [...(byAgreement.get(v.agreementId) ?? []), v]);

  const out: DisclosedRow[] = [];
  for (const { a } of [...signed].sort((x, y) => x.a.referenceNumber.localeCompare(y.a.referenceNumber))) {
    const lastSignature = [a.recipientSignedAt, a.departmentSignedAt].filter((d): d is Date => d !== null).sort((x, y) => y.getTime() - x.getTime())[0]!;
    const rows = (byAgreement.get(a.id) ?? []).map((v, amendment) => ({ v, amendment }));
    const base = (v: (typeof versions)[number], amendment: number, amendedOn: IsoDate | null, terminatedOn: IsoDate | null): Record<GrantsField, string | number | bigint | null> => ({
      agreement_number: reference.get(a.id) ?? a.referenceNumber,
      amendment_number: amendment,
      amendment_date: amendedOn,
      agreement_type: AGREEMENT_TYPE_OF[a.transferPaymentType],
      agreement_title_en: given(v.title),
      agreement_title_fr: given(v.titleFr),
      recipient_type: RECIPIENT_TYPE_OF[a.type],
      recipient_business_number: disclosureBusinessNumber(a.businessNumber),
      recipient_legal_name: disclosureLegalName(a.legalNameEn, a.legalNameFr),
      recipient_operating_name: null,
      research_organization_name: null,
      recipient_country: 'CA',
      recipient_province: a.provinceOrTerritory,
      recipient_city: given(a.city),
      recipient_postal_code: disclosurePostalCode(a.postalCode),
      federal_riding_name_en: given(a.federalRidingNameEn),
      federal_riding_name_fr: given(a.federalRidingNameFr),
      federal_riding_number: given(a.federalRidingNumber),
      prog_name_en: given(a.programEn),
      prog_name_fr: given(a.programFr),
      prog_purpose_en: given(a.purposeEn),
      prog_purpose_fr: given(a.purposeFr),
      alternate_agreement_number: a.referenceNumber,
      agreement_value: v.totalCents,
      foreign_currency_type: null,
      foreign_currency_value: null,
      agreement_start_date: ottawaDate(lastSignature),
      agreement_end_date: v.endDate,
      agreement_termination_date: terminatedOn,
      coverage: null,
      description_en: given(v.description),
      description_fr: given(v.descriptionFr),
      naics_identifier: null,
      expected_results_en: given(v.expectedResultsEn),
      expected_results_fr: given(v.expectedResultsFr),
      additional_information_en: null,
      additional_information_fr: null,
    });
    for (const { v, amendment } of rows) {
      if (v.totalCents <= DISCLOSURE_THRESHOLD_CENTS) continue;
      const amendedOn = amendment > 0 && v.decidedAt ? ottawaDate(v.decidedAt) : null;
      out.push({ row: base(v, amendment, amendedOn, null), on: amendedOn ?? ottawaDate(a.departmentSignedAt!) });
    }
    const last = rows.at(-1);
    if (a.status === 'terminated' && a.endedAt && last && last.v.totalCents > DISCLOSURE_THRESHOLD_CENTS) {
      const endedOn = ottawaDate(a.endedAt);
      out.push({ row: base(last.v, last.amendment + 1, endedOn, endedOn), on: endedOn });
    }
  }
  return out;
}

/**
 * Proactive disclosure of grants and contributions over $25,000, as the open.canada.ca "grants"
 * resource takes it: the template's columns in its order (GRANTS_FIELDS), codes from its lists.
 */
export async function disclosureSheet(db: Db, departmentCode: string): Promise<Sheet> {
  const rows = await disclosedRows(db, departmentCode);
  return {
    name: 'grants',
    columns: GRANTS_FIELDS.map((f) => ({ key: f, header: f, ...(GRANTS_MONEY_FIELDS.includes(f) ? { money: true } : {}) })),
    rows: rows.map((r) => r.row),
  };
}

/**
 * The quarterly "Nothing to report" (the template's grants-nil resource): one row per fiscal
 * quarter in which nothing was disclosed, from the quarter of the first disclosed row to the last
 * quarter ended before today.
 */
export async function disclosureNilSheet(db: Db, departmentCode: string, today: IsoDate): Promise<Sheet> {
  const rows = await disclosedRows(db, departmentCode);
  const days = rows.map((r) => r.on).sort();
  const q = fiscalQuarterOf(today);
  // The last day of the quarter before today's.
  const lastEnded = `${q.fiscalYearStart}-${['03-31', '06-30', '09-30', '12-31'][q.quarter - 1]}`;
  const nil = days.length === 0 || days[0]! > lastEnded ? [] : nilQuarters(days, days[0]!, lastEnded);
  return {
    name: 'grants-nil',
    columns: GRANTS_NIL_FIELDS.map((f) => ({ key: f, header: f })),
    rows: nil,
  };
}

/** A disclosure row as its file writes it: every cell a text (money with its two decimals). */
export function asGrantsRow(row: Record<GrantsField, string | number | bigint | null>): GrantsRow {
  return Object.fromEntries(GRANTS_FIELDS.map((f) => {
    const v = row[f];
    return [f, v === null ? null : typeof v === 'bigint' ? (GRANTS_MONEY_FIELDS.includes(f) ? toDecimalString(v) : v.toString()) : String(v)];
  })) as GrantsRow;
}

/**
 * What to fix before the disclosure is uploaded: every violation of the template's rules
 * (disclosureViolations), one line each, with the line of the disclosure file it is on.
 */
export async function disclosureCheckSheet(db: Db, departmentCode: string): Promise<Sheet> {
  const rows = (await disclosedRows(db, departmentCode)).map((r) => asGrantsRow(r.row));
  return {
    name: 'Disclosure check',
    columns: [
      { key: 'line', header: both('disclosure.col.line') },
      { key: 'key', header: both('disclosure.col.key'), width: 26 },
      { key: 'amendment', header: both('disclosure.col.amendment') },
      { key: 'field', header: both('disclosure.col.field'), width: 28 },
      { key: 'rule', header: both('disclosure.col.rule'), width: 48 },
    ],
    // Line 1 of the file is its header.
    rows: disclosureViolations(rows).map((v) => ({
      line: v.row + 2,
      key: rows[v.row]?.agreement_number ?? null,
      amendment: rows[v.row]?.amendment_number ?? null,
      field: v.field,
      rule: both(`disclosure.rule.${v.rule}`),
    })),
  };
}
