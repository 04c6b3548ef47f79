/**
 * WORKERS=2, on the PostgreSQL server: `src/main.ts` prepares the database once, starts two server
 * processes on one port that answer with the same sessions, starts another when one dies, and
 * stops them all on SIGTERM.
 */
import { hashPassword } from '@tp/api';
import { seedDemo, seedReference } from '@tp/db/seed';
import { createTestDatabase, usingPostgresServer, type TestDatabase } from '@tp/db/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    s.on('error', reject);
  });
}

/** The processes `pid` started. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Running: not gone, and not a zombie waiting to be reaped. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!usingPostgresServer)('several server processes (WORKERS=2)', () => {
  let t: TestDatabase;
  let primary: ChildProcess;
  let url: string;
  /** The running Node processes among the primary's children (tsx may start helpers of its own). */
  const serverProcesses = () =>
    childrenOf(primary.pid!).filter((pid) => {
      try {
        return alive(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === process.execPath;
      } catch {
        return false;
      }
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedReference(t.db);
    await seedDemo(t.db, { hashPassword });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: t.connectionString!, WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'false' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await until('the servers to listen', async () => ((await fetch(`${url}/healthz`).catch(() => null))?.ok ? true : null));
    await until('two server processes', () => (serverProcesses().length === 2 ? true : null));
  }, 90_000);
  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await t?.destroy();
  });

  it('answers from both processes with one session', async () => {
    const res = await fetch(`${url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { email: 'analyst@example.ca', password: 'demo-password-2026' } }) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tp_session='))!.split(';')[0]!;
    // New connections are handed to the processes in turn; every one knows the session.
    const emails = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const r = await fetch(`${url}/trpc/auth.session`, { headers: { cookie, connection: 'close' } });
        return ((await r.json()) as { result: { data: { json: { email: string } } } }).result.data.json.email;
      }),
    );
    expect(new Set(emails)).toEqual(new Set(['analyst@example.ca']));
  });

  it('starts another process when one dies, and keeps answering', { timeout: 60_000 }, async () => {
    const [victim, survivor] = serverProcesses();
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a new server process', () => {
      const now = serverProcesses();
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!) ? now : null;
    });
    expect(replaced).toHaveLength(2);
    await until('the new process to answer', async () => ((await fetch(`${url}/healthz`, { headers: { connection: 'close' } }).catch(() => null))?.ok ? true : null));
  });

  it('stops every process on SIGTERM', { timeout: 30_000 }, async () => {
    const workers = serverProcesses();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('the server processes to end', () => (workers.every((pid) => !alive(pid)) ? true : null), 10_000);
  });
});
