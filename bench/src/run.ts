/**
 * `pnpm bench [--scales 0.1,1] [--duration 10] [--connections 1,10,50] [--only rollup,...] [--workers N] [--soak 60]`
 *
 * For each scale: a generated database (`tp_bench_s<scale>` on the PostgreSQL server named by
 * DATABASE_URL, else the embedded database in .data/bench-s<scale>), the production server
 * started on it in its own process, real users signed in, and the HTTP API driven as the client
 * drives it (tRPC over HTTP with the session cookie) by autocannon, for the reads users wait on.
 * For each: requests per second, p50/p95/p99 latency at each connection count, errors; and the
 * same SQL the procedure sends, replayed straight through pg, so the ratio of our end-to-end time
 * to the database's own time shows. Also the client's initial JavaScript (gzip) from the
 * production build. Figures go to bench/results/latest.json and a table to stdout.
 */
import { sql } from 'kysely';
import autocannon from 'autocannon';
import { createCaller, createContext, createMailer, createMemoryFileStore, defaultApiConfig, generateHistory, hashPassword, seedDemoActivity } from '@tp/api';
import { createDb, migrateToLatest } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import { fiscalYearOf, isoDateIn } from '@tp/domain';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import superjson from 'superjson';
import { BENCH_RECIPIENT, prepareWrites } from './prepare-writes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '0.1,1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,10,50' },
    only: { type: 'string', default: '' },
    soak: { type: 'string', default: '0' },
    // Server processes (WORKERS; PostgreSQL server only). One by default: on two cores shared with
    // the database and the load tool, a second raised throughput but lengthened the p95 tail.
    workers: { type: 'string', default: '1' },
  },
});
const workers = Number(args.workers);
const soakSeconds = Number(args.soak);
const scales = args.scales.split(',').map(Number);
const duration = Number(args.duration);
const connectionCounts = args.connections.split(',').map(Number);
const only = args.only ? new Set(args.only.split(',')) : null;
const baseUrl = process.env.DATABASE_URL ?? null;
const PASSWORD = 'demo-password-2026';
const today = isoDateIn(new Date(), 'America/Toronto');

// ---------------------------------------------------------------------------------------------

function databaseUrlFor(scale: number): string | null {
  if (!baseUrl) return null;
  const url = new URL(baseUrl);
  url.pathname = `/tp_bench_s${String(scale).replace('.', '_')}`;
  return url.toString();
}

async function prepareDatabase(scale: number) {
  const url = databaseUrlFor(scale);
  if (url) {
    const admin = new pg.Client({ connectionString: baseUrl! });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    await admin.end();
  }
  const dataDir = path.join(root, '.data', `bench-s${scale}`);
  const handle = createDb(url ? { kind: 'postgres', connectionString: url } : { kind: 'pglite', dataDir });
  const started = Date.now();
  try {
    await migrateToLatest(handle.db);
    await seedReference(handle.db);
    await seedDemo(handle.db, { hashPassword });
    await seedDemoActivity({ db: handle.db, mailer: createMailer({ from: 'bench@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
    const summary = await generateHistory(handle.db, { scale, seed: 2026, today, extraPrograms: 3, onBatch: (d, t) => process.stderr.write(`\r  generating scale ${scale}: ${d}/${t} agreements`) });
    if (!summary.skipped) process.stderr.write(`\n  generated in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    const work = await prepareWrites(handle.db, { claims: 1500, reports: 1500, today, fiscalYear: fiscalYearOf(today).label });
    // As autovacuum would after a bulk load: the visibility map lets index-only scans skip the heap.
    await sql`vacuum analyze`.execute(handle.db);
    const count = async (table: string) => Number((await handle.db.selectFrom(table as 'agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      url,
      dataDir,
      work,
      counts: {
        organisations: await count('organisation'),
        agreements: await count('agreement'),
        progressReports: await count('progressReport'),
        indicatorValues: await count('reportIndicatorValue'),
        journalEntries: await count('ledgerEntry'),
      },
    };
  } finally {
    await handle.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startProductionServer(db: { url: string | null; dataDir: string }): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'apps/server'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'true',
      WORKERS: String(workers),
      ...(db.url ? { DATABASE_URL: db.url } : { DATABASE_URL: '', DATA_DIR: db.dataDir }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(superjson.serialize({ email, password: PASSWORD })) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tp_session='));
  if (!res.ok || !cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie.split(';')[0]!;
}

/** A batched tRPC GET, exactly as the web client sends it. */
function trpcGet(procedures: { path: string; input?: unknown }[]): string {
  const input = Object.fromEntries(procedures.map((p, i) => [String(i), p.input === undefined ? { json: null } : superjson.serialize(p.input)]));
  return `/trpc/${procedures.map((p) => p.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

interface Target {
  name: string;
  user: string;
  calls: { path: string; input?: unknown }[];
}

async function targetsFor(dbUrl: string | null, dataDir: string): Promise<Target[]> {
  const handle = createDb(dbUrl ? { kind: 'postgres', connectionString: dbUrl } : { kind: 'pglite', dataDir });
  try {
    const program = await handle.db.selectFrom('program').select('id').where('code', '=', 'child-protection-online').executeTakeFirstOrThrow();
    const agreement = await handle.db
      .selectFrom('agreement')
      .select('id')
      .where('programId', '=', program.id)
      .where('status', '=', 'active')
      .orderBy('referenceNumber')
      .executeTakeFirstOrThrow();
    return [
      { name: 'agreement portfolio (filtered, page 2)', user: 'officer@example.ca', calls: [{ path: 'agreements.portfolio', input: { programId: program.id, status: 'active', page: 2 } }] },
      { name: 'agreement detail', user: 'officer@example.ca', calls: [{ path: 'agreements.get', input: { agreementId: agreement.id } }] },
      {
        name: 'recipient home',
        user: 'recipient.windsor@example.ca',
        calls: [{ path: 'organisation.mine' }, { path: 'reports.due' }, { path: 'dashboard.payments' }, { path: 'results.mine' }],
      },
      { name: 'program rollup for a fiscal year', user: 'analyst@example.ca', calls: [{ path: 'results.rollup', input: { programId: program.id, fiscalYear: '2023-24' } }] },
      { name: 'reconciliation for a program and year', user: 'finance@example.ca', calls: [{ path: 'claims.reconciliation', input: { programId: program.id, fiscalYear: '2023-24' } }] },
    ].filter((t) => !only || [...only].some((o) => t.name.includes(o)));
  } finally {
    await handle.close();
  }
}

/** The SQL one request sends (its session lookup included), captured in-process, then replayed straight through pg: its median time. */
async function rawSqlTime(dbUrl: string, target: Target, token: string): Promise<{ statements: number; medianMs: number }> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  let capturing = false;
  const handle = createDb({ kind: 'postgres', connectionString: dbUrl, onQuery: (sql, parameters) => capturing && captured.push({ sql, parameters }) });
  const deps = { db: handle.db, mailer: createMailer({ from: 'bench@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() };
  try {
    // A fresh context per call, as each HTTP request has: its session is looked up again, and that
    // statement counts among the call's SQL as it does in the request's.
    const call = async () => {
      const api = createCaller(createContext(deps, { sessionToken: token, meta: { requestId: 'bench', ip: null, userAgent: null, lang: 'en' }, cookie: { set: () => undefined, clear: () => undefined } }));
      for (const c of target.calls) {
        const [group, name] = c.path.split('.') as [string, string];
        const procedures = api as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
        await procedures[group]![name]!(c.input);
      }
    };
    await call();
    capturing = true;
    await call();
    capturing = false;
  } finally {
    await handle.close();
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    // Prepared under a name, as the application's pool sends them (packages/db create-db.ts).
    const names = new Map<string, string>();
    const named = (q: { sql: string; parameters: readonly unknown[] }) => {
      if (q.parameters.length === 0) return q.sql;
      if (!names.has(q.sql)) names.set(q.sql, `bench_${names.size + 1}`);
      return { name: names.get(q.sql)!, text: q.sql, values: q.parameters as unknown[] };
    };
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = process.hrtime.bigint();
      for (const q of captured) await client.query(named(q));
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { statements: captured.length, medianMs: percentile(times, 50) };
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs autocannon with `options`, timing every answer; the figures one table row shows. */
async function measure(connections: number, options: autocannon.Options) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ timeout: 10, ...options }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    connections,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A read, repeated for the run's duration. */
function load(url: string, pathAndQuery: string, cookie: string, connections: number) {
  return measure(connections, { url: `${url}${pathAndQuery}`, connections, duration, headers: { cookie } });
}

/** A write for each request, each on its own record (a claim released or a report submitted once). */
async function loadWrites(url: string, path: string, cookie: string, connections: number, ids: string[], body: (id: string) => unknown, amount: number) {
  const take = Math.min(amount, ids.length);
  if (take === 0) return { connections, requests: 0, rps: 0, p50: 0, p95: 0, p99: 0, errors: 0 };
  const queue = ids.splice(0, take);
  return measure(connections, {
    url,
    connections: Math.min(connections, take),
    amount: take,
    requests: [
      {
        method: 'POST',
        path,
        headers: { cookie, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(superjson.serialize(body(queue.shift()!))) }),
      },
    ],
  });
}

/** Resident memory of the server: its process and the server processes it started (WORKERS). */
function residentMemoryMb(pid: number): number {
  const rss = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  const children = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return Math.round([pid, ...children].reduce((sum, p) => sum + rss(p), 0) / 1024);
}

const round = (v: number) => Math.round(v * 10) / 10;

function initialJavaScript() {
  const dist = path.join(root, 'apps/web/dist');
  execFileSync('npx', ['--yes', 'pnpm@10', '--filter', '@tp/web', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!);
  const sizes = files.map((f) => ({ file: f, gzipBytes: gzipSync(readFileSync(path.join(dist, f.replace(/^\//, '')))).length }));
  return { files: sizes, gzipBytes: sizes.reduce((s, f) => s + f.gzipBytes, 0) };
}

/**
 * A bounded mixed load: the reads (rollup, portfolio, agreement detail, recipient home,
 * reconciliation) and a write (finance releasing payments, one certified claim each; once they
 * run out, the last release is retried, which the API answers as the same payment, once) at 50
 * connections for `soakSeconds`; the server's resident memory before and after.
 */
async function runSoak(server: { url: string; child: ChildProcess }, cookies: Map<string, string>, targets: Target[], work: { claimIds: string[] }) {
  const reads = targets.map((t) => ({ method: 'GET' as const, path: trpcGet(t.calls), headers: { cookie: cookies.get(t.user)! } }));
  const financeCookie = cookies.get('finance@example.ca') ?? (await signIn(server.url, 'finance@example.ca'));
  let last = { claimId: work.claimIds[0] ?? '', releaseKey: randomUUID() };
  let writes = 0;
  const before = residentMemoryMb(server.child.pid!);
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: 50,
        duration: soakSeconds,
        timeout: 10,
        requests: [
          ...reads,
          {
            method: 'POST',
            path: '/trpc/claims.release',
            headers: { cookie: financeCookie, 'content-type': 'application/json' },
            setupRequest: (request) => {
              const claimId = work.claimIds.shift();
              if (claimId) {
                last = { claimId, releaseKey: randomUUID() };
                writes++;
              }
              return { ...request, body: JSON.stringify(superjson.serialize(last)) };
            },
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const after = residentMemoryMb(server.child.pid!);
  return { seconds: soakSeconds, connections: 50, requests: result.requests.total, writes, errors: result.errors + result.timeouts + result.non2xx, timeouts: result.timeouts, non2xx: result.non2xx, statuses, memoryBeforeMb: before, memoryAfterMb: after, memoryBoundMb: 150, withinBound: after - before <= 150 };
}

// ---------------------------------------------------------------------------------------------

const report: Record<string, unknown> & { scales: unknown[] } = {
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  database: baseUrl ? 'postgres' : 'pglite',
  serverProcesses: workers,
  durationSeconds: duration,
  scales: [],
};
const rows: string[][] = [];
for (const scale of scales) {
  console.error(`scale ${scale}: preparing the database`);
  const db = await prepareDatabase(scale);
  const targets = await targetsFor(db.url, db.dataDir);
  const server = await startProductionServer(db);
  const results = [];
  let soak: Awaited<ReturnType<typeof runSoak>> | null = null;
  try {
    const cookies = new Map<string, string>();
    for (const t of targets) if (!cookies.has(t.user)) cookies.set(t.user, await signIn(server.url, t.user));
    for (const target of targets) {
      const cookie = cookies.get(target.user)!;
      const pathAndQuery = trpcGet(target.calls);
      // Warm up: first calls compile plans and fill caches.
      for (let i = 0; i < 5; i++) await fetch(`${server.url}${pathAndQuery}`, { headers: { cookie } });
      const raw = db.url ? await rawSqlTime(db.url, target, cookie.split('=')[1]!) : null;
      const runs = [];
      for (const connections of connectionCounts) {
        console.error(`  ${target.name} at ${connections} connection(s)`);
        runs.push(await load(server.url, pathAndQuery, cookie, connections));
      }
      const single = runs.find((r) => r.connections === 1) ?? runs[0]!;
      results.push({ name: target.name, raw, endToEndToRaw: raw ? round(single.p50 / Math.max(raw.medianMs, 0.01)) : null, runs });
      for (const r of runs) rows.push([String(scale), target.name, String(r.connections), String(r.rps), String(r.p50), String(r.p95), String(r.p99), String(r.errors), raw && r === single ? `${round(raw.medianMs)} (${raw.statements})` : '', raw && r === single ? String(round(single.p50 / Math.max(raw.medianMs, 0.01))) : '']);
    }
    // Writes: each request on its own record, as many as were prepared.
    const writeTargets = [
      { name: 'submit a progress report', user: BENCH_RECIPIENT, path: '/trpc/reports.submit', ids: db.work.reportIds, body: (id: string) => ({ reportId: id, revision: 0 }) },
      { name: 'release a payment', user: 'finance@example.ca', path: '/trpc/claims.release', ids: db.work.claimIds, body: (id: string) => ({ claimId: id, releaseKey: randomUUID() }) },
    ].filter((t) => !only || [...only].some((o) => t.name.includes(o)));
    console.error(`  prepared: ${db.work.reportIds.length} reports to submit, ${db.work.claimIds.length} claims to release`);
    // Claims kept aside for the soak's payments.
    const soakWork = { claimIds: db.work.claimIds.splice(0, Math.min(800, Math.floor(db.work.claimIds.length / 2))) };
    for (const target of writeTargets) {
      const cookie = cookies.get(target.user) ?? (await signIn(server.url, target.user));
      cookies.set(target.user, cookie);
      const runs = [];
      for (const connections of connectionCounts) {
        console.error(`  ${target.name} at ${connections} connection(s)`);
        runs.push(await loadWrites(server.url, target.path, cookie, connections, target.ids, target.body, connections === 1 ? 100 : connections <= 10 ? 300 : 600));
      }
      results.push({ name: target.name, raw: null, endToEndToRaw: null, runs });
      for (const r of runs) rows.push([String(scale), target.name, String(r.connections), String(r.rps), String(r.p50), String(r.p95), String(r.p99), String(r.errors), '', '']);
    }
    if (soakSeconds > 0 && scale === scales[scales.length - 1]) soak = await runSoak(server, cookies, targets, soakWork);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  report.scales.push({ scale, counts: db.counts, targets: results, ...(soak ? { soak } : {}) });
}
report.initialJavaScript = initialJavaScript();
report.finishedAt = new Date().toISOString();

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);

const header = ['scale', 'procedure', 'conn', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'raw SQL ms (stmts)', 'e2e/raw'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const s of report.scales as { scale: number; counts: Record<string, number> }[]) console.log(`scale ${s.scale}: ${JSON.stringify(s.counts)}`);
for (const s of report.scales as { scale: number; soak?: Record<string, unknown> }[]) if (s.soak) console.log(`soak at scale ${s.scale}: ${JSON.stringify(s.soak)}`);
const js = report.initialJavaScript as { gzipBytes: number };
console.log(`initial client JavaScript: ${(js.gzipBytes / 1024).toFixed(1)} KB gzip`);
console.log('written to bench/results/latest.json');
