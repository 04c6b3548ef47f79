/**
 * The delegation of authority: how much each position (program officer, manager, director, director
 * general, assistant deputy minister, deputy head, minister) may approve or sign, program by
 * program, and who holds each position: program officers and managers by their role, the others
 * (and acting officers or managers) by an appointment with its dates. The people it limits never
 * change it: only an administrator who holds no delegated role or appointment proposes a change (a
 * limit or an appointment), and it takes effect when a second such administrator approves it. The
 * database keeps the same rules (the delegation migrations), held equal to these by
 * packages/db/test/parity/delegation.test.ts and authority.test.ts.
 */
import { z } from 'zod';
import { centsInputSchema } from './money';
import type { Role } from './reference';
import { ADMINISTRATORS, DELEGATED_ROLES, holds } from './access';
import { isoDateSchema, type IsoDate } from './fiscal-year';

export type DelegatedRole = (typeof DELEGATED_ROLES)[number];

/** The positions of the instrument, lowest first; the first two are also roles (held by every person with that role). */
export const DELEGATION_POSITIONS = [...DELEGATED_ROLES, 'director', 'director_general', 'assistant_deputy_minister', 'deputy_head', 'minister'] as const;
export type DelegationPosition = (typeof DELEGATION_POSITIONS)[number];

/** An approved appointment to a position: from its first day to its last (acting appointments always end). */
export interface Appointment {
  position: DelegationPosition;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

export function appointmentInForce(a: Pick<Appointment, 'startsOn' | 'endsOn'>, on: IsoDate): boolean {
  return a.startsOn <= on && (a.endsOn === null || on <= a.endsOn);
}

/** Not ended by `on` (in force or yet to begin): while so, the instrument limits its holder, who cannot change it. */
export function appointmentNotEnded(a: Pick<Appointment, 'endsOn'>, on: IsoDate): boolean {
  return a.endsOn === null || a.endsOn >= on;
}

/** The positions someone holds on a date: those of their roles, and those of their appointments in force; lowest first. */
export function positionsHeld(roles: readonly Role[], appointments: readonly Appointment[], on: IsoDate): DelegationPosition[] {
  const held = new Set<DelegationPosition>(DELEGATED_ROLES.filter((r) => holds({ roles }, [r])));
  for (const a of appointments) if (appointmentInForce(a, on)) held.add(a.position);
  return DELEGATION_POSITIONS.filter((p) => held.has(p));
}

export const DELEGATION_CHANGE_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type DelegationChangeStatus = (typeof DELEGATION_CHANGE_STATUSES)[number];

type Refusal = 'error.delegation.notAdministrator' | 'error.delegation.limitedByIt' | 'error.delegation.ownProposal';

/**
 * Who may propose a change: an administrator who holds no role the instrument limits and no
 * appointment to one of its positions that has not ended (`appointed`).
 */
export function delegationProposalRefusal(roles: readonly Role[], appointed = false): Refusal | null {
  if (!holds({ roles }, ADMINISTRATORS)) return 'error.delegation.notAdministrator';
  if (holds({ roles }, DELEGATED_ROLES) || appointed) return 'error.delegation.limitedByIt';
  return null;
}

/** Who may approve or reject a proposed change: such an administrator, never its proposer. */
export function delegationDecisionRefusal(change: { proposedBy: string }, actor: { id: string; roles: readonly Role[]; appointed?: boolean }): Refusal | null {
  return delegationProposalRefusal(actor.roles, actor.appointed ?? false) ?? (change.proposedBy === actor.id ? 'error.delegation.ownProposal' : null);
}

/** A higher position's limit is never below a lower one's (each position's authority includes those below it). */
export function delegationLimitsInOrder(limits: Partial<Record<DelegationPosition, bigint>>): boolean {
  let floor = 0n;
  for (const p of DELEGATION_POSITIONS) {
    const limit = limits[p];
    if (limit === undefined) continue;
    if (limit < floor) return false;
    floor = limit;
  }
  return true;
}

type AppointmentRefusal = 'error.appointment.notStaff' | 'error.appointment.own' | 'error.appointment.startsInPast';

/**
 * An appointment goes to program staff who decide or sign (an officer or a manager: their role
 * opens the pages where they act), never to the administrator who proposes or approves it, and
 * starts today or later.
 */
export function appointmentRefusal(appointee: { id: string; roles: readonly Role[] }, actorId: string, startsOn: IsoDate, today: IsoDate): AppointmentRefusal | null {
  if (appointee.id === actorId) return 'error.appointment.own';
  if (!holds(appointee, DELEGATED_ROLES)) return 'error.appointment.notStaff';
  if (startsOn < today) return 'error.appointment.startsInPast';
  return null;
}

export const delegationProposalInput = z.object({
  programId: z.uuid({ message: 'error.delegation.program' }),
  role: z.enum(DELEGATION_POSITIONS, { message: 'error.delegation.role' }),
  maxAmountCents: centsInputSchema,
  rationale: z.string().trim().min(1, { message: 'error.delegation.rationale' }).max(2000, { message: 'error.text.tooLong' }),
});
export type DelegationProposalInput = z.infer<typeof delegationProposalInput>;

export const delegationDecisionInput = z.object({
  changeId: z.uuid({ message: 'error.id.invalid' }),
  decision: z.enum(['approved', 'rejected'], { message: 'error.invalid' }),
});

export const appointmentProposalInput = z
  .object({
    userId: z.uuid({ message: 'error.appointment.person' }),
    position: z.enum(DELEGATION_POSITIONS, { message: 'error.appointment.position' }),
    acting: z.boolean(),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema.nullable(),
    rationale: z.string().trim().min(1, { message: 'error.appointment.rationale' }).max(2000, { message: 'error.text.tooLong' }),
  })
  .superRefine((a, ctx) => {
    if (a.acting && a.endsOn === null) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'error.appointment.actingEnds' });
    if (a.endsOn !== null && a.endsOn < a.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'error.appointment.endsBeforeStart' });
  });
export type AppointmentProposalInput = z.infer<typeof appointmentProposalInput>;

export const appointmentDecisionInput = z.object({
  appointmentId: z.uuid({ message: 'error.id.invalid' }),
  decision: z.enum(['approved', 'rejected'], { message: 'error.invalid' }),
});

/**
 * Where an amount goes for decision or signature: the lowest position whose limit in the program
 * covers it. It waits in the queue of the people who hold that position (and of nobody above, who
 * could act but need not). Null when no position covers it: the instrument must change first.
 */
export function routedPosition(amountCents: bigint, limits: readonly { role: DelegationPosition; maxAmountCents: bigint }[]): DelegationPosition | null {
  for (const p of DELEGATION_POSITIONS) {
    const limit = limits.find((l) => l.role === p);
    if (limit && amountCents <= limit.maxAmountCents) return p;
  }
  return null;
}
