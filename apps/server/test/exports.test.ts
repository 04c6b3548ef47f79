/**
 * The finance exports over HTTP, on the demo data: the reconciliation as XLSX and CSV (read back
 * with exceljs, figures to the cent), the payments file, the proactive disclosure in the Treasury
 * Board layout; staff who read money only.
 */
import ExcelJS from 'exceljs';
import { seedDemoActivity } from '@tp/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ prepare: seedDemoActivity });
});
afterAll(async () => {
  await server?.close();
});

const cookieOf = (email: string) => server.cookieOf(email);

async function sheetOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('finance exports', () => {
  it('the reconciliation as XLSX: bilingual headers and the Windsor agreement committed to the cent', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/exports/reconciliation.xlsx?fiscalYear=2026-27', headers: { cookie: await cookieOf('finance@example.ca') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0]!.slice(0, 6)).toEqual(['Agreement / Accord', 'Organisation / Organisme', 'Program / Programme', 'Fiscal year / Exercice', 'Budget / Budget', 'Committed / Engagé']);
    const windsor = rows.find((r) => r[1] === 'Legal Assistance of Windsor');
    expect(windsor?.slice(3, 6)).toEqual(['2026-27', '120000', '120000']);
  });

  it('the reconciliation as CSV, and the disclosure in the Treasury Board layout', async () => {
    const cookie = await cookieOf('analyst@example.ca');
    const csv = await server.app.inject({ method: 'GET', url: '/exports/reconciliation.csv', headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toContain('Agreement / Accord');
    const disclosure = await server.app.inject({ method: 'GET', url: '/exports/disclosure.xlsx', headers: { cookie } });
    const rows = await sheetOf(disclosure.rawPayload);
    expect(rows[0]!.slice(0, 7)).toEqual(['agreement_number', 'amendment_number', 'amendment_date', 'agreement_type', 'agreement_title_en', 'agreement_title_fr', 'recipient_type']);
    // Only the signed Windsor agreement ($240,000) is disclosed; Alberta's is not signed yet.
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    const line = rows[1]!;
    expect(line[header.indexOf('recipient_legal_name')]).toBe('Legal Assistance of Windsor');
    expect(line[header.indexOf('agreement_value')]).toBe('240000');
    expect(line[header.indexOf('agreement_type')]).toBe('C');
    expect(line[header.indexOf('alternate_agreement_number')]).toMatch(/^AGR-/);
    expect(line[header.indexOf('recipient_business_number')]).toBe('100000002');
  });

  it('every CSV export is safe to open: a hostile organisation name and city are text, not formulas; BOM; money with two decimals', async () => {
    const HOSTILE = '=HYPERLINK("http://evil.example","x")';
    const windsor = await server.t.db.selectFrom('organisation').select(['id', 'legalNameEn', 'city']).where('legalNameEn', '=', 'Legal Assistance of Windsor').executeTakeFirstOrThrow();
    await server.t.db.updateTable('organisation').set({ legalNameEn: HOSTILE, city: '-2+3' }).where('id', '=', windsor.id).execute();
    try {
      const cookie = await cookieOf('finance@example.ca');
      for (const url of ['/exports/reconciliation.csv?fiscalYear=2026-27', '/exports/payments.csv', '/exports/disclosure.csv']) {
        const res = await server.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, url).toBe(200);
        expect([...res.rawPayload.subarray(0, 3)], url).toEqual([0xef, 0xbb, 0xbf]);
        const text = res.rawPayload.toString('utf8');
        // No field of any line begins with a formula character unless neutralised by the apostrophe.
        expect(text, url).not.toMatch(/(^|,)"?[=@]/m);
        if (text.includes('HYPERLINK')) expect(text, url).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")`);
      }
      const reconciliation = (await server.app.inject({ method: 'GET', url: '/exports/reconciliation.csv?fiscalYear=2026-27', headers: { cookie } })).rawPayload.toString('utf8');
      const line = reconciliation.split('\r\n').find((l) => l.includes('HYPERLINK'));
      // Committed $120,000 (as the XLSX test reads it): two decimals in CSV.
      expect(line).toMatch(/,120000\.00,/);
      const disclosure = (await server.app.inject({ method: 'GET', url: '/exports/disclosure.csv', headers: { cookie } })).rawPayload.toString('utf8');
      expect(disclosure).toContain(`"'-2+3"`);
      expect(disclosure.split('\r\n')[0]).toMatch(/^\uFEFFagreement_number,/);
    } finally {
      await server.t.db.updateTable('organisation').set({ legalNameEn: windsor.legalNameEn, city: windsor.city }).where('id', '=', windsor.id).execute();
    }
  });

  it('gives the agreement as a PDF to its recipient, in the language asked, and to nobody else outside', async () => {
    const agreement = await server.t.db.selectFrom('agreement').select('id').where('status', '=', 'active').executeTakeFirstOrThrow();
    const own = await server.app.inject({ method: 'GET', url: `/agreements/${agreement.id}/pdf?lang=fr`, headers: { cookie: await cookieOf('recipient.windsor@example.ca') } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/AGR-\d{4}-\d{6}-v1-fr\.pdf/);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await server.app.inject({ method: 'GET', url: `/agreements/${agreement.id}/pdf`, headers: { cookie: await cookieOf('recipient@example.ca') } })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: `/agreements/${agreement.id}/pdf` })).statusCode).toBe(401);
  });

  it('refuses the signed-out and the recipients', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/exports/payments.xlsx' })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/exports/payments.xlsx', headers: { cookie: await cookieOf('recipient@example.ca') } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/exports/secrets.xlsx', headers: { cookie: await cookieOf('finance@example.ca') } })).statusCode).toBe(404);
  });
});
