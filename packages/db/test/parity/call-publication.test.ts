/**
 * A draft call is published only with criteria weighing exactly 100 and at least one indicator:
 * the domain's `publicationRefusal`, and the database's copy in the trigger call_rules_frozen
 * (checked on draft -> published). This file holds them equal: weight lists that add up, fall
 * short or go over, with no indicator, one or two, published in SQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationRefusal } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';
import { AT, buildWorld, insert, newCall, READY_INDICATOR, rolledBack, type Tx, type World } from './world';

const WEIGHTS: number[][] = [
  [],
  [100],
  [99],
  [1],
  [50, 50],
  [50, 49],
  [50, 51],
  [99, 1],
  [33, 33, 33],
  [34, 33, 33],
  [25, 25, 25, 25],
  [100, 1],
  Array<number>(10).fill(10),
  Array<number>(9).fill(10),
  Array<number>(11).fill(10),
  Array<number>(20).fill(5),
];
const INDICATOR_COUNTS = [0, 1, 2];

/** A draft call with these criteria and this many ready indicators, then published in SQL. */
async function publish(tx: Tx, w: World, weights: number[], indicators: number) {
  const callId = await newCall(tx, { programId: w.programId, officer: w.officer }, 'draft');
  for (const [i, weight] of weights.entries()) {
    await insert(tx, 'call_criterion', { call_id: callId, position: i + 1, name_en: `Criterion ${i + 1}`, name_fr: `Critère ${i + 1}`, weight });
  }
  for (let i = 0; i < indicators; i++) {
    const { id } = await tx
      .insertInto('indicator')
      .values({ resultId: w.resultId, code: `published-${i}`, nameEn: 'Indicator', nameFr: 'Indicateur', ...READY_INDICATOR })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insert(tx, 'call_indicator', { call_id: callId, indicator_id: id }, false);
  }
  return sqlRefusal(sql`update call_for_proposals set status = 'published', published_at = ${AT.toISOString()} where id = ${callId}`.execute(tx));
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

describe(`call publication: call_rules_frozen equals publicationRefusal (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`${WEIGHTS.length} weight lists × ${INDICATOR_COUNTS.length} indicator counts: the database publishes exactly when the domain does, and refuses for the same reason`, async () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const weights of WEIGHTS) {
      for (const indicators of INDICATOR_COUNTS) {
        const key = `weights [${weights.join(', ')}], ${indicators} indicator(s)`;
        expected[key] = publicationRefusal({ weights, indicators }) ?? 'published';
        const refusal = await rolledBack(t.db, (tx) => publish(tx, w, weights, indicators));
        actual[key] =
          refusal === null
            ? 'published'
            : refusal.code === '23514' && /^call [0-9a-f-]+: criteria weights must sum to 100 to publish$/.test(refusal.message)
              ? 'error.weights.sum'
              : refusal.code === '23514' && /^call [0-9a-f-]+: a call needs at least one indicator to publish$/.test(refusal.message)
                ? 'error.indicators.required'
                : `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
      }
    }
    expect(actual).toEqual(expected);
    expect(new Set(Object.values(expected))).toEqual(new Set(['published', 'error.weights.sum', 'error.indicators.required']));
  });
});
