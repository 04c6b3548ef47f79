import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ORGANISATION_TYPES, PROVINCES_AND_TERRITORIES, ROLES } from '@tp/domain';
import { inTransaction, migrateToLatest, recordAudit } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

async function newOrganisation(name = 'Ka Ni Kanichihk Inc.') {
  return t.db
    .insertInto('organisation')
    .values({ legalNameEn: name, legalNameFr: name, type: 'indigenous_organisation', provinceOrTerritory: 'MB' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('migrations are idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('returns the same JavaScript types on both databases', async () => {
    const row = await sql<{ big: bigint; day: string; amount: string; at: Date; doc: unknown }>`
      select 9007199254740993::int8 as big, date '2025-03-31' as day, 1234.56::numeric(14,2) as amount,
             timestamptz '2025-04-01T00:00:00Z' as at, '{"a":1}'::jsonb as doc`.execute(t.db);
    const r = row.rows[0]!;
    expect(r.big).toBe(9007199254740993n);
    expect(r.day).toBe('2025-03-31');
    expect(r.amount).toBe('1234.56');
    expect(r.at).toBeInstanceOf(Date);
    expect(r.at.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(r.doc).toEqual({ a: 1 });
  });

  it('a fiscal year must run April 1 to March 31 and carry its own label', async () => {
    await t.db.insertInto('fiscalYear').values({ label: '2024-25', startDate: '2024-04-01', endDate: '2025-03-31' }).execute();
    await expect(
      t.db.insertInto('fiscalYear').values({ label: '2025-26', startDate: '2025-01-01', endDate: '2025-12-31' }).execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.insertInto('fiscalYear').values({ label: '2026-28', startDate: '2026-04-01', endDate: '2027-03-31' }).execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('the check constraints list exactly the roles, organisation types and provinces the code knows', async () => {
    const { rows } = await sql<{ name: string; def: string }>`
      select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid in ('membership'::regclass, 'organisation'::regclass) and contype = 'c'`.execute(t.db);
    const all = rows.map((r) => r.def).join('\n');
    for (const v of [...ROLES, ...ORGANISATION_TYPES, ...PROVINCES_AND_TERRITORIES]) expect(all).toContain(`'${v}'`);
  });

  it('a recipient role must name an organisation and a department role must not', async () => {
    const user = await t.db
      .insertInto('appUser')
      .values({ email: 'someone@example.ca', displayName: 'Someone' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = await newOrganisation();
    await expect(
      t.db.insertInto('membership').values({ userId: user.id, role: 'recipient', organisationId: null }).execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.insertInto('membership').values({ userId: user.id, role: 'program_officer', organisationId: org.id }).execute(),
    ).rejects.toThrow(/check constraint/);
    await t.db.insertInto('membership').values({ userId: user.id, role: 'program_officer', organisationId: null }).execute();
    await expect(
      t.db.insertInto('membership').values({ userId: user.id, role: 'program_officer', organisationId: null }).execute(),
    ).rejects.toThrow(/duplicate key/);
  });

  it('an email is stored in lower case, once', async () => {
    await expect(
      t.db.insertInto('appUser').values({ email: 'Upper@Example.ca', displayName: 'Upper' }).execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('the audit trail refuses UPDATE, DELETE and TRUNCATE', async () => {
    await inTransaction(t.db, ({ tx }) =>
      recordAudit(tx, { actorUserId: null, entityType: 'organisation', entityId: 'x', action: 'create', after: { a: 1n } }),
    );
    const event = await t.db.selectFrom('auditEvent').selectAll().executeTakeFirstOrThrow();
    expect(event.after).toEqual({ a: '1' });
    await expect(t.db.updateTable('auditEvent').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('auditEvent').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('auditEvent').select('action').execute()).toEqual([{ action: 'create' }]);
  });

  it('a failed transaction writes nothing and runs no after-commit effect', async () => {
    let effectRan = false;
    await expect(
      inTransaction(t.db, async ({ tx, afterCommit }) => {
        await tx
          .insertInto('organisation')
          .values({ legalNameEn: 'Rolled back', legalNameFr: 'Annulé', type: 'non_profit', provinceOrTerritory: 'ON' })
          .execute();
        afterCommit(() => {
          effectRan = true;
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(effectRan).toBe(false);
    expect(await t.db.selectFrom('organisation').where('legalNameEn', '=', 'Rolled back').selectAll().execute()).toEqual([]);
  });

  it('queries wait for a transaction in progress rather than slipping into it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = inTransaction(t.db, async ({ tx }) => {
      await tx
        .insertInto('organisation')
        .values({ legalNameEn: 'Inside', legalNameFr: 'Dedans', type: 'non_profit', provinceOrTerritory: 'ON' })
        .execute();
      await gate;
      throw new Error('roll back');
    });
    const outside = t.db.selectFrom('organisation').where('legalNameEn', '=', 'Inside').selectAll().execute();
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect(await outside).toEqual([]);
  });
});
