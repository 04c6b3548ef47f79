/**
 * Mail after a command: queued in the command's transaction, delivered right after the answer in
 * the background; calls made while a delivery runs share one more run; nothing is left queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src';
import { createHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('mail delivery after a command', () => {
  it('a burst of calls delivers every queued message once, in two runs at most', async () => {
    const batch = `burst-${Date.now()}`;
    await h.t.db.updateTable('mailMessage').set({ status: 'sent', sentAt: new Date() }).where('status', '=', 'queued').execute();
    const mailer = createMailer({ from: 'x@example.ca' });
    let runs = 0;
    const counted = { ...mailer, deliver: (db: Parameters<typeof mailer.deliver>[0]) => (runs++, mailer.deliver(db)) };
    await h.t.db
      .insertInto('mailMessage')
      .values(Array.from({ length: 12 }, (_, i) => ({ toAddress: `${batch}-${i}@example.ca`, language: 'fr', template: 'invitation', subject: batch, bodyText: batch })))
      .execute();
    // Twelve commands finishing at once: the first starts a delivery, the others ask for one more.
    for (let i = 0; i < 12; i++) counted.deliverSoon(h.t.db);
    await mailer.idle();
    const rows = await h.t.db.selectFrom('mailMessage').select(['status', 'attempts']).where('subject', '=', batch).execute();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThanOrEqual(2);
  });
});
