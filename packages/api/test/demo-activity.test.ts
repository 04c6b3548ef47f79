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
  it('publishes an open call with a submitted and a draft application, an approved application and three agreements, once', async () => {
    const deps = { db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() };
    await seedDemoActivity(deps);
    await seedDemoActivity(deps);
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const open = (await recipient.calls.list()).calls.filter((c) => c.isOpen);
    expect(open).toHaveLength(1);
    const apps = await h.t.db.selectFrom('application').select(['status', 'referenceNumber']).orderBy('status').execute();
    expect(apps.map((a) => a.status)).toEqual(['approved', 'draft', 'submitted']);
    expect(apps[2]?.referenceNumber).toMatch(/^APP-\d{4}-\d{6}$/);
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect((await officer.applications.intake({})).length).toBeGreaterThanOrEqual(1);
    // Ka Ni Kanichihk's approved application waits for its agreement; Windsor's agreement is active,
    // Alberta's out for signature, the Centre's signed by the Centre and waiting for the deputy head.
    expect((await officer.agreements.awaitingAgreement()).map((a) => a.legalNameEn)).toEqual(['Ka Ni Kanichihk Inc.']);
    const portfolio = await officer.agreements.portfolio({});
    expect(portfolio.rows.map((r) => [r.legalNameEn, r.status]).sort()).toEqual([
      ['Canadian Centre for Child Protection', 'recipient_signed'],
      ['Government of Alberta', 'sent_for_signature'],
      ['Legal Assistance of Windsor', 'active'],
    ]);
    const { api: deputy } = await h.signInAs('deputy@example.ca');
    expect((await deputy.delegation.queue({})).map((q) => [q.organisationNameEn, q.position, q.amountCents])).toEqual([['Canadian Centre for Child Protection', 'deputy_head', 828_000_000n]]);
    const { api: manager } = await h.signInAs('manager@example.ca');
    expect(await manager.delegation.queue({})).toEqual([]);
    const committed = await h.t.db.selectFrom('ledgerEntry').select(['fiscalYear', 'amountCents']).where('kind', '=', 'commitment').orderBy('fiscalYear').execute();
    expect(committed).toEqual([
      { fiscalYear: '2026-27', amountCents: 12_000_000n },
      { fiscalYear: '2027-28', amountCents: 12_000_000n },
    ]);
    // Windsor's people were told by email when the agreement was sent, then when it came into effect.
    const mails = await h.t.db.selectFrom('mailMessage').select(['template', 'subject']).where('toAddress', '=', 'recipient.windsor@example.ca').where('template', 'like', 'agreement%').orderBy('createdAt').execute();
    expect(mails.map((m) => m.template)).toEqual(['agreementSent', 'agreementActive']);
    expect(mails[0]?.subject).toMatch(/^Contribution agreement AGR-\d{4}-\d{6} is ready for your signature$/);
  });
});
