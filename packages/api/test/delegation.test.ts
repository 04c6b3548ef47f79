/**
 * The delegation of authority binds the people it limits: an officer or a manager never changes
 * a limit (not with the program's terms, not through the instrument, not in the database), an
 * administrator proposes, a second administrator approves, and only then is the limit in force.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRefusal } from '@tp/db/testing';
import { hashPassword } from '../src';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let programId: string;
beforeAll(async () => {
  h = await createHarness();
  programId = (await h.t.db.selectFrom('program').select('id').where('code', '=', 'child-protection-online').executeTakeFirstOrThrow()).id;
  // An administrator who is also a program manager: limited by the instrument, so outside its changes.
  const u = await h.t.db.insertInto('appUser').values({ email: 'admin.manager@example.ca', displayName: 'Admin and manager', passwordHash: await hashPassword('demo-password-2026'), status: 'active' }).returning('id').executeTakeFirstOrThrow();
  await h.t.db.insertInto('membership').values([{ userId: u.id, role: 'administrator' }, { userId: u.id, role: 'program_manager' }]).execute();
});
afterAll(async () => {
  await h?.close();
});

/** Raw SQL: the limit in force. */
async function limitInForce(role: string): Promise<bigint | null> {
  const { rows } = await sql<{ cents: string }>`select max_amount_cents::text as cents from program_approval_limit where program_id = ${programId} and role = ${role}`.execute(h.t.db);
  return rows[0] ? BigInt(rows[0].cents) : null;
}

describe('delegation of authority', () => {
  it('is changed by an administrator and takes effect when a second one approves; never by its proposer', async () => {
    const before = await limitInForce('program_manager');
    expect(before).not.toBeNull();
    const { api: admin } = await h.signInAs('admin@example.ca');
    const { api: admin2 } = await h.signInAs('admin2@example.ca');
    // The ongoing contribution of $2.76M a year over three years: $8.28M, above the manager's limit.
    const target = 828_000_000n;
    expect(target).toBeGreaterThan(before!);
    const { id } = await admin.delegation.propose({ programId, role: 'program_manager', maxAmountCents: target, rationale: 'Ministerial delegation instrument of 2026-11-30, schedule B.' });
    expect(await limitInForce('program_manager')).toBe(before);
    expect(await rejection(admin.delegation.decide({ changeId: id, decision: 'approved' }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.delegation.ownProposal' });
    // A second proposal for the same limit waits for the first to be decided.
    expect(await rejection(admin2.delegation.propose({ programId, role: 'program_manager', maxAmountCents: 1n + target, rationale: 'Other' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.delegation.waiting' });
    const seen = await admin2.delegation.instrument({});
    expect(seen.changes.find((c) => c.id === id)).toMatchObject({ status: 'proposed', mayDecide: true, previousCents: before, proposedByName: 'Adam Clarke' });
    expect((await admin.delegation.instrument({})).changes.find((c) => c.id === id)?.mayDecide).toBe(false);

    await admin2.delegation.decide({ changeId: id, decision: 'approved' });
    expect(await limitInForce('program_manager')).toBe(target);
    expect(await rejection(admin2.delegation.decide({ changeId: id, decision: 'rejected' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.delegation.decided' });
    const history = (await admin.delegation.instrument({})).changes.find((c) => c.id === id);
    expect(history).toMatchObject({ status: 'approved', decidedByName: 'Aisha Nwosu', maxAmountCents: target });
    const audit = await h.t.db.selectFrom('auditEvent').select('action').where('entityType', '=', 'delegation_change').where('entityId', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['propose', 'approve']);
    // The program shows the limit now in force.
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect((await officer.program.get({ id: programId })).managerApprovalLimitCents).toBe(target);
  });

  it('a rejected change leaves the limit as it was', async () => {
    const before = await limitInForce('program_officer');
    const { api: admin } = await h.signInAs('admin@example.ca');
    const { api: admin2 } = await h.signInAs('admin2@example.ca');
    const { id } = await admin2.delegation.propose({ programId, role: 'program_officer', maxAmountCents: before! + 100n, rationale: 'Trial' });
    await admin.delegation.decide({ changeId: id, decision: 'rejected' });
    expect(await limitInForce('program_officer')).toBe(before);
  });

  it('is never changed by someone it limits, nor out of order, nor without a reason', async () => {
    for (const email of ['officer@example.ca', 'manager@example.ca', 'finance@example.ca']) {
      const { api } = await h.signInAs(email);
      expect((await rejection(api.delegation.propose({ programId, role: 'program_officer', maxAmountCents: 1n, rationale: 'Mine' }))).code, email).toBe('FORBIDDEN');
    }
    const { api: both } = await h.signInAs('admin.manager@example.ca');
    expect(await rejection(both.delegation.propose({ programId, role: 'program_manager', maxAmountCents: 999_000_000_00n, rationale: 'Mine' }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.delegation.limitedByIt' });
    const { api: admin } = await h.signInAs('admin@example.ca');
    const manager = (await limitInForce('program_manager'))!;
    expect(await rejection(admin.delegation.propose({ programId, role: 'program_officer', maxAmountCents: manager + 1n, rationale: 'Above the manager' }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.approvalLimits.order', field: 'maxAmountCents' });
    expect((await rejection(admin.delegation.propose({ programId, role: 'program_officer', maxAmountCents: 1n, rationale: ' \t ' }))).zodFields).toEqual(['rationale']);
    expect(await h.t.db.selectFrom('delegationChange').select('id').where('proposedBy', '=', await h.userId('admin.manager@example.ca')).execute()).toEqual([]);
  });

  it('the database refuses a limit written any other way, and a change proposed or decided by someone it limits', async () => {
    expect(await sqlRefusal(h.t.db.updateTable('programApprovalLimit').set({ maxAmountCents: 1n }).where('programId', '=', programId).execute())).toMatchObject({ hint: 'delegation_change_required' });
    expect(await sqlRefusal(h.t.db.deleteFrom('programApprovalLimit').where('programId', '=', programId).execute())).toMatchObject({ code: '23514' });
    const officer = await h.userId('officer@example.ca');
    expect(
      await sqlRefusal(h.t.db.insertInto('delegationChange').values({ programId, role: 'program_officer', maxAmountCents: 1n, rationale: 'Mine', proposedBy: officer }).execute()),
    ).toMatchObject({ hint: 'delegation_not_administrator' });
    const admin = await h.userId('admin@example.ca');
    const change = await h.t.db.insertInto('delegationChange').values({ programId, role: 'program_officer', maxAmountCents: 2n, rationale: 'Test', proposedBy: admin }).returning('id').executeTakeFirstOrThrow();
    expect(await sqlRefusal(h.t.db.updateTable('delegationChange').set({ status: 'approved', decidedBy: await h.userId('admin.manager@example.ca'), decidedAt: new Date() }).where('id', '=', change.id).execute())).toMatchObject({ hint: 'delegation_not_administrator' });
    expect(await sqlRefusal(h.t.db.updateTable('delegationChange').set({ status: 'approved', decidedBy: admin, decidedAt: new Date() }).where('id', '=', change.id).execute())).toMatchObject({ code: '23514' });
    // An approved change for another amount does not let a limit be written.
    const admin2 = await h.userId('admin2@example.ca');
    await h.t.db.updateTable('delegationChange').set({ status: 'approved', decidedBy: admin2, decidedAt: new Date() }).where('id', '=', change.id).execute();
    expect(await sqlRefusal(h.t.db.updateTable('programApprovalLimit').set({ maxAmountCents: 3n, delegationChangeId: change.id }).where('programId', '=', programId).where('role', '=', 'program_officer').execute())).toMatchObject({ hint: 'delegation_change_required' });
  });
});
