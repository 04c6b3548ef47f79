import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('roles and organisations', () => {
  it('a recipient reads its own organisation and never another one', async () => {
    const { api } = await h.signInAs('recipient@example.ca');
    const own = await h.organisationId('Ka Ni Kanichihk Inc.');
    const other = await h.organisationId('Legal Assistance of Windsor');
    await expect(api.organisation.get({ id: own })).resolves.toMatchObject({ legalNameEn: 'Ka Ni Kanichihk Inc.', isIndigenousLed: true });
    expect(await rejection(api.organisation.get({ id: other }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.organisation.mine()).map((o) => o.id)).toEqual([own]);
    // The full list is for department staff only.
    expect((await rejection(api.organisation.list())).code).toBe('FORBIDDEN');
  });

  it('department staff read any organisation', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const orgs = await api.organisation.list();
    expect(orgs.map((o) => o.legalNameEn)).toContain('Canadian Centre for Child Protection');
    await expect(api.organisation.get({ id: await h.organisationId('Legal Assistance of Windsor') })).resolves.toBeTruthy();
  });

  it('only administrators reach administration, on the server', async () => {
    for (const email of ['recipient@example.ca', 'officer@example.ca', 'manager@example.ca', 'reviewer@example.ca', 'finance@example.ca', 'analyst@example.ca']) {
      const { api } = await h.signInAs(email);
      expect((await rejection(api.admin.users())).code, email).toBe('FORBIDDEN');
      expect((await rejection(api.admin.setUserActive({ userId: await h.userId('admin@example.ca'), active: false }))).code, email).toBe('FORBIDDEN');
    }
    const { api } = await h.signInAs('admin@example.ca');
    expect((await api.admin.users()).length).toBeGreaterThanOrEqual(8);
  });

  it('nothing but the session query answers a signed-out visitor', async () => {
    const { api } = h.caller();
    expect((await rejection(api.reference.strategies())).code).toBe('UNAUTHORIZED');
    expect((await rejection(api.organisation.mine())).code).toBe('UNAUTHORIZED');
    expect((await rejection(api.admin.users())).code).toBe('UNAUTHORIZED');
  });

  it('reference data carries both strategies and the current fiscal year', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const strategies = await api.reference.strategies();
    expect(strategies.map((s) => s.code).sort()).toEqual(['child-exploitation-online', 'human-trafficking']);
    const ht = strategies.find((s) => s.code === 'human-trafficking')!;
    expect(ht.programs[0]?.streams.map((s) => s.code).sort()).toEqual(['trauma-informed-empowerment', 'youth-at-risk-pilots']);
    const { current, years } = await api.reference.fiscalYears();
    expect(current).toMatch(/^\d{4}-\d{2}$/);
    expect(years.some((y) => y.label === current)).toBe(true);
  });
});
