import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryFileStore, createMailer, defaultApiConfig, seedDemoActivity } from '../src';
import { createHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('demo activity', () => {
  it('publishes an open call with a submitted and a draft application, once', async () => {
    const deps = { db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() };
    await seedDemoActivity(deps);
    await seedDemoActivity(deps);
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const open = (await recipient.calls.list()).calls.filter((c) => c.isOpen);
    expect(open).toHaveLength(1);
    const apps = await h.t.db.selectFrom('application').select(['status', 'referenceNumber']).orderBy('status').execute();
    expect(apps.map((a) => a.status)).toEqual(['draft', 'submitted']);
    expect(apps[1]?.referenceNumber).toMatch(/^APP-\d{4}-\d{6}$/);
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect((await officer.applications.intake({})).length).toBeGreaterThanOrEqual(1);
  });
});
