/**
 * A fresh, migrated database for one test file. With DATABASE_URL set, a new database is created
 * on that server (and dropped afterwards); without it, an in-memory embedded PostgreSQL.
 * Never a mock: tests run the same SQL as production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type DatabaseHandle, type DatabaseOptions } from './create-db';
import { migrateToLatest } from './migrate';

export interface TestDatabase extends DatabaseHandle {
  /** For a PostgreSQL server: the connection string of this test's own database. */
  connectionString: string | null;
  destroy(): Promise<void>;
}

export const usingPostgresServer = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = createDb({ kind: 'pglite', dataDir: null });
    await migrateToLatest(handle.db);
    return { ...handle, connectionString: null, destroy: () => handle.close() };
  }
  const name = `tp_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const handle = createDb({ kind: 'postgres', connectionString });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    connectionString,
    async destroy() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * An empty database for a whole server under test (the browser tests start the real server on
 * it): a new database on the PostgreSQL server when DATABASE_URL is set, otherwise a new
 * embedded data folder in the system's temporary directory. `drop` removes it.
 */
export async function provisionTestDatabase(): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-test-'));
    return {
      options: { kind: 'pglite', dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tp_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    options: { kind: 'postgres', connectionString: url.toString() },
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** What the database said when it refused a statement: its SQLSTATE, and the rule that spoke. */
export interface SqlRefusal {
  /** SQLSTATE: 23514 check_violation, 23001 restrict_violation, 23505 unique_violation, … */
  code: string;
  /** The constraint (CHECK, unique, foreign key) that refused, when one did. */
  constraint: string | null;
  message: string;
  hint: string | null;
}

/**
 * Runs `work` and returns the database's refusal, or null if it succeeded. Anything that is not
 * a database error (a bug in the test, a lost connection) is thrown again, so a refusal test
 * can never pass on the wrong failure.
 */
export async function sqlRefusal(work: Promise<unknown> | (() => Promise<unknown>)): Promise<SqlRefusal | null> {
  try {
    await (typeof work === 'function' ? work() : work);
    return null;
  } catch (error) {
    const e = error as { code?: unknown; constraint?: unknown; message?: unknown; hint?: unknown; cause?: unknown };
    const pg = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : (e.cause as typeof e | undefined);
    if (!pg || typeof pg.code !== 'string' || !/^[0-9A-Z]{5}$/.test(pg.code)) throw error;
    return {
      code: pg.code,
      constraint: typeof pg.constraint === 'string' && pg.constraint !== '' ? pg.constraint : null,
      message: String(pg.message),
      hint: typeof pg.hint === 'string' && pg.hint !== '' ? pg.hint : null,
    };
  }
}
