import { describe, expect, it } from 'vitest';
import { reportActions } from '../src';

const officer = { id: 'officer', roles: ['program_officer'] as const };
const manager = { id: 'manager', roles: ['program_manager'] as const };
const recipient = { id: 'recipient', roles: ['recipient'] as const };

describe('what a person may do next with a progress report', () => {
  it('lets the recipient write while the report is open and the officer review once it is submitted', () => {
    expect(reportActions({ status: 'draft', access: 'owner', submittedBy: null }, recipient)).toEqual(['edit']);
    expect(reportActions({ status: 'returned', access: 'owner', submittedBy: 'recipient' }, recipient)).toEqual(['edit']);
    expect(reportActions({ status: 'submitted', access: 'owner', submittedBy: 'recipient' }, recipient)).toEqual([]);
    expect(reportActions({ status: 'submitted', access: 'staff', submittedBy: 'recipient' }, officer)).toEqual(['review']);
    expect(reportActions({ status: 'submitted', access: 'staff', submittedBy: 'recipient' }, manager)).toEqual([]);
    expect(reportActions({ status: 'accepted', access: 'staff', submittedBy: 'recipient' }, officer)).toEqual([]);
    expect(reportActions({ status: 'draft', access: 'staff', submittedBy: null }, officer)).toEqual([]);
  });

  it('never lets someone review what they submitted', () => {
    expect(reportActions({ status: 'submitted', access: 'staff', submittedBy: 'officer' }, officer)).toEqual([]);
  });
});
