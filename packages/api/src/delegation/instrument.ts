/**
 * The delegation of authority, as a department keeps it: for each program, how much a program
 * officer and a program manager may approve or sign, the changes waiting for a second
 * administrator, and the history of every change. Administrators who hold no delegated role
 * propose and decide changes (packages/domain/src/delegation.ts); a change takes effect in the same
 * transaction that approves it, and the database refuses any other way of writing a limit.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { DELEGATED_ROLES, delegationDecisionRefusal, delegationLimitsInOrder, delegationProposalRefusal, DomainError, type DelegatedRole, type DelegationProposalInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';

async function limitsOf(db: Db | Tx, programId: string): Promise<Partial<Record<DelegatedRole, bigint>>> {
  const rows = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  return Object.fromEntries(rows.map((r) => [r.role, r.maxAmountCents]));
}

/** Every program's limits in force, the changes waiting, and the history, newest first. */
export async function delegationInstrument(db: Db, viewer: Viewer) {
  const [programs, limits, changes] = await Promise.all([
    db.selectFrom('program').select(['id', 'code', 'nameEn', 'nameFr']).orderBy('nameEn').execute(),
    db.selectFrom('programApprovalLimit').select(['programId', 'role', 'maxAmountCents']).execute(),
    db
      .selectFrom('delegationChange as c')
      .innerJoin('appUser as p', 'p.id', 'c.proposedBy')
      .leftJoin('appUser as d', 'd.id', 'c.decidedBy')
      .select(['c.id', 'c.programId', 'c.role', 'c.maxAmountCents', 'c.previousCents', 'c.rationale', 'c.status', 'c.proposedBy', 'c.proposedAt', 'c.decidedAt', 'p.displayName as proposedByName', 'd.displayName as decidedByName'])
      .orderBy('c.proposedAt', 'desc')
      .execute(),
  ]);
  const mayDecide = delegationProposalRefusal(viewer.roles) === null;
  return {
    /** Whether this viewer may propose and decide changes (an administrator outside the delegation). */
    mayChange: mayDecide,
    programs: programs.map((p) => ({
      ...p,
      limits: DELEGATED_ROLES.map((role) => ({ role, maxAmountCents: limits.find((l) => l.programId === p.id && l.role === role)?.maxAmountCents ?? null })),
    })),
    changes: changes.map((c) => ({ ...c, mayDecide: mayDecide && c.status === 'proposed' && c.proposedBy !== viewer.id })),
  };
}

export async function proposeDelegationChange(db: Db, user: Viewer, meta: RequestMeta, input: DelegationProposalInput) {
  const refusal = delegationProposalRefusal(user.roles);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
  return inTransaction(db, async ({ tx }) => {
    const program = await tx.selectFrom('program').select('id').where('id', '=', input.programId).forUpdate().executeTakeFirst();
    if (!program) throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
    const current = await limitsOf(tx, input.programId);
    if (current[input.role] === input.maxAmountCents) throw new DomainError('BAD_INPUT', 'error.delegation.noChange', 'maxAmountCents');
    if (!delegationLimitsInOrder({ ...current, [input.role]: input.maxAmountCents })) throw new DomainError('BAD_INPUT', 'error.approvalLimits.order', 'maxAmountCents');
    const waiting = await tx.selectFrom('delegationChange').select('id').where('programId', '=', input.programId).where('role', '=', input.role).where('status', '=', 'proposed').executeTakeFirst();
    if (waiting) throw new DomainError('CONFLICT', 'error.delegation.waiting', 'role');
    const change = await tx
      .insertInto('delegationChange')
      .values({ programId: input.programId, role: input.role, maxAmountCents: input.maxAmountCents, previousCents: current[input.role] ?? null, rationale: input.rationale, proposedBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'delegation_change', entityId: change.id, action: 'propose', after: { ...input, previousCents: current[input.role] ?? null }, requestId: meta.requestId });
    return change;
  });
}

/** Approves (the limit is in force at once) or rejects a proposed change; never by its proposer. */
export async function decideDelegationChange(db: Db, user: Viewer, meta: RequestMeta, input: { changeId: string; decision: 'approved' | 'rejected' }) {
  return inTransaction(db, async ({ tx }) => {
    const change = await tx.selectFrom('delegationChange').selectAll().where('id', '=', input.changeId).forUpdate().executeTakeFirst();
    if (!change) throw new DomainError('NOT_FOUND', 'error.notFound', 'changeId');
    const refusal = delegationDecisionRefusal(change, user);
    if (refusal) throw new DomainError('FORBIDDEN', refusal, 'changeId');
    if (change.status !== 'proposed') throw new DomainError('CONFLICT', 'error.delegation.decided', 'changeId');
    const now = new Date();
    await tx.updateTable('delegationChange').set({ status: input.decision, decidedBy: user.id, decidedAt: now }).where('id', '=', change.id).execute();
    if (input.decision === 'approved') {
      await tx.selectFrom('program').select('id').where('id', '=', change.programId).forUpdate().execute();
      const current = await limitsOf(tx, change.programId);
      if (!delegationLimitsInOrder({ ...current, [change.role]: change.maxAmountCents })) throw new DomainError('CONFLICT', 'error.approvalLimits.order', 'changeId');
      await tx
        .insertInto('programApprovalLimit')
        .values({ programId: change.programId, role: change.role, maxAmountCents: change.maxAmountCents, delegationChangeId: change.id })
        .onConflict((oc) => oc.columns(['programId', 'role']).doUpdateSet({ maxAmountCents: change.maxAmountCents, delegationChangeId: change.id }))
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'delegation_change',
      entityId: change.id,
      action: input.decision === 'approved' ? 'approve' : 'reject',
      before: { programId: change.programId, role: change.role, limitCents: change.previousCents },
      after: { programId: change.programId, role: change.role, limitCents: input.decision === 'approved' ? change.maxAmountCents : change.previousCents },
      requestId: meta.requestId,
    });
    return { ok: true as const, status: input.decision };
  });
}
