/**
 * Contribution agreements through the router on a real database: drafting (directly and from an
 * approved application), bad terms refused on their field with nothing saved, signature by a
 * verified recipient, the department's signature within delegated authority, amendments that
 * keep paid money in its fiscal year, two officers amending at once (one amendment, one clear
 * conflict), and who may see what. The database refuses what the rules forbid on its own too.
 */
import type { AgreementTerms } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword, seedDemoActivity } from '../src';
import { derivedRowsAstray } from './derived';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let programId: string;
let kaNiId: string;
let base: AgreementTerms;

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  const program = await h.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  programId = program.id;
  kaNiId = await h.organisationId('Ka Ni Kanichihk Inc.');
  const pillar = await h.t.db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'prevention').executeTakeFirstOrThrow();
  const indicator = await h.t.db.selectFrom('indicator').select('id').where('code', '=', 'youth-at-risk-reached').executeTakeFirstOrThrow();
  base = {
    streamId: null,
    pillarIds: [pillar.id],
    title: 'Strong Spirits: youth trafficking prevention',
    description: 'Workshops for Indigenous youth in Winnipeg.',
    startDate: '2026-04-01',
    endDate: '2028-03-31',
    totalCents: 20_000_000n,
    fiscalYears: [
      { fiscalYear: '2026-27', amountCents: 10_000_000n },
      { fiscalYear: '2027-28', amountCents: 10_000_000n },
    ],
    budget: [
      { fiscalYear: '2026-27', category: 'salaries_benefits', amountCents: 9_000_000n },
      { fiscalYear: '2026-27', category: 'rent', amountCents: 1_000_000n },
      { fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: 10_000_000n },
    ],
    paymentBasis: 'advance',
    advanceFrequency: 'quarterly',
    holdback: { kind: 'percent', basisPoints: 1000n },
    riskLevel: 'medium',
    riskReasons: 'New partner.',
    reportingFrequency: 'quarterly',
    milestones: [{ title: 'Youth advisory circle formed', deliverables: 'Terms of reference', dueDate: '2026-09-30', paymentCents: 1_000_000n }],
    indicators: [{ indicatorId: indicator.id, targetValue: '300' }],
    otherFunding: [{ source: 'Province of Manitoba', kind: 'provincial_territorial', amountCents: 2_000_000n, status: 'confirmed' }],
    specialConditions: '',
  };
  // A second program officer, to amend at the same time as the first.
  const hash = await hashPassword('demo-password-2026');
  const u = await h.t.db.insertInto('appUser').values({ email: 'officer2@example.ca', displayName: 'Second Officer', passwordHash: hash, status: 'active' }).returning('id').executeTakeFirstOrThrow();
  await h.t.db.insertInto('membership').values({ userId: u.id, role: 'program_officer' }).execute();
});
afterAll(async () => {
  await h?.close();
});

async function counts() {
  const n = async (table: 'agreement' | 'agreementVersion' | 'ledgerEntry' | 'auditEvent') => Number((await h.t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { agreements: await n('agreement'), versions: await n('agreementVersion'), ledger: await n('ledgerEntry'), audit: await n('auditEvent') };
}

/** Drafts, sends, signs on both sides: an active agreement with Ka Ni Kanichihk. */
async function activeAgreement(terms: AgreementTerms = base): Promise<string> {
  const { api: officer } = await h.signInAs('officer@example.ca');
  const { id } = await officer.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms });
  await officer.agreements.send({ agreementId: id });
  const { api: recipient } = await h.signInAs('recipient@example.ca');
  await recipient.agreements.signAsRecipient({ agreementId: id, signerName: 'Léa Cardinal', signerTitle: 'Executive Director', confirmed: true });
  const { api: manager } = await h.signInAs('manager@example.ca');
  await manager.agreements.signForDepartment({ agreementId: id });
  return id;
}

describe('drafting', () => {
  it('refuses terms that do not hold together, naming the field, and saves nothing', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const before = await counts();
    const create = (terms: AgreementTerms) => api.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms });
    expect((await rejection(create({ ...base, totalCents: 20_000_001n }))).zodFields).toContain('terms.fiscalYears');
    expect((await rejection(create({ ...base, endDate: '2026-03-31' }))).zodFields).toEqual(['terms.endDate']);
    expect((await rejection(create({ ...base, holdback: { kind: 'percent', basisPoints: 10_001n } }))).zodFields).toEqual(['terms.holdback.basisPoints']);
    expect((await rejection(create({ ...base, holdback: { kind: 'amount', cents: 20_000_001n } }))).zodFields).toEqual(['terms.holdback']);
    expect((await rejection(create({ ...base, budget: base.budget.slice(1) }))).zodFields).toContain('terms.budget');
    // The program stops funding rent: a budget line for rent is refused on its line.
    await h.t.db.deleteFrom('programCostCategory').where('programId', '=', programId).where('costCategory', '=', 'rent').execute();
    expect(await rejection(create(base))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.agreement.costCategoryNotInProgram', field: 'terms.budget.1.category' });
    await h.t.db.insertInto('programCostCategory').values({ programId, costCategory: 'rent' }).execute();
    // Government sources beyond the stacking limit.
    await h.t.db.updateTable('program').set({ stackingLimitBp: 8000 }).where('id', '=', programId).execute();
    expect(await rejection(create({ ...base, otherFunding: [{ source: 'Province', kind: 'provincial_territorial', amountCents: 10_000_000n, status: 'confirmed' }, { source: 'Own', kind: 'own_contribution', amountCents: 1n, status: 'confirmed' }] }))).toMatchObject({
      messageKey: 'error.agreement.stackingExceeded',
      field: 'terms.otherFunding',
    });
    await h.t.db.updateTable('program').set({ stackingLimitBp: 10000 }).where('id', '=', programId).execute();
    expect(await counts()).toEqual(before);
  });

  it('proposes the terms of an approved application, whose amounts add up; an application gets one agreement', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const [waiting] = await api.agreements.awaitingAgreement();
    expect(waiting?.legalNameEn).toBe('Ka Ni Kanichihk Inc.');
    const proposal = await api.agreements.proposeFromApplication({ applicationId: waiting!.id });
    expect(proposal.terms.totalCents).toBe(16_000_000n);
    expect(proposal.terms.fiscalYears.reduce((s, y) => s + y.amountCents, 0n)).toBe(16_000_000n);
    for (const y of proposal.terms.fiscalYears) {
      expect(proposal.terms.budget.filter((b) => b.fiscalYear === y.fiscalYear).reduce((s, b) => s + b.amountCents, 0n)).toBe(y.amountCents);
    }
    const terms = { ...proposal.terms, riskReasons: 'Indigenous-led, experienced with federal funding.' };
    const made = await api.agreements.create({ programId: proposal.programId, organisationId: proposal.organisationId, applicationId: proposal.applicationId, terms });
    expect(made.referenceNumber).toMatch(/^AGR-\d{4}-\d{6}$/);
    expect(await api.agreements.awaitingAgreement()).toEqual([]);
    expect(await rejection(api.agreements.create({ programId: proposal.programId, organisationId: proposal.organisationId, applicationId: proposal.applicationId, terms }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'error.agreement.applicationHasAgreement',
    });
  });
});

describe('signatures', () => {
  it('an unverified organisation cannot sign; a verified one can, and the department commits the money', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { id } = await officer.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: base });
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const { api: manager } = await h.signInAs('manager@example.ca');
    // Each reader is told what they may do next (the recipient does not see a draft at all).
    const next = async (...apis: (typeof officer)[]) => Promise.all(apis.map(async (api) => (await api.agreements.get({ agreementId: id })).allowedActions));
    expect(await next(officer, manager)).toEqual([['edit', 'send'], []]);
    await officer.agreements.send({ agreementId: id });
    expect(await next(officer, manager, recipient)).toEqual([['recall', 'writeDisclosure'], [], ['signAsRecipient']]);
    await h.t.db.updateTable('organisation').set({ verifiedAt: null, verifiedBy: null }).where('id', '=', kaNiId).execute();
    const sign = () => recipient.agreements.signAsRecipient({ agreementId: id, signerName: 'Léa Cardinal', signerTitle: 'Executive Director', confirmed: true });
    expect(await rejection(sign())).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.agreement.organisationNotVerified' });
    await officer.organisation.verify({ id: kaNiId });
    await sign();
    expect(await next(officer, manager, recipient)).toEqual([['recall', 'writeDisclosure'], ['signForDepartment'], []]);
    // The drafter cannot sign for the department; the manager (limit $5,000,000) can.
    expect(await rejection(officer.agreements.signForDepartment({ agreementId: id }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.agreement.ownDraft' });
    await manager.agreements.signForDepartment({ agreementId: id });
    expect(await next(officer, manager, recipient)).toEqual([['amend', 'end', 'writeDisclosure'], ['end'], []]);
    const got = await manager.agreements.get({ agreementId: id });
    expect(got.status).toBe('active');
    expect(await h.t.db.selectFrom('ledgerEntry').select(['fiscalYear', 'kind', 'amountCents']).where('agreementId', '=', id).orderBy('fiscalYear').execute()).toEqual([
      { fiscalYear: '2026-27', kind: 'commitment', amountCents: 10_000_000n },
      { fiscalYear: '2027-28', kind: 'commitment', amountCents: 10_000_000n },
    ]);
    const actions = await h.t.db.selectFrom('auditEvent').select('action').where('entityId', '=', id).orderBy('occurredAt').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'status.sent_for_signature', 'status.recipient_signed', 'sign.recipient', 'status.active', 'sign.department']);
  });

  it('refuses a department signature above the signer’s delegated limit', async () => {
    // Drafted by the second officer, so the first officer (limit $250,000) is not the drafter.
    const big = { ...base, totalCents: 40_000_000n, fiscalYears: [{ fiscalYear: '2026-27', amountCents: 20_000_000n }, { fiscalYear: '2027-28', amountCents: 20_000_000n }], budget: [{ fiscalYear: '2026-27', category: 'salaries_benefits' as const, amountCents: 20_000_000n }, { fiscalYear: '2027-28', category: 'salaries_benefits' as const, amountCents: 20_000_000n }] };
    const { api: drafter } = await h.signInAs('officer2@example.ca');
    const { id } = await drafter.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: big });
    await drafter.agreements.send({ agreementId: id });
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    await recipient.agreements.signAsRecipient({ agreementId: id, signerName: 'Léa Cardinal', signerTitle: 'Executive Director', confirmed: true });
    const { api: officer } = await h.signInAs('officer@example.ca');
    const before = await counts();
    expect(await rejection(officer.agreements.signForDepartment({ agreementId: id }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.agreement.signatureAboveLimit' });
    expect(await counts()).toEqual(before);
    // Bypassing the service does not help: the database checks the authority.
    const officerId = await h.userId('officer@example.ca');
    await expect(
      sql`update agreement set status = 'active', department_signed_at = now(), department_signed_by = ${officerId}, department_signer_role = 'program_officer', department_signer_limit_cents = 25000000 where id = ${id}`.execute(h.t.db),
    ).rejects.toThrow(/authority/);
  });
});

describe('amendments', () => {
  it('refuse to move money already paid out of its fiscal year; a reprofiling that keeps it is approved by someone else', async () => {
    const id = await activeAgreement();
    // Payments arrive with claims (issue 7); here one is written straight to the journal.
    await h.t.db.insertInto('ledgerEntry').values({ agreementId: id, fiscalYear: '2026-27', kind: 'advance_paid', amountCents: 6_000_000n }).execute();
    const { api: officer } = await h.signInAs('officer@example.ca');
    // The officer amends the terms in force as read (milestones keep their keys).
    const current = (await officer.agreements.get({ agreementId: id })).terms;
    const reprofile = (first: bigint) => ({
      ...current,
      fiscalYears: [
        { fiscalYear: '2026-27', amountCents: first },
        { fiscalYear: '2027-28', amountCents: 20_000_000n - first },
      ],
      budget: [
        { fiscalYear: '2026-27', category: 'salaries_benefits' as const, amountCents: first },
        { fiscalYear: '2027-28', category: 'salaries_benefits' as const, amountCents: 20_000_000n - first },
      ],
    });
    const before = await counts();
    expect(await rejection(officer.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Start delayed', terms: reprofile(5_000_000n) }))).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'error.amendment.paidMoneyMoved',
      field: 'terms.fiscalYears',
    });
    expect(await counts()).toEqual(before);
    const { version } = await officer.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Start delayed by a quarter', terms: reprofile(6_000_000n) });
    expect(version).toBe(2);
    expect(await rejection(officer.agreements.decideAmendment({ agreementId: id, version: 2, approve: true, note: '' }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.amendment.ownProposal' });
    const { api: manager } = await h.signInAs('manager@example.ca');
    await manager.agreements.decideAmendment({ agreementId: id, version: 2, approve: true, note: 'Reprofiling approved.' });
    const got = await manager.agreements.get({ agreementId: id });
    expect(got.currentVersion).toBe(2);
    expect(got.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'in_force'],
    ]);
    const compared = await manager.agreements.version({ agreementId: id, version: 2 });
    expect(compared.kind).toBe('reprofiling');
    expect(compared.changed).toEqual(['fiscalYears', 'budget']);
    expect(compared.previous?.fiscalYears[0]?.amountCents).toBe(10_000_000n);
    // The commitment follows: -$40,000 in 2026-27, +$40,000 in 2027-28; the total is unchanged.
    const commitments = await h.t.db.selectFrom('ledgerEntry').select(['fiscalYear', 'amountCents']).where('agreementId', '=', id).where('kind', '=', 'commitment').where('agreementVersion', '=', 2).orderBy('fiscalYear').execute();
    expect(commitments).toEqual([
      { fiscalYear: '2026-27', amountCents: -4_000_000n },
      { fiscalYear: '2027-28', amountCents: 4_000_000n },
    ]);
    // The database itself refuses a version in force that changes.
    await expect(sql`update agreement_version set total_cents = 1 where agreement_id = ${id} and version = 2`.execute(h.t.db)).rejects.toThrow(/cannot change/);
  });

  it('two officers amending the same version at once: one amendment, one clear conflict, no lost update', async () => {
    const id = await activeAgreement();
    const [{ api: a }, { api: b }] = await Promise.all([h.signInAs('officer@example.ca'), h.signInAs('officer2@example.ca')]);
    const change = (title: string) => a.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Title', terms: { ...base, title } });
    const results = await Promise.allSettled([change('First title'), b.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Title', terms: { ...base, title: 'Second title' } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    const cause = (failed.reason as { code: string; cause?: { messageKey?: string } });
    expect(cause.code).toBe('CONFLICT');
    expect(cause.cause?.messageKey).toMatch(/^error\.amendment\.(pending|stale)$/);
    expect(await h.t.db.selectFrom('agreementVersion').select('version').where('agreementId', '=', id).where('version', '=', 2).execute()).toHaveLength(1);
    // Once approved, an amendment based on the old version is stale.
    const { api: manager } = await h.signInAs('manager@example.ca');
    await manager.agreements.decideAmendment({ agreementId: id, version: 2, approve: true, note: '' });
    expect(await rejection(a.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Again', terms: { ...base, title: 'Third' } }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.amendment.stale' });
  });

  it('an increase above the officer’s limit is not the officer’s to approve', async () => {
    const id = await activeAgreement();
    const { api: drafter } = await h.signInAs('officer2@example.ca');
    const more = { ...base, totalCents: 30_000_000n, fiscalYears: [{ fiscalYear: '2026-27', amountCents: 10_000_000n }, { fiscalYear: '2027-28', amountCents: 20_000_000n }], budget: [...base.budget.slice(0, 2), { fiscalYear: '2027-28', category: 'salaries_benefits' as const, amountCents: 20_000_000n }] };
    await drafter.agreements.proposeAmendment({ agreementId: id, basedOnVersion: 1, reason: 'Second site', terms: more });
    const { api: officer } = await h.signInAs('officer@example.ca');
    expect(await rejection(officer.agreements.decideAmendment({ agreementId: id, version: 2, approve: true, note: '' }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.amendment.aboveLimit' });
  });
});

describe('who sees what', () => {
  it('a recipient sees its own agreements once sent, never another organisation’s', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { id: draftId } = await officer.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: base });
    const { api: kaNi } = await h.signInAs('recipient@example.ca');
    expect((await rejection(kaNi.agreements.get({ agreementId: draftId }))).code).toBe('NOT_FOUND');
    await officer.agreements.send({ agreementId: draftId });
    expect((await kaNi.agreements.get({ agreementId: draftId })).status).toBe('sent_for_signature');
    const { api: windsor } = await h.signInAs('recipient.windsor@example.ca');
    expect((await rejection(windsor.agreements.get({ agreementId: draftId }))).code).toBe('NOT_FOUND');
    expect((await rejection(windsor.agreements.signAsRecipient({ agreementId: draftId, signerName: 'X', signerTitle: 'Y', confirmed: true }))).code).toBe('NOT_FOUND');
    expect((await windsor.agreements.mine()).agreements.every((a) => a.legalNameEn === 'Legal Assistance of Windsor')).toBe(true);
    expect((await rejection(kaNi.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: base }))).code).toBe('FORBIDDEN');
    expect((await rejection(kaNi.agreements.portfolio({}))).code).toBe('FORBIDDEN');
    const { api: reviewer } = await h.signInAs('reviewer@example.ca');
    expect((await rejection(reviewer.agreements.portfolio({}))).code).toBe('FORBIDDEN');
    const { api: finance } = await h.signInAs('finance@example.ca');
    expect((await finance.agreements.portfolio({})).total).toBeGreaterThan(0);
    expect((await rejection(finance.agreements.create({ programId, organisationId: kaNiId, applicationId: null, terms: base }))).code).toBe('FORBIDDEN');
  });

  it('filters the portfolio and lists what is coming', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const active = await api.agreements.portfolio({ status: 'active' });
    expect(active.rows.every((r) => r.status === 'active')).toBe(true);
    // The count (read from the agreements alone for these filters) matches the rows listed.
    expect(active.total).toBe(active.rows.length);
    const all = await api.agreements.portfolio({});
    expect(all.total).toBe(all.rows.length);
    expect(all.total).toBeGreaterThan(active.total);
    const ab = await api.agreements.portfolio({ province: 'AB' });
    expect(ab.total).toBe(ab.rows.length);
    expect((await api.agreements.portfolio({ province: 'AB' })).rows.map((r) => r.legalNameEn)).toEqual(['Government of Alberta']);
    expect((await api.agreements.portfolio({ riskLevel: 'low' })).rows.every((r) => r.riskLevel === 'low')).toBe(true);
    expect((await api.agreements.portfolio({ fiscalYear: '2028-29' })).rows.map((r) => r.legalNameEn)).toContain('Government of Alberta');
    const obligations = await api.agreements.obligations({ days: 366 });
    expect(obligations.some((o) => o.kind === 'recipient_signature' && o.organisationNameEn === 'Government of Alberta')).toBe(true);
    expect(obligations.some((o) => o.kind === 'report_due')).toBe(true);
  });
});

describe('what the database keeps from these records', () => {
  it('the reporting tallies, agreements in force and years of the terms still equal their sources after everything above', async () => {
    expect(await derivedRowsAstray(h.t.db)).toBe(0);
  });
});
