/**
 * Who may change the delegation of authority is one rule: an administrator who holds no role it
 * limits (`delegationProposalRefusal` in packages/domain). The database says it again
 * (`delegation_administrator`, used by the guard of `delegation_change`). Over every combination
 * of roles a person can hold, both answer the same.
 */
import { appointmentNotEnded, DELEGATION_POSITIONS, delegationLimitsInOrder, delegationProposalRefusal, isoDateIn, ROLES, type DelegationPosition, type Role } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';
import { buildWorld, insert, rolledBack } from './world';

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

  it('an administrator appointed to a position may not change the instrument until the appointment has ended', async () => {
    const today = isoDateIn(new Date(), 'America/Toronto');
    const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const person = async (email: string) => {
      const u = await t.db.insertInto('appUser').values({ email, displayName: email }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('membership').values({ userId: u.id, role: 'administrator' }).execute();
      return u.id;
    };
    const [first, second] = [await person('first@appointed.test'), await person('second@appointed.test')];
    const endings = [null, day(30), today, day(-1)];
    const database: boolean[] = [];
    for (const [i, endsOn] of endings.entries()) {
      const id = await person(`appointed${i}@appointed.test`);
      const a = await t.db.insertInto('positionAppointment').values({ userId: id, position: 'director', acting: endsOn !== null, startsOn: day(-60), endsOn, rationale: 'Parity', proposedBy: first }).returning('id').executeTakeFirstOrThrow();
      await t.db.updateTable('positionAppointment').set({ status: 'approved', decidedBy: second, decidedAt: new Date() }).where('id', '=', a.id).execute();
      const { rows } = await sql<{ may: boolean }>`select delegation_administrator(${id}::uuid) as may`.execute(t.db);
      database.push(rows[0]!.may);
    }
    const domain = endings.map((endsOn) => delegationProposalRefusal(['administrator'], appointmentNotEnded({ endsOn }, today)) === null);
    expect(database).toEqual(domain);
    // By hand: only the appointment that ended yesterday frees its holder.
    expect(domain).toEqual([false, false, false, true]);
  });

  it('limits in order over the seven positions: the database refuses exactly the sets the domain refuses', async () => {
    await buildWorld(t.db);
    const strategyId = (await sql<{ id: string }>`select id from strategy limit 1`.execute(t.db)).rows[0]!.id;
    // Every pair of positions, each limit below, equal to and above the other; and a three-position set.
    const sets: Partial<Record<DelegationPosition, bigint>>[] = [];
    for (const [i, low] of DELEGATION_POSITIONS.entries()) {
      for (const high of DELEGATION_POSITIONS.slice(i + 1)) for (const h of [99n, 100n, 101n]) sets.push({ [low]: 100n, [high]: h });
    }
    sets.push({ program_officer: 10n, director: 50n, minister: 40n }, { program_officer: 10n, director: 50n, minister: 60n });
    const database: boolean[] = [];
    for (const limits of sets) {
      const refusal = await rolledBack(t.db, async (tx) =>
        sqlRefusal(
          (async () => {
            const programId = await insert(tx, 'program', { code: 'order', strategy_id: strategyId, name_en: 'Order', name_fr: 'Ordre', transfer_payment_type: 'contribution' });
            for (const [role, max] of Object.entries(limits)) await insert(tx, 'program_approval_limit', { program_id: programId, role, max_amount_cents: max }, false);
            await sql`set constraints all immediate`.execute(tx);
          })(),
        ),
      );
      database.push(refusal === null);
    }
    const domain = sets.map((limits) => delegationLimitsInOrder(limits));
    expect(database).toEqual(domain);
    // By hand: of the 21 pairs, those with the higher position at 99 are out of order; and the minister below the director.
    expect(domain.filter((ok) => !ok).length).toBe(21 + 1);
  });
});
