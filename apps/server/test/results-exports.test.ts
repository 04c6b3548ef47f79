/**
 * The results exports over HTTP on generated history: the indicator results table for a
 * program's year (bilingual headers, three years of actuals equal to the rollup), the transfer
 * payment program details that add up, GBA Plus counts where 1 to 4 never appear, the annual
 * report as a PDF; staff who read results only, and bad addresses refused.
 */
import ExcelJS from 'exceljs';
import { createCaller, createContext, generateHistory, seedDemoActivity } from '@tp/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;
let programId: string;
let strategyId: string;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (deps) => {
      await seedDemoActivity(deps);
      await generateHistory(deps.db, { scale: 0.005, seed: 11, today: '2026-11-26' });
    },
  });
  const program = await server.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  programId = program.id;
  strategyId = program.strategyId!;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const cookieOf = (email: string) => server.cookieOf(email);

async function rowsOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('results exports', () => {
  it('the indicator results: bilingual headers, and each year’s actual equals the rollup’s', async () => {
    const cookie = await cookieOf('analyst@example.ca');
    const res = await server.app.inject({ method: 'GET', url: `/exports/results-indicators.xlsx?programId=${programId}&fiscalYear=2023-24`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]).toContain('Indicator / Indicateur');
    const years = ['2021-22', '2022-23', '2023-24'];
    const columns = years.map((y) => rows[0]!.indexOf(`Actual ${y} / Réel ${y}`));
    expect(columns.every((c) => c > 0)).toBe(true);
    const ctx = createContext(server.deps, { sessionToken: cookie.split('=')[1]!, meta: { requestId: 't', ip: null, userAgent: null, lang: 'en' }, cookie: { set: () => undefined, clear: () => undefined } });
    const api = createCaller(ctx);
    for (const [i, year] of years.entries()) {
      const rollup = await api.results.rollup({ programId, fiscalYear: year });
      for (const ind of rollup.outcomes.flatMap((o) => o.indicators)) {
        const row = rows.find((r) => r[2] === ind.nameEn);
        // A number in the sheet (Excel can total it), equal to the rollup's figure.
        const cell = row?.[columns[i]!] ?? '';
        expect(cell === '' ? null : Number(cell), `${ind.code} ${year}`).toBe(ind.actual === null ? null : Number(ind.actual));
      }
    }
    // Typed cells: the actuals and targets are numbers, the target date a date (not text).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = rows[0]!;
    const cellsOf = (name: string) => ws.getColumn(header.indexOf(name) + 1).values.slice(2).filter((v) => v !== null && v !== undefined && v !== '');
    const actuals = cellsOf('Actual 2023-24 / Réel 2023-24');
    expect(actuals.length).toBeGreaterThan(0);
    expect(actuals.every((v) => typeof v === 'number')).toBe(true);
    expect(cellsOf('Target / Cible').every((v) => typeof v === 'number')).toBe(true);
    const dates = cellsOf('Date to achieve target / Date d’atteinte de la cible');
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((v) => v instanceof Date)).toBe(true);
    const csv = await server.app.inject({ method: 'GET', url: `/exports/results-indicators.csv?programId=${programId}&fiscalYear=2023-24`, headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toContain('Indicator / Indicateur');
  });

  it('the program details add up to their total line, and GBA Plus counts never show 1 to 4', async () => {
    const cookie = await cookieOf('manager@example.ca');
    const details = await rowsOf((await server.app.inject({ method: 'GET', url: `/exports/results-program.xlsx?programId=${programId}&fiscalYear=2023-24`, headers: { cookie } })).rawPayload);
    const header = details[0]!;
    const actual = header.indexOf('Actual spending / Dépenses réelles');
    const body = details.slice(1, -1);
    const total = details.at(-1)!;
    expect(body.length).toBeGreaterThan(0);
    const cents = (v: string) => BigInt(Math.round(Number(v) * 100));
    expect(body.reduce((s, r) => s + cents(r[actual]!), 0n)).toBe(cents(total[actual]!));
    const gba = await rowsOf((await server.app.inject({ method: 'GET', url: `/exports/results-gba.xlsx?programId=${programId}&fiscalYear=2023-24`, headers: { cookie } })).rawPayload);
    const count = gba[0]!.indexOf('Count / Nombre');
    expect(gba.length).toBeGreaterThan(1);
    for (const r of gba.slice(1)) expect(['1', '2', '3', '4']).not.toContain(r[count]);
    // Shares are percentages Excel can compute with (0.25 shown as 25.0%), not text.
    const gbaBook = new ExcelJS.Workbook();
    await gbaBook.xlsx.load((await server.app.inject({ method: 'GET', url: `/exports/results-gba.xlsx?programId=${programId}&fiscalYear=2023-24`, headers: { cookie } })).rawPayload as unknown as ArrayBuffer);
    const shareColumn = gbaBook.worksheets[0]!.getColumn(gba[0]!.indexOf('Projects reporting it / Projets qui le déclarent') + 1);
    const shares = shareColumn.values.slice(2).filter((v) => v !== null && v !== undefined);
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((v) => typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
    expect(shareColumn.numFmt).toBe('0.0%');
  });

  it('the annual report is a PDF', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/results/annual-report.pdf?strategyId=${strategyId}&fiscalYear=2023-24&lang=fr`, headers: { cookie: await cookieOf('analyst@example.ca') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses recipients, strangers and incomplete addresses', async () => {
    const recipient = await cookieOf('recipient.windsor@example.ca');
    expect((await server.app.inject({ method: 'GET', url: `/exports/results-indicators.xlsx?programId=${programId}&fiscalYear=2023-24`, headers: { cookie: recipient } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `/results/annual-report.pdf?strategyId=${strategyId}&fiscalYear=2023-24`, headers: { cookie: recipient } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `/exports/results-gba.xlsx?programId=${programId}&fiscalYear=2023-24` })).statusCode).toBe(401);
    const analyst = await cookieOf('analyst@example.ca');
    expect((await server.app.inject({ method: 'GET', url: `/exports/results-indicators.xlsx?fiscalYear=2023-24`, headers: { cookie: analyst } })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'GET', url: `/exports/results-indicators.xlsx?programId=00000000-0000-4000-8000-000000000000&fiscalYear=2023-24`, headers: { cookie: analyst } })).statusCode).toBe(404);
  });
});
