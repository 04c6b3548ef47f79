/**
 * Positions above the program manager, held by appointment (issue 17, parts 1 and 2): the ongoing
 * contribution of $2.76M a year over three years ($8.28M) is above a program manager's limit; the
 * manager is told who can sign it, it waits in the deputy head's queue, and the deputy head signs
 * it. Acting appointments confer authority from their first day to their last, not after. Bad
 * appointments are refused on their field with nothing saved.
 */
import type { AgreementTerms } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn } from '@tp/domain';
import { hashPassword } from '../src';
import { whoCanAct } from '../src/delegation/who-can-act';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let programId: string;
let kaNiId: string;
let terms: AgreementTerms;
const today = isoDateIn(new Date(), 'America/Toronto');
const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness();
  const program = await h.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'child-protection-online').executeTakeFirstOrThrow();
  programId = program.id;
  kaNiId = await h.organisationId('Ka Ni Kanichihk Inc.');
  await h.t.db.updateTable('organisation').set({ verifiedAt: new Date(), verifiedBy: await h.userId('officer@example.ca') }).where('id', '=', kaNiId).execute();
  const pillar = await h.t.db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'detection-prosecution').executeTakeFirstOrThrow();
  const years = ['2027-28', '2028-29', '2029-30'];
  terms = {
    streamId: null,
    pillarIds: [pillar.id],
    title: 'National tipline: ongoing contribution',
    description: 'Operation of the national tipline for the online sexual exploitation of children.',
    startDate: '2027-04-01',
    endDate: '2030-03-31',
    totalCents: 828_000_000n,
    fiscalYears: years.map((fiscalYear) => ({ fiscalYear, amountCents: 276_000_000n })),
    budget: years.map((fiscalYear) => ({ fiscalYear, category: 'salaries_benefits' as const, amountCents: 276_000_000n })),
    paymentBasis: 'advance',
    advanceFrequency: 'quarterly',
    holdback: { kind: 'percent', basisPoints: 500n },
    riskLevel: 'low',
    riskReasons: 'Long-standing recipient.',
    reportingFrequency: 'quarterly',
    milestones: [],
    indicators: [],
    otherFunding: [],
    specialConditions: '',
  };
  // A second program officer, to hold acting appointments.
  const u = await h.t.db.insertInto('appUser').values({ email: 'officer2@example.ca', displayName: 'Omar Haddad', passwordHash: await hashPassword('demo-password-2026'), status: 'active' }).returning('id').executeTakeFirstOrThrow();
  await h.t.db.insertInto('membership').values({ userId: u.id, role: 'program_officer' }).execute();
});
afterAll(async () => {
  await h?.close();
});

/** Drafted by the officer, signed by the recipient: waiting for the department. */
async function signedByRecipient(t: AgreementTerms = terms): Promise<string> {
  const { api: officer } = await h.signInAs('officer@example.ca');
  const { id } = await officer.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: t });
  await officer.agreements.send({ agreementId: id });
  const { api: recipient } = await h.signInAs('recipient@example.ca');
  await recipient.agreements.signAsRecipient({ agreementId: id, signerName: 'Léa Cardinal', signerTitle: 'Executive Director', confirmed: true });
  return id;
}

/** Raw SQL: who was told an agreement waits for their signature (the link names the agreement), and in which language. */
async function noticesAbout(agreementId: string): Promise<string[][]> {
  const { rows } = await sql<{ to: string; lang: string }>`
    select to_address as "to", language as lang from mail_message
    where template = 'signatureWaiting' and body_text like ${`%/agreements/${agreementId}%`} order by to_address`.execute(h.t.db);
  return rows.map((r) => [r.to, r.lang]);
}

/** Raw SQL: the agreement's status and the position it was signed under. */
async function signature(id: string) {
  const { rows } = await sql<{ status: string; role: string | null; limitCents: string | null }>`
    select status, department_signer_role as role, department_signer_limit_cents::text as "limitCents" from agreement where id = ${id}`.execute(h.t.db);
  return rows[0]!;
}

describe('positions above the program manager', () => {
  it('the $8.28M agreement: the manager is told who can sign, it waits in the deputy head’s queue, and the deputy head signs it', async () => {
    const id = await signedByRecipient();
    const { api: manager } = await h.signInAs('manager@example.ca');
    const refused = await manager.agreements.signForDepartment({ agreementId: id }).then(
      () => null,
      (e: { cause?: { messageKey?: string; params?: { who?: { en: string; fr: string } } } }) => e.cause,
    );
    expect(refused?.messageKey).toBe('error.agreement.signatureAboveLimit');
    expect(refused?.params?.who?.en).toBe('Who can: Nathalie Bouchard (Deputy head, up to $50,000,000.00).');
    expect(refused?.params?.who?.fr).toMatch(/^Qui le peut : Nathalie Bouchard \(Administrateur général, jusqu’à 50\s000\s000,00\s\$\)\.$/);
    expect(await signature(id)).toMatchObject({ status: 'recipient_signed', role: null });
    // When the Centre signed, the deputy head was told, in French, and nobody else.
    expect(await noticesAbout(id)).toEqual([['deputy@example.ca', 'fr']]);
    const notice = await h.t.db.selectFrom('mailMessage').select(['subject', 'bodyText']).where('template', '=', 'signatureWaiting').where('toAddress', '=', 'deputy@example.ca').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toMatch(/^L’entente AGR-\d{4}-\d{6} attend votre signature$/);
    expect(notice.bodyText.replace(/[\u00a0\u202f]/g, ' ')).toContain('de 8 280 000,00 $. Le montant relève du pouvoir délégué de votre poste (Administrateur général)');
    // The queues: not the manager's, the deputy head's.
    expect((await manager.delegation.queue({})).map((q) => q.agreementId)).not.toContain(id);
    const { api: deputy } = await h.signInAs('deputy@example.ca');
    const queue = await deputy.delegation.queue({});
    expect(queue.find((q) => q.agreementId === id)).toMatchObject({ kind: 'signature', amountCents: 828_000_000n, position: 'deputy_head' });
    await deputy.agreements.signForDepartment({ agreementId: id });
    expect(await signature(id)).toEqual({ status: 'active', role: 'deputy_head', limitCents: '5000000000' });
    expect((await deputy.delegation.queue({})).map((q) => q.agreementId)).not.toContain(id);
  });

  it('an agreement within the manager’s limit waits in the manager’s queue, not the deputy head’s', async () => {
    const id = await signedByRecipient({ ...terms, totalCents: 60_000_000n, fiscalYears: terms.fiscalYears.map((y) => ({ ...y, amountCents: 20_000_000n })), budget: terms.budget.map((b) => ({ ...b, amountCents: 20_000_000n })) });
    const { api: manager } = await h.signInAs('manager@example.ca');
    const { api: deputy } = await h.signInAs('deputy@example.ca');
    expect((await manager.delegation.queue({})).find((q) => q.agreementId === id)).toMatchObject({ position: 'program_manager' });
    // The deputy head is also a program manager by role, but acts as deputy head: not in her queue, and no notice to her.
    expect((await deputy.delegation.queue({})).map((q) => q.agreementId)).not.toContain(id);
    expect(await noticesAbout(id)).toEqual([['manager@example.ca', 'fr']]);
    const { api: officer } = await h.signInAs('officer@example.ca');
    // Its author never sees it to sign.
    expect((await officer.delegation.queue({})).map((q) => q.agreementId)).not.toContain(id);
  });

  it('an acting appointment confers authority from its first day to its last, and not after', async () => {
    const officer2 = await h.userId('officer2@example.ca');
    const [admin, admin2] = [await h.userId('admin@example.ca'), await h.userId('admin2@example.ca')];
    // An acting appointment as program manager that ended yesterday (written as the database allows: proposed, then approved).
    const ended = await h.t.db.insertInto('positionAppointment').values({ userId: officer2, position: 'program_manager', acting: true, startsOn: day(-14), endsOn: day(-1), rationale: 'Leave of the manager', proposedBy: admin }).returning('id').executeTakeFirstOrThrow();
    await h.t.db.updateTable('positionAppointment').set({ status: 'approved', decidedBy: admin2, decidedAt: new Date() }).where('id', '=', ended.id).execute();
    const id = await signedByRecipient({ ...terms, totalCents: 60_000_000n, fiscalYears: terms.fiscalYears.map((y) => ({ ...y, amountCents: 20_000_000n })), budget: terms.budget.map((b) => ({ ...b, amountCents: 20_000_000n })) });
    const { api: acting } = await h.signInAs('officer2@example.ca');
    expect(await rejection(acting.agreements.signForDepartment({ agreementId: id }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.agreement.signatureAboveLimit' });
    expect((await acting.delegation.queue({})).map((q) => q.agreementId)).not.toContain(id);

    // Appointed again through the instrument, from today to next week: in force once the second administrator approves.
    const { api: first } = await h.signInAs('admin@example.ca');
    const { api: second } = await h.signInAs('admin2@example.ca');
    const { id: appointmentId } = await first.delegation.appoint({ userId: officer2, position: 'program_manager', acting: true, startsOn: today, endsOn: day(7), rationale: 'Second leave of the manager' });
    expect(await rejection(acting.agreements.signForDepartment({ agreementId: id }))).toMatchObject({ messageKey: 'error.agreement.signatureAboveLimit' });
    expect(await rejection(first.delegation.decideAppointment({ appointmentId, decision: 'approved' }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.delegation.ownProposal' });
    await second.delegation.decideAppointment({ appointmentId, decision: 'approved' });
    expect((await acting.delegation.queue({})).find((q) => q.agreementId === id)).toMatchObject({ position: 'program_manager' });
    await acting.agreements.signForDepartment({ agreementId: id });
    expect(await signature(id)).toMatchObject({ status: 'active', role: 'program_manager' });
    const seen = (await first.delegation.instrument({})).appointments.find((a) => a.id === appointmentId);
    expect(seen).toMatchObject({ holderName: 'Omar Haddad', status: 'approved', inForce: true, proposedByName: 'Adam Clarke', decidedByName: 'Aisha Nwosu' });
    const audit = await h.t.db.selectFrom('auditEvent').select('action').where('entityType', '=', 'position_appointment').where('entityId', '=', appointmentId).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['propose', 'approve']);
  });

  it('refuses a bad appointment on its field, by someone it limits or for someone it cannot bind, and saves nothing', async () => {
    const count = async () => Number((await h.t.db.selectFrom('positionAppointment').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const { api: admin } = await h.signInAs('admin@example.ca');
    const officer = await h.userId('officer@example.ca');
    const base = { userId: officer, position: 'director' as const, acting: true, startsOn: today, endsOn: day(30), rationale: 'Acting director' };
    expect((await rejection(admin.delegation.appoint({ ...base, endsOn: null }))).zodFields).toEqual(['endsOn']);
    expect((await rejection(admin.delegation.appoint({ ...base, endsOn: day(-1) }))).zodFields).toEqual(['endsOn']);
    expect(await rejection(admin.delegation.appoint({ ...base, startsOn: day(-1) }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.appointment.startsInPast', field: 'startsOn' });
    expect(await rejection(admin.delegation.appoint({ ...base, userId: await h.userId('finance@example.ca') }))).toMatchObject({ messageKey: 'error.appointment.notStaff', field: 'userId' });
    expect(await rejection(admin.delegation.appoint({ ...base, userId: await h.userId('admin@example.ca') }))).toMatchObject({ messageKey: 'error.appointment.own' });
    for (const email of ['officer@example.ca', 'manager@example.ca', 'deputy@example.ca']) {
      const { api } = await h.signInAs(email);
      expect((await rejection(api.delegation.appoint(base))).code, email).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
    // A second proposal for the same person and position waits for the first.
    await admin.delegation.appoint(base);
    expect(await rejection(admin.delegation.appoint(base))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.appointment.waiting' });
    expect(await count()).toBe(before + 1);
  });

  it('when no position anyone holds covers an amount, the refusal names the administrators who can change the instrument', async () => {
    const who = await whoCanAct(h.t.db, programId, 5_000_000_001n, await h.userId('manager@example.ca'));
    expect(who.en).toMatch(/^Nobody holds that authority for this program yet: an administrator \(Adam Clarke, Aisha Nwosu\)/);
  });
});
