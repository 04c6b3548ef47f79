/**
 * Year end is one rule: a fiscal year is closed only from April 1 after it, on the Ottawa
 * calendar (`canCloseFiscalYear` in packages/domain). The database holds it over the moment of
 * the close (`year_end_open`, used by the triggers on `program_year_end` and `fiscal_year`). This
 * file holds the two equal at every hour around the boundary of several years, and tries the
 * triggers themselves.
 */
import { canCloseFiscalYear, isoDateIn } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollFiscalYearsForward } from '../../src/seed/reference';
import { createTestDatabase, sqlRefusal, type TestDatabase } from '../../src/testing';
import { buildWorld, type World } from './world';

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  await rollFiscalYearsForward(t.db, '2026-12-04');
});
afterAll(async () => {
  await t?.destroy();
});

describe(`year end: the database's rule equals the domain's (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('at every hour from March 30 to April 3 after each of four fiscal years, both say the same', async () => {
    const cases: { label: string; at: Date }[] = [];
    for (const start of [2019, 2023, 2024, 2025]) {
      const label = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
      for (let h = 0; h < 24 * 5; h++) cases.push({ label, at: new Date(Date.UTC(start + 1, 2, 30, h)) });
    }
    const { rows } = await sql<{ i: number; open: boolean }>`
      select c.i, year_end_open(c.label, c.at) as open
        from jsonb_to_recordset(${JSON.stringify(cases.map((c, i) => ({ i, label: c.label, at: c.at.toISOString() })))}::jsonb) as c(i int, label text, at timestamptz)
       order by c.i`.execute(t.db);
    const database = rows.map((r) => r.open);
    const domain = cases.map((c) => canCloseFiscalYear(c.label, isoDateIn(c.at, 'America/Toronto')));
    expect(database).toEqual(domain);
    // By hand: 2024-25 opens at midnight on April 1, 2025 in Ottawa (EDT, UTC-4), 04:00 UTC.
    const at = (iso: string) => domain[cases.findIndex((c) => c.label === '2024-25' && c.at.toISOString() === iso)];
    expect([at('2025-04-01T03:00:00.000Z'), at('2025-04-01T04:00:00.000Z')]).toEqual([false, true]);
    expect(domain.filter(Boolean).length).toBe(4 * (24 * 5 - 24 * 2 - 4));
  });

  it('the database refuses a close before April 1, for one program or for all', async () => {
    const program = { id: w.programId };
    const user = { id: w.finance };
    const early = new Date('2026-04-01T03:59:00Z'); // 23:59 on March 31, 2026 in Ottawa
    expect((await sqlRefusal(t.db.insertInto('programYearEnd').values({ programId: program.id, fiscalYear: '2025-26', closedAt: early, closedBy: user.id, lapsedCents: 0n }).execute()))).toMatchObject({ hint: 'year_end_too_early' });
    expect((await sqlRefusal(t.db.updateTable('fiscalYear').set({ status: 'closed', closedAt: early, closedBy: user.id }).where('label', '=', '2025-26').execute()))).toMatchObject({ hint: 'year_end_too_early' });
    await t.db.insertInto('programYearEnd').values({ programId: program.id, fiscalYear: '2025-26', closedAt: new Date('2026-04-01T04:01:00Z'), closedBy: user.id, lapsedCents: 0n }).execute();
    const closed = await sql<{ closed: boolean }>`select fiscal_year_closed_for(${program.id}::uuid, '2025-26') as closed`.execute(t.db);
    expect(closed.rows[0]?.closed).toBe(true);
    // A close is never changed or undone.
    expect(await sqlRefusal(t.db.deleteFrom('programYearEnd').where('programId', '=', program.id).execute())).toBeTruthy();
  });
});
