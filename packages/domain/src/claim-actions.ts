/**
 * What a person may do next with a claim, decided once: the lifecycle says which step comes
 * next, the access module who may take it, and the separation of duties (FAA ss. 33-34) who
 * may not because of what they already did. The service refuses with the first refusal found;
 * the claim page shows only the actions the read procedure lists.
 */
import { CERTIFIERS, holds, RELEASERS } from './access';
import { claimLifecycle, type ClaimStatus } from './claims';
import { DomainError } from './errors';
import type { Role } from './reference';
import { certificationRefusal, claimRejectionRefusal, releaseRefusal } from './segregation';

export const CLAIM_ACTIONS = ['certify', 'reject', 'release'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export interface ClaimForActions {
  status: ClaimStatus;
  submittedBy: string;
  certifiedBy: string | null;
}
export interface Caller {
  id: string;
  roles: readonly Role[];
}

/** Why this caller may not take this step now, or null when they may. */
export function claimActionRefusal(action: ClaimAction, claim: ClaimForActions, caller: Caller): DomainError | null {
  const step = ({ certify: 'certified', reject: 'rejected', release: 'paid' } as const)[action];
  if (!holds(caller, action === 'release' ? RELEASERS : CERTIFIERS)) return new DomainError('FORBIDDEN', 'error.forbidden', 'claimId');
  if (!claimLifecycle.can(claim.status, step)) return new DomainError('CONFLICT', action === 'release' ? 'error.claim.notCertified' : 'error.claim.notSubmitted', 'claimId');
  const duty = action === 'release' ? releaseRefusal(claim, caller.id) : action === 'certify' ? certificationRefusal(claim, caller.id) : claimRejectionRefusal(claim, caller.id);
  return duty ? new DomainError('FORBIDDEN', duty, 'claimId') : null;
}

export function assertClaimAction(action: ClaimAction, claim: ClaimForActions, caller: Caller): void {
  const refusal = claimActionRefusal(action, claim, caller);
  if (refusal) throw refusal;
}

/** The steps this caller may take on this claim now, for the page to offer. */
export function claimActions(claim: ClaimForActions, caller: Caller): ClaimAction[] {
  return CLAIM_ACTIONS.filter((action) => claimActionRefusal(action, claim, caller) === null);
}
