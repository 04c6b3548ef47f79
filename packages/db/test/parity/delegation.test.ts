/**
 * Who may change the delegation of authority is one rule: an administrator who holds no role it
 * limits (`delegationProposalRefusal` in packages/domain). The database says it again
 * (`delegation_administrator`, used by the guard of `delegation_change`). Over every combination
 * of roles a person can hold, both answer the same.
 */
import { delegationProposalRefusal, ROLES, type Role } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe(`delegation: the database's rule equals the domain's (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('for every set of department roles a person can hold, both say whether they may change the instrument', async () => {
    const department = ROLES.filter((r) => r !== 'recipient');
    const sets: Role[][] = [];
    for (let mask = 0; mask < 1 << department.length; mask++) sets.push(department.filter((_, i) => mask & (1 << i)));
    const database: boolean[] = [];
    for (const [i, roles] of sets.entries()) {
      const u = await t.db.insertInto('appUser').values({ email: `person${i}@parity.test`, displayName: `P${i}` }).returning('id').executeTakeFirstOrThrow();
      if (roles.length > 0) await t.db.insertInto('membership').values(roles.map((role) => ({ userId: u.id, role }))).execute();
      const { rows } = await sql<{ may: boolean }>`select delegation_administrator(${u.id}::uuid) as may`.execute(t.db);
      database.push(rows[0]!.may);
    }
    const domain = sets.map((roles) => delegationProposalRefusal(roles) === null);
    expect(database).toEqual(domain);
    // By hand: of the 2^6 sets, those with administrator and neither officer nor manager: 2^3.
    expect(sets.length).toBe(64);
    expect(domain.filter(Boolean).length).toBe(8);
  });
});
