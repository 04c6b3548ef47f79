import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, stateMachine } from '../src/state-machine';

const invitation = stateMachine('invitation', {
  pending: ['accepted', 'revoked', 'expired'],
  accepted: [],
  revoked: [],
  expired: [],
});

describe('state machine', () => {
  it('allows exactly the listed moves and refuses every other one', () => {
    for (const from of invitation.states) {
      for (const to of invitation.states) {
        const allowed = from === 'pending' && to !== 'pending';
        expect(invitation.can(from, to), `${from} -> ${to}`).toBe(allowed);
        if (allowed) expect(() => invitation.assert(from, to)).not.toThrow();
        else expect(() => invitation.assert(from, to)).toThrow(InvalidTransitionError);
      }
    }
  });

  it('knows its final states', () => {
    expect(invitation.isFinal('accepted')).toBe(true);
    expect(invitation.isFinal('pending')).toBe(false);
  });

  it('refuses a table that names an unknown state', () => {
    expect(() => stateMachine('broken', { a: ['b'] } as never)).toThrow(/unknown state/);
  });
});
