/**
 * How much a claim may be certified for is the domain's `certificationAmountRefusal` (positive,
 * never above the claim, a reason whenever less); the database keeps the same as three CHECKs on
 * claim. This file holds them equal: amounts around the requested one, with reasons given,
 * missing and blank in several ways, certified in SQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificationAmountRefusal } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';
import { AT, buildWorld, FISCAL_YEAR, insert, newAgreement, rolledBack, update, type World } from './world';

const REQUESTED = 100_000n;
const AMOUNTS = [-1n, 0n, 1n, REQUESTED - 1n, REQUESTED, REQUESTED + 1n];
const REASONS = ['', ' ', '\t', '\n', '\u00a0', '\u2003\u3000', 'Travel not eligible'];

/**
 * Every rule the domain finds broken, not only the first it names: the database names the first
 * CHECK it meets (in the order of their names), which may be another of the same rules.
 */
function brokenRules(amount: bigint, reason: string): Set<string> {
  const amountRule = certificationAmountRefusal(REQUESTED, amount, 'A reason');
  const reasonRule = amount !== REQUESTED ? certificationAmountRefusal(REQUESTED, 1n, reason) : null;
  return new Set([amountRule, reasonRule].filter((r): r is NonNullable<typeof r> => r !== null));
}

let t: TestDatabase;
let w: World;
let checks: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  const named = async (fragment: string) =>
    (await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'claim'::regclass and contype = 'c' and pg_get_constraintdef(oid) like ${`%${fragment}%`}`.execute(t.db)).rows.map((r) => r.name);
  const [positive, notAbove, reasoned] = [await named('(certified_cents > 0)'), await named('(certified_cents <= requested_cents)'), await named('adjustment_reason')];
  const reasonGiven = reasoned.filter((n) => n !== 'claim_adjustment_reason_check');
  for (const found of [positive, notAbove, reasonGiven]) expect(found).toHaveLength(1);
  checks = { [positive[0]!]: 'error.money.positive', [notAbove[0]!]: 'error.claim.certifiedAboveRequested', [reasonGiven[0]!]: 'error.claim.adjustmentReason' };
});
afterAll(async () => {
  await t?.destroy();
});

describe(`certification amounts: the CHECKs on claim equal certificationAmountRefusal (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`${AMOUNTS.length} amounts around the claim's × ${REASONS.length} reasons (blank in five ways): certified exactly when the domain allows, refused by the same rule`, async () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const amount of AMOUNTS) {
      for (const reason of REASONS) {
        const key = `${amount} of ${REQUESTED} cents, reason ${JSON.stringify(reason)}`;
        expected[key] = certificationAmountRefusal(REQUESTED, amount, reason) ?? 'certified';
        const refusal = await rolledBack(t.db, async (tx) => {
          const claimId = await insert(tx, 'claim', {
            reference_number: 'CLM-2026-000001',
            agreement_id: await newAgreement(tx, w, 'active'),
            client_key: sql`gen_random_uuid()`,
            fiscal_year: FISCAL_YEAR,
            period_start: '2026-04-01',
            period_end: '2026-06-30',
            kind: 'reimbursement',
            requested_cents: REQUESTED,
            submitted_by: w.recipient,
          });
          return sqlRefusal(update(tx, 'claim', { status: 'certified', certified_cents: amount, certified_by: w.officer, certified_at: AT.toISOString(), adjustment_reason: reason }, sql`id = ${claimId}`));
        });
        const database =
          refusal === null
            ? 'certified'
            : refusal.code === '23514' && refusal.constraint !== null && refusal.constraint in checks
              ? checks[refusal.constraint]!
              : `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
        actual[key] = brokenRules(amount, reason).has(database) ? expected[key]! : database;
      }
    }
    expect(actual).toEqual(expected);
    expect(new Set(Object.values(expected)).size).toBe(4);
  });
});
