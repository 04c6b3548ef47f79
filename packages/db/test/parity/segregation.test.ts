/**
 * Segregation of duties lives in the domain (segregation.ts: nobody certifies, rejects or is paid
 * on their own claim, nobody releases what they certified, signs what they drafted, decides on
 * what they proposed or recommended, reviews what they submitted, assigns themselves) and the
 * database keeps each rule again, as a CHECK or in a trigger. This file holds the copies equal:
 * for each duty, every person of the world tries it, and the database refuses exactly those the
 * domain refuses, with that rule's own constraint or message.
 *
 * Every actor here holds whatever else the act needs (the role, the delegated authority), so a
 * refusal can only be the duty's: who holds which role is another rule (access.ts).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amendmentDecisionRefusal,
  certificationRefusal,
  claimRejectionRefusal,
  departmentSignatureRefusal,
  fundingDecisionRefusal,
  releaseRefusal,
  reportReviewRefusal,
  reviewerAssignmentRefusal,
} from '@tp/domain';
import { createTestDatabase, sqlRefusal, type SqlRefusal, type TestDatabase } from '../../src/testing';
import { AT, buildWorld, FISCAL_YEAR, insert, newAgreement, newVersion, rolledBack, update, type Tx, type World } from './world';

type Person = 'recipient' | 'officer' | 'manager' | 'finance';
const EVERYONE: Person[] = ['recipient', 'officer', 'manager', 'finance'];
/** The people who hold delegated authority in the world's program, and theirs. */
const AUTHORITY = { officer: ['program_officer', 10_000_000], manager: ['program_manager', 1_000_000_000] } as const;
const now = AT.toISOString();

interface Duty {
  name: string;
  actors: Person[];
  /** The domain's refusal for `actor`, given the record's people. */
  domain(w: World, actor: string): string | null;
  /** Sets up the record and has `actor` do the act, in SQL. */
  act(tx: Tx, w: World, actor: Person): Promise<unknown>;
  /** How the database's copy of the rule speaks: a CHECK (found by its definition) or a trigger's message. */
  rule: { table: string; check: string } | { message: RegExp };
}

const claimBy = async (tx: Tx, w: World, certifiedBy: string | null) =>
  insert(tx, 'claim', {
    reference_number: 'CLM-2026-000001',
    agreement_id: await newAgreement(tx, w, 'active'),
    client_key: sql`gen_random_uuid()`,
    fiscal_year: FISCAL_YEAR,
    period_start: '2026-04-01',
    period_end: '2026-06-30',
    kind: 'reimbursement',
    status: certifiedBy ? 'certified' : 'submitted',
    requested_cents: 100_000,
    submitted_by: w.recipient,
    ...(certifiedBy ? { certified_cents: 100_000, certified_by: certifiedBy, certified_at: now } : {}),
  });

const applicationIn = (tx: Tx, w: World, status: string) =>
  insert(tx, 'application', {
    call_id: w.callId,
    organisation_id: w.organisationId,
    created_by: w.recipient,
    status,
    reference_number: 'APP-2026-000001',
    submitted_at: now,
    submitted_by: w.recipient,
    submitted_version: sql`'{}'::jsonb`,
    requested_amount_cents: 100_000,
  });

const DUTIES: Duty[] = [
  {
    name: 'certify a claim (s. 34)',
    actors: EVERYONE,
    domain: (w, actor) => certificationRefusal({ submittedBy: w.recipient }, actor),
    act: async (tx, w, actor) =>
      update(tx, 'claim', { status: 'certified', certified_cents: 100_000, certified_by: w[actor], certified_at: now }, sql`id = ${await claimBy(tx, w, null)}`),
    rule: { table: 'claim', check: '(certified_by <> submitted_by)' },
  },
  {
    name: 'reject a submitted claim',
    actors: EVERYONE,
    domain: (w, actor) => claimRejectionRefusal({ submittedBy: w.recipient }, actor),
    act: async (tx, w, actor) => update(tx, 'claim', { status: 'rejected', rejected_by: w[actor], rejected_at: now }, sql`id = ${await claimBy(tx, w, null)}`),
    rule: { table: 'claim', check: '(rejected_by <> submitted_by)' },
  },
  {
    name: 'reject a certified claim',
    actors: EVERYONE,
    domain: (w, actor) => claimRejectionRefusal({ submittedBy: w.recipient }, actor),
    act: async (tx, w, actor) => update(tx, 'claim', { status: 'rejected', rejected_by: w[actor], rejected_at: now }, sql`id = ${await claimBy(tx, w, w.officer)}`),
    rule: { table: 'claim', check: '(rejected_by <> submitted_by)' },
  },
  {
    name: 'release the payment of a claim (s. 33)',
    actors: EVERYONE,
    domain: (w, actor) => releaseRefusal({ submittedBy: w.recipient, certifiedBy: w.officer }, actor),
    act: async (tx, w, actor) =>
      update(tx, 'claim', { status: 'paid', released_by: w[actor], released_at: now, release_key: sql`gen_random_uuid()` }, sql`id = ${await claimBy(tx, w, w.officer)}`),
    rule: { table: 'claim', check: '((released_by <> certified_by) AND (released_by <> submitted_by))' },
  },
  {
    name: 'sign an agreement for the department',
    actors: ['officer', 'manager'],
    domain: (w, actor) => departmentSignatureRefusal({ createdBy: w.officer }, actor),
    async act(tx, w, actor) {
      const id = await newAgreement(tx, w, 'recipient_signed');
      await newVersion(tx, w, id, 'in_force');
      const [role, limit] = AUTHORITY[actor as keyof typeof AUTHORITY];
      return update(tx, 'agreement', { status: 'active', department_signed_at: now, department_signed_by: w[actor], department_signer_role: role, department_signer_limit_cents: limit }, sql`id = ${id}`);
    },
    rule: { table: 'agreement', check: '(department_signed_by <> created_by)' },
  },
  ...(['in_force', 'rejected'] as const).map(
    (outcome): Duty => ({
      name: `${outcome === 'in_force' ? 'approve' : 'reject'} an amendment`,
      actors: ['officer', 'manager'],
      domain: (w, actor) => amendmentDecisionRefusal({ createdBy: w.officer }, actor),
      async act(tx, w, actor) {
        const agreementId = await newAgreement(tx, w, 'active');
        await newVersion(tx, w, agreementId, 'superseded');
        const amendment = await newVersion(tx, w, agreementId, 'proposed', 1_000_000n, { version: 2, createdBy: w.officer });
        const [role, limit] = AUTHORITY[actor as keyof typeof AUTHORITY];
        return update(tx, 'agreement_version', { status: outcome, decided_by: w[actor], decided_at: now, decider_role: role, decider_limit_cents: limit }, sql`id = ${amendment}`);
      },
      rule: { table: 'agreement_version', check: '(decided_by <> created_by)' },
    }),
  ),
  ...(['accepted', 'returned'] as const).map(
    (outcome): Duty => ({
      name: `${outcome === 'accepted' ? 'accept' : 'return'} a progress report`,
      actors: EVERYONE,
      domain: (w, actor) => reportReviewRefusal({ submittedBy: w.recipient }, actor),
      async act(tx, w, actor) {
        const agreementId = await newAgreement(tx, w, 'active');
        const periodId = await insert(tx, 'reporting_period', { agreement_id: agreementId, fiscal_year: FISCAL_YEAR, period_start: '2026-04-01', period_end: '2026-06-30', due_date: '2026-07-30' });
        const reportId = await insert(tx, 'progress_report', { period_id: periodId, agreement_id: agreementId, status: 'submitted', revision: 1, draft: sql`'{}'::jsonb`, created_by: w.recipient });
        await insert(tx, 'progress_report_revision', { report_id: reportId, revision: 1, content: sql`'{}'::jsonb`, submitted_by: w.recipient }, false);
        return update(tx, 'progress_report_revision', { outcome, reviewed_by: w[actor], reviewed_at: now }, sql`report_id = ${reportId} and revision = 1`);
      },
      rule: { table: 'progress_report_revision', check: '(reviewed_by <> submitted_by)' },
    }),
  ),
  {
    name: 'decide on an application',
    actors: ['officer', 'manager'],
    domain: (w, actor) => fundingDecisionRefusal({ recommendedBy: w.officer }, actor),
    async act(tx, w, actor) {
      const applicationId = await applicationIn(tx, w, 'recommended');
      await insert(tx, 'application_recommendation', { application_id: applicationId, outcome: 'fund', amount_cents: 100_000, rationale: 'Strong', recommended_by: w.officer }, false);
      const [role, limit] = AUTHORITY[actor as keyof typeof AUTHORITY];
      return insert(tx, 'application_decision', { application_id: applicationId, outcome: 'approved', amount_cents: 100_000, rationale: 'Funded', decided_by: w[actor], decider_role: role, decider_limit_cents: limit }, false);
    },
    rule: { message: /^decision on [0-9a-f-]+: the person who recommended cannot decide$/ },
  },
  {
    name: 'assign a reviewer to an application',
    actors: EVERYONE,
    domain: (w, actor) => reviewerAssignmentRefusal({ reviewerId: w.officer }, actor),
    act: async (tx, w, actor) => insert(tx, 'reviewer_assignment', { application_id: await applicationIn(tx, w, 'screened_in'), reviewer_id: w.officer, assigned_by: w[actor] }),
    rule: { table: 'reviewer_assignment', check: '(reviewer_id <> assigned_by)' },
  },
];

/** The name of the one CHECK on `table` whose definition contains `fragment`. */
async function checkNamed(t: TestDatabase, table: string, fragment: string): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select conname as name from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c' and position(${fragment} in pg_get_constraintdef(oid)) > 0`.execute(t.db);
  expect(rows.map((r) => r.name), `one CHECK on ${table} holds ${fragment}`).toHaveLength(1);
  return rows[0]!.name;
}

function verdict(refusal: SqlRefusal | null, rule: Duty['rule'], check: string | null): string {
  if (refusal === null) return 'allowed';
  if ('check' in rule && refusal.code === '23514' && refusal.constraint === check) return 'refused by the duty';
  if ('message' in rule && refusal.code === '23514' && rule.message.test(refusal.message)) return 'refused by the duty';
  return `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
}

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`segregation of duties: the database's copies equal segregation.ts (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it.each(DUTIES.map((d) => [d.name, d] as const))('%s: the database refuses exactly the people the domain refuses, by that rule', async (_name, duty) => {
    const check = 'check' in duty.rule ? await checkNamed(t, duty.rule.table, duty.rule.check) : null;
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const actor of duty.actors) {
      expected[actor] = duty.domain(w, w[actor]) === null ? 'allowed' : 'refused by the duty';
      actual[actor] = verdict(await rolledBack(t.db, async (tx) => sqlRefusal(duty.act(tx, w, actor))), duty.rule, check);
    }
    expect(actual).toEqual(expected);
    expect(Object.values(expected)).toContain('allowed');
    expect(Object.values(expected)).toContain('refused by the duty');
  });
});
