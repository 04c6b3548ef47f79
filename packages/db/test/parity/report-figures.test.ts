/**
 * What a submitted progress report must hold is the domain's `reportSubmissionIssues` (on
 * content parsed by `reportContentInput`); the database keeps three of its rules again, on the
 * version's rows: a delayed or cancelled activity has a reason, a delayed one a new expected date
 * (CHECKs on report_activity_status), and for a count each GBA Plus dimension the indicator asks
 * for adds up to the total (the trigger report_breakdown_adds_up, at commit). This file holds
 * those copies equal, case by case, writing the version as submitReport does.
 *
 * Named exception: the domain also refuses a breakdown of a dimension the indicator does not ask
 * for, or an unknown category (reportContentErrors); the database stores only what the domain
 * let through and does not check those (its CHECKs hold the dimension and category shapes only).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_STATUSES, reportContentInput, reportSubmissionIssues, type GbaDimension, type ReportContent } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type SqlRefusal, type TestDatabase } from '../../src/testing';
import { buildWorld, FISCAL_YEAR, insert, newAgreement, READY_INDICATOR, rolledBack, type Tx, type World } from './world';

const MILESTONE = '00000000-0000-4000-8000-000000000001';
const COPIED = ['error.report.reasonRequired', 'error.report.newDateRequired', 'error.report.breakdownMustAddUp'];
/** Reasons: none, blank in several ways, given. */
const REASONS = ['', ' ', '\t', '\n', '\u00a0', ' \u3000 ', 'Staff left'];
const DATES = [null, '2026-12-31'];
const DIMENSIONS: GbaDimension[] = ['gender', 'age_group'];
/** A count of 10, broken down per dimension into two categories adding up to this (null: no breakdown of it). */
const SUMS = [10, 9, 11, 0, null];

interface Case {
  activity: { status: (typeof ACTIVITY_STATUSES)[number]; reason: string; newExpectedDate: string | null };
  unit: 'count' | 'percent';
  sums: Partial<Record<GbaDimension, number>>;
}

function contentOf(c: Case, indicatorId: string): ReportContent {
  const categories: Record<string, [string, string]> = { gender: ['women', 'men'], age_group: ['age_12_17', 'age_18_24'] };
  const breakdown = Object.entries(c.sums).flatMap(([dimension, sum]) => [
    { dimension: dimension as GbaDimension, category: categories[dimension]![0], count: Math.min(sum, 5) },
    { dimension: dimension as GbaDimension, category: categories[dimension]![1], count: sum - Math.min(sum, 5) },
  ]);
  return reportContentInput.parse({
    activities: [{ milestoneKey: MILESTONE, ...c.activity }],
    deliverables: '',
    indicators: [{ indicatorId, value: '10', breakdown }],
    progress: 'On track',
    challenges: '',
    lessons: '',
    risks: [],
    finalResults: '',
  });
}

/** The domain's verdict on the raw input: the issues among those the database copies. */
function domainVerdict(c: Case, indicatorId: string): string {
  const parsed = contentOf(c, indicatorId);
  const issues = reportSubmissionIssues(parsed, { milestoneKeys: [MILESTONE], indicators: [{ id: indicatorId, unit: c.unit, gbaDimensions: DIMENSIONS }], isFinal: false });
  const copied = issues.map((i) => i.messageKey).filter((k) => COPIED.includes(k));
  return copied.length === 0 ? 'submitted' : [...new Set(copied)].sort().join(' + ');
}

/** The version written as submitReport writes it, from the raw input, checked at once (deferred checks made immediate). */
async function submitInSql(tx: Tx, w: World, c: Case, indicatorId: string): Promise<SqlRefusal | null> {
  const agreementId = await newAgreement(tx, w, 'active');
  const periodId = await insert(tx, 'reporting_period', { agreement_id: agreementId, fiscal_year: FISCAL_YEAR, period_start: '2026-04-01', period_end: '2026-06-30', due_date: '2026-07-30' });
  const reportId = await insert(tx, 'progress_report', { period_id: periodId, agreement_id: agreementId, status: 'submitted', revision: 1, draft: sql`'{}'::jsonb`, created_by: w.recipient });
  return sqlRefusal(async () => {
    await insert(tx, 'progress_report_revision', { report_id: reportId, revision: 1, content: sql`'{}'::jsonb`, submitted_by: w.recipient }, false);
    await insert(tx, 'report_indicator_value', { report_id: reportId, revision: 1, indicator_id: indicatorId, value: 10 }, false);
    for (const b of contentOf(c, indicatorId).indicators[0]!.breakdown) {
      await insert(tx, 'report_indicator_breakdown', { report_id: reportId, revision: 1, indicator_id: indicatorId, dimension: b.dimension, category: b.category, count: b.count }, false);
    }
    await insert(tx, 'report_activity_status', { report_id: reportId, revision: 1, milestone_key: MILESTONE, status: c.activity.status, reason: c.activity.reason, new_expected_date: c.activity.newExpectedDate }, false);
    await sql`set constraints all immediate`.execute(tx);
  });
}

function databaseVerdict(refusal: SqlRefusal | null, checks: { reason: string; date: string }): string {
  if (refusal === null) return 'submitted';
  if (refusal.code === '23514' && refusal.constraint === checks.reason) return 'error.report.reasonRequired';
  if (refusal.code === '23514' && refusal.constraint === checks.date) return 'error.report.newDateRequired';
  if (refusal.code === '23514' && /^progress report [0-9a-f-]+: \w+ breakdown of [0-9a-f-]+ adds up to \d+, not [\d.]+$/.test(refusal.message)) return 'error.report.breakdownMustAddUp';
  return `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
}

let t: TestDatabase;
let w: World;
let indicators: Record<Case['unit'], string>;
let checks: { reason: string; date: string };
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  const counted = async (unit: Case['unit']) =>
    (await t.db.insertInto('indicator').values({ resultId: w.resultId, code: `people-${unit}`, nameEn: 'People', nameFr: 'Personnes', ...READY_INDICATOR, unit, gbaDimensions: DIMENSIONS }).returning('id').executeTakeFirstOrThrow()).id;
  indicators = { count: await counted('count'), percent: await counted('percent') };
  const named = async (fragment: string) =>
    (await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'report_activity_status'::regclass and contype = 'c' and position(${fragment} in pg_get_constraintdef(oid)) > 0`.execute(t.db)).rows.map((r) => r.name);
  // The reason's own length CHECK aside, one CHECK requires a reason and one a new date.
  const reason = (await named('reason')).filter((n) => n !== 'report_activity_status_reason_check');
  const date = await named('new_expected_date');
  expect(reason).toHaveLength(1);
  expect(date).toHaveLength(1);
  checks = { reason: reason[0]!, date: date[0]! };
});
afterAll(async () => {
  await t?.destroy();
});

async function compare(cases: Case[]) {
  const expected: Record<string, string> = {};
  const actual: Record<string, string> = {};
  for (const c of cases) {
    const key = JSON.stringify(c);
    expected[key] = domainVerdict(c, indicators[c.unit]);
    // A version refused for two reasons names the first it meets; the domain lists them all.
    const database = databaseVerdict(await rolledBack(t.db, (tx) => submitInSql(tx, w, c, indicators[c.unit])), checks);
    actual[key] = expected[key]!.split(' + ').includes(database) ? expected[key]! : database;
  }
  expect(actual).toEqual(expected);
  return new Set(Object.values(expected));
}

describe(`report figures: the database's CHECKs and breakdown trigger equal reportSubmissionIssues (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`every activity status × ${REASONS.length} reasons (blank in six ways) × with and without a new date: refused for the same missing reason or date`, async () => {
    const cases = ACTIVITY_STATUSES.flatMap((status) => REASONS.flatMap((reason) => DATES.map((newExpectedDate): Case => ({ activity: { status, reason, newExpectedDate }, unit: 'count', sums: { gender: 10, age_group: 10 } }))));
    const seen = await compare(cases);
    expect(seen).toEqual(new Set(['submitted', 'error.report.reasonRequired', 'error.report.newDateRequired', 'error.report.newDateRequired + error.report.reasonRequired']));
  });

  it(`a count of 10 broken down by two dimensions, each adding up to ${SUMS.map(String).join(', ')}: refused when a dimension does not add up; a percentage is never broken down by rule`, async () => {
    const cases = (['count', 'percent'] as const).flatMap((unit) =>
      SUMS.flatMap((gender) =>
        SUMS.map((ageGroup): Case => ({
          activity: { status: 'completed', reason: '', newExpectedDate: null },
          unit,
          sums: { ...(gender === null ? {} : { gender }), ...(ageGroup === null ? {} : { age_group: ageGroup }) },
        })),
      ),
    );
    const seen = await compare(cases);
    expect(seen).toEqual(new Set(['submitted', 'error.report.breakdownMustAddUp']));
  });
});
