import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo, seedReference } from '../src/seed';
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
    await seedReference(t.db);
    await seedReference(t.db);
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
    expect(years.at(-1)?.label).toBe('2030-31');
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
