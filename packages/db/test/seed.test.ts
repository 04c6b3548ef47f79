import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, rollFiscalYearsForward, seedDemo, seedReference } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

const fakeHash = async (p: string) => `hash:${p}`;

describe('seeds', () => {
  it('seed both strategies with their pillars, programs, streams and fiscal years; twice changes nothing', async () => {
    await seedReference(t.db, '2026-12-03');
    await seedReference(t.db, '2026-12-03');
    const pillars = await t.db
      .selectFrom('pillar')
      .innerJoin('strategy', 'strategy.id', 'pillar.strategyId')
      .select(['strategy.code as strategy', 'pillar.nameEn', 'pillar.position'])
      .orderBy('strategy.code')
      .orderBy('pillar.position')
      .execute();
    expect(pillars.filter((p) => p.strategy === 'human-trafficking').map((p) => p.nameEn)).toEqual([
      'Empowerment',
      'Prevention',
      'Protection',
      'Prosecution',
      'Partnerships',
    ]);
    expect(pillars.filter((p) => p.strategy === 'child-exploitation-online')).toHaveLength(4);
    const streams = await t.db.selectFrom('fundingStream').select('code').execute();
    expect(streams.map((s) => s.code)).toContain('youth-at-risk-pilots');
    const years = await t.db.selectFrom('fiscalYear').select('label').orderBy('startDate').execute();
    expect(years[0]?.label).toBe('2017-18');
    // Ten years past the current one (2026-27 on 3 December 2026).
    expect(years.at(-1)?.label).toBe('2036-37');
    expect(years).toHaveLength(20);
  });

  it('roll the fiscal years forward as time passes, adding only the missing ones', async () => {
    // On 1 April 2031 the current year is 2031-32: 2037-38 to 2041-42 are added, nothing else.
    expect(await rollFiscalYearsForward(t.db, '2031-04-01')).toBe(5);
    expect(await rollFiscalYearsForward(t.db, '2031-04-01')).toBe(0);
    const years = await t.db.selectFrom('fiscalYear').select(['label', 'startDate', 'endDate']).orderBy('startDate').execute();
    expect(years.at(-1)).toEqual({ label: '2041-42', startDate: '2041-04-01', endDate: '2042-03-31' });
    await t.db.deleteFrom('fiscalYear').where('startDate', '>', '2037-01-01').execute();
  });

  it('create one active demo account per role, each recipient in its organisation; twice changes nothing', async () => {
    await seedDemo(t.db, { hashPassword: fakeHash });
    await seedDemo(t.db, { hashPassword: fakeHash });
    const rows = await t.db
      .selectFrom('appUser')
      .innerJoin('membership', 'membership.userId', 'appUser.id')
      .leftJoin('organisation', 'organisation.id', 'membership.organisationId')
      .select(['appUser.email', 'appUser.status', 'membership.role', 'organisation.legalNameEn'])
      .execute();
    expect(rows).toHaveLength(DEMO_USERS.length);
    expect(new Set(rows.map((r) => r.role)).size).toBe(7);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    expect(rows.find((r) => r.email === 'recipient@example.ca')?.legalNameEn).toBe('Ka Ni Kanichihk Inc.');
  });
});

describe('performance measurement seed', () => {
  it('has annex A of the 2021 evaluation: 1 ultimate, 4 intermediate, 10 immediate outcomes and an output per pillar', async () => {
    const rows = await t.db
      .selectFrom('logicModelResult')
      .innerJoin('strategy', 'strategy.id', 'logicModelResult.strategyId')
      .select(['logicModelResult.level', (eb) => eb.fn.countAll<string>().as('n')])
      .where('strategy.code', '=', 'child-exploitation-online')
      .groupBy('logicModelResult.level')
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]))).toEqual({ ultimate: 1, intermediate: 4, immediate: 10, output: 4 });
    const unlinked = await t.db
      .selectFrom('logicModelResult')
      .select('code')
      .where('level', '<>', 'ultimate')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('logicModelLink').select('fromResultId').whereRef('logicModelLink.fromResultId', '=', 'logicModelResult.id'))))
      .execute();
    expect(unlinked).toEqual([]);
  });

  it('computes readiness in the database: the 28% baseline indicator is ready, the incomplete ones are not', async () => {
    const indicators = await t.db.selectFrom('indicator').select(['code', 'isReady', 'baselineValue']).execute();
    const byCode = Object.fromEntries(indicators.map((i) => [i.code, i]));
    expect(byCode['removal-within-a-day']).toMatchObject({ isReady: true, baselineValue: '28.0000' });
    expect(byCode['youth-reached']?.isReady).toBe(false);
    expect(byCode['ice-unit-arrests']?.isReady).toBe(false);
    expect(indicators.filter((i) => i.isReady).length).toBeGreaterThanOrEqual(4);
  });

  it('gives each program its pillars, budgets by fiscal year and approval limits', async () => {
    const budget = await t.db
      .selectFrom('programBudget')
      .innerJoin('program', 'program.id', 'programBudget.programId')
      .select((eb) => eb.fn.sum<string>('programBudget.amountCents').as('total'))
      .where('program.code', '=', 'serious-organized-crime')
      .where('programBudget.fiscalYear', '=', '2026-27')
      .executeTakeFirstOrThrow();
    expect(BigInt(budget.total)).toBe(400_000_000n);
  });
});
