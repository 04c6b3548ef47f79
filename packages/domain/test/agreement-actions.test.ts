import { describe, expect, it } from 'vitest';
import { agreementActions, type AgreementForActions } from '../src';

const officer = { id: 'officer', roles: ['program_officer'] as const };
const manager = { id: 'manager', roles: ['program_manager'] as const };
const recipient = { id: 'recipient', roles: ['recipient'] as const };
const analyst = { id: 'analyst', roles: ['results_analyst'] as const };
const agreement = (status: AgreementForActions['status'], more: Partial<AgreementForActions> = {}): AgreementForActions => ({ status, createdBy: 'officer', access: 'staff', pendingAmendment: null, ...more });

describe('what a person may do next with an agreement', () => {
  it('follows the lifecycle and the roles, written out case by case', () => {
    expect(agreementActions(agreement('draft'), officer)).toEqual(['edit', 'send']);
    expect(agreementActions(agreement('sent_for_signature'), officer)).toEqual(['recall', 'writeDisclosure']);
    expect(agreementActions(agreement('sent_for_signature', { access: 'recipient' }), recipient)).toEqual(['signAsRecipient']);
    expect(agreementActions(agreement('recipient_signed'), manager)).toEqual(['signForDepartment']);
    expect(agreementActions(agreement('active'), officer)).toEqual(['amend', 'end', 'writeDisclosure']);
    expect(agreementActions(agreement('active'), analyst)).toEqual([]);
    expect(agreementActions(agreement('closed'), manager)).toEqual([]);
    expect(agreementActions(agreement('terminated'), officer)).toEqual(['writeDisclosure']);
    // The disclosure's texts are completed after draft by the drafter only, never by the recipient.
    expect(agreementActions(agreement('closed'), officer)).toEqual(['writeDisclosure']);
    expect(agreementActions(agreement('active', { access: 'recipient' }), recipient)).toEqual([]);
  });

  it('never lets the author sign or approve their own work', () => {
    expect(agreementActions(agreement('recipient_signed'), officer)).toEqual(['recall', 'writeDisclosure']);
    expect(agreementActions(agreement('active', { pendingAmendment: { createdBy: 'officer' } }), officer)).toEqual(['end', 'writeDisclosure']);
    expect(agreementActions(agreement('active', { pendingAmendment: { createdBy: 'officer' } }), manager)).toEqual(['decideAmendment', 'end']);
    // A recipient reading as staff never happens; reading as a recipient, staff roles give nothing.
    expect(agreementActions(agreement('sent_for_signature', { access: 'recipient' }), officer)).toEqual([]);
  });
});
