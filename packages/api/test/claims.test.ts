/**
 * Claims and payments through the router on a real database: the recipient claims, the officer
 * certifies (s. 34), finance releases (s. 33); advances must be accounted for; the same person
 * never certifies and releases; a claim is paid once however many finance officers click; racing
 * claims cannot overdraw a fiscal year (on the PostgreSQL server, where the race is real); year
 * end lapses what was not paid; balances always equal the journal replayed.
 */
import { balancesOf, type ClaimInput } from '@tp/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlRefusal } from '@tp/db/testing';
import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword, seedDemoActivity } from '../src';
import { reconciliation, reconciliationPage } from '../src/claims/reconciliation';
import { derivedRowsAstray } from './derived';
import { advanceClaim, createHarness, rejection, type Harness } from './harness';

let h: Harness;
let agreementId: string;
const onServer = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  agreementId = (await h.t.db.selectFrom('agreement').innerJoin('organisation', 'organisation.id', 'agreement.organisationId').select('agreement.id').where('organisation.legalNameEn', '=', 'Legal Assistance of Windsor').where('agreement.status', '=', 'active').executeTakeFirstOrThrow()).id;
  // Two more staff: a second finance officer, and one person who is both officer and finance (to test segregation).
  const hash = await hashPassword('demo-password-2026');
  for (const [email, roles] of [['finance2@example.ca', ['finance_officer']], ['both@example.ca', ['program_officer', 'finance_officer']]] as const) {
    const u = await h.t.db.insertInto('appUser').values({ email, displayName: email, passwordHash: hash, status: 'active' }).returning('id').executeTakeFirstOrThrow();
    for (const role of roles) await h.t.db.insertInto('membership').values({ userId: u.id, role }).execute();
  }
});
afterAll(async () => {
  await h?.close();
});

function claim(over: Partial<ClaimInput> = {}): ClaimInput {
  return {
    ...advanceClaim(agreementId, 3_000_000n),
    forecast: [
      { month: '2026-10', amountCents: 1_000_000n },
      { month: '2026-11', amountCents: 1_000_000n },
      { month: '2026-12', amountCents: 1_000_000n },
    ],
    ...over,
  };
}

async function ledger() {
  return h.t.db.selectFrom('ledgerEntry').select(['fiscalYear', 'kind', 'amountCents', 'claimId']).where('agreementId', '=', agreementId).orderBy('id').execute();
}
async function journalCount() {
  return (await ledger()).length;
}

/** A stored balance, if any, must equal the journal replayed: here every figure the API shows. */
async function expectBalancesMatchJournal() {
  const { api } = await h.signInAs('finance@example.ca');
  const l = await api.claims.ledger({ agreementId });
  expect(l.balances).toEqual(balancesOf(await ledger()));
  const { referenceNumber, programId } = await h.t.db.selectFrom('agreement').select(['referenceNumber', 'programId']).where('id', '=', agreementId).executeTakeFirstOrThrow();
  const { rows } = await api.claims.reconciliation({ search: referenceNumber });
  const mine = rows.filter((r) => r.agreementId === agreementId);
  expect(mine.length).toBeGreaterThan(0);
  const replay = balancesOf(await ledger());
  expect(mine.reduce((s, r) => s + r.paidCents, 0n)).toBe(replay.paid);
  expect(mine.reduce((s, r) => s + r.committedCents, 0n)).toBe(replay.committed);
  expect(mine.reduce((s, r) => s + r.availableCents, 0n)).toBe(replay.available);
  // The journal's yearly totals, kept by the database as entries are written, equal the journal
  // summed, key by key; and the reconciliation of each year (read from them) shows its balances.
  const kept = await h.t.db.selectFrom('ledgerYearTotal').select(['fiscalYear', 'agreementId', 'kind', 'costCategory', 'amountCents', 'entries']).execute();
  const { rows: summed } = await sql<(typeof kept)[number]>`
    select fiscal_year as "fiscalYear", agreement_id as "agreementId", kind, coalesce(cost_category, '') as "costCategory",
           sum(amount_cents)::bigint as "amountCents", count(*)::int as entries
    from ledger_entry group by 1, 2, 3, 4`.execute(h.t.db);
  const byKey = (rows: typeof kept) => [...rows].map((r) => ({ ...r, amountCents: BigInt(r.amountCents) })).sort((a, b) => `${a.fiscalYear}${a.agreementId}${a.kind}${a.costCategory}`.localeCompare(`${b.fiscalYear}${b.agreementId}${b.kind}${b.costCategory}`));
  expect(byKey(kept)).toEqual(byKey(summed));
  for (const fiscalYear of new Set((await ledger()).map((e) => e.fiscalYear))) {
    const yearRows = (await api.claims.reconciliation({ programId, fiscalYear, search: referenceNumber })).rows.filter((r) => r.agreementId === agreementId);
    const yearReplay = balancesOf((await ledger()).filter((e) => e.fiscalYear === fiscalYear));
    expect(yearRows.map((r) => [r.committedCents, r.paidCents, r.lapsedCents, r.availableCents])).toEqual([[yearReplay.committed, yearReplay.paid, yearReplay.lapsed, yearReplay.available]]);
  }
  // The money per agreement and year the database keeps equals its sources counted again, and
  // a year read from it (the screen's path) equals the same year worked out from the journal.
  expect(await derivedRowsAstray(h.t.db)).toBe(0);
  const programs = await h.t.db.selectFrom('program').select('id').execute();
  const years = await h.t.db.selectFrom('agreementYearMoney').select('fiscalYear').distinct().execute();
  expect(years.length).toBeGreaterThan(1);
  for (const p of programs) {
    const all = await reconciliation(h.t.db, { programId: p.id });
    for (const { fiscalYear } of years) expect(await reconciliation(h.t.db, { programId: p.id, fiscalYear })).toEqual(all.filter((r) => r.fiscalYear === fiscalYear));
  }
}

describe('an advance, from claim to payment', () => {
  let claimId: string;
  it('is submitted by the recipient, certified by the officer and paid once by finance', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const input = claim();
    const made = await recipient.claims.submit(input);
    expect(made.referenceNumber).toMatch(/^CLM-\d{4}-\d{6}$/);
    // The same submission again (a retry) finds the same claim.
    expect(await recipient.claims.submit(input)).toEqual({ ...made, alreadySubmitted: true });
    claimId = made.id;
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { api: finance } = await h.signInAs('finance@example.ca');
    // Each reader is told what they may do next, and only that.
    const next = async () => Promise.all([recipient, officer, finance].map(async (api) => (await api.claims.get({ claimId })).allowedActions));
    expect(await next()).toEqual([[], ['certify', 'reject'], []]);
    await officer.claims.certify({ claimId, certifiedCents: 3_000_000n, adjustmentReason: '' });
    expect(await next()).toEqual([[], ['reject'], ['release']]);
    const key = randomUUID();
    const paid = await finance.claims.release({ claimId, releaseKey: key });
    expect(await next()).toEqual([[], [], []]);
    expect(paid).toMatchObject({ paidCents: 3_000_000n, repeated: false });
    // The same request again answers the same; another key is told it is paid already.
    expect(await finance.claims.release({ claimId, releaseKey: key })).toMatchObject({ paidCents: 3_000_000n, repeated: true });
    expect(await rejection(finance.claims.release({ claimId, releaseKey: randomUUID() }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.claim.alreadyPaid' });
    const payments = (await ledger()).filter((e) => e.kind === 'advance_paid');
    expect(payments).toEqual([{ fiscalYear: '2026-27', kind: 'advance_paid', amountCents: 3_000_000n, claimId }]);
    expect((await finance.claims.ledger({ agreementId })).balances).toMatchObject({ paid: 3_000_000n, advancesOutstanding: 3_000_000n });
    const audit = await h.t.db.selectFrom('auditEvent').select('action').where('entityId', '=', claimId).orderBy('occurredAt').execute();
    expect(audit.map((a) => a.action)).toEqual(['submit', 'certify', 'release']);
    // Each hand-off was told (raw SQL over the outbox, by the claim's link): finance when it was
    // certified, the recipient when certified and when paid; each in their language.
    const { rows: told } = await sql<{ to: string; template: string; lang: string; subject: string }>`
      select to_address as "to", template, language as lang, subject from mail_message
      where template like 'claim%' and body_text like ${`%/claims/${claimId}%`} order by template, to_address`.execute(h.t.db);
    expect(told.map((m) => [m.template, m.to, m.lang])).toEqual([
      ['claimCertified', 'recipient.windsor@example.ca', 'en'],
      ['claimPaid', 'recipient.windsor@example.ca', 'en'],
      // Every active finance officer (this file adds two: one who is also a program officer).
      ['claimToRelease', 'both@example.ca', 'en'],
      ['claimToRelease', 'finance2@example.ca', 'en'],
      ['claimToRelease', 'finance@example.ca', 'fr'],
    ]);
    expect(told.find((m) => m.template === 'claimToRelease' && m.lang === 'fr')?.subject).toBe(`La demande ${made.referenceNumber} est attestée et prête à être libérée`);
    expect(told.find((m) => m.template === 'claimPaid')?.subject).toBe(`Payment of $30,000.00 released for claim ${made.referenceNumber}`);
    await expectBalancesMatchJournal();
  });

  it('refuses a new advance while the earlier one is unaccounted for, then allows it once spending is reported', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const before = await journalCount();
    expect(await rejection(recipient.claims.submit(claim({ periodStart: '2027-01-01', periodEnd: '2027-03-31' })))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.claim.advanceOutstanding', field: 'kind' });
    // Reporting $28,000 of spending with the claim accounts for enough of the $30,000 advance (10% tolerance).
    const next = await recipient.claims.submit(
      claim({ periodStart: '2027-01-01', periodEnd: '2027-03-31', expenditures: [{ category: 'salaries_benefits', amountCents: 2_800_000n, explanation: '' }] }),
    );
    expect(await journalCount()).toBe(before);
    const { api: officer } = await h.signInAs('officer@example.ca');
    await officer.claims.certify({ claimId: next.id, certifiedCents: 2_500_000n, adjustmentReason: 'The forecast for March is high; reduced.' });
    const entries = (await ledger()).filter((e) => e.claimId === next.id);
    expect(entries.map((e) => [e.kind, e.amountCents])).toEqual([
      ['expenditure_reported', 2_800_000n],
      ['advance_reconciled', 2_800_000n],
    ]);
    const { api: finance } = await h.signInAs('finance@example.ca');
    await finance.claims.release({ claimId: next.id, releaseKey: randomUUID() });
    expect((await finance.claims.ledger({ agreementId })).balances).toMatchObject({ paid: 5_500_000n, advancesOutstanding: 2_700_000n });
    await expectBalancesMatchJournal();
  });

  it('refuses bad claims with a message naming the field, writing nothing', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const before = { journal: await journalCount(), claims: Number((await h.t.db.selectFrom('claim').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n) };
    expect((await rejection(recipient.claims.submit({ ...claim(), requestedCents: -5n }))).zodFields).toContain('requestedCents');
    expect((await rejection(recipient.claims.submit({ ...claim(), requestedCents: '12.345' as unknown as bigint }))).zodFields).toContain('requestedCents');
    expect(
      await rejection(recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], expenditures: [{ category: 'rent', amountCents: 100_000n, explanation: '' }], requestedCents: 100_000n }))),
    ).toMatchObject({ messageKey: 'error.claim.categoryNotInBudget', field: 'expenditures.0.category' });
    expect(await rejection(recipient.claims.submit(claim({ fiscalYear: '2030-31', periodStart: '2030-04-01', periodEnd: '2030-06-30' })))).toMatchObject({ messageKey: 'error.claim.fiscalYearNotInAgreement', field: 'fiscalYear' });
    // Travel budget for 2026-27 is $20,000: $30,000 of travel departs from it and must be explained.
    expect(
      await rejection(recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], expenditures: [{ category: 'travel', amountCents: 3_000_000n, explanation: '' }], requestedCents: 100_000n }))),
    ).toMatchObject({ messageKey: 'error.claim.varianceExplanation', field: 'expenditures.0.explanation' });
    // A milestone that is not approved cannot be claimed (the database refuses it too).
    const milestone = await h.t.db.selectFrom('agreementMilestone').innerJoin('agreementVersion', 'agreementVersion.id', 'agreementMilestone.versionId').select('key').where('agreementVersion.agreementId', '=', agreementId).where('paymentCents', 'is not', null).executeTakeFirstOrThrow();
    expect(await rejection(recipient.claims.submit(claim({ kind: 'milestone', milestoneKey: milestone.key, forecast: [], requestedCents: 2_000_000n, fiscalYear: '2027-28', periodStart: '2027-04-01', periodEnd: '2027-06-30' })))).toMatchObject({
      messageKey: 'error.claim.milestoneNotApproved',
    });
    expect(await journalCount()).toBe(before.journal);
    expect(Number((await h.t.db.selectFrom('claim').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before.claims);
  });
});

describe('segregation of duties and who sees what', () => {
  it('never lets the person who certified release, nor anyone handle their own claim', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const c = await recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-04-01', periodEnd: '2026-06-30', expenditures: [{ category: 'salaries_benefits', amountCents: 2_900_000n, explanation: '' }], requestedCents: 200_000n }));
    const { api: both } = await h.signInAs('both@example.ca');
    await both.claims.certify({ claimId: c.id, certifiedCents: 200_000n, adjustmentReason: '' });
    expect(await rejection(both.claims.release({ claimId: c.id, releaseKey: randomUUID() }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.claim.certifierCannotRelease' });
    // Officers cannot release at all; recipients cannot certify.
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect((await rejection(officer.claims.release({ claimId: c.id, releaseKey: randomUUID() }))).code).toBe('FORBIDDEN');
    expect((await rejection(recipient.claims.certify({ claimId: c.id, certifiedCents: 1n, adjustmentReason: 'x' }))).code).toBe('FORBIDDEN');
    // Even bypassing the service, the database refuses the certifier as releaser.
    const certifier = await h.userId('both@example.ca');
    // check_violation of claim_check10, the CHECK (released_by <> certified_by and released_by <> submitted_by).
    expect(await sqlRefusal(sql`update claim set status = 'paid', released_by = ${certifier}, released_at = now(), release_key = gen_random_uuid() where id = ${c.id}`.execute(h.t.db))).toMatchObject({
      code: '23514',
      constraint: 'claim_check10',
    });
    const { api: finance } = await h.signInAs('finance@example.ca');
    await finance.claims.release({ claimId: c.id, releaseKey: randomUUID() });
  });

  it('a claim counts in its year’s claimed figure while it waits, and no longer once the officer rejects it', async () => {
    const { referenceNumber, programId } = await h.t.db.selectFrom('agreement').select(['referenceNumber', 'programId']).where('id', '=', agreementId).executeTakeFirstOrThrow();
    const { api: finance } = await h.signInAs('finance@example.ca');
    const claimed = async () =>
      (await finance.claims.reconciliation({ programId, fiscalYear: '2026-27', search: referenceNumber })).rows.filter((r) => r.agreementId === agreementId).reduce((s, r) => s + r.claimedCents, 0n);
    const before = await claimed();
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const c = await recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-04-01', periodEnd: '2026-06-30', expenditures: [{ category: 'salaries_benefits', amountCents: 2_900_000n, explanation: '' }], requestedCents: 123_400n }));
    expect(await claimed()).toBe(before + 123_400n);
    const { api: officer } = await h.signInAs('officer@example.ca');
    await officer.claims.reject({ claimId: c.id, reason: 'Receipts missing' });
    expect(await claimed()).toBe(before);
    // The recipient is told why, and nobody in finance (nothing to release).
    const notices = await h.t.db.selectFrom('mailMessage').select(['toAddress', 'template', 'bodyText']).where('bodyText', 'like', `%/claims/${c.id}%`).execute();
    expect(notices.map((m) => [m.template, m.toAddress])).toEqual([['claimRejected', 'recipient.windsor@example.ca']]);
    expect(notices[0]!.bodyText).toContain('Receipts missing');
    await expectBalancesMatchJournal();
  });

  it('a certified claim can still be rejected before it is paid (certified -> rejected), and keeps the record of its certification', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const c = await recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-04-01', periodEnd: '2026-06-30', expenditures: [{ category: 'salaries_benefits', amountCents: 2_900_000n, explanation: '' }], requestedCents: 50_000n }));
    const { api: officer } = await h.signInAs('officer@example.ca');
    await officer.claims.certify({ claimId: c.id, certifiedCents: 50_000n, adjustmentReason: '' });
    await officer.claims.reject({ claimId: c.id, reason: 'Receipts were for another project' });
    expect(await h.t.db.selectFrom('claim').select(['status', 'certifiedCents', 'rejectionReason']).where('id', '=', c.id).executeTakeFirstOrThrow()).toEqual({
      status: 'rejected',
      certifiedCents: 50_000n,
      rejectionReason: 'Receipts were for another project',
    });
    await expectBalancesMatchJournal();
  });

  it('shows a recipient only its own organisation’s claims', async () => {
    const { api: kaNi } = await h.signInAs('recipient@example.ca');
    expect(await kaNi.claims.list({})).toEqual([]);
    const windsorClaim = await h.t.db.selectFrom('claim').select('id').where('agreementId', '=', agreementId).executeTakeFirstOrThrow();
    expect((await rejection(kaNi.claims.get({ claimId: windsorClaim.id }))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.claims.ledger({ agreementId }))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.claims.submit(claim()))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.claims.reconciliation({}))).code).toBe('FORBIDDEN');
    const { api: windsor } = await h.signInAs('recipient.windsor@example.ca');
    expect((await windsor.claims.list({})).length).toBeGreaterThan(0);
  });
});

describe('under concurrency (PostgreSQL server)', () => {
  it.skipIf(!onServer)('pays a claim once when two finance officers release it at the same moment, every time', async () => {
    // Skipped on PGlite: one connection serialises everything, so there is no race to lose.
    for (let round = 0; round < 8; round++) {
      const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
      const c = await recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-07-01', periodEnd: '2026-09-30', expenditures: [{ category: 'salaries_benefits', amountCents: 10_000n, explanation: '' }], requestedCents: 10_000n }));
      const { api: officer } = await h.signInAs('officer@example.ca');
      await officer.claims.certify({ claimId: c.id, certifiedCents: 10_000n, adjustmentReason: '' });
      const [{ api: f1 }, { api: f2 }] = await Promise.all([h.signInAs('finance@example.ca'), h.signInAs('finance2@example.ca')]);
      const results = await Promise.allSettled([f1.claims.release({ claimId: c.id, releaseKey: randomUUID() }), f2.claims.release({ claimId: c.id, releaseKey: randomUUID() })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const payments = (await ledger()).filter((e) => e.claimId === c.id && (e.kind === 'reimbursement_paid' || e.kind === 'advance_paid'));
      expect(payments).toHaveLength(1);
    }
    await expectBalancesMatchJournal();
  });

  it.skipIf(!onServer)('cannot overdraw a fiscal year when two claims race for its last dollars', async () => {
    const { api: finance } = await h.signInAs('finance@example.ca');
    const year = (await finance.claims.ledger({ agreementId })).byFiscalYear.find((y) => y.fiscalYear === '2027-28');
    const room = (year?.amountCents ?? 120_000_00n) - (year?.paid ?? 0n);
    // Two certified claims each within the year's room, together beyond it: written straight to the
    // database, as a bug in the application could, to show the database itself holds the line.
    const submitter = await h.userId('recipient.windsor@example.ca');
    const certifier = await h.userId('officer@example.ca');
    const each = room / 2n + 100n;
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const row = await h.t.db
        .insertInto('claim')
        .values({ referenceNumber: `CLM-2099-00000${i}`, agreementId, clientKey: randomUUID(), fiscalYear: '2027-28', periodStart: '2027-04-01', periodEnd: '2027-06-30', kind: 'reimbursement', requestedCents: each, submittedBy: submitter, forecast: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await h.t.db.updateTable('claim').set({ status: 'certified', certifiedCents: each, certifiedBy: certifier, certifiedAt: new Date() }).where('id', '=', row.id).execute();
      ids.push(row.id);
    }
    const [{ api: f1 }, { api: f2 }] = await Promise.all([h.signInAs('finance@example.ca'), h.signInAs('finance2@example.ca')]);
    const results = await Promise.allSettled([f1.claims.release({ claimId: ids[0]!, releaseKey: randomUUID() }), f2.claims.release({ claimId: ids[1]!, releaseKey: randomUUID() })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { cause?: { messageKey?: string } }).cause?.messageKey).toMatch(/^error\.payment\.(fiscalYearLimit|totalLimit)$/);
    const paid2027 = balancesOf((await ledger()).filter((e) => e.fiscalYear === '2027-28')).paid;
    expect(paid2027).toBeLessThanOrEqual(year?.amountCents ?? 0n);
    await expectBalancesMatchJournal();
  });
});

describe('the reconciliation screen', () => {
  it('pages the rows, totals every matching row to the cent, and finds an organisation without its accents', async () => {
    const { api } = await h.signInAs('finance@example.ca');
    const everything = await api.claims.reconciliation({});
    expect(everything.rows).toHaveLength(Math.min(everything.total, everything.pageSize));
    // Pages of one row (the screen shows 50): every row once, in order, and the totals of all.
    const first = await reconciliationPage(h.t.db, { search: '', page: 1 }, 1);
    expect(first.total).toBe(everything.total);
    expect(first.total).toBeGreaterThan(1);
    const rows = [first.rows];
    for (let page = 2; page <= first.total; page++) rows.push((await reconciliationPage(h.t.db, { search: '', page }, 1)).rows);
    expect(rows.flat().map((r) => `${r.agreementId}/${r.fiscalYear}`)).toEqual(everything.rows.map((r) => `${r.agreementId}/${r.fiscalYear}`));
    for (const figure of ['budgetCents', 'committedCents', 'paidCents', 'availableCents'] as const) expect(first.totals[figure]).toBe(rows.flat().reduce((sum, r) => sum + r[figure], 0n));
    expect(everything.totals).toEqual(first.totals);
    // Past the last page: the last page.
    expect((await reconciliationPage(h.t.db, { search: '', page: first.total + 5 }, 1)).page).toBe(first.total);
    // Found by organisation name, in capitals and without its accents.
    const row = everything.rows[0]!;
    const plain = row.organisationNameFr.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const found = await api.claims.reconciliation({ search: plain });
    expect(found.rows.map((r) => r.agreementId)).toContain(row.agreementId);
    expect((await api.claims.reconciliation({ search: 'no organisation is called this' })).total).toBe(0);
  });

  it('a year unsearched is counted, totalled and paged by the database: the same rows and totals as the journal worked out', async () => {
    const general = await reconciliation(h.t.db, {});
    const years = [...new Set(general.map((r) => r.fiscalYear))];
    expect(years.length).toBeGreaterThan(1);
    const programs = [null, ...new Set(general.map((r) => r.programId))];
    let compared = 0;
    for (const fiscalYear of years) {
      for (const programId of programs) {
        const expected = general.filter((r) => r.fiscalYear === fiscalYear && (programId === null || r.programId === programId));
        const first = await reconciliationPage(h.t.db, { fiscalYear, programId, search: '', page: 1 }, 1);
        expect(first.total).toBe(expected.length);
        const rows = [...first.rows];
        for (let page = 2; page <= first.total; page++) rows.push(...(await reconciliationPage(h.t.db, { fiscalYear, programId, search: '', page }, 1)).rows);
        expect(rows).toEqual(expected);
        for (const figure of ['budgetCents', 'committedCents', 'claimedCents', 'certifiedCents', 'paidCents', 'advancesOutstandingCents', 'holdbackCents', 'lapsedCents', 'availableCents'] as const) {
          expect(first.totals[figure]).toBe(expected.reduce((sum, r) => sum + r[figure], 0n));
        }
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(3);
    // Past the last page: the last page, with its rows.
    const fiscalYear = years[0]!;
    const last = await reconciliationPage(h.t.db, { fiscalYear, search: '', page: 10_000 }, 1);
    expect(last.page).toBe(last.total);
    expect(last.rows.length).toBeGreaterThan(0);
  });
});

describe('year end', () => {
  const FY = '2026-27';
  const clockAt = (iso: string) => h.clockAt(iso);
  afterEach(() => h.clockAt(null));
  /** Raw SQL over the journal: what each agreement of a program committed in the year and did not pay. */
  async function unpaidBySql(programId: string) {
    const { rows } = await sql<{ ref: string; unpaid: string }>`
      select a.reference_number as ref,
             sum(case when e.kind = 'commitment' then e.amount_cents
                      when e.kind in ('lapse', 'advance_paid', 'reimbursement_paid') then -e.amount_cents
                      else 0 end)::text as unpaid
        from ledger_entry e join agreement a on a.id = e.agreement_id
       where e.fiscal_year = ${FY} and a.program_id = ${programId}
       group by a.reference_number
      having sum(case when e.kind = 'commitment' then e.amount_cents
                      when e.kind in ('lapse', 'advance_paid', 'reimbursement_paid') then -e.amount_cents
                      else 0 end) > 0
       order by a.reference_number`.execute(h.t.db);
    return rows.map((r) => [r.ref, BigInt(r.unpaid)]);
  }
  const programOf = async (id: string) => (await h.t.db.selectFrom('agreement').select('programId').where('id', '=', id).executeTakeFirstOrThrow()).programId;

  it('refuses to close a year before April 1 after it (Ottawa time) or without the year typed, and changes nothing', async () => {
    clockAt('2027-04-01T03:59:00Z'); // 23:59 on March 31, 2027 in Ottawa
    const { api: finance } = await h.signInAs('finance@example.ca');
    const programId = await programOf(agreementId);
    const before = await journalCount();
    expect(await rejection(finance.claims.closeFiscalYear({ fiscalYear: FY, programId, confirmation: FY }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.fiscalYear.tooEarly', field: 'fiscalYear' });
    expect(await finance.claims.yearEndPreview({ fiscalYear: FY, programId })).toMatchObject({ canCloseToday: false, opensOn: '2027-04-01', alreadyClosed: false });
    clockAt('2027-04-01T04:01:00Z');
    expect(await finance.claims.yearEndPreview({ fiscalYear: FY, programId })).toMatchObject({ canCloseToday: true });
    for (const confirmation of ['', 'yes', '2025-26']) {
      expect(await rejection(finance.claims.closeFiscalYear({ fiscalYear: FY, programId, confirmation }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.yearEnd.confirmation', field: 'confirmation' });
    }
    expect(await journalCount()).toBe(before);
    expect(await h.t.db.selectFrom('programYearEnd').selectAll().execute()).toEqual([]);
    // Staff who do not release payments cannot close or preview.
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect(await rejection(officer.claims.yearEndPreview({ fiscalYear: FY, programId }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('closes one program after a preview equal to what lapses, agreement by agreement; the other programs stay open; then all', async () => {
    const { api: recipient } = await h.signInAs('recipient.windsor@example.ca');
    const waiting = await recipient.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-07-01', periodEnd: '2026-09-30', expenditures: [{ category: 'salaries_benefits', amountCents: 10_000n, explanation: '' }], requestedCents: 10_000n }));
    const programId = await programOf(agreementId);
    clockAt('2027-04-02T14:00:00Z');
    const { api: finance } = await h.signInAs('finance@example.ca');
    expect((await finance.claims.yearEndPreview({ fiscalYear: FY, programId })).claimsWaiting).toBe(1);
    expect(await rejection(finance.claims.closeFiscalYear({ fiscalYear: FY, programId, confirmation: FY }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.fiscalYear.claimsWaiting' });
    const { api: officer } = await h.signInAs('officer@example.ca');
    await officer.claims.reject({ claimId: waiting.id, reason: 'Claimed twice by mistake.' });
    const { api: recipientLater } = await h.signInAs('recipient.windsor@example.ca');

    const expected = await unpaidBySql(programId);
    expect(expected.length).toBeGreaterThan(0);
    const preview = await finance.claims.yearEndPreview({ fiscalYear: FY, programId });
    expect(preview.programs.map((p) => p.id)).toEqual([programId]);
    expect(preview.lapses.map((l) => [l.referenceNumber, l.lapsedCents])).toEqual(expected);
    const closed = await finance.claims.closeFiscalYear({ fiscalYear: FY, programId, confirmation: ` ${FY} ` });
    expect(closed.lapses).toEqual(preview.lapses);
    expect(closed.lapsedCents).toBe(expected.reduce((s, [, c]) => s + (c as bigint), 0n));
    // The journal holds one lapse per agreement, of the previewed amount, and nothing is left unpaid.
    const { rows: lapses } = await sql<{ ref: string; amount: string }>`
      select a.reference_number as ref, e.amount_cents::text as amount from ledger_entry e join agreement a on a.id = e.agreement_id
       where e.kind = 'lapse' and e.fiscal_year = ${FY} order by a.reference_number`.execute(h.t.db);
    expect(lapses.map((l) => [l.ref, BigInt(l.amount)])).toEqual(expected);
    expect(await unpaidBySql(programId)).toEqual([]);
    const audit = await h.t.db.selectFrom('auditEvent').select(['action', 'after']).where('entityType', '=', 'fiscal_year').where('entityId', '=', FY).execute();
    expect(audit).toMatchObject([{ action: 'close', after: { scope: programId, programs: [programId] } }]);

    // That program's year is closed: nothing more is claimed or paid in it.
    expect(await rejection(recipientLater.claims.submit(claim({ kind: 'reimbursement', forecast: [], periodStart: '2026-07-01', periodEnd: '2026-09-30', expenditures: [{ category: 'salaries_benefits', amountCents: 10_000n, explanation: '' }], requestedCents: 10_000n })))).toMatchObject({
      messageKey: 'error.claim.fiscalYearClosed',
      field: 'fiscalYear',
    });
    await expect(h.t.db.insertInto('ledgerEntry').values({ agreementId, fiscalYear: FY, kind: 'reimbursement_paid', amountCents: 1n }).execute()).rejects.toThrow(/closed/);
    expect(await rejection(finance.claims.closeFiscalYear({ fiscalYear: FY, programId, confirmation: FY }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.fiscalYear.alreadyClosed' });
    // The other programs are not.
    const others = (await h.t.db.selectFrom('program').select('id').where('id', '<>', programId).execute()).map((p) => p.id);
    expect(others.length).toBeGreaterThan(0);
    const stillOpen = await sql<{ closed: boolean }>`select fiscal_year_closed_for(p.id, ${FY}) as closed from program p where p.id <> ${programId}`.execute(h.t.db);
    expect(stillOpen.rows.every((r) => !r.closed)).toBe(true);

    // Then all programs: the preview no longer names the closed one, and the year is closed for everyone.
    const all = await finance.claims.yearEndPreview({ fiscalYear: FY, programId: null });
    expect(all.programs.map((p) => p.id).sort()).toEqual([...others].sort());
    const closedAll = await finance.claims.closeFiscalYear({ fiscalYear: FY, programId: null, confirmation: FY });
    expect(closedAll.lapses).toEqual(all.lapses);
    expect((await h.t.db.selectFrom('fiscalYear').select('status').where('label', '=', FY).executeTakeFirstOrThrow()).status).toBe('closed');
    expect((await finance.claims.yearEndPreview({ fiscalYear: FY, programId: null })).alreadyClosed).toBe(true);
    await expectBalancesMatchJournal();
  });
});
