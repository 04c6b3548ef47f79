/**
 * The delegation of authority: how much a program officer and a program manager may approve or
 * sign, program by program. The people it limits never change it: only an administrator who holds
 * no delegated role proposes a change, and it takes effect when a second such administrator
 * approves it. The database keeps the same rules (the delegation migration), held equal to these
 * by packages/db/test/parity/delegation.test.ts.
 */
import { z } from 'zod';
import { centsInputSchema } from './money';
import type { Role } from './reference';
import { ADMINISTRATORS, DELEGATED_ROLES, holds } from './access';

export type DelegatedRole = (typeof DELEGATED_ROLES)[number];

export const DELEGATION_CHANGE_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type DelegationChangeStatus = (typeof DELEGATION_CHANGE_STATUSES)[number];

type Refusal = 'error.delegation.notAdministrator' | 'error.delegation.limitedByIt' | 'error.delegation.ownProposal';

/** Who may propose a change: an administrator who holds no role the instrument limits. */
export function delegationProposalRefusal(roles: readonly Role[]): Refusal | null {
  if (!holds({ roles }, ADMINISTRATORS)) return 'error.delegation.notAdministrator';
  if (holds({ roles }, DELEGATED_ROLES)) return 'error.delegation.limitedByIt';
  return null;
}

/** Who may approve or reject a proposed change: such an administrator, never its proposer. */
export function delegationDecisionRefusal(change: { proposedBy: string }, actor: { id: string; roles: readonly Role[] }): Refusal | null {
  return delegationProposalRefusal(actor.roles) ?? (change.proposedBy === actor.id ? 'error.delegation.ownProposal' : null);
}

/** A manager's limit is never below an officer's (the officer's authority is part of the manager's). */
export function delegationLimitsInOrder(limits: Partial<Record<DelegatedRole, bigint>>): boolean {
  const officer = limits.program_officer ?? 0n;
  const manager = limits.program_manager;
  return manager === undefined || manager >= officer;
}

export const delegationProposalInput = z.object({
  programId: z.uuid({ message: 'error.id.invalid' }),
  role: z.enum(DELEGATED_ROLES, { message: 'error.delegation.role' }),
  maxAmountCents: centsInputSchema,
  rationale: z.string().trim().min(1, { message: 'error.delegation.rationale' }).max(2000, { message: 'error.text.tooLong' }),
});
export type DelegationProposalInput = z.infer<typeof delegationProposalInput>;

export const delegationDecisionInput = z.object({
  changeId: z.uuid({ message: 'error.id.invalid' }),
  decision: z.enum(['approved', 'rejected'], { message: 'error.invalid' }),
});
