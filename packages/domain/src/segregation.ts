/**
 * Segregation of duties: a person may not do a thing to a record because of what they already
 * did to it (FAA sections 33 and 34, and the department's own rules: nobody approves their own
 * work). Each rule answers with the refusal's message key, or null when the person may act.
 * Who holds which role is another rule (access.ts); these look only at the record's people.
 * The database keeps the same rules as CHECKs and triggers, held equal to these by
 * packages/db/test/parity/segregation.test.ts.
 */

/** Certify a claim (s. 34): never the person who submitted it. */
export function certificationRefusal(claim: { submittedBy: string }, actor: string): 'error.claim.ownClaim' | null {
  return claim.submittedBy === actor ? 'error.claim.ownClaim' : null;
}

/** Reject a claim: never the person who submitted it. */
export function claimRejectionRefusal(claim: { submittedBy: string }, actor: string): 'error.claim.ownClaim' | null {
  return claim.submittedBy === actor ? 'error.claim.ownClaim' : null;
}

/** Release a payment (s. 33): never the person who certified the claim, nor the one who submitted it. */
export function releaseRefusal(claim: { submittedBy: string; certifiedBy: string | null }, actor: string): 'error.claim.certifierCannotRelease' | 'error.claim.ownClaim' | null {
  if (claim.certifiedBy === actor) return 'error.claim.certifierCannotRelease';
  return claim.submittedBy === actor ? 'error.claim.ownClaim' : null;
}

/** Sign an agreement for the department: never the person who drafted it. */
export function departmentSignatureRefusal(agreement: { createdBy: string }, actor: string): 'error.agreement.ownDraft' | null {
  return agreement.createdBy === actor ? 'error.agreement.ownDraft' : null;
}

/** Approve or reject an amendment: never the person who proposed it. */
export function amendmentDecisionRefusal(version: { createdBy: string }, actor: string): 'error.amendment.ownProposal' | null {
  return version.createdBy === actor ? 'error.amendment.ownProposal' : null;
}

/** Accept or return a progress report: never the person who submitted that version. */
export function reportReviewRefusal(revision: { submittedBy: string }, actor: string): 'error.report.ownReport' | null {
  return revision.submittedBy === actor ? 'error.report.ownReport' : null;
}

/** Decide on an application: never the person who recommended the decision. */
export function fundingDecisionRefusal(recommendation: { recommendedBy: string } | null | undefined, actor: string): 'error.decision.ownRecommendation' | null {
  return recommendation?.recommendedBy === actor ? 'error.decision.ownRecommendation' : null;
}

/** Assign a reviewer to an application: never oneself. */
export function reviewerAssignmentRefusal(assignment: { reviewerId: string }, actor: string): 'error.assignment.ownAssignment' | null {
  return assignment.reviewerId === actor ? 'error.assignment.ownAssignment' : null;
}
