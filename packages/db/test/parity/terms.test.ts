/**
 * What the terms of an agreement must satisfy together is the domain's `termsIssues` (with
 * `amendmentMoneyIssues` for money already paid); the database keeps part of it again: CHECKs on
 * agreement_version (end after start, holdback within the total, a frequency exactly for
 * advances) and the trigger agreement_version_consistent when a version leaves draft (fiscal
 * years add up to the total and lie in the term, each year's budget adds up, money paid in a
 * year stays in it). This file holds those copies equal: an amendment proposed on an agreement
 * with payments made, once per way of getting the terms wrong.
 *
 * Named exceptions, where the database checks less or otherwise: a fiscal year or budget line
 * given twice, or a budget line in a year not in the terms, are refused by its keys (primary and
 * foreign), not by this rule; milestones, indicators, pillars and a closed year's increase are
 * the domain's alone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendmentMoneyIssues, termsIssues, type AgreementTermsShape } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type SqlRefusal, type TestDatabase } from '../../src/testing';
import { buildWorld, FISCAL_YEAR, insert, newAgreement, rolledBack, type Tx, type World } from './world';

const NEXT_YEAR = '2027-28';
const PAID = new Map([
  [FISCAL_YEAR, 30_000n],
  [NEXT_YEAR, 50_000n],
]);
const COPIED = new Set([
  'error.dates.endBeforeStart',
  'error.holdback.overTotal',
  'error.agreement.advanceFrequency',
  'error.agreement.noAdvances',
  'error.agreement.fiscalYearsSum',
  'error.agreement.fiscalYearOutsideTerm',
  'error.agreement.budgetSum',
  'error.amendment.paidMoneyMoved',
]);

const BASE: AgreementTermsShape = {
  streamId: null,
  pillarIds: ['00000000-0000-4000-8000-000000000001'],
  title: 'Healing circles',
  description: '',
  startDate: '2026-04-01',
  endDate: '2028-03-31',
  totalCents: 100_000n,
  fiscalYears: [
    { fiscalYear: FISCAL_YEAR, amountCents: 50_000n },
    { fiscalYear: NEXT_YEAR, amountCents: 50_000n },
  ],
  budget: [
    { fiscalYear: FISCAL_YEAR, category: 'salaries_benefits', amountCents: 30_000n },
    { fiscalYear: FISCAL_YEAR, category: 'travel', amountCents: 20_000n },
    { fiscalYear: NEXT_YEAR, category: 'salaries_benefits', amountCents: 50_000n },
  ],
  paymentBasis: 'reimbursement',
  advanceFrequency: null,
  holdback: { kind: 'amount', cents: 10_000n },
  riskLevel: 'low',
  riskReasons: 'Known recipient',
  reportingFrequency: 'quarterly',
  milestones: [],
  indicators: [],
  otherFunding: [],
  specialConditions: '',
};

const years = (a: bigint, b: bigint) => [
  { fiscalYear: FISCAL_YEAR, amountCents: a },
  { fiscalYear: NEXT_YEAR, amountCents: b },
];
const budget = (a: bigint, b: bigint) => [
  { fiscalYear: FISCAL_YEAR, category: 'salaries_benefits' as const, amountCents: a },
  { fiscalYear: NEXT_YEAR, category: 'salaries_benefits' as const, amountCents: b },
];

/** One way each of getting the terms wrong, a few together, and right ones that move money. */
const VARIANTS: Record<string, Partial<AgreementTermsShape>> = {
  'as they are': {},
  'money moved between years, paid money kept': { fiscalYears: years(40_000n, 60_000n), budget: budget(40_000n, 60_000n) },
  'a larger total': { totalCents: 120_000n, fiscalYears: years(50_000n, 70_000n), budget: budget(50_000n, 70_000n) },
  'years short of the total, where money was paid': { fiscalYears: years(50_000n, 49_999n), budget: budget(50_000n, 49_999n) },
  'years short of the total, where there is room': { fiscalYears: years(49_999n, 50_000n), budget: budget(49_999n, 50_000n) },
  'years over the total': { fiscalYears: years(50_001n, 50_000n), budget: budget(50_001n, 50_000n) },
  'a year outside the term': { endDate: '2027-03-31' },
  'a year before the term': { startDate: '2027-04-01' },
  'a budget short in a year': { budget: budget(49_000n, 50_000n) },
  'a budget over in a year': { budget: budget(50_000n, 50_001n) },
  'no budget at all': { budget: [] },
  'paid money moved out of its year': { fiscalYears: years(60_000n, 40_000n), budget: budget(60_000n, 40_000n) },
  'paid money cut with the total': { totalCents: 70_000n, fiscalYears: years(30_000n, 40_000n), budget: budget(30_000n, 40_000n) },
  'holdback over the total': { holdback: { kind: 'amount', cents: 100_001n } },
  'holdback the whole total': { holdback: { kind: 'amount', cents: 100_000n } },
  'advances without a frequency': { paymentBasis: 'advance', advanceFrequency: null },
  'advances with a frequency': { paymentBasis: 'advance', advanceFrequency: 'quarterly' },
  'a frequency without advances': { advanceFrequency: 'monthly' },
  'end before start': { startDate: '2027-04-01', endDate: '2027-03-31' },
  'years short and budget off': { fiscalYears: years(50_000n, 40_000n), budget: budget(50_000n, 30_000n) },
};

function domainIssues(terms: AgreementTermsShape): Set<string> {
  const issues = [...termsIssues(terms), ...amendmentMoneyIssues(BASE.fiscalYears, terms.fiscalYears, PAID, new Set())];
  return new Set(issues.map((i) => i.messageKey).filter((k) => COPIED.has(k)));
}

/** An active agreement, version 1 in force as BASE, paid as PAID, then `terms` proposed as version 2 and checked at once. */
async function propose(tx: Tx, w: World, terms: AgreementTermsShape): Promise<SqlRefusal | null> {
  const agreementId = await newAgreement(tx, w, 'active');
  const write = async (version: number, t: AgreementTermsShape) => {
    const id = await insert(tx, 'agreement_version', {
      agreement_id: agreementId,
      version,
      status: 'draft',
      title: t.title,
      start_date: t.startDate,
      end_date: t.endDate,
      total_cents: t.totalCents,
      payment_basis: t.paymentBasis,
      advance_frequency: t.advanceFrequency,
      holdback_cents: t.holdback.kind === 'amount' ? t.holdback.cents : 0n,
      risk_level: t.riskLevel,
      risk_reasons: t.riskReasons,
      reporting_frequency: t.reportingFrequency,
      created_by: w.officer,
      ...(version > 1 ? { based_on_version: version - 1, reason: 'Amended budget' } : {}),
    });
    for (const y of t.fiscalYears) await insert(tx, 'agreement_fiscal_year', { version_id: id, fiscal_year: y.fiscalYear, amount_cents: y.amountCents }, false);
    for (const l of t.budget) await insert(tx, 'agreement_budget_line', { version_id: id, fiscal_year: l.fiscalYear, cost_category: l.category, amount_cents: l.amountCents }, false);
    return id;
  };
  const first = await write(1, BASE);
  await sql`update agreement_version set status = 'proposed' where id = ${first}`.execute(tx);
  await sql`update agreement_version set status = 'in_force' where id = ${first}`.execute(tx);
  for (const [fiscalYear, paid] of PAID) {
    await sql`insert into ledger_entry (agreement_id, fiscal_year, kind, amount_cents) values (${agreementId}, ${fiscalYear}, 'reimbursement_paid', ${paid})`.execute(tx);
  }
  await sql`set constraints all immediate`.execute(tx);
  return sqlRefusal(async () => {
    const second = await write(2, terms);
    await sql`update agreement_version set status = 'proposed' where id = ${second}`.execute(tx);
    await sql`set constraints all immediate`.execute(tx);
  });
}

const SAYS: [RegExp | string, string][] = [
  [/fiscal-year amounts do not add up to the total$/, 'error.agreement.fiscalYearsSum'],
  [/fiscal year \S+ is outside the term$/, 'error.agreement.fiscalYearOutsideTerm'],
  [/the budget of \S+ does not add up$/, 'error.agreement.budgetSum'],
  [/money paid in \S+ cannot leave it$/, 'error.amendment.paidMoneyMoved'],
];

let t: TestDatabase;
let w: World;
let checks: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  await sql`insert into fiscal_year (label, start_date, end_date) values ('2027-28', '2027-04-01', '2028-03-31')`.execute(t.db);
  const named = async (fragment: string) =>
    (await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'agreement_version'::regclass and contype = 'c' and pg_get_constraintdef(oid) = ${fragment}`.execute(t.db)).rows[0]?.name ?? `missing: ${fragment}`;
  checks = {
    [await named('CHECK ((end_date >= start_date))')]: 'error.dates.endBeforeStart',
    [await named('CHECK ((holdback_cents <= total_cents))')]: 'error.holdback.overTotal',
    [await named("CHECK (((advance_frequency IS NULL) = (payment_basis = 'reimbursement'::text)))")]: 'advance frequency',
  };
});
afterAll(async () => {
  await t?.destroy();
});

describe(`agreement terms: agreement_version's CHECKs and consistency trigger equal termsIssues (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`${Object.keys(VARIANTS).length} amendments of an agreement with payments made: the database lets the version out of draft exactly when the domain finds no issue, and refuses by one the domain finds`, async () => {
    expect(Object.keys(checks).filter((k) => k.startsWith('missing'))).toEqual([]);
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const [name, change] of Object.entries(VARIANTS)) {
      const terms = { ...BASE, ...change };
      const issues = domainIssues(terms);
      expected[name] = issues.size === 0 ? 'proposed' : [...issues].sort().join(' + ');
      const refusal = await rolledBack(t.db, (tx) => propose(tx, w, terms));
      const said =
        refusal === null
          ? 'proposed'
          : refusal.code === '23514' && refusal.constraint !== null && refusal.constraint in checks
            ? checks[refusal.constraint]!
            : refusal.code === '23514'
              ? (SAYS.find(([says]) => (says instanceof RegExp ? says.test(refusal.message) : false))?.[1] ?? refusal.message)
              : `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
      // One CHECK stands for the two domain rules on the advance frequency.
      const named = said === 'advance frequency' ? ['error.agreement.advanceFrequency', 'error.agreement.noAdvances'].find((k) => issues.has(k)) ?? said : said;
      actual[name] = issues.has(named) ? expected[name]! : named;
    }
    expect(actual).toEqual(expected);
  });
});
