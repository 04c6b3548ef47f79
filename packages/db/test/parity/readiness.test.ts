/**
 * Whether an indicator is ready (everything needed to collect it) is the domain's
 * `isIndicatorReady`; the database computes its own copy, the generated column
 * `indicator.is_ready`, which a call's or an agreement's indicator must match (foreign key on
 * (id, is_ready)). This file holds the copy equal to the domain: every combination of the
 * twelve fields present or absent, each requirement dropped alone, and every kind of blank
 * text, written to the database and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIndicatorReady, missingForReadiness, READINESS_REQUIREMENTS, type IndicatorReadinessFields } from '@tp/domain';
import { createTestDatabase, type TestDatabase } from '../../src/testing';
import { buildWorld, READY_INDICATOR, rolledBack, type Tx, type World } from './world';

type Fields = { -readonly [K in keyof IndicatorReadinessFields]: IndicatorReadinessFields[K] };
const FIELDS = Object.keys(READY_INDICATOR) as (keyof Fields)[];
const TEXTS = ['definitionEn', 'definitionFr', 'methodEn', 'methodFr', 'sourceEn', 'sourceFr'] as const satisfies readonly (keyof Fields)[];

/** Which fields each requirement needs (the domain's grouping, restated to drop them one at a time). */
const NEEDS: Record<(typeof READINESS_REQUIREMENTS)[number], (keyof Fields)[]> = {
  definition: ['definitionEn', 'definitionFr'],
  unit: ['unit'],
  method: ['methodEn', 'methodFr'],
  source: ['sourceEn', 'sourceFr'],
  frequency: ['frequency'],
  baseline: ['baselineValue', 'baselineYear'],
  target: ['targetValue', 'targetDate'],
};

/** Text that JavaScript's trim() empties: spaces, tabs, line ends and the other Unicode spaces. */
const BLANKS = ['', ' ', '   ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', ' \t\u00a0 '];

/** Writes the indicators, reads back what the database computed, with the fields as stored. */
async function written(tx: Tx, w: World, indicators: Partial<Fields>[]): Promise<(Fields & { isReady: boolean })[]> {
  const out: (Fields & { isReady: boolean })[] = [];
  for (let i = 0; i < indicators.length; i += 500) {
    const chunk = indicators.slice(i, i + 500).map((fields, j) => ({ resultId: w.resultId, code: `ind-${i + j}`, nameEn: 'Indicator', nameFr: 'Indicateur', ...fields }));
    out.push(...(await tx.insertInto('indicator').values(chunk).returning([...FIELDS, 'isReady']).execute()));
  }
  return out;
}

/** The verdicts that differ, with the row that shows it. */
function disagreements(rows: (Fields & { isReady: boolean })[]): string[] {
  return rows
    .filter((row) => row.isReady !== isIndicatorReady(row))
    .map((row) => {
      const blank = FIELDS.filter((f) => row[f] === null || String(row[f]).trim() === '');
      return `${blank.map((f) => `${f}=${JSON.stringify(row[f])}`).join(' ')}: domain ${isIndicatorReady(row) ? 'ready' : 'not ready'}, database ${row.isReady ? 'ready' : 'not ready'}`;
    });
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

describe(`readiness: indicator.is_ready equals isIndicatorReady (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`all 2^${FIELDS.length} combinations of the fields present or absent: the database says ready exactly when the domain does`, async () => {
    const combinations = Array.from({ length: 2 ** FIELDS.length }, (_, bits) =>
      Object.fromEntries(FIELDS.map((field, k) => [field, bits & (1 << k) ? READY_INDICATOR[field] : null])),
    );
    const rows = await rolledBack(t.db, (tx) => written(tx, w, combinations));
    expect(rows).toHaveLength(4096);
    expect(rows.filter((r) => r.isReady)).toHaveLength(1);
    expect(disagreements(rows)).toEqual([]);
  });

  it.each(READINESS_REQUIREMENTS)('dropping the %s alone makes both say not ready, and the domain names it as what is missing', async (requirement) => {
    const cases = NEEDS[requirement].map((field) => ({ ...READY_INDICATOR, [field]: null }));
    const rows = await rolledBack(t.db, (tx) => written(tx, w, cases));
    for (const row of rows) {
      expect(row.isReady).toBe(false);
      expect(missingForReadiness(row)).toEqual([requirement]);
    }
  });

  it(`each of the ${TEXTS.length} bilingual texts, blank in each of ${BLANKS.length} ways (spaces, tabs, line ends, Unicode spaces), counts as missing in both`, async () => {
    const cases = TEXTS.flatMap((field) => BLANKS.map((blank) => ({ ...READY_INDICATOR, [field]: blank })));
    const rows = await rolledBack(t.db, (tx) => written(tx, w, cases));
    expect(rows).toHaveLength(TEXTS.length * BLANKS.length);
    expect(disagreements(rows)).toEqual([]);
    expect(rows.every((r) => !r.isReady)).toBe(true);
  });
});
