import type { CallInput } from '@tp/domain';
import { SCREENING_CHECKLIST } from '@tp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRefusal } from '@tp/db/testing';
import { uploadAttachment } from '../src/applications/attachments';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let base: CallInput;
let indicator: string;
type Api = Awaited<ReturnType<Harness['signInAs']>>['api'];
let officer: Api;
let manager: Api;
let reviewer: Api;
let recipient: Api;
let windsor: Api;
let windsorOrg: string;

beforeAll(async () => {
  h = await createHarness();
  const program = await h.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const pillar = await h.t.db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'prevention').executeTakeFirstOrThrow();
  indicator = (await h.t.db.selectFrom('indicator').select('id').where('code', '=', 'youth-at-risk-reached').executeTakeFirstOrThrow()).id;
  base = {
    programId: program.id,
    streamId: null,
    pillarIds: [pillar.id],
    titleEn: 'Youth at risk pilot projects 2027',
    titleFr: 'Projets pilotes pour les jeunes à risque 2027',
    descriptionEn: '',
    descriptionFr: '',
    eligibleRecipientTypes: ['non_profit', 'indigenous_organisation'],
    eligibleProvinces: ['MB', 'ON'],
    priorities: ['youth'],
    minAmountCents: 5_000_000n,
    maxAmountCents: 50_000_000n,
    maxDurationMonths: 24,
    firstFiscalYear: '2026-27',
    lastFiscalYear: '2027-28',
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    indicatorIds: [indicator],
    eligibilityQuestions: [{ textEn: 'Is your organisation incorporated?', textFr: 'Votre organisation est-elle constituée en personne morale?', expectedAnswer: true }],
    criteria: [
      { nameEn: 'Need', nameFr: 'Besoin', weight: 60 },
      { nameEn: 'Capacity', nameFr: 'Capacité', weight: 40 },
    ],
  };
  officer = (await h.signInAs('officer@example.ca')).api;
  manager = (await h.signInAs('manager@example.ca')).api;
  reviewer = (await h.signInAs('reviewer@example.ca')).api;
  recipient = (await h.signInAs('recipient.windsor@example.ca')).api;
  windsor = recipient;
  windsorOrg = await h.organisationId('Legal Assistance of Windsor');
});
afterAll(async () => {
  await h?.close();
});

async function openCall(change: Partial<CallInput> = {}) {
  const { id } = await officer.calls.create({ ...base, ...change });
  await officer.calls.publish({ id });
  return officer.calls.get({ id });
}

/** A complete draft for Windsor; returns its id. */
async function completeDraft(api: Api, organisationId: string, call: Awaited<ReturnType<typeof openCall>>, amount = 20_000_000n) {
  const { id } = await api.applications.create({ callId: call.id, organisationId });
  await api.applications.saveSection({ id, section: 'project', data: { title: 'Safe futures', summary: 'Workshops for youth', objectives: 'Awareness', targetPopulations: 'Youth 12-17', regionsServed: ['ON'], startDate: '2027-04-01', endDate: '2028-03-31' } });
  await api.applications.saveSection({ id, section: 'workPlan', data: { activities: [{ title: 'Workshops', description: '', deliverables: '40 workshops', startDate: '2027-04-01', endDate: '2028-03-31' }] } });
  await api.applications.saveSection({ id, section: 'budget', data: { lines: [{ fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: amount, justification: 'Facilitators' }] } });
  await api.applications.saveSection({ id, section: 'otherFunding', data: { sources: [{ source: 'Own funds', kind: 'own_contribution', amountCents: 1_000_000n, status: 'confirmed' }] } });
  await api.applications.saveSection({ id, section: 'expectedResults', data: { results: [{ indicatorId: indicator, targetValue: '400', notes: '' }] } });
  await api.applications.saveSection({ id, section: 'gbaPlus', data: { populationsServed: 'Indigenous and newcomer youth', barriers: ['language', 'remoteness'], howAddressed: 'Sessions in three languages, online' } });
  await api.applications.saveSection({ id, section: 'eligibility', data: { answers: [{ questionId: call.eligibilityQuestions[0]!.id, answer: true }] } });
  return id;
}

const auditActions = async (id: string) => (await h.t.db.selectFrom('auditEvent').select('action').where('entityId', '=', id).orderBy('id').execute()).map((a) => a.action);

describe('applying', () => {
  it('a draft is one per organisation and call, lists what is missing, and submits once with a reference number and an acknowledgement', async () => {
    const call = await openCall();
    const first = await windsor.applications.create({ callId: call.id, organisationId: windsorOrg });
    const again = await windsor.applications.create({ callId: call.id, organisationId: windsorOrg });
    expect(again).toEqual({ id: first.id, created: false });
    const empty = await windsor.applications.completeness({ id: first.id });
    expect(empty.canSubmit).toBe(false);
    expect(empty.missing.map((m) => m.field)).toContain('project.title');
    const id = await completeDraft(windsor, windsorOrg, call);
    expect(id).toBe(first.id);
    const ready = await windsor.applications.completeness({ id });
    expect(ready.issues).toEqual([]);
    expect(ready.totals.total).toBe(20_000_000n);
    const r = await windsor.applications.submit({ id });
    expect(r.referenceNumber).toMatch(/^APP-\d{4}-\d{6}$/);
    expect(r.alreadySubmitted).toBe(false);
    const twice = await windsor.applications.submit({ id });
    expect(twice).toMatchObject({ referenceNumber: r.referenceNumber, alreadySubmitted: true });
    const mail = await h.t.db.selectFrom('mailMessage').selectAll().where('template', '=', 'applicationReceived').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(r.referenceNumber);
    // Frozen: no section can change, in the service or in the database.
    expect((await rejection(windsor.applications.saveSection({ id, section: 'gbaPlus', data: { populationsServed: 'x', barriers: [], howAddressed: 'y' } }))).messageKey).toBe('error.application.notDraft');
    await expect(h.t.db.updateTable('application').set({ title: 'Changed' }).where('id', '=', id).execute()).rejects.toThrow(/cannot change/);
    await expect(h.t.db.deleteFrom('applicationBudgetLine').where('applicationId', '=', id).execute()).rejects.toThrow(/cannot change/);
    const got = await windsor.applications.get({ id });
    expect(got).toMatchObject({ status: 'submitted', access: 'owner', requestedAmountCents: 20_000_000n });
    expect(await auditActions(id)).toEqual(['create', 'save_section', 'save_section', 'save_section', 'save_section', 'save_section', 'save_section', 'save_section', 'submit']);
  });

  it('refuses bad input naming the field, and saves nothing of it', async () => {
    const call = await openCall({ titleEn: 'Bad input call' });
    const { id } = await windsor.applications.create({ callId: call.id, organisationId: windsorOrg });
    const good = { lines: [{ fiscalYear: '2027-28', category: 'travel' as const, amountCents: 100n, justification: 'ok' }] };
    await windsor.applications.saveSection({ id, section: 'budget', data: good });
    const cases: [unknown, string][] = [
      [{ section: 'budget', data: { lines: [...good.lines, { fiscalYear: '2027-28', category: 'travel', amountCents: -5n, justification: '' }] } }, 'data.lines.1.amountCents'],
      [{ section: 'budget', data: { lines: [{ fiscalYear: '2027-28', category: 'travel', amountCents: '12,5', justification: '' }] } }, 'data.lines.0.amountCents'],
      [{ section: 'project', data: { title: '', summary: '', objectives: '', targetPopulations: '', regionsServed: [], startDate: '2027-05-01', endDate: '2027-04-01' } }, 'data.endDate'],
      [{ section: 'workPlan', data: { activities: [{ title: 'a', description: '', deliverables: '', startDate: '2027-05-01', endDate: '2027-04-01' }] } }, 'data.activities.0.endDate'],
    ];
    for (const [input, field] of cases) {
      const r = await rejection(windsor.applications.saveSection({ id, ...(input as object) } as never));
      expect(r.code, field).toBe('BAD_REQUEST');
      expect(r.zodFields, field).toEqual([field]);
    }
    const outside = await rejection(windsor.applications.saveSection({ id, section: 'budget', data: { lines: [...good.lines, { fiscalYear: '2029-30', category: 'rent', amountCents: 1n, justification: '' }] } }));
    expect(outside).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.application.outsideCallYears', field: 'data.lines.1.fiscalYear' });
    const lines = await h.t.db.selectFrom('applicationBudgetLine').select(['amountCents']).where('applicationId', '=', id).execute();
    expect(lines).toEqual([{ amountCents: 100n }]);
  });

  it('refuses an over-maximum budget and a submission after the close time, on the server clock', async () => {
    const call = await openCall({ titleEn: 'Max call', eligibleProvinces: ['ON'] });
    const id = await completeDraft(windsor, windsorOrg, call, 50_000_001n);
    const r = await rejection(windsor.applications.submit({ id }));
    expect(r).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.application.aboveMaximum', field: 'budget.lines' });
    await windsor.applications.saveSection({ id, section: 'budget', data: { lines: [{ fiscalYear: '2027-28', category: 'rent', amountCents: 10_000_000n, justification: 'Office' }] } });
    // The call closes (its close time passes): the database holds the rule, the clock decides.
    await h.t.db.updateTable('callForProposals').set({ status: 'closed' }).where('id', '=', call.id).execute();
    const late = await rejection(windsor.applications.submit({ id }));
    expect(late).toMatchObject({ code: 'CONFLICT', messageKey: 'error.application.callClosed', field: 'callId' });
    expect((await windsor.applications.get({ id })).status).toBe('draft');
  });

  it('a recipient cannot read another organisation’s application, nor anyone’s scores', async () => {
    const call = await openCall({ titleEn: 'Privacy call' });
    const id = await completeDraft(windsor, windsorOrg, call);
    const { api: kaNi } = await h.signInAs('recipient@example.ca');
    expect((await rejection(kaNi.applications.get({ id }))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.applications.completeness({ id }))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.applications.saveSection({ id, section: 'gbaPlus', data: { populationsServed: '', barriers: [], howAddressed: '' } }))).code).toBe('NOT_FOUND');
    expect((await rejection(kaNi.applications.create({ callId: call.id, organisationId: windsorOrg }))).code).toBe('FORBIDDEN');
    expect((await rejection(windsor.assessment.scores({ applicationId: id }))).code).toBe('FORBIDDEN');
    expect((await rejection(windsor.assessment.ranking({ callId: call.id }))).code).toBe('FORBIDDEN');
    expect((await kaNi.applications.mine()).map((a) => a.id)).not.toContain(id);
  });

  it('attachments: too big or of a forbidden type refused; the owner and staff read them, others do not', async () => {
    const call = await openCall({ titleEn: 'Attachment call' });
    const { id } = await windsor.applications.create({ callId: call.id, organisationId: windsorOrg });
    const user = (await h.caller((await h.signInAs('recipient.windsor@example.ca')).token).api.auth.session())!;
    const viewer = { ...user, organisationIds: [windsorOrg] };
    const meta = { requestId: 't', ip: null, userAgent: null, lang: 'en' as const };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100)]);
    const saved = await uploadAttachment(h.t.db, h.files, viewer, meta, { applicationId: id, fileName: 'plan.pdf', data: pdf });
    expect(saved).toMatchObject({ contentType: 'application/pdf', sizeBytes: pdf.length });
    const exe = await rejection(uploadAttachment(h.t.db, h.files, viewer, meta, { applicationId: id, fileName: 'plan.pdf', data: Buffer.from('MZ\x90\x00 not a pdf') }).catch((e: unknown) => Promise.reject({ code: 'X', cause: e })));
    expect(exe.messageKey).toBe('error.attachment.type');
    const big = await rejection(uploadAttachment(h.t.db, h.files, viewer, meta, { applicationId: id, fileName: 'big.pdf', data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]) }).catch((e: unknown) => Promise.reject({ code: 'X', cause: e })));
    expect(big.messageKey).toBe('error.attachment.tooLarge');
    expect((await windsor.applications.get({ id })).attachments).toHaveLength(1);
    await windsor.applications.deleteAttachment({ applicationId: id, attachmentId: saved.id });
    expect((await windsor.applications.get({ id })).attachments).toHaveLength(0);
  });

  it('a draft is discarded by its organisation with its attachments, audited, and the call can be applied to again; nothing else can be', async () => {
    const call = await openCall({ titleEn: 'Discard call' });
    const { id } = await windsor.applications.create({ callId: call.id, organisationId: windsorOrg });
    const user = (await h.caller((await h.signInAs('recipient.windsor@example.ca')).token).api.auth.session())!;
    const meta = { requestId: 't', ip: null, userAgent: null, lang: 'en' as const };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100)]);
    await uploadAttachment(h.t.db, h.files, { ...user, organisationIds: [windsorOrg] }, meta, { applicationId: id, fileName: 'plan.pdf', data: pdf });
    const key = (await h.t.db.selectFrom('applicationAttachment').select('storageKey').where('applicationId', '=', id).executeTakeFirstOrThrow()).storageKey;
    // Another organisation cannot reach it.
    const { api: kaNi } = await h.signInAs('recipient@example.ca');
    expect(await rejection(kaNi.applications.discardDraft({ id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await windsor.applications.discardDraft({ id })).toEqual({ ok: true });
    expect(await h.t.db.selectFrom('application').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await h.files.get(key)).toBeNull();
    const audit = await h.t.db.selectFrom('auditEvent').select(['action', 'before']).where('entityId', '=', id).where('action', '=', 'discard').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ id, status: 'draft', attachments: ['plan.pdf'] });
    // The one-application-per-call rule is free again; a submitted application cannot be discarded.
    const again = await completeDraft(windsor, windsorOrg, call);
    expect(again).not.toBe(id);
    await windsor.applications.submit({ id: again });
    expect(await rejection(windsor.applications.discardDraft({ id: again }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.application.notDraft' });
    expect((await windsor.applications.get({ id: again })).status).toBe('submitted');
  });
});

describe('screening and assessment', () => {
  const allMet = Object.fromEntries(SCREENING_CHECKLIST.map((k) => [k, true])) as Record<(typeof SCREENING_CHECKLIST)[number], boolean>;

  it('screen, assign, declare, score, rank, recommend and decide within delegated authority, every state change audited', async () => {
    const call = await openCall({ titleEn: 'Assessment call' });
    const id = await completeDraft(windsor, windsorOrg, call, 30_000_000n);
    await windsor.applications.submit({ id });
    // Each member of staff is told what they may do next: the page offers exactly that.
    const next = async () => Promise.all([officer, manager, windsor].map(async (api) => (await api.applications.get({ id })).allowedActions));
    expect(await next()).toEqual([['screen'], [], []]);
    expect((await rejection(officer.assessment.screen({ applicationId: id, checklist: allMet, eligible: false, reason: ' ' }))).zodFields).toEqual(['reason']);
    await officer.assessment.screen({ applicationId: id, checklist: allMet, eligible: true, reason: '' });
    expect(await next()).toEqual([[], ['assignReviewer'], []]);
    const reviewerId = await h.userId('reviewer@example.ca');
    // Before assignment a reviewer cannot read it.
    expect((await rejection(reviewer.applications.get({ id }))).code).toBe('NOT_FOUND');
    await manager.assessment.assign({ applicationId: id, reviewerId });
    expect((await rejection(reviewer.applications.get({ id }))).messageKey).toBe('error.review.notDeclared');
    await reviewer.assessment.declareConflict({ applicationId: id, conflict: 'none', note: '' });
    const seen = await reviewer.applications.get({ id });
    expect(seen).toMatchObject({ access: 'reviewer', decision: null, screening: null });
    const [need, capacity] = call.criteria;
    expect((await rejection(reviewer.assessment.submitReview({ applicationId: id }))).messageKey).toBe('error.review.incomplete');
    await reviewer.assessment.saveScores({ applicationId: id, scores: [{ criterionId: need!.id, score: 8, comment: 'Clear need' }, { criterionId: capacity!.id, score: 6, comment: 'Small team' }] });
    // Until the reviewer submits, the scores are theirs alone.
    expect((await officer.assessment.scores({ applicationId: id })).reviewers[0]?.criteria).toEqual([]);
    expect(await reviewer.assessment.submitReview({ applicationId: id })).toEqual({ score: 72 });
    expect((await officer.assessment.scores({ applicationId: id })).reviewers[0]?.criteria).toHaveLength(2);
    const ranking = await officer.assessment.ranking({ callId: call.id });
    expect(ranking.find((r) => r.id === id)).toMatchObject({ rank: 1, averageScore: 72, spread: 0 });
    expect(await next()).toEqual([['recommend'], ['assignReviewer'], []]);
    await officer.assessment.recommend({ applicationId: id, outcome: 'fund', amountCents: null, rationale: 'Strong' });
    expect(await next()).toEqual([[], ['decide'], []]);
    // $300,000 is above an officer's limit: the decision waits for the program manager, who is told (in French, his language); not the deputy head, nor the officer who recommended it.
    const waiting = await h.t.db.selectFrom('mailMessage').select(['toAddress', 'language', 'subject']).where('template', '=', 'decisionWaiting').where('bodyText', 'like', `%/intake/${id}%`).execute();
    expect(waiting.map((m) => [m.toAddress, m.language])).toEqual([['manager@example.ca', 'fr']]);
    expect(waiting[0]!.subject).toMatch(/^La demande de financement APP-\d{4}-\d{6} attend votre décision$/);
    // The officer recommended it: they cannot decide it, and $300,000 is above their $250,000 authority anyway.
    const own = await rejection(officer.assessment.decide({ applicationId: id, outcome: 'approved', amountCents: 30_000_000n, rationale: 'ok' }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.decision.aboveLimit', field: 'amountCents' });
    // The refusal names who can: the program manager, whose limit covers it.
    const who = await officer.assessment.decide({ applicationId: id, outcome: 'approved', amountCents: 30_000_000n, rationale: 'ok' }).then(() => null, (e: { cause?: { params?: { who?: { en: string; fr: string } } } }) => e.cause?.params?.who);
    expect(who?.en).toMatch(/^Who can: Marc Gagnon \(Program manager, up to \$5,000,000\.00\)/);
    expect(who?.fr).toMatch(/^Qui le peut : Marc Gagnon \(Gestionnaire de programme, jusqu’à 5\s000\s000,00\s\$\)/);
    // The manager's limit is lowered below the amount: refused, nothing saved.
    const program = call.programId;
    const before = await h.t.db.selectFrom('programApprovalLimit').select('maxAmountCents').where('programId', '=', program).where('role', '=', 'program_manager').executeTakeFirstOrThrow();
    // Through the delegation of authority: one administrator proposes, a second approves.
    const { api: admin } = await h.signInAs('admin@example.ca');
    const { api: admin2 } = await h.signInAs('admin2@example.ca');
    const setManagerLimit = async (maxAmountCents: bigint) => {
      const change = await admin.delegation.propose({ programId: program, role: 'program_manager', maxAmountCents, rationale: 'Test' });
      await admin2.delegation.decide({ changeId: change.id, decision: 'approved' });
    };
    await setManagerLimit(29_999_999n);
    const above = await rejection(manager.assessment.decide({ applicationId: id, outcome: 'approved', amountCents: 30_000_000n, rationale: 'ok' }));
    expect(above).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.decision.aboveLimit' });
    // No officer's or manager's limit covers $300,000 now: the refusal names the deputy head, who holds the next position up by appointment.
    const nextUp = await manager.assessment.decide({ applicationId: id, outcome: 'approved', amountCents: 30_000_000n, rationale: 'ok' }).then(() => null, (e: { cause?: { params?: { who?: { en: string } } } }) => e.cause?.params?.who?.en);
    expect(nextUp).toBe('Who can: Nathalie Bouchard (Deputy head, up to $50,000,000.00).');
    expect((await officer.applications.get({ id })).status).toBe('recommended');
    await setManagerLimit(before.maxAmountCents);
    // The database refuses a decision above the recorded authority too. The application has no
    // decision yet, the manager holds this role with this very limit and did not recommend it, so
    // the authority trigger lets it through: only the amount above the limit can refuse it.
    const aboveRecorded = h.t.db.insertInto('applicationDecision').values({ applicationId: id, outcome: 'approved', amountCents: before.maxAmountCents + 1n, rationale: 'x', decidedBy: await h.userId('manager@example.ca'), deciderRole: 'program_manager', deciderLimitCents: before.maxAmountCents }).execute();
    await expect(aboveRecorded).rejects.toMatchObject({ code: '23514', message: expect.stringMatching(/violates check constraint "application_decision_check\d*"/) });
    await manager.assessment.decide({ applicationId: id, outcome: 'approved', amountCents: 30_000_000n, rationale: 'Fund it' });
    const decided = await windsor.applications.get({ id });
    expect(decided.status).toBe('approved');
    expect(await next()).toEqual([[], [], []]);
    expect(decided.letter?.language).toBe('en');
    expect(decided.letter?.body).toContain('$300,000.00');
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['submit', 'status.screened_in', 'screen', 'status.under_review', 'status.recommended', 'recommend', 'status.approved', 'decide']));
    const standards = await officer.assessment.serviceStandards({ callId: call.id });
    expect(standards).toMatchObject({ submitted: 1, acknowledged: 1, decided: 1, averageDaysToDecision: 0 });
  });

  it('nobody assigns themselves to review an application: refused by the service, and by the database without it', async () => {
    const call = await openCall({ titleEn: 'Self-assignment call' });
    const id = await completeDraft(windsor, windsorOrg, call);
    await windsor.applications.submit({ id });
    await officer.assessment.screen({ applicationId: id, checklist: allMet, eligible: true, reason: '' });
    const managerId = await h.userId('manager@example.ca');
    const role = await h.t.db.insertInto('membership').values({ userId: managerId, role: 'reviewer', organisationId: null }).returning('id').executeTakeFirstOrThrow();
    try {
      expect(await rejection(manager.assessment.assign({ applicationId: id, reviewerId: managerId }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.assignment.ownAssignment', field: 'reviewerId' });
      const refusal = await sqlRefusal(h.t.db.insertInto('reviewerAssignment').values({ applicationId: id, reviewerId: managerId, assignedBy: managerId }).execute());
      expect(refusal).toMatchObject({ code: '23514', constraint: 'reviewer_assignment_check' });
    } finally {
      await h.t.db.deleteFrom('membership').where('id', '=', role.id).execute();
    }
  });

  it('a conflicted reviewer cannot read or score the application', async () => {
    const call = await openCall({ titleEn: 'Conflict call' });
    const id = await completeDraft(windsor, windsorOrg, call);
    await windsor.applications.submit({ id });
    await officer.assessment.screen({ applicationId: id, checklist: allMet, eligible: true, reason: '' });
    await manager.assessment.assign({ applicationId: id, reviewerId: await h.userId('reviewer@example.ca') });
    await reviewer.assessment.declareConflict({ applicationId: id, conflict: 'conflict', note: 'I sit on their board' });
    expect(await rejection(reviewer.applications.get({ id }))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.review.conflict' });
    const criterionId = call.criteria[0]!.id;
    expect((await rejection(reviewer.assessment.saveScores({ applicationId: id, scores: [{ criterionId, score: 5, comment: '' }] }))).messageKey).toBe('error.review.conflict');
    expect((await rejection(reviewer.assessment.declareConflict({ applicationId: id, conflict: 'none', note: '' }))).messageKey).toBe('error.review.alreadyDeclared');
    const a = await h.t.db.selectFrom('reviewerAssignment').select('id').where('applicationId', '=', id).executeTakeFirstOrThrow();
    await expect(h.t.db.insertInto('reviewScore').values({ assignmentId: a.id, criterionId, score: 5, comment: '' }).execute()).rejects.toThrow(/refused/);
  });

  it('screening out needs a reason, and a withdrawn or screened-out application moves no further', async () => {
    const call = await openCall({ titleEn: 'Screen-out call' });
    const id = await completeDraft(windsor, windsorOrg, call);
    await windsor.applications.submit({ id });
    await officer.assessment.screen({ applicationId: id, checklist: { ...allMet, province_eligible: false }, eligible: false, reason: 'Outside the call’s regions' });
    expect((await rejection(windsor.applications.withdraw({ id }))).messageKey).toBe('error.application.transition');
    await expect(h.t.db.updateTable('application').set({ status: 'approved' }).where('id', '=', id).execute()).rejects.toThrow(/cannot go/);
  });

  it.skipIf(!process.env.DATABASE_URL)('two simultaneous submissions (two tabs) make one submission (PGlite is a single connection, so this runs on the server only)', async () => {
    const call = await openCall({ titleEn: 'Race call' });
    const id = await completeDraft(windsor, windsorOrg, call);
    const { api: tab2 } = await h.signInAs('recipient.windsor@example.ca');
    const [a, b] = await Promise.all([windsor.applications.submit({ id }), tab2.applications.submit({ id })]);
    expect(a.referenceNumber).toBe(b.referenceNumber);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    expect((await auditActions(id)).filter((x) => x === 'submit')).toHaveLength(1);
    // Two tabs opening the same call at once get the same draft.
    const call2 = await openCall({ titleEn: 'Race call 2' });
    const [d1, d2] = await Promise.all([windsor.applications.create({ callId: call2.id, organisationId: windsorOrg }), tab2.applications.create({ callId: call2.id, organisationId: windsorOrg })]);
    expect(d1.id).toBe(d2.id);
  });
});

describe('organisations', () => {
  it('self-registration creates an invited user, the organisation and its administrator; duplicates are flagged, not refused', async () => {
    const { api } = h.caller();
    const organisation = {
      legalNameEn: 'White Ribbon', legalNameFr: 'Ruban blanc', type: 'non_profit' as const, provinceOrTerritory: 'ON' as const, businessNumber: null,
      isIndigenousLed: false, isSurvivorLed: false, officialLanguage: 'fr' as const, addressLine: '1 rue Principale', city: 'Toronto', postalCode: 'm5v 2t6',
      contactName: 'Alex', contactEmail: 'alex@example.ca', contactPhone: '416-555-0100',
    };
    await api.auth.register({ email: 'new.person@example.ca', displayName: 'New Person', preferredLanguage: 'fr', organisation });
    const user = await h.t.db.selectFrom('appUser').select(['id', 'status']).where('email', '=', 'new.person@example.ca').executeTakeFirstOrThrow();
    expect(user.status).toBe('invited');
    const m = await h.t.db.selectFrom('membership').innerJoin('organisation', 'organisation.id', 'membership.organisationId').select(['membership.isOrganisationAdmin', 'organisation.postalCode', 'organisation.id']).where('userId', '=', user.id).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ isOrganisationAdmin: true, postalCode: 'M5V 2T6' });
    const mail = await h.t.db.selectFrom('mailMessage').select(['subject']).where('toAddress', '=', 'new.person@example.ca').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Confirmez');
    const list = await officer.organisation.list();
    expect(list.find((o) => o.id === m.id)?.possibleDuplicateIds).toHaveLength(1);
    await officer.organisation.verify({ id: m.id });
    expect((await officer.organisation.get({ id: m.id })).verifiedAt).toBeInstanceOf(Date);
    expect((await rejection(windsor.organisation.verify({ id: m.id }))).code).toBe('FORBIDDEN');
    // A correction of the address keeps the verification; a new legal name or business number does not.
    expect(await officer.organisation.update({ id: m.id, organisation: { ...organisation, city: 'Ottawa' } })).toEqual({ ok: true, needsVerification: false });
    expect((await officer.organisation.get({ id: m.id })).verifiedAt).toBeInstanceOf(Date);
    expect(await officer.organisation.update({ id: m.id, organisation: { ...organisation, city: 'Ottawa', legalNameEn: 'White Ribbon Canada' } })).toEqual({ ok: true, needsVerification: true });
    expect(await h.t.db.selectFrom('organisation').select(['verifiedAt', 'verifiedBy', 'legalNameEn']).where('id', '=', m.id).executeTakeFirstOrThrow()).toEqual({ verifiedAt: null, verifiedBy: null, legalNameEn: 'White Ribbon Canada' });
    const changes = await h.t.db.selectFrom('auditEvent').select(['action', 'before']).where('entityId', '=', m.id).where('action', 'like', 'update%').orderBy('occurredAt').execute();
    expect(changes.map((c) => c.action)).toEqual(['update', 'update.unverified']);
    expect(changes[1]!.before).toMatchObject({ legalNameEn: 'White Ribbon' });
    await officer.organisation.verify({ id: m.id });
    expect(await officer.organisation.update({ id: m.id, organisation: { ...organisation, city: 'Ottawa', legalNameEn: 'White Ribbon Canada', businessNumber: '123456789RR0001' } })).toEqual({ ok: true, needsVerification: true });
    // Registering again with an existing email says nothing different.
    await api.auth.register({ email: 'officer@example.ca', displayName: 'X', preferredLanguage: 'en', organisation });
    expect(await h.t.db.selectFrom('organisation').select('id').where('legalNameEn', 'like', 'White Ribbon%').execute()).toHaveLength(2);
  });
});
