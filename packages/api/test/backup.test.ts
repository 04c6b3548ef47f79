/**
 * Backup and restore, on whichever database the tests run against: a populated database (demo
 * activity and generated years of agreements, reports and payments) is backed up, restored into
 * an empty one, and the copy has the same balances to the cent, the same audit trail row for row,
 * the same number of rows in every table, and the same rules (the journal still refuses change).
 */
import { migrateToLatest, restoreDatabase, type DatabaseHandle, type Db } from '@tp/db';
import { sqlRefusal } from '@tp/db/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, generateHistory, seedDemoActivity } from '../src';
import { derivedRowsAstray } from './derived';
import { createHarness, type Harness } from './harness';

let h: Harness;
let restored: DatabaseHandle;
let dropRestored: () => Promise<void> = async () => undefined;
const folder = mkdtempSync(path.join(os.tmpdir(), 'tp-backup-'));
const file = path.join(folder, 'backup.dump');

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  await generateHistory(h.t.db, { scale: 0.003, seed: 5, today: '2026-11-26' });
}, 120_000);
afterAll(async () => {
  await restored?.close();
  await dropRestored();
  await h?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function balances(db: Db) {
  return (await sql<{ agreementId: string; kind: string; total: string }>`
    select agreement_id as "agreementId", kind, sum(amount_cents)::text as total from ledger_entry group by 1, 2 order by 1, 2`.execute(db)).rows;
}
async function auditTrail(db: Db) {
  return (await sql<Record<string, unknown>>`select * from audit_event order by id`.execute(db)).rows;
}
async function rowCounts(db: Db) {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) counts[name] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
  return counts;
}

describe('backup and restore', () => {
  it('a backup restored into an empty database gives the same balances, audit trail and rows', async () => {
    await h.t.backup(file);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    if (h.t.connectionString) {
      const name = `tp_restore_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(h.t.connectionString);
      url.pathname = `/${name}`;
      restored = await restoreDatabase({ kind: 'postgres', connectionString: url.toString() }, file);
      dropRestored = async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    } else {
      restored = await restoreDatabase({ kind: 'pglite', dataDir: null }, file);
    }
    const source = await balances(h.t.db);
    expect(source.length).toBeGreaterThan(50);
    expect(await balances(restored.db)).toEqual(source);
    const trail = await auditTrail(h.t.db);
    expect(trail.length).toBeGreaterThan(10);
    expect(await auditTrail(restored.db)).toEqual(trail);
    expect(await rowCounts(restored.db)).toEqual(await rowCounts(h.t.db));
    // What the database keeps per agreement and year came back equal to its sources.
    expect(await derivedRowsAstray(restored.db)).toBe(0);
  });

  it('the copy is a working database: nothing left to migrate, and its rules still hold', async () => {
    expect(await migrateToLatest(restored.db)).toEqual([]);
    // The journal and the audit trail are append-only (restrict_violation, from their triggers).
    expect(await sqlRefusal(sql`update ledger_entry set amount_cents = amount_cents + 1`.execute(restored.db))).toMatchObject({
      code: '23001',
      message: 'ledger_entry: UPDATE refused, the record is final',
    });
    expect(await sqlRefusal(sql`delete from audit_event`.execute(restored.db))).toMatchObject({ code: '23001', message: 'audit_event is append-only: DELETE refused' });
  });
});
