/**
 * Every lifecycle (call, application, agreement, report, claim, invitation) is one table of
 * allowed transitions. The database stores the state under a CHECK constraint listing the
 * same states; code asks this table before it moves anything.
 */
export type Transitions<S extends string> = { readonly [K in S]: readonly NoInfer<S>[] };

export interface StateMachine<S extends string> {
  readonly states: readonly S[];
  can(from: S, to: S): boolean;
  /** Throws an InvalidTransitionError when the move is not allowed. */
  assert(from: S, to: S): void;
  next(from: S): readonly S[];
  isFinal(state: S): boolean;
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function stateMachine<S extends string>(name: string, transitions: Transitions<S>): StateMachine<S> {
  const states = Object.keys(transitions) as S[];
  for (const from of states) {
    for (const to of transitions[from]) {
      if (!(to in transitions)) throw new Error(`${name}: transition ${from} -> ${to} names an unknown state`);
    }
  }
  return {
    states,
    can: (from, to) => transitions[from]?.includes(to) ?? false,
    assert(from, to) {
      if (!(transitions[from]?.includes(to) ?? false)) throw new InvalidTransitionError(name, from, to);
    },
    next: (from) => transitions[from] ?? [],
    isFinal: (state) => (transitions[state]?.length ?? 0) === 0,
  };
}
