import { describe, expect, it } from 'vitest';
import { applicationActions } from '../src';

const officer = { id: 'officer', roles: ['program_officer'] as const };
const manager = { id: 'manager', roles: ['program_manager'] as const };
const admin = { id: 'admin', roles: ['administrator'] as const };
const reviewer = { id: 'reviewer', roles: ['reviewer'] as const };

describe('what a member of staff may do next with an application', () => {
  it('offers each step to the roles that take it, at the state where it comes, written out case by case', () => {
    expect(applicationActions({ status: 'submitted', recommendedBy: null }, officer, true)).toEqual(['screen']);
    expect(applicationActions({ status: 'submitted', recommendedBy: null }, manager, true)).toEqual([]);
    expect(applicationActions({ status: 'screened_in', recommendedBy: null }, manager, true)).toEqual(['assignReviewer']);
    expect(applicationActions({ status: 'under_review', recommendedBy: null }, manager, true)).toEqual(['assignReviewer']);
    expect(applicationActions({ status: 'under_review', recommendedBy: null }, officer, true)).toEqual(['recommend']);
    expect(applicationActions({ status: 'under_review', recommendedBy: null }, admin, false)).toEqual(['assignReviewer', 'recommend']);
    expect(applicationActions({ status: 'recommended', recommendedBy: 'officer' }, manager, true)).toEqual(['decide']);
    expect(applicationActions({ status: 'approved', recommendedBy: 'officer' }, manager, true)).toEqual([]);
    expect(applicationActions({ status: 'submitted', recommendedBy: null }, reviewer, false)).toEqual([]);
  });

  it('lets an officer decide within a limit, but never what they recommended, and nobody without a limit', () => {
    expect(applicationActions({ status: 'recommended', recommendedBy: 'someone' }, officer, true)).toEqual(['decide']);
    expect(applicationActions({ status: 'recommended', recommendedBy: 'officer' }, officer, true)).toEqual([]);
    expect(applicationActions({ status: 'recommended', recommendedBy: 'officer' }, manager, false)).toEqual([]);
  });
});
