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
