import { describe, expect, it } from 'vitest';
import { appointmentInForce, appointmentProposalInput, appointmentRefusal, delegationLimitsInOrder, delegationProposalRefusal, positionsHeld, routedPosition } from '../src';

describe('positions held', () => {
  const acting = { position: 'program_manager' as const, startsOn: '2026-12-07', endsOn: '2026-12-18' };
  it('an acting appointment counts from its first day to its last, inclusive, and not after', () => {
    expect(['2026-12-06', '2026-12-07', '2026-12-18', '2026-12-19'].map((d) => appointmentInForce(acting, d))).toEqual([false, true, true, false]);
    expect(appointmentInForce({ startsOn: '2020-01-01', endsOn: null }, '2099-12-31')).toBe(true);
  });
  it('roles give the officer and manager positions; appointments give the others; lowest first', () => {
    const deputy = { position: 'deputy_head' as const, startsOn: '2026-04-01', endsOn: null };
    expect(positionsHeld(['program_officer', 'reviewer'], [acting, deputy], '2026-12-10')).toEqual(['program_officer', 'program_manager', 'deputy_head']);
    expect(positionsHeld(['program_officer'], [acting], '2026-12-19')).toEqual(['program_officer']);
    expect(positionsHeld(['administrator', 'finance_officer'], [], '2026-12-10')).toEqual([]);
  });
});

describe('the instrument binds those it limits', () => {
  it('an administrator who holds an appointment is limited by it like one who holds a delegated role', () => {
    expect(delegationProposalRefusal(['administrator'])).toBeNull();
    expect(delegationProposalRefusal(['administrator'], true)).toBe('error.delegation.limitedByIt');
    expect(delegationProposalRefusal(['administrator', 'program_manager'])).toBe('error.delegation.limitedByIt');
    expect(delegationProposalRefusal(['finance_officer'])).toBe('error.delegation.notAdministrator');
  });
  it('a higher position is never limited below a lower one; positions without a limit are skipped', () => {
    expect(delegationLimitsInOrder({ program_officer: 100n, program_manager: 100n, deputy_head: 1000n })).toBe(true);
    expect(delegationLimitsInOrder({ program_officer: 100n, deputy_head: 99n })).toBe(false);
    expect(delegationLimitsInOrder({ director: 500n, minister: 400n })).toBe(false);
    expect(delegationLimitsInOrder({ minister: 0n })).toBe(true);
    expect(delegationLimitsInOrder({})).toBe(true);
  });
  it('an appointment goes to decision staff, never to its own administrator, from today or later', () => {
    const officer = { id: 'o', roles: ['program_officer' as const] };
    expect(appointmentRefusal(officer, 'a', '2026-12-04', '2026-12-04')).toBeNull();
    expect(appointmentRefusal(officer, 'a', '2026-12-03', '2026-12-04')).toBe('error.appointment.startsInPast');
    expect(appointmentRefusal({ id: 'f', roles: ['finance_officer'] }, 'a', '2026-12-04', '2026-12-04')).toBe('error.appointment.notStaff');
    expect(appointmentRefusal({ id: 'a', roles: ['program_manager'] }, 'a', '2026-12-04', '2026-12-04')).toBe('error.appointment.own');
  });
  it('an acting appointment must say when it ends, and cannot end before it starts', () => {
    const base = { userId: '6f1c2d9e-8b1a-4c3e-9f00-1a2b3c4d5e6f', position: 'program_manager', acting: true, startsOn: '2026-12-07', rationale: 'Leave' };
    const fields = (input: object) => appointmentProposalInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(fields({ ...base, endsOn: null })).toEqual(['endsOn:error.appointment.actingEnds']);
    expect(fields({ ...base, endsOn: '2026-12-06' })).toEqual(['endsOn:error.appointment.endsBeforeStart']);
    expect(fields({ ...base, endsOn: '2026-12-07' })).toBeUndefined();
    expect(fields({ ...base, acting: false, position: 'chief', endsOn: null })).toEqual(['position:error.appointment.position']);
  });
});

describe('routing above a limit', () => {
  const limits = [
    { role: 'program_officer' as const, maxAmountCents: 25_000_000n },
    { role: 'program_manager' as const, maxAmountCents: 100_000_000n },
    { role: 'deputy_head' as const, maxAmountCents: 2_000_000_000n },
  ];
  it('goes to the lowest position whose limit covers the amount, skipping positions without one', () => {
    expect(routedPosition(25_000_000n, limits)).toBe('program_officer');
    expect(routedPosition(25_000_001n, limits)).toBe('program_manager');
    // The $8.28M contribution: above the manager, no director limit in this program, so to the deputy head.
    expect(routedPosition(828_000_000n, limits)).toBe('deputy_head');
    expect(routedPosition(2_000_000_001n, limits)).toBeNull();
  });
});
