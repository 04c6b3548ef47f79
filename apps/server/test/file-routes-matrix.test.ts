/**
 * The authorization matrix of the file routes, built from their declarations (FILE_ROUTES, never
 * a hand-kept list): each route is called signed out, as every demo role, and as a recipient
 * naming another organisation's records. Those its declaration leaves out are refused with the
 * right status, those it admits get through, and nothing is written by a refused call.
 */
import { FILE_ROUTES, seedDemoActivity, createMailer, createMemoryFileStore, defaultApiConfig, type FileRoute } from '@tp/api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

const ROLES = [
  ['program_officer', 'officer@example.ca'],
  ['program_manager', 'manager@example.ca'],
  ['reviewer', 'reviewer@example.ca'],
  ['finance_officer', 'finance@example.ca'],
  ['results_analyst', 'analyst@example.ca'],
  ['administrator', 'admin@example.ca'],
  ['recipient', 'recipient@example.ca'],
] as const;

let server: TestServer;
/** Windsor's records (another organisation than recipient@example.ca's), by parameter name. */
const windsor: Record<string, string> = {};
let query = '';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512, 0x20)]);
const boundary = '----tp-matrix-boundary';
const uploadBody = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
  pdf,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

function request(route: FileRoute, cookie: string | null) {
  const url = route.path.replace(/:(\w+)/g, (_m, name: string) => windsor[name]!) + query;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (route.method === 'POST') return server.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: uploadBody });
  return server.app.inject({ method: 'GET', url, headers });
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'user_session' order by 1`.execute(server.t.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) counts[name] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(server.t.db)).rows[0]!.n);
  return counts;
}

beforeAll(async () => {
  server = await startTestServer({
    prepare: (deps) => seedDemoActivity({ db: deps.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() }),
  });
  const db = server.t.db;
  const org = await db.selectFrom('organisation').select('id').where('legalNameEn', '=', 'Legal Assistance of Windsor').executeTakeFirstOrThrow();
  const agreement = await db.selectFrom('agreement').select(['id', 'programId']).where('organisationId', '=', org.id).where('status', '=', 'active').executeTakeFirstOrThrow();
  windsor.agreementId = agreement.id;
  // A draft application of Windsor's, to which it attaches a file of its own, so there is one to reach for.
  const author = await db.selectFrom('appUser').select('id').where('email', '=', 'recipient.windsor@example.ca').executeTakeFirstOrThrow();
  const call = await db
    .insertInto('callForProposals')
    .values({
      programId: agreement.programId, streamId: null, titleEn: 'Call', titleFr: 'Appel', eligibleRecipientTypes: ['non_profit'], eligibleProvinces: ['ON'],
      minAmountCents: 0n, maxAmountCents: 1n, maxDurationMonths: 12, firstFiscalYear: '2026-27', lastFiscalYear: '2026-27',
      opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), publishedAt: null, createdBy: author.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  windsor.applicationId = (await db.insertInto('application').values({ callId: call.id, organisationId: org.id, createdBy: author.id }).returning('id').executeTakeFirstOrThrow()).id;
  const upload = FILE_ROUTES.find((r) => r.method === 'POST')!;
  const saved = await request(upload, await server.cookieOf('recipient.windsor@example.ca'));
  expect(saved.statusCode).toBe(201);
  windsor.attachmentId = (saved.json() as { id: string }).id;
  const strategy = await db.selectFrom('strategy').select('id').executeTakeFirstOrThrow();
  query = `?programId=${agreement.programId}&fiscalYear=2026-27&strategyId=${strategy.id}`;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('the file routes’ authorization matrix', () => {
  it('declares every file route, and each one is refused signed out (401) without writing anything', async () => {
    expect(FILE_ROUTES.length).toBeGreaterThanOrEqual(16);
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const route of FILE_ROUTES) {
      const res = await request(route, null);
      if (res.statusCode !== 401) wrong.push(`${route.method} ${route.path}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses (403) each role its declaration leaves out, and lets through each role it names', async () => {
    const cookies = await Promise.all(ROLES.map(async ([role, email]) => ({ role, cookie: await server.cookieOf(email) })));
    const wrong: string[] = [];
    let refused = 0;
    let admitted = 0;
    for (const route of FILE_ROUTES) {
      if (route.access.kind !== 'roles') continue;
      const before = await rowCounts();
      for (const { role, cookie } of cookies) {
        const res = await request(route, cookie);
        const allowed = (route.access.roles as readonly string[]).includes(role);
        if (allowed) admitted++;
        else refused++;
        if (allowed ? res.statusCode !== 200 : res.statusCode !== 403) wrong.push(`${route.path} as ${role}: ${res.statusCode}`);
      }
      expect(await rowCounts()).toEqual(before);
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(10);
    expect(admitted).toBeGreaterThan(50);
  });

  it('gives a recipient nothing of another organisation on the routes open to every signed-in user, and writes nothing', async () => {
    const open = FILE_ROUTES.filter((r) => r.access.kind === 'signedIn');
    expect(open.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /agreements/:agreementId/pdf', 'GET /attachments/:applicationId/:attachmentId', 'POST /attachments/:applicationId']);
    const stranger = await server.cookieOf('recipient@example.ca');
    const owner = await server.cookieOf('recipient.windsor@example.ca');
    const officer = await server.cookieOf('officer@example.ca');
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const route of open) {
      const res = await request(route, stranger);
      if (res.statusCode !== 404) wrong.push(`${route.method} ${route.path} as another organisation: ${res.statusCode}`);
      if (res.body.includes('Windsor')) wrong.push(`${route.path} named Windsor`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // The owner and the staff do read them (the upload is the owner's only).
    for (const route of open.filter((r) => r.method === 'GET')) {
      expect((await request(route, owner)).statusCode).toBe(200);
      expect((await request(route, officer)).statusCode).toBe(200);
    }
  });
});
