/**
 * The authorization matrix, built from the router itself (never a hand-kept list): every
 * procedure declares who may call it (`meta.access`), and a procedure without a declaration fails.
 * Each procedure is called as an anonymous visitor, as every staff role its declaration leaves
 * out, and as a recipient of one organisation with inputs naming another organisation's records.
 * Every call is refused (or returns nothing of the other organisation), and nothing is written:
 * the row count of every table, the audit trail included, is the same after as before.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, seedDemoActivity } from '../src';
import { advanceClaim, createHarness, type Harness } from './harness';
import { allProcedures, call } from './procedures';

const procedures = allProcedures;

const STAFF = [
  ['program_officer', 'officer@example.ca'],
  ['program_manager', 'manager@example.ca'],
  ['reviewer', 'reviewer@example.ca'],
  ['finance_officer', 'finance@example.ca'],
  ['results_analyst', 'analyst@example.ca'],
  ['administrator', 'admin@example.ca'],
  ['recipient', 'recipient@example.ca'],
] as const;

let h: Harness;
/** Windsor's records, named by the input field that would carry them. */
const foreign: Record<string, string> = {};
let foreignNames: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  const db = h.t.db;
  const windsor = await h.organisationId('Legal Assistance of Windsor');
  const agreement = await db.selectFrom('agreement').select(['id', 'referenceNumber']).where('organisationId', '=', windsor).where('status', '=', 'active').executeTakeFirstOrThrow();
  const period = await db.selectFrom('reportingPeriod').select('id').where('agreementId', '=', agreement.id).orderBy('periodStart').executeTakeFirstOrThrow();
  // Windsor opens a report and files a claim, so there are such records to reach for.
  const windsorApi = (await h.signInAs('recipient.windsor@example.ca')).api;
  await windsorApi.reports.open({ periodId: period.id });
  const report = await db.selectFrom('progressReport').select('id').where('periodId', '=', period.id).executeTakeFirstOrThrow();
  const claim = await windsorApi.claims.submit(advanceClaim(agreement.id, 1_000_000n));
  const application = await db.selectFrom('application').select('id').where('organisationId', '=', windsor).executeTakeFirstOrThrow();
  const attachment = await db.selectFrom('applicationAttachment').select('id').where('applicationId', '=', application.id).executeTakeFirst();
  Object.assign(foreign, {
    organisationId: windsor,
    agreementId: agreement.id,
    periodId: period.id,
    reportId: report.id,
    claimId: (claim as { id: string }).id,
    applicationId: application.id,
    userId: await h.userId('recipient.windsor@example.ca'),
    ...(attachment ? { attachmentId: attachment.id } : {}),
  });
  foreignNames = ['Legal Assistance of Windsor', agreement.referenceNumber];
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** How many rows every table holds (the audit trail included). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'user_session' order by 1`.execute(h.t.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) counts[name] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(h.t.db)).rows[0]!.n);
  return counts;
}

/** What a bare `id` names, by the router it belongs to: `applications.get({ id })` is an application. */
const RESOURCE_OF: Record<string, string> = { applications: 'applicationId', organisation: 'organisationId', agreements: 'agreementId', reports: 'reportId', claims: 'claimId' };
let currentPath = '';

/** A value of the input's shape, naming the other organisation's records wherever an id goes. */
function sample(schema: unknown, name = ''): unknown {
  const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
  if (!def) return undefined;
  const field = name === 'id' ? (RESOURCE_OF[currentPath.split('.')[0]!] ?? name) : name;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return field in foreign ? sample(def.innerType, field) : undefined;
    case 'nullable':
      return field in foreign ? sample(def.innerType, field) : null;
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(shape)) {
        const value = sample(v, k);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'string':
      if (field in foreign) return foreign[field];
      if ((def as { format?: string }).format === 'uuid' || /Id$/.test(field)) return randomUUID();
      if (field === 'fiscalYear') return '2026-27';
      if (/date$|Date$|Start$|End$/.test(field)) return '2026-10-01';
      if (field === 'email') return 'someone@example.ca';
      return 'x';
    case 'number':
    case 'int':
      return 1;
    case 'bigint':
      return 1n;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'union':
      return sample((def.options as unknown[])[0], field);
    case 'intersection':
      return { ...(sample(def.left, field) as object), ...(sample(def.right, field) as object) };
    case 'pipe':
      return sample(def.in, field);
    case 'date':
      return new Date();
    default:
      return undefined;
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
}

describe('the authorization matrix', () => {
  it('every procedure declares who may call it', () => {
    expect(procedures.length).toBeGreaterThan(100);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('an anonymous visitor is refused everything but the public procedures, and nothing is written', async () => {
    const before = await rowCounts();
    const { api } = h.caller();
    const wrong: string[] = [];
    for (const [path, p] of procedures) {
      if (p._def.meta?.access?.kind === 'public') continue;
      const code = await codeOf(call(api, path, sample(p._def.inputs[0])));
      if (code !== 'UNAUTHORIZED') wrong.push(`${path}: ${code}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('each role is refused the procedures declared for other roles, and nothing is written', async () => {
    const apis = await Promise.all(STAFF.map(async ([role, email]) => ({ role, api: (await h.signInAs(email)).api })));
    const before = await rowCounts();
    const wrong: string[] = [];
    let refused = 0;
    for (const [path, p] of procedures) {
      const access = p._def.meta!.access!;
      if (access.kind !== 'roles') continue;
      for (const { role, api } of apis) {
        if (access.roles.includes(role)) continue;
        const code = await codeOf(call(api, path, sample(p._def.inputs[0])));
        if (code !== 'FORBIDDEN') wrong.push(`${path} as ${role}: ${code}`);
        refused++;
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(300);
    expect(await rowCounts()).toEqual(before);
  });

  it('a recipient reaching for another organisation’s records is refused or shown nothing of them, and nothing is written', async () => {
    const { api } = await h.signInAs('recipient@example.ca');
    const before = await rowCounts();
    const leaks: string[] = [];
    const failures: string[] = [];
    let exercised = 0;
    for (const [path, p] of procedures) {
      const access = p._def.meta!.access!;
      const forRecipient = access.kind === 'signedIn' || (access.kind === 'roles' && access.roles.includes('recipient'));
      // Signing out and changing one's own language act on the caller only.
      if (!forRecipient || path.startsWith('auth.')) continue;
      currentPath = path;
      const input = sample(p._def.inputs[0]);
      const names = JSON.stringify(input ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      const reachesForeign = Object.values(foreign).some((id) => names.includes(id)) || p._def.inputs.length === 0;
      if (!reachesForeign) continue;
      exercised++;
      try {
        const result = await call(api, path, input);
        const text = JSON.stringify(result ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        for (const secret of [...foreignNames, foreign.agreementId!, foreign.claimId!, foreign.reportId!, foreign.applicationId!]) {
          if (text.includes(secret)) leaks.push(`${path} returned ${secret}`);
        }
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'THROWN';
        if (!['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT'].includes(code)) failures.push(`${path}: ${code}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(failures).toEqual([]);
    expect(exercised).toBeGreaterThan(20);
    expect(await rowCounts()).toEqual(before);
  });
});
