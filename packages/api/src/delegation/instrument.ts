/**
 * The delegation of authority, as a department keeps it: for each program, how much each position
 * (program officer up to minister) may approve or sign; who holds the positions above their role
 * (appointments, acting ones with their end); the changes waiting for a second administrator, and
 * the history of every change. Administrators who hold no delegated role or appointment propose
 * and decide changes (packages/domain/src/delegation.ts); a change takes effect in the same
 * transaction that approves it, and the database refuses any other way of writing one.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { appointmentRefusal, DELEGATED_ROLES, DELEGATION_POSITIONS, delegationDecisionRefusal, delegationLimitsInOrder, delegationProposalRefusal, DomainError, isoDateIn, type AppointmentProposalInput, type DelegationPosition, type DelegationProposalInput, type Role } from '@tp/domain';
import { holdsAppointment } from './positions';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';

async function limitsOf(db: Db | Tx, programId: string): Promise<Partial<Record<DelegationPosition, bigint>>> {
  const rows = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  return Object.fromEntries(rows.map((r) => [r.role, r.maxAmountCents]));
}

const torontoToday = () => isoDateIn(new Date(), 'America/Toronto');

/** The refusal for an administrator proposing or deciding, appointments included. */
async function changerRefusal(db: Db | Tx, user: Viewer) {
  return delegationProposalRefusal(user.roles, await holdsAppointment(db, user.id, torontoToday()));
}

/** Every program's limits in force, the appointments, the changes waiting, and the history, newest first. */
export async function delegationInstrument(db: Db, viewer: Viewer) {
  const [programs, limits, changes, appointments, staff] = await Promise.all([
    db.selectFrom('program').select(['id', 'code', 'nameEn', 'nameFr']).orderBy('nameEn').execute(),
    db.selectFrom('programApprovalLimit').select(['programId', 'role', 'maxAmountCents']).execute(),
    db
      .selectFrom('delegationChange as c')
      .innerJoin('appUser as p', 'p.id', 'c.proposedBy')
      .leftJoin('appUser as d', 'd.id', 'c.decidedBy')
      .select(['c.id', 'c.programId', 'c.role', 'c.maxAmountCents', 'c.previousCents', 'c.rationale', 'c.status', 'c.proposedBy', 'c.proposedAt', 'c.decidedAt', 'p.displayName as proposedByName', 'd.displayName as decidedByName'])
      .orderBy('c.proposedAt', 'desc')
      .execute(),
    db
      .selectFrom('positionAppointment as a')
      .innerJoin('appUser as u', 'u.id', 'a.userId')
      .innerJoin('appUser as p', 'p.id', 'a.proposedBy')
      .leftJoin('appUser as d', 'd.id', 'a.decidedBy')
      .select(['a.id', 'a.userId', 'u.displayName as holderName', 'a.position', 'a.acting', 'a.startsOn', 'a.endsOn', 'a.rationale', 'a.status', 'a.proposedBy', 'a.proposedAt', 'a.decidedAt', 'p.displayName as proposedByName', 'd.displayName as decidedByName'])
      .orderBy('a.proposedAt', 'desc')
      .execute(),
    // The people an appointment can go to: active officers and managers.
    db
      .selectFrom('appUser as u')
      .innerJoin('membership as m', 'm.userId', 'u.id')
      .select(['u.id', 'u.displayName', 'u.email'])
      .distinct()
      .where('m.role', 'in', DELEGATED_ROLES)
      .where('u.status', '=', 'active')
      .orderBy('u.displayName')
      .execute(),
  ]);
  const mayDecide = (await changerRefusal(db, viewer)) === null;
  const today = torontoToday();
  return {
    /** Whether this viewer may propose and decide changes (an administrator outside the delegation). */
    mayChange: mayDecide,
    programs: programs.map((p) => ({
      ...p,
      limits: DELEGATION_POSITIONS.map((role) => ({ role, maxAmountCents: limits.find((l) => l.programId === p.id && l.role === role)?.maxAmountCents ?? null })),
    })),
    changes: changes.map((c) => ({ ...c, mayDecide: mayDecide && c.status === 'proposed' && c.proposedBy !== viewer.id })),
    appointments: appointments.map((a) => ({
      ...a,
      inForce: a.status === 'approved' && a.startsOn <= today && (a.endsOn === null || today <= a.endsOn),
      mayDecide: mayDecide && a.status === 'proposed' && a.proposedBy !== viewer.id && a.userId !== viewer.id,
    })),
    staff: mayDecide ? staff : [],
  };
}

export async function proposeDelegationChange(db: Db, user: Viewer, meta: RequestMeta, input: DelegationProposalInput) {
  return inTransaction(db, async ({ tx }) => {
    const refusal = await changerRefusal(tx, user);
    if (refusal) throw new DomainError('FORBIDDEN', refusal);
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
    const refusal = delegationDecisionRefusal(change, { ...user, appointed: await holdsAppointment(tx, user.id, torontoToday()) });
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

/** Proposes an appointment to a position; in force from its first day once a second administrator approves it. */
export async function proposeAppointment(db: Db, user: Viewer, meta: RequestMeta, input: AppointmentProposalInput) {
  return inTransaction(db, async ({ tx }) => {
    const refusal = await changerRefusal(tx, user);
    if (refusal) throw new DomainError('FORBIDDEN', refusal);
    const person = await tx.selectFrom('appUser').select(['id', 'status']).where('id', '=', input.userId).forUpdate().executeTakeFirst();
    if (!person || person.status !== 'active') throw new DomainError('NOT_FOUND', 'error.appointment.person', 'userId');
    const roles = (await tx.selectFrom('membership').select('role').where('userId', '=', person.id).execute()).map((m) => m.role as Role);
    const wrong = appointmentRefusal({ id: person.id, roles }, user.id, input.startsOn, torontoToday());
    if (wrong) throw new DomainError('BAD_INPUT', wrong, wrong === 'error.appointment.startsInPast' ? 'startsOn' : 'userId');
    const waiting = await tx.selectFrom('positionAppointment').select('id').where('userId', '=', person.id).where('position', '=', input.position).where('status', '=', 'proposed').executeTakeFirst();
    if (waiting) throw new DomainError('CONFLICT', 'error.appointment.waiting', 'position');
    const appointment = await tx
      .insertInto('positionAppointment')
      .values({ userId: person.id, position: input.position, acting: input.acting, startsOn: input.startsOn, endsOn: input.endsOn, rationale: input.rationale, proposedBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'position_appointment', entityId: appointment.id, action: 'propose', after: input, requestId: meta.requestId });
    return appointment;
  });
}

/** Approves (in force from its first day) or rejects a proposed appointment; never by its proposer nor its appointee. */
export async function decideAppointment(db: Db, user: Viewer, meta: RequestMeta, input: { appointmentId: string; decision: 'approved' | 'rejected' }) {
  return inTransaction(db, async ({ tx }) => {
    const a = await tx.selectFrom('positionAppointment').selectAll().where('id', '=', input.appointmentId).forUpdate().executeTakeFirst();
    if (!a) throw new DomainError('NOT_FOUND', 'error.notFound', 'appointmentId');
    const refusal = delegationDecisionRefusal(a, { ...user, appointed: await holdsAppointment(tx, user.id, torontoToday()) });
    if (refusal) throw new DomainError('FORBIDDEN', refusal, 'appointmentId');
    if (a.userId === user.id) throw new DomainError('FORBIDDEN', 'error.appointment.own', 'appointmentId');
    if (a.status !== 'proposed') throw new DomainError('CONFLICT', 'error.delegation.decided', 'appointmentId');
    await tx.updateTable('positionAppointment').set({ status: input.decision, decidedBy: user.id, decidedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'position_appointment',
      entityId: a.id,
      action: input.decision === 'approved' ? 'approve' : 'reject',
      before: { status: 'proposed' },
      after: { status: input.decision, userId: a.userId, position: a.position, acting: a.acting, startsOn: a.startsOn, endsOn: a.endsOn },
      requestId: meta.requestId,
    });
    return { ok: true as const, status: input.decision };
  });
}
