/**
 * The proactive disclosure as Treasury Board receives it: the demo's own export (demo activity and
 * the generated history, as `pnpm start` in demo mode has them), downloaded over HTTP as CSV and as
 * XLSX, read back, and checked against the grants template (version 3) rules in packages/domain:
 * the template's columns in its order, and not one violation.
 */
import ExcelJS from 'exceljs';
import { generateHistory, seedDemoActivity } from '@tp/api';
import { disclosureViolations, GRANTS_FIELDS, type GrantsRow } from '@tp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (deps) => {
      await seedDemoActivity(deps);
      await generateHistory(deps.db, { scale: 0.005, seed: 2026, today: '2026-12-04' });
    },
  });
}, 180_000);
afterAll(async () => {
  await server?.close();
});

/** RFC 4180, enough to read our own files back: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  const width = ws.getRow(1).cellCount;
  ws.eachRow((r) => {
    const out: string[] = [];
    for (let c = 1; c <= width; c++) {
      const v = r.getCell(c).value;
      out.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    }
    rows.push(out);
  });
  return rows;
}

/** A file's lines as template rows, by its own header. */
function asGrantsRows(lines: string[][]): GrantsRow[] {
  const [header, ...data] = lines;
  return data.map((line) => Object.fromEntries(GRANTS_FIELDS.map((f) => [f, line[header!.indexOf(f)] ?? null])) as GrantsRow);
}

const summary = (rows: GrantsRow[]) => {
  const byRule = new Map<string, number>();
  for (const v of disclosureViolations(rows)) byRule.set(`${v.field}:${v.rule}`, (byRule.get(`${v.field}:${v.rule}`) ?? 0) + 1);
  return Object.fromEntries(byRule);
};

describe('the disclosure export against the grants template', () => {
  it('as CSV: the template columns in order, one row per agreement version, no violation', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/exports/disclosure.csv', headers: { cookie: await server.cookieOf('finance@example.ca') } });
    expect(res.statusCode).toBe(200);
    const lines = parseCsv(res.rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
    expect.soft(lines[0]).toEqual([...GRANTS_FIELDS]);
    const rows = asGrantsRows(lines);
    expect(rows.length).toBeGreaterThan(10);
    expect(summary(rows)).toEqual({});
  });

  it('as XLSX: the same columns and rows, no violation', async () => {
    const cookie = await server.cookieOf('finance@example.ca');
    const xlsx = await server.app.inject({ method: 'GET', url: '/exports/disclosure.xlsx', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const lines = await xlsxRows(xlsx.rawPayload);
    expect.soft(lines[0]).toEqual([...GRANTS_FIELDS]);
    const rows = asGrantsRows(lines);
    expect(summary(rows)).toEqual({});
    const csv = asGrantsRows(parseCsv((await server.app.inject({ method: 'GET', url: '/exports/disclosure.csv', headers: { cookie } })).rawPayload.toString('utf8').replace(/^\uFEFF/, '')));
    const key = (r: GrantsRow) => `${r.agreement_number}/${r.amendment_number}`;
    expect(rows.map(key)).toEqual(csv.map(key));
  });

  it('sends the codes the template means: recipient type by organisation type, the 9-digit business number, the TBS reference number', async () => {
    const rows = asGrantsRows(parseCsv((await server.app.inject({ method: 'GET', url: '/exports/disclosure.csv', headers: { cookie: await server.cookieOf('finance@example.ca') } })).rawPayload.toString('utf8').replace(/^\uFEFF/, '')));
    const orgs = await server.t.db
      .selectFrom('agreement')
      .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
      .select(['agreement.referenceNumber', 'organisation.type', 'organisation.businessNumber'])
      .execute();
    const byReference = new Map(orgs.map((o) => [o.referenceNumber, o]));
    // Written from the template's list, independently of the domain's table.
    const expected: Record<string, string> = { indigenous_organisation: 'A', academic: 'S', non_profit: 'N', province_or_territory: 'G', municipal_police_service: 'G', provincial_police_service: 'G', other: 'O' };
    const seen = new Set<string>();
    for (const r of rows) {
      const org = byReference.get(r.alternate_agreement_number ?? '')!;
      expect(r.recipient_type, r.alternate_agreement_number ?? '').toBe(expected[org.type]);
      seen.add(org.type);
      expect(r.recipient_business_number ?? '').toBe(org.businessNumber ? org.businessNumber.slice(0, 9) : '');
      expect(r.agreement_number).toMatch(/^130-(\d{4})-(\d{4})-Q[1-4]-\d{5}$/);
    }
    expect(seen.size).toBeGreaterThan(1);
    // One key per row, the same key for all the rows of an agreement.
    expect(new Set(rows.map((r) => `${r.agreement_number}/${r.amendment_number}`)).size).toBe(rows.length);
  });

  it('the quarterly nil report: a quarter with nothing disclosed is one row of the grants-nil template', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/exports/disclosure-nil.csv', headers: { cookie: await server.cookieOf('finance@example.ca') } });
    expect(res.statusCode).toBe(200);
    const [header, ...lines] = parseCsv(res.rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
    expect(header).toEqual(['fiscal_year', 'quarter']);
    for (const [fy, q] of lines) expect(`${fy} ${q}`).toMatch(/^(\d{4})-(\d{4}) Q[1-4]$/);
    const refused = await server.app.inject({ method: 'GET', url: '/exports/disclosure-nil.csv', headers: { cookie: await server.cookieOf('recipient@example.ca') } });
    expect(refused.statusCode).toBe(403);
  });

  it('the check file lists what to fix, line by line, in both languages: nothing on the demo, a missing city when there is one', async () => {
    const cookie = await server.cookieOf('finance@example.ca');
    const check = async () => parseCsv((await server.app.inject({ method: 'GET', url: '/exports/disclosure-check.csv', headers: { cookie } })).rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
    const [header, ...none] = await check();
    expect(header).toEqual(['Line of the file / Ligne du fichier', 'Agreement number (key) / Numéro d’entente (clé)', 'Amendment / Modification', 'Field / Champ', 'What is wrong / Ce qui ne va pas']);
    expect(none).toEqual([]);
    const windsor = await server.t.db.selectFrom('organisation').select(['id', 'city']).where('legalNameEn', '=', 'Legal Assistance of Windsor').executeTakeFirstOrThrow();
    await server.t.db.updateTable('organisation').set({ city: null }).where('id', '=', windsor.id).execute();
    try {
      const [, ...lines] = await check();
      const file = parseCsv((await server.app.inject({ method: 'GET', url: '/exports/disclosure.csv', headers: { cookie } })).rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
      const windsorLine = file.findIndex((l) => l.includes('Legal Assistance of Windsor')) + 1;
      expect(lines).toEqual([[String(windsorLine), file[windsorLine - 1]![0], '0', 'recipient_city', 'Required and empty / Obligatoire et vide']]);
    } finally {
      await server.t.db.updateTable('organisation').set({ city: windsor.city }).where('id', '=', windsor.id).execute();
    }
  });
});
