import { describe, expect, it } from 'vitest';
import { claimActionRefusal, claimActions, type ClaimForActions } from '../src';

const officer = { id: 'officer', roles: ['program_officer'] as const };
const finance = { id: 'finance', roles: ['finance_officer'] as const };
const both = { id: 'both', roles: ['program_officer', 'finance_officer'] as const };
const recipient = { id: 'recipient', roles: ['recipient'] as const };
const claim = (status: ClaimForActions['status'], certifiedBy: string | null = null, submittedBy = 'recipient'): ClaimForActions => ({ status, submittedBy, certifiedBy });

describe('what a person may do next with a claim', () => {
  it('follows the lifecycle and the roles, written out case by case', () => {
    expect(claimActions(claim('submitted'), officer)).toEqual(['certify', 'reject']);
    expect(claimActions(claim('certified', 'officer'), officer)).toEqual(['reject']);
    expect(claimActions(claim('certified', 'officer'), finance)).toEqual(['release']);
    expect(claimActions(claim('submitted'), finance)).toEqual([]);
    expect(claimActions(claim('paid', 'officer'), finance)).toEqual([]);
    expect(claimActions(claim('rejected'), officer)).toEqual([]);
    expect(claimActions(claim('submitted'), recipient)).toEqual([]);
  });

  it('keeps the duties apart: nobody releases what they certified, nobody handles their own claim', () => {
    expect(claimActions(claim('certified', 'both'), both)).toEqual(['reject']);
    expect(claimActionRefusal('release', claim('certified', 'both'), both)?.messageKey).toBe('error.claim.certifierCannotRelease');
    expect(claimActions(claim('submitted', null, 'both'), both)).toEqual([]);
    expect(claimActionRefusal('certify', claim('submitted', null, 'both'), both)?.messageKey).toBe('error.claim.ownClaim');
    expect(claimActionRefusal('release', claim('submitted'), finance)?.messageKey).toBe('error.claim.notCertified');
    expect(claimActionRefusal('certify', claim('submitted'), finance)?.code).toBe('FORBIDDEN');
  });
});
