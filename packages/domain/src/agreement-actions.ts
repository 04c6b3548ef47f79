/**
 * What a person may do next with an agreement, decided once from the lifecycle, the access sets
 * and the separation of duties: the department signs only what someone else drafted, and an
 * amendment is approved by someone other than its author (the amount is checked against the
 * signer's delegated limit when they sign).
 */
import { AGREEMENT_DRAFTERS, AGREEMENT_SIGNERS, holds, RECIPIENTS } from './access';
import { agreementLifecycle, type AgreementStatus } from './agreements';
import type { Role } from './reference';
import { amendmentDecisionRefusal, departmentSignatureRefusal } from './segregation';

export const AGREEMENT_ACTIONS = ['edit', 'send', 'recall', 'signAsRecipient', 'signForDepartment', 'amend', 'decideAmendment', 'end', 'writeDisclosure'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export interface AgreementForActions {
  status: AgreementStatus;
  createdBy: string;
  /** Whether the caller reads it as the recipient (a member of its organisation) or as staff. */
  access: 'recipient' | 'staff';
  /** The amendment waiting for a decision, if any, and who proposed it. */
  pendingAmendment: { createdBy: string } | null;
}

export function agreementActions(agreement: AgreementForActions, caller: { id: string; roles: readonly Role[] }): AgreementAction[] {
  const { status, access, pendingAmendment } = agreement;
  const staff = access === 'staff';
  const drafter = staff && holds(caller, AGREEMENT_DRAFTERS);
  const signer = staff && holds(caller, AGREEMENT_SIGNERS);
  const may: Record<AgreementAction, boolean> = {
    edit: drafter && status === 'draft',
    send: drafter && agreementLifecycle.can(status, 'sent_for_signature'),
    recall: drafter && agreementLifecycle.can(status, 'draft'),
    signAsRecipient: access === 'recipient' && holds(caller, RECIPIENTS) && agreementLifecycle.can(status, 'recipient_signed'),
    signForDepartment: signer && agreementLifecycle.can(status, 'active') && departmentSignatureRefusal(agreement, caller.id) === null,
    amend: drafter && status === 'active' && pendingAmendment === null,
    decideAmendment: signer && status === 'active' && pendingAmendment !== null && amendmentDecisionRefusal(pendingAmendment, caller.id) === null,
    end: signer && agreementLifecycle.can(status, 'closed'),
    // The disclosure's texts (French title and description, expected results) are not terms: the
    // officer completes them on any version out of draft (in a draft they are part of the form).
    writeDisclosure: drafter && status !== 'draft',
  };
  return AGREEMENT_ACTIONS.filter((action) => may[action]);
}
