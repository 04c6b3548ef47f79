/**
 * Delegated authority lives in the domain (`delegatedAuthority`: of the deciding roles a person
 * holds, the highest limit the program grants; `withinDelegatedLimit`: declining needs only
 * that, approving an amount needs it to cover the amount). The database checks it again on the
 * three acts that commit money: a funding decision (application_decision_authority), the
 * department's signature (agreement_guard) and an amendment coming into force
 * (agreement_version_authority). Each act records the role and limit it was taken under, and
 * the database checks the record against the person's roles and the program's limits.
 *
 * This file holds the copies equal: for people holding mixes of roles and appointments (in force,
 * ended yesterday, beginning tomorrow), programs granting different limits to the seven positions,
 * and amounts around those limits, the database accepts the act under some
 * role the person could claim exactly when the domain finds an authority that covers it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELEGATION_POSITIONS, delegatedAuthority, isoDateIn, positionsHeld, withinDelegatedLimit, type Appointment, type DecidingRole, type Role } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type SqlRefusal, type TestDatabase } from '../../src/testing';
import { AT, buildWorld, FISCAL_YEAR, insert, newVersion, rolledBack, update, type Tx, type World } from './world';

const now = AT.toISOString();

/** The programs tried: limits for both roles, for the manager only, a zero limit, and positions above the manager. */
const PROGRAMS: Partial<Record<DecidingRole, bigint>>[] = [
  { program_officer: 10_000_000n, program_manager: 1_000_000_000n },
  { program_manager: 50_000_000n },
  { program_officer: 0n, program_manager: 100_000_000n },
  { program_officer: 10_000_000n, program_manager: 50_000_000n, director: 80_000_000n, deputy_head: 900_000_000n },
];

/** Days around today (in Toronto, as both the service and the database reckon them). */
const TODAY = isoDateIn(new Date(), 'America/Toronto');
const day = (offset: number) => new Date(Date.parse(`${TODAY}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** The people tried: mixes of roles, and appointments in force, ended, not yet begun. */
const PEOPLE: { key: string; roles: Role[]; appointments: Appointment[] }[] = [
  ...([['program_officer'], ['program_manager'], ['program_officer', 'program_manager'], ['finance_officer'], ['program_officer', 'finance_officer']] as Role[][]).map((roles) => ({ key: roles.join('+'), roles, appointments: [] })),
  { key: 'manager, deputy head', roles: ['program_manager'], appointments: [{ position: 'deputy_head', startsOn: day(-200), endsOn: null }] },
  { key: 'officer, acting manager to today', roles: ['program_officer'], appointments: [{ position: 'program_manager', startsOn: day(-10), endsOn: TODAY }] },
  { key: 'officer, acting manager ended yesterday', roles: ['program_officer'], appointments: [{ position: 'program_manager', startsOn: day(-10), endsOn: day(-1) }] },
  { key: 'manager, deputy head from tomorrow', roles: ['program_manager'], appointments: [{ position: 'deputy_head', startsOn: day(1), endsOn: null }] },
  { key: 'officer, acting director', roles: ['program_officer'], appointments: [{ position: 'director', startsOn: TODAY, endsOn: day(30) }] },
];

interface Act {
  name: string;
  /** Amounts tried besides those at each limit; null is declining (funding decisions only). */
  amounts: (bigint | null)[];
  /** Does it, by `person` claiming `role` with `limit`, in program `programId`. */
  run(tx: Tx, w: World, programId: string, person: string, role: DecidingRole, limit: bigint, amount: bigint | null): Promise<unknown>;
}

async function newProgram(tx: Tx, limits: Partial<Record<DecidingRole, bigint>>): Promise<string> {
  const strategyId = (await sql<{ id: string }>`select id from strategy limit 1`.execute(tx)).rows[0]!.id;
  const programId = await insert(tx, 'program', { code: 'authority', strategy_id: strategyId, name_en: 'Authority', name_fr: 'Pouvoir', transfer_payment_type: 'contribution' });
  for (const [role, max] of Object.entries(limits)) await insert(tx, 'program_approval_limit', { program_id: programId, role, max_amount_cents: max }, false);
  return programId;
}

async function agreementIn(tx: Tx, w: World, programId: string, status: 'recipient_signed' | 'active') {
  return insert(tx, 'agreement', {
    reference_number: 'AGR-2026-000002',
    program_id: programId,
    organisation_id: w.organisationId,
    template: 'standard',
    status,
    created_by: w.recipient,
    sent_at: now,
    sent_by: w.recipient,
    recipient_signed_at: now,
    recipient_signed_by: w.recipient,
    recipient_signer_name: 'R. Signer',
    recipient_signer_title: 'Director',
    ...(status === 'active' ? { department_signed_at: now, department_signed_by: w.manager, department_signer_role: 'program_manager', department_signer_limit_cents: 0 } : {}),
  });
}

const ACTS: Act[] = [
  {
    name: 'a funding decision',
    amounts: [null, 1n],
    async run(tx, w, programId, person, role, limit, amount) {
      const callId = await insert(tx, 'call_for_proposals', {
        program_id: programId,
        title_en: 'Call',
        title_fr: 'Appel',
        eligible_recipient_types: sql`array['non_profit']`,
        eligible_provinces: sql`array['MB']`,
        min_amount_cents: 0,
        max_amount_cents: 10_000_000_000,
        max_duration_months: 24,
        first_fiscal_year: FISCAL_YEAR,
        last_fiscal_year: FISCAL_YEAR,
        opens_at: now,
        closes_at: '2026-09-01T12:00:00Z',
        status: 'closed',
        published_at: now,
        created_by: w.officer,
      });
      const applicationId = await insert(tx, 'application', {
        call_id: callId,
        organisation_id: w.organisationId,
        created_by: w.recipient,
        status: 'recommended',
        reference_number: 'APP-2026-000002',
        submitted_at: now,
        submitted_by: w.recipient,
        submitted_version: sql`'{}'::jsonb`,
        requested_amount_cents: amount ?? 1,
      });
      return insert(tx, 'application_decision', {
        application_id: applicationId,
        outcome: amount === null ? 'declined' : 'approved',
        amount_cents: amount,
        rationale: 'Decided',
        decided_by: person,
        decider_role: role,
        decider_limit_cents: limit,
      }, false);
    },
  },
  {
    name: "the department's signature",
    amounts: [1n],
    async run(tx, w, programId, person, role, limit, amount) {
      const agreementId = await agreementIn(tx, w, programId, 'recipient_signed');
      await newVersion(tx, w, agreementId, 'in_force', amount!);
      return update(tx, 'agreement', { status: 'active', department_signed_at: now, department_signed_by: person, department_signer_role: role, department_signer_limit_cents: limit }, sql`id = ${agreementId}`);
    },
  },
  {
    name: 'an amendment coming into force',
    amounts: [1n],
    async run(tx, w, programId, person, role, limit, amount) {
      const agreementId = await agreementIn(tx, w, programId, 'active');
      await newVersion(tx, w, agreementId, 'superseded');
      const amendment = await newVersion(tx, w, agreementId, 'proposed', amount!, { version: 2, createdBy: w.recipient });
      return update(tx, 'agreement_version', { status: 'in_force', decided_by: person, decided_at: now, decider_role: role, decider_limit_cents: limit }, sql`id = ${amendment}`);
    },
  },
];

/** The authority rules' own refusals: a trigger's "holds no … authority", or a CHECK of the amount against the recorded limit. */
function byAuthority(refusal: SqlRefusal, limitChecks: string[]): boolean {
  return refusal.code === '23514' && (/holds no \w+ authority/.test(refusal.message) || (refusal.constraint !== null && limitChecks.includes(refusal.constraint)));
}

let t: TestDatabase;
let w: World;
let people: Map<string, string>;
let limitChecks: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  people = new Map();
  // Two administrators outside the delegation: one proposes each appointment, the other approves it.
  const admins: string[] = [];
  for (const n of [1, 2]) {
    const { id } = await t.db.insertInto('appUser').values({ email: `admin${n}@parity.test`, displayName: `Admin ${n}` }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('membership').values({ userId: id, role: 'administrator', organisationId: null }).execute();
    admins.push(id);
  }
  for (const [i, person] of PEOPLE.entries()) {
    const { id } = await t.db.insertInto('appUser').values({ email: `decider${i}@parity.test`, displayName: `Decider ${i}` }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('membership').values(person.roles.map((role) => ({ userId: id, role, organisationId: null }))).execute();
    for (const a of person.appointments) {
      const { id: appointmentId } = await t.db
        .insertInto('positionAppointment')
        .values({ userId: id, position: a.position, acting: a.endsOn !== null, startsOn: a.startsOn, endsOn: a.endsOn, rationale: 'Parity', proposedBy: admins[0]! })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db.updateTable('positionAppointment').set({ status: 'approved', decidedBy: admins[1]!, decidedAt: new Date() }).where('id', '=', appointmentId).execute();
    }
    people.set(person.key, id);
  }
  const { rows } = await sql<{ name: string }>`
    select conname as name from pg_constraint
    where contype = 'c' and pg_get_constraintdef(oid) ~ '(amount_cents|total_cents) <= decider_limit_cents'`.execute(t.db);
  limitChecks = rows.map((r) => r.name);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`delegated authority: the database's three copies equal delegatedAuthority and withinDelegatedLimit (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('the limits on record are checked by two CHECKs (decision amount, amendment total)', () => {
    expect(limitChecks).toHaveLength(2);
  });

  it.each(ACTS.map((a) => [a.name, a] as const))(
    `%s: for ${PEOPLE.length} people (mixes of roles and appointments) and ${PROGRAMS.length} programs' limits, at and around each limit, the database accepts exactly when the domain finds a covering authority`,
    async (_name, act) => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const [p, limits] of PROGRAMS.entries()) {
        const edges = Object.values(limits).flatMap((l) => [l, l + 1n]).filter((a) => a > 0n);
        for (const amount of new Set([...act.amounts, ...edges])) {
          for (const person of PEOPLE) {
            const key = `program ${p}, ${person.key}, ${amount === null ? 'declining' : `${amount} cents`}`;
            const authority = delegatedAuthority(positionsHeld(person.roles, person.appointments, TODAY), Object.entries(limits).map(([role, maxAmountCents]) => ({ role: role as DecidingRole, maxAmountCents })));
            expected[key] = withinDelegatedLimit(amount, authority) ? 'accepted' : 'refused by authority';
            // Every claim the person could make: each position, with the program's limit for it.
            const verdicts: string[] = [];
            for (const role of DELEGATION_POSITIONS) {
              const refusal = await rolledBack(t.db, async (tx) => sqlRefusal(act.run(tx, w, await newProgram(tx, limits), people.get(person.key)!, role, limits[role] ?? 0n, amount)));
              verdicts.push(refusal === null ? 'accepted' : byAuthority(refusal, limitChecks) ? 'refused by authority' : `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`);
            }
            actual[key] = verdicts.includes('accepted') ? 'accepted' : (verdicts.find((v) => v !== 'refused by authority') ?? 'refused by authority');
          }
        }
      }
      expect(actual).toEqual(expected);
      expect(Object.values(expected)).toContain('accepted');
      expect(Object.values(expected)).toContain('refused by authority');
    },
  );

  it('DATABASE_ONLY: a record claiming a limit the program does not grant is refused (the domain never writes one: it records delegatedAuthority)', async () => {
    const refusal = await rolledBack(t.db, async (tx) => sqlRefusal(ACTS[0]!.run(tx, w, await newProgram(tx, PROGRAMS[0]!), w.officer, 'program_officer', 20_000_000n, 1n)));
    expect(refusal).toMatchObject({ code: '23514', message: expect.stringMatching(/^decision on [0-9a-f-]+: [0-9a-f-]+ holds no program_officer authority of 20000000$/) });
  });
});
