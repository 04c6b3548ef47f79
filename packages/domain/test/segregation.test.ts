import { describe, expect, it } from 'vitest';
import {
  amendmentDecisionRefusal,
  certificationRefusal,
  claimRejectionRefusal,
  departmentSignatureRefusal,
  fundingDecisionRefusal,
  releaseRefusal,
  reportReviewRefusal,
  reviewerAssignmentRefusal,
} from '../src';

const [recipient, officer, finance] = ['recipient', 'officer', 'finance'];

describe('segregation of duties', () => {
  it('nobody certifies, rejects or is paid on their own claim, and the certifier never releases', () => {
    expect(certificationRefusal({ submittedBy: recipient }, recipient)).toBe('error.claim.ownClaim');
    expect(certificationRefusal({ submittedBy: recipient }, officer)).toBeNull();
    expect(claimRejectionRefusal({ submittedBy: recipient }, recipient)).toBe('error.claim.ownClaim');
    expect(releaseRefusal({ submittedBy: recipient, certifiedBy: officer }, officer)).toBe('error.claim.certifierCannotRelease');
    expect(releaseRefusal({ submittedBy: recipient, certifiedBy: officer }, recipient)).toBe('error.claim.ownClaim');
    expect(releaseRefusal({ submittedBy: recipient, certifiedBy: officer }, finance)).toBeNull();
  });

  it('nobody approves their own work: a draft, a proposal, a report, a recommendation, an assignment', () => {
    expect(departmentSignatureRefusal({ createdBy: officer }, officer)).toBe('error.agreement.ownDraft');
    expect(amendmentDecisionRefusal({ createdBy: officer }, officer)).toBe('error.amendment.ownProposal');
    expect(reportReviewRefusal({ submittedBy: recipient }, recipient)).toBe('error.report.ownReport');
    expect(fundingDecisionRefusal({ recommendedBy: officer }, officer)).toBe('error.decision.ownRecommendation');
    expect(fundingDecisionRefusal(undefined, officer)).toBeNull();
    expect(reviewerAssignmentRefusal({ reviewerId: officer }, officer)).toBe('error.assignment.ownAssignment');
    for (const refusal of [departmentSignatureRefusal({ createdBy: officer }, finance), amendmentDecisionRefusal({ createdBy: officer }, finance), reportReviewRefusal({ submittedBy: recipient }, officer), reviewerAssignmentRefusal({ reviewerId: officer }, finance)]) {
      expect(refusal).toBeNull();
    }
  });
});
