/**
 * Every lifecycle is one table in the domain (`stateMachine`), and the database keeps a copy: a
 * CHECK listing the states and a guard trigger listing the moves. This file holds the copies
 * equal to the domain: the CHECK's list is the machine's states, and for every (from, to) pair
 * an UPDATE on a row in `from` succeeds exactly when `machine.can(from, to)`, and when it is
 * refused, it is refused by the lifecycle guard itself (check_violation, "cannot go from"),
 * not by some other rule that happened to stand in the way.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementLifecycle,
  agreementVersionLifecycle,
  applicationLifecycle,
  callLifecycle,
  claimLifecycle,
  reportLifecycle,
  type StateMachine,
} from '@tp/domain';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';
import { assignments, AT, buildWorld, FISCAL_YEAR, insert, newAgreement, newCall, newVersion, rolledBack, type Columns, type Tx, type World } from './world';

interface LifecycleCopy<S extends string> {
  machine: StateMachine<S>;
  table: string;
  /** How the guard words a refused move. */
  guardSays(from: S, to: S): RegExp;
  /** A row in `state`, as the moves that lead there leave it. */
  rowIn(tx: Tx, w: World, state: S): Promise<string>;
  /** What the command that moves a row to `to` writes besides the status. */
  stamp(w: World, to: S): Columns;
}

/**
 * The one deliberate difference, for every lifecycle: an UPDATE that keeps the status is not a
 * move (the domain has no self-transitions; the guards only look at a change of status, and the
 * other guards decide what else may change).
 */
const STAYING_IS_NOT_A_MOVE = 'staying in a state is not a move';

const now = AT.toISOString();

const callCopy: LifecycleCopy<(typeof callLifecycle.states)[number]> = {
  machine: callLifecycle,
  table: 'call_for_proposals',
  guardSays: (from, to) => new RegExp(`^call [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  rowIn: (tx, w, state) => newCall(tx, w, state),
  stamp: (_w, to) => (to === 'published' ? { published_at: sql`coalesce(published_at, ${now}::timestamptz)` } : {}),
};

const applicationCopy: LifecycleCopy<(typeof applicationLifecycle.states)[number]> = {
  machine: applicationLifecycle,
  table: 'application',
  guardSays: (from, to) => new RegExp(`^application [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  async rowIn(tx, w, state) {
    const columns: Columns = {
      call_id: w.callId,
      organisation_id: w.organisationId,
      created_by: w.recipient,
      status: state,
      ...(state === 'draft' ? {} : this.stamp(w, 'submitted')),
      ...(state === 'submitted' ? {} : this.stamp(w, state)),
    };
    return insert(tx, 'application', columns);
  },
  stamp: (w, to) =>
    to === 'submitted'
      ? { reference_number: 'APP-2026-000001', submitted_at: now, submitted_by: w.recipient, submitted_version: sql`'{}'::jsonb`, requested_amount_cents: 100_000 }
      : to === 'withdrawn'
        ? { withdrawn_at: now }
        : to === 'approved' || to === 'approved_with_changes' || to === 'declined'
          ? { decided_at: now }
          : {},
};

const agreementCopy: LifecycleCopy<(typeof agreementLifecycle.states)[number]> = {
  machine: agreementLifecycle,
  table: 'agreement',
  guardSays: (from, to) => new RegExp(`^agreement [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  async rowIn(tx, w, state) {
    const id = await newAgreement(tx, w, state);
    await newVersion(tx, w, id, 'in_force');
    return id;
  },
  stamp: (w, to) => {
    switch (to) {
      case 'draft': // recalled: the signatures it had are void
        return { sent_at: null, sent_by: null, recipient_signed_at: null, recipient_signed_by: null, recipient_signer_name: null, recipient_signer_title: null };
      case 'sent_for_signature':
        return { sent_at: now, sent_by: w.officer };
      case 'recipient_signed':
        return { recipient_signed_at: now, recipient_signed_by: w.recipient, recipient_signer_name: 'R. Signer', recipient_signer_title: 'Director' };
      case 'active':
        return { department_signed_at: now, department_signed_by: w.manager, department_signer_role: 'program_manager', department_signer_limit_cents: 1_000_000_000 };
      case 'closed':
        return { ended_at: now, ended_by: w.officer };
      case 'terminated':
        return { ended_at: now, ended_by: w.officer, end_reason: 'Ended early' };
    }
  },
};

const agreementVersionCopy: LifecycleCopy<(typeof agreementVersionLifecycle.states)[number]> = {
  machine: agreementVersionLifecycle,
  table: 'agreement_version',
  guardSays: (from, to) => new RegExp(`^agreement version [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  rowIn: async (tx, w, state) => newVersion(tx, w, await newAgreement(tx, w, 'draft'), state),
  stamp: () => ({}),
};

const reportCopy: LifecycleCopy<(typeof reportLifecycle.states)[number]> = {
  machine: reportLifecycle,
  table: 'progress_report',
  guardSays: (from, to) => new RegExp(`^progress report [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  async rowIn(tx, w, state) {
    const agreementId = await newAgreement(tx, w, 'active');
    const periodId = await insert(tx, 'reporting_period', {
      agreement_id: agreementId,
      fiscal_year: FISCAL_YEAR,
      period_start: '2026-04-01',
      period_end: '2026-06-30',
      due_date: '2026-07-30',
    });
    return insert(tx, 'progress_report', {
      period_id: periodId,
      agreement_id: agreementId,
      status: state,
      revision: state === 'draft' ? 0 : 1,
      draft: sql`'{}'::jsonb`,
      created_by: w.recipient,
      ...(state === 'accepted' ? this.stamp(w, 'accepted') : {}),
    });
  },
  stamp: (w, to) => (to === 'submitted' ? { revision: sql`revision + 1` } : to === 'accepted' ? { accepted_at: now, accepted_by: w.officer } : {}),
};

const claimCopy: LifecycleCopy<(typeof claimLifecycle.states)[number]> = {
  machine: claimLifecycle,
  table: 'claim',
  guardSays: (from, to) => new RegExp(`^claim [0-9a-f-]+: cannot go from ${from} to ${to}$`),
  async rowIn(tx, w, state) {
    return insert(tx, 'claim', {
      reference_number: 'CLM-2026-000001',
      agreement_id: await newAgreement(tx, w, 'active'),
      client_key: sql`gen_random_uuid()`,
      fiscal_year: FISCAL_YEAR,
      period_start: '2026-04-01',
      period_end: '2026-06-30',
      kind: 'reimbursement',
      status: state,
      requested_cents: 100_000,
      submitted_by: w.recipient,
      ...(state === 'certified' || state === 'paid' ? this.stamp(w, 'certified') : {}),
      ...(state === 'paid' || state === 'rejected' ? this.stamp(w, state) : {}),
    });
  },
  stamp: (w, to) =>
    to === 'certified'
      ? { certified_cents: 100_000, certified_by: w.officer, certified_at: now }
      : to === 'paid'
        ? { released_by: w.finance, released_at: now, release_key: sql`gen_random_uuid()` }
        : to === 'rejected'
          ? { rejected_by: w.officer, rejected_at: now, rejection_reason: 'Not eligible' }
          : {},
};

type Verdict = 'accepted' | 'refused by the lifecycle' | `refused for another reason: ${string}`;

/** What the database does with `update <table> set status = to` on a row in `from`. */
async function databaseVerdict<S extends string>(t: TestDatabase, w: World, copy: LifecycleCopy<S>, from: S, to: S): Promise<Verdict> {
  return rolledBack<Verdict>(t.db, async (tx) => {
    const id = await copy.rowIn(tx, w, from);
    const refusal = await sqlRefusal(
      sql`update ${sql.table(copy.table)} set ${sql.join(assignments({ status: to, ...copy.stamp(w, to) }))} where id = ${id}`.execute(tx),
    );
    if (refusal === null) return 'accepted';
    if (refusal.code === '23514' && copy.guardSays(from, to).test(refusal.message)) return 'refused by the lifecycle';
    return `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
  });
}

function domainVerdict<S extends string>(machine: StateMachine<S>, from: S, to: S): Verdict | typeof STAYING_IS_NOT_A_MOVE {
  if (from === to) return STAYING_IS_NOT_A_MOVE;
  return machine.can(from, to) ? 'accepted' : 'refused by the lifecycle';
}

/** The values a CHECK on `table.status` allows, read from the database's own definition. */
async function checkedStates(t: TestDatabase, table: string): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c' and pg_get_constraintdef(oid) like 'CHECK ((status = ANY%'`.execute(t.db);
  expect(rows, `one CHECK lists the states of ${table}`).toHaveLength(1);
  return [...rows[0]!.def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!);
}

const copies = [
  ['call', callCopy],
  ['application', applicationCopy],
  ['agreement', agreementCopy],
  ['agreement version', agreementVersionCopy],
  ['progress report', reportCopy],
  ['claim', claimCopy],
] as const satisfies readonly (readonly [string, LifecycleCopy<string>])[];

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`lifecycles: the database's copies equal the domain's tables (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  describe.each(copies)('%s', (_name, copy: LifecycleCopy<string>) => {
    it(`the CHECK on ${copy.table}.status lists exactly the machine's states`, async () => {
      expect((await checkedStates(t, copy.table)).sort()).toEqual([...copy.machine.states].sort());
    });

    it(`every (from, to) of ${copy.machine.states.length}² pairs: the database moves the row exactly when the domain allows it, and refuses with the lifecycle guard`, async () => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const from of copy.machine.states) {
        for (const to of copy.machine.states) {
          const domain = domainVerdict(copy.machine, from, to);
          expected[`${from} -> ${to}`] = domain === STAYING_IS_NOT_A_MOVE ? `accepted (${STAYING_IS_NOT_A_MOVE})` : domain;
          const database = await databaseVerdict(t, w, copy, from, to);
          actual[`${from} -> ${to}`] = database === 'accepted' && domain === STAYING_IS_NOT_A_MOVE ? `accepted (${STAYING_IS_NOT_A_MOVE})` : database;
        }
      }
      expect(actual).toEqual(expected);
    });
  });
});
