/**
 * Finance exports, XLSX written by exceljs and CSV by documents/csv.ts (safe to open in a spreadsheet): the reconciliation, the payments
 * file for the financial system, and the proactive disclosure of grants and contributions over
 * $25,000 in the Treasury Board field layout. Amounts are exact decimal numbers (from cents),
 * never floating-point arithmetic; headers are bilingual where a person reads them.
 */
import ExcelJS from 'exceljs';
import type { Db } from '@tp/db';
import { DISCLOSURE_THRESHOLD_CENTS, PAYMENT_KINDS, toDecimalString } from '@tp/domain';
import { translate } from '@tp/i18n';
import { matchingSearch, reconciliation } from './reconciliation';
import { writeCsv } from '../documents/csv';

export type ExportFormat = 'xlsx' | 'csv';

export interface Sheet {
  name: string;
  columns: { key: string; header: string; money?: boolean; width?: number }[];
  rows: Record<string, string | number | bigint | null>[];
}

/** One sheet as a file. Money goes in as an exact decimal number with two places. */
export async function writeSheet(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return writeCsv(sheet.columns, sheet.rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Transfer Payment Portal';
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
  ws.columns = sheet.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)) }));
  for (const row of sheet.rows) {
    const out: Record<string, string | number | null> = {};
    for (const c of sheet.columns) {
      const v = row[c.key] ?? null;
      // A cents amount becomes its exact decimal ("1234.56"), then a number Excel shows with two places.
      out[c.key] = typeof v === 'bigint' ? (c.money ? Number(toDecimalString(v)) : Number(v)) : v;
    }
    ws.addRow(out);
  }
  for (const c of sheet.columns) if (c.money) ws.getColumn(c.key).numFmt = '#,##0.00';
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
      { key: 'paymentDate', header: 'payment_date' },
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
      paymentDate: (r.releasedAt ?? r.createdAt).toISOString().slice(0, 10),
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

const RECIPIENT_TYPE: Record<string, string> = {
  province_or_territory: 'G',
  municipal_police_service: 'G',
  provincial_police_service: 'G',
  indigenous_organisation: 'I',
  non_profit: 'N',
  academic: 'A',
  other: 'O',
};

/**
 * Proactive disclosure of grants and contributions over $25,000, in the Treasury Board layout
 * (open.canada.ca "grants" dataset): one line per agreement version in force or superseded.
 */
export async function disclosureSheet(db: Db): Promise<Sheet> {
  const rows = await db
    .selectFrom('agreementVersion as v')
    .innerJoin('agreement', 'agreement.id', 'v.agreementId')
    .innerJoin('organisation as o', 'o.id', 'agreement.organisationId')
    .innerJoin('program as p', 'p.id', 'agreement.programId')
    .select([
      'agreement.referenceNumber', 'v.version', 'v.decidedAt', 'agreement.departmentSignedAt', 'v.title', 'v.description', 'v.totalCents', 'v.startDate', 'v.endDate',
      'o.type', 'o.businessNumber', 'o.legalNameEn', 'o.legalNameFr', 'o.provinceOrTerritory', 'o.city', 'o.postalCode',
      'p.nameEn as programEn', 'p.nameFr as programFr', 'p.descriptionEn', 'p.descriptionFr', 'p.transferPaymentType',
    ])
    .where('v.status', 'in', ['in_force', 'superseded'])
    .where('v.totalCents', '>', DISCLOSURE_THRESHOLD_CENTS)
    .orderBy('agreement.referenceNumber')
    .orderBy('v.version')
    .execute();
  const fields = [
    'ref_number', 'amendment_number', 'amendment_date', 'agreement_type', 'recipient_type', 'recipient_business_number', 'recipient_legal_name',
    'recipient_operating_name', 'research_organization_name', 'recipient_country', 'recipient_province', 'recipient_city', 'recipient_postal_code',
    'federal_riding_name_en', 'federal_riding_name_fr', 'federal_riding_number', 'prog_name_en', 'prog_name_fr', 'prog_purpose_en', 'prog_purpose_fr',
    'agreement_title_en', 'agreement_title_fr', 'agreement_number', 'agreement_value', 'foreign_currency_type', 'foreign_currency_value',
    'agreement_start_date', 'agreement_end_date', 'coverage', 'description_en', 'description_fr', 'naics_identifier', 'expected_results_en',
    'expected_results_fr', 'additional_information_en', 'additional_information_fr', 'owner_org', 'owner_org_title',
  ];
  return {
    name: 'Grants and contributions',
    columns: fields.map((f) => ({ key: f, header: f, ...(f === 'agreement_value' ? { money: true } : {}) })),
    rows: rows.map((r) => ({
      ref_number: `PS-${r.referenceNumber}-${String(r.version - 1).padStart(3, '0')}`,
      amendment_number: String(r.version - 1),
      amendment_date: r.version > 1 && r.decidedAt ? r.decidedAt.toISOString().slice(0, 10) : null,
      agreement_type: r.transferPaymentType === 'grant' ? 'G' : 'C',
      recipient_type: RECIPIENT_TYPE[r.type] ?? 'O',
      recipient_business_number: r.businessNumber,
      recipient_legal_name: `${r.legalNameEn}${r.legalNameFr !== r.legalNameEn ? ` | ${r.legalNameFr}` : ''}`,
      recipient_operating_name: null,
      research_organization_name: null,
      recipient_country: 'CA',
      recipient_province: r.provinceOrTerritory,
      recipient_city: r.city,
      recipient_postal_code: r.postalCode,
      federal_riding_name_en: null,
      federal_riding_name_fr: null,
      federal_riding_number: null,
      prog_name_en: r.programEn,
      prog_name_fr: r.programFr,
      prog_purpose_en: r.descriptionEn,
      prog_purpose_fr: r.descriptionFr,
      agreement_title_en: r.title,
      agreement_title_fr: r.title,
      agreement_number: r.referenceNumber,
      agreement_value: r.totalCents,
      foreign_currency_type: null,
      foreign_currency_value: null,
      agreement_start_date: r.startDate,
      agreement_end_date: r.endDate,
      coverage: null,
      description_en: r.description,
      description_fr: r.description,
      naics_identifier: null,
      expected_results_en: null,
      expected_results_fr: null,
      additional_information_en: null,
      additional_information_fr: null,
      owner_org: 'ps-sp',
      owner_org_title: 'Public Safety Canada | Sécurité publique Canada',
    })),
  };
}
