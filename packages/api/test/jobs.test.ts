/**
 * The scheduled jobs, driven by hand (the schedules are off in tests): the fiscal years roll
 * forward to ten past the current one when the job runs on a later date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, defaultApiConfig, JOBS, startJobQueue, type JobQueue } from '../src';
import { createHarness, type Harness } from './harness';

let h: Harness;
let queue: JobQueue;
beforeAll(async () => {
  h = await createHarness();
  queue = await startJobQueue(h.t.db, { config: defaultApiConfig, mailer: createMailer({ from: 'x@example.ca' }) }, { schedule: false, today: () => '2031-04-01' });
}, 60_000);
afterAll(async () => {
  await queue?.stop();
  await h?.close();
});

describe('the fiscal-years job', () => {
  it('adds the years up to ten past the current one, on the day it runs', async () => {
    const last = async () => (await h.t.db.selectFrom('fiscalYear').select('label').orderBy('startDate', 'desc').executeTakeFirstOrThrow()).label;
    expect(await last()).not.toBe('2041-42');
    await queue.boss.send(JOBS.fiscalYears, {});
    for (let i = 0; i < 60 && (await last()) !== '2041-42'; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await last()).toBe('2041-42');
  }, 60_000);
});
