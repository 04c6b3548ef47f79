/**
 * "Blank" is one rule: what JavaScript's trim() removes, as every domain schema trims. The
 * database says it again in every CHECK that requires a text (a name, a title, a reason) and in
 * indicator readiness, through one character class. This file holds that class equal to trim()
 * over every character of the Basic Multilingual Plane, checks that no CHECK measures text with
 * PostgreSQL's own trim() (spaces only), and tries the rule on a real column.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';

/** The class the migrations write, as pg_get_constraintdef shows it. */
const BLANK_CLASS = '[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

let t: TestDatabase;
let texts: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  const { rows } = await sql<{ def: string }>`
    select pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace
    union all
    select pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'indicator'::regclass`.execute(t.db);
  texts = rows.map((r) => r.def);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`blank text: the database's class equals JavaScript's trim() (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('no CHECK measures a text with PostgreSQL’s trim(), which removes spaces only', () => {
    expect(texts.filter((d) => d.includes('length(TRIM(BOTH FROM'))).toEqual([]);
  });

  it('every white-space class in the database is the one class', () => {
    const classes = texts.flatMap((d) => [...d.matchAll(/\[\\u0009[^\]]*\]/g)].map((m) => m[0]));
    expect(classes.length).toBeGreaterThan(60);
    expect(new Set(classes)).toEqual(new Set([BLANK_CLASS]));
  });

  it('over all 63,488 characters of the Basic Multilingual Plane (surrogates aside), the class matches exactly those trim() removes', async () => {
    const { rows } = await sql<{ cp: number }>`
      select cp from generate_series(1, 65535) as cp
      where cp not between 55296 and 57343 and chr(cp) ~ ${`^${BLANK_CLASS}$`}`.execute(t.db);
    const trimmed: number[] = [];
    for (let cp = 1; cp <= 65535; cp++) if ((cp < 0xd800 || cp > 0xdfff) && String.fromCharCode(cp).trim() === '') trimmed.push(cp);
    expect(rows.map((r) => r.cp)).toEqual(trimmed);
  });

  it('a required text of only a no-break space, a tab or an ideographic space is refused by its CHECK; surrounded by them, it counts without them', async () => {
    const organisation = (name: string) =>
      sqlRefusal(sql`insert into organisation (legal_name_en, legal_name_fr, type, province_or_territory) values (${name}, 'Nom', 'non_profit', 'MB')`.execute(t.db));
    for (const blank of ['\u00a0', '\t', '\u3000', ' \u2003 ']) {
      expect(await organisation(blank), JSON.stringify(blank)).toMatchObject({ code: '23514', constraint: 'organisation_legal_name_en_check' });
    }
    expect(await organisation(`\u00a0${'x'.repeat(300)}\u3000`)).toBeNull();
    expect(await organisation(`\u00a0${'x'.repeat(301)}`)).toMatchObject({ code: '23514', constraint: 'organisation_legal_name_en_check' });
  });
});
