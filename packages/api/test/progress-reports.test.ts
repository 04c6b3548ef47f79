/**
 * Progress reports on a real database, through the router: periods from the agreement's
 * schedule, a recipient files only for its own agreements, submission validates and freezes,
 * return and resubmission keep both versions, accepting the final report makes the holdback
 * releasable, milestones are approved with a report, and the reminder job sends each reminder
 * exactly once however often it runs.
 */
import type { ReportContent } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRefusal } from '@tp/db/testing';
import { createMailer, createMemoryFileStore, defaultApiConfig, seedDemoActivity } from '../src';
import { runReportReminders } from '../src/progress-reports/send-report-reminders';
import { derivedRowsAstray } from './derived';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let windsorAgreementId: string;
const deps = () => ({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity(deps());
  windsorAgreementId = (await h.t.db.selectFrom('agreement').innerJoin('organisation', 'organisation.id', 'agreement.organisationId').select('agreement.id').where('organisation.legalNameEn', '=', 'Legal Assistance of Windsor').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await h?.close();
});

async function counts() {
  const n = async (table: 'progressReportRevision' | 'reportIndicatorValue' | 'auditEvent' | 'progressReport') =>
    Number((await h.t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { revisions: await n('progressReportRevision'), values: await n('reportIndicatorValue'), audit: await n('auditEvent'), reports: await n('progressReport') };
}

/** A complete report for the Windsor agreement: one activity delayed, youth counted by gender, age and Indigenous identity. */
function completeContent(draft: ReportContent, youth: number): ReportContent {
  const [first, second] = draft.activities;
  return {
    ...draft,
    activities: [
      { ...first!, status: 'completed', reason: '', newExpectedDate: null },
      { ...second!, status: 'delayed', reason: 'The evaluator was hired late.', newExpectedDate: '2027-09-30' },
    ],
    indicators: draft.indicators.map((i) => ({
      ...i,
      value: String(youth),
      breakdown: [
        { dimension: 'gender', category: 'women', count: youth - 10 },
        { dimension: 'gender', category: 'men', count: 8 },
        { dimension: 'gender', category: 'not_disclosed', count: 2 },
        { dimension: 'age_group', category: 'age_12_17', count: youth },
        { dimension: 'indigenous_identity', category: 'first_nations', count: 5 },
        { dimension: 'indigenous_identity', category: 'not_disclosed', count: youth - 5 },
      ],
    })),
    progress: 'Twelve information sessions in four high schools.',
  };
}

describe('reporting periods', () => {
  it('follow the agreement’s quarterly schedule, the last one final and due 90 days after the end', async () => {
    const periods = await h.t.db.selectFrom('reportingPeriod').selectAll().where('agreementId', '=', windsorAgreementId).orderBy('periodStart').execute();
    expect(periods).toHaveLength(8);
    expect(periods[0]).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-06-30', dueDate: '2026-07-30', isFinal: false, fiscalYear: '2026-27' });
    expect(periods.at(-1)).toMatchObject({ periodStart: '2028-01-01', periodEnd: '2028-03-31', dueDate: '2028-06-29', isFinal: true });
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const due = await api.reports.due();
    expect(due.map((d) => d.periodStart)).toEqual(periods.map((p) => p.periodStart));
    expect(due[0]).toMatchObject({ status: 'not_started', periodEnded: true });
    expect(due[0]!.daysLate).toBeGreaterThan(100);
  });

  it('carry their agreement’s program, filled by the database, and an agreement cannot change program', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from reporting_period rp join agreement a on a.id = rp.agreement_id where rp.program_id <> a.program_id`.execute(h.t.db);
    expect(rows[0]!.n).toBe(0);
    const agreement = await h.t.db.selectFrom('agreement').select(['id', 'programId']).where('id', '=', windsorAgreementId).executeTakeFirstOrThrow();
    expect(new Set((await h.t.db.selectFrom('reportingPeriod').select('programId').where('agreementId', '=', agreement.id).execute()).map((p) => p.programId))).toEqual(new Set([agreement.programId]));
    const other = await h.t.db.selectFrom('program').select('id').where('id', '<>', agreement.programId).executeTakeFirstOrThrow();
    await expect(h.t.db.updateTable('agreement').set({ programId: other.id }).where('id', '=', agreement.id).execute()).rejects.toThrow(/never change/);
    // A period written with another program is filed under its agreement's all the same.
    await h.t.db.updateTable('reportingPeriod').set({ programId: other.id } as never).where('agreementId', '=', agreement.id).execute();
    expect(new Set((await h.t.db.selectFrom('reportingPeriod').select('programId').where('agreementId', '=', agreement.id).execute()).map((p) => p.programId))).toEqual(new Set([agreement.programId]));
  });
});

describe('filing, returning and accepting a report', () => {
  let reportId: string;

  it('refuses a recipient of another organisation, whatever it tries', async () => {
    const period = await h.t.db.selectFrom('reportingPeriod').select('id').where('agreementId', '=', windsorAgreementId).orderBy('periodStart').executeTakeFirstOrThrow();
    const { api: kaNi } = await h.signInAs('recipient@example.ca');
    const before = await counts();
    expect(await rejection(kaNi.reports.open({ periodId: period.id }))).toMatchObject({ code: 'NOT_FOUND' });
    const { api: windsor } = await h.signInAs('recipient.windsor@example.ca');
    reportId = (await windsor.reports.open({ periodId: period.id })).reportId;
    expect(await rejection(kaNi.reports.get({ reportId }))).toMatchObject({ code: 'NOT_FOUND' });
    const draft = (await windsor.reports.get({ reportId })).draft!;
    expect(await rejection(kaNi.reports.saveDraft({ reportId, content: draft }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(kaNi.reports.submit({ reportId, revision: 0 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await kaNi.reports.due()).some((d) => d.agreementId === windsorAgreementId)).toBe(false);
    // Opening twice returns the same report.
    expect((await windsor.reports.open({ periodId: period.id })).reportId).toBe(reportId);
    expect((await counts()).reports).toBe(before.reports + 1);
  });

  it('refuses bad figures in a draft, naming the field, and saves nothing', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const draft = (await api.reports.get({ reportId })).draft!;
    const good = completeContent(draft, 40);
    const before = await counts();
    const exceeding = { ...good, indicators: good.indicators.map((i) => ({ ...i, value: '10' })) };
    expect(await rejection(api.reports.saveDraft({ reportId, content: exceeding }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.report.breakdownExceedsTotal', field: 'content.indicators.0.breakdown' });
    const negative = { ...good, indicators: good.indicators.map((i) => ({ ...i, breakdown: [{ dimension: 'gender' as const, category: 'women', count: -3 }] })) };
    expect((await rejection(api.reports.saveDraft({ reportId, content: negative }))).zodFields).toEqual(['content.indicators.0.breakdown.0.count']);
    const text = { ...good, indicators: good.indicators.map((i) => ({ ...i, value: 'forty' })) };
    expect((await rejection(api.reports.saveDraft({ reportId, content: text }))).zodFields).toEqual(['content.indicators.0.value']);
    expect(await counts()).toEqual(before);
    expect((await api.reports.get({ reportId })).draft).toEqual(draft);
  });

  it('saves an incomplete draft and says what submission still needs', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const draft = (await api.reports.get({ reportId })).draft!;
    const partial = { ...completeContent(draft, 40), activities: completeContent(draft, 40).activities.map((a) => (a.status === 'delayed' ? { ...a, reason: '' } : a)) };
    const saved = await api.reports.saveDraft({ reportId, content: partial });
    expect(saved.issues.map((i) => i.messageKey)).toEqual(['error.report.reasonRequired']);
    expect(await rejection(api.reports.submit({ reportId, revision: 0 }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.report.reasonRequired', field: 'content.activities.1.reason' });
  });

  it('submits once, freezes the version, and refuses an edit or a second submission', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const draft = (await api.reports.get({ reportId })).draft!;
    await api.reports.saveDraft({ reportId, content: completeContent(draft, 40) });
    expect(await api.reports.submit({ reportId, revision: 0 })).toEqual({ revision: 1 });
    expect(await rejection(api.reports.submit({ reportId, revision: 0 }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.report.alreadySubmitted' });
    expect(await rejection(api.reports.saveDraft({ reportId, content: completeContent(draft, 41) }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.report.notEditable' });
    const values = await h.t.db.selectFrom('reportIndicatorValue').select(['value', 'revision']).where('reportId', '=', reportId).execute();
    expect(values).toEqual([{ value: '40.0000', revision: 1 }]);
    // The database refuses a change to a submitted version even without the service.
    await expect(sql`update progress_report_revision set content = '{}' where report_id = ${reportId}`.execute(h.t.db)).rejects.toThrow(/final/);
    expect(await sqlRefusal(sql`update report_indicator_value set value = 41 where report_id = ${reportId}`.execute(h.t.db))).toMatchObject({
      code: '23001',
      message: 'report_indicator_value: UPDATE refused, the record is final',
    });
    // The officer was told.
    const officerId = await h.userId('officer@example.ca');
    expect(await h.t.db.selectFrom('notification').select('kind').where('userId', '=', officerId).where('reportId', '=', reportId).execute()).toEqual([{ kind: 'report_submitted' }]);
  });

  it('is returned with comments, corrected and resubmitted; both versions stay readable', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const { api: manager } = await h.signInAs('manager@example.ca');
    // Each reader is told what they may do next: the officer reviews, the manager only reads, the recipient waits.
    const next = async () => Promise.all([officer, manager, api].map(async (a) => (await a.reports.get({ reportId })).allowedActions));
    expect(await next()).toEqual([['review'], [], []]);
    expect((await officer.reports.queue()).toReview.map((r) => r.reportId)).toContain(reportId);
    expect(await rejection(officer.reports.review({ reportId, revision: 1, outcome: 'returned', comments: {}, approveMilestones: [] }))).toMatchObject({ messageKey: 'error.report.commentsRequired' });
    await officer.reports.review({ reportId, revision: 1, outcome: 'returned', comments: { indicators: 'The age breakdown counts everyone as 12 to 17; please check.' }, approveMilestones: [] });
    expect(await next()).toEqual([[], [], ['edit']]);
    const returned = await api.reports.get({ reportId });
    expect(returned.status).toBe('returned');
    const fixed = completeContent(returned.draft!, 40);
    fixed.indicators = fixed.indicators.map((i) => ({
      ...i,
      breakdown: i.breakdown.filter((b) => b.dimension !== 'age_group').concat([
        { dimension: 'age_group', category: 'age_12_17', count: 30 },
        { dimension: 'age_group', category: 'age_18_24', count: 10 },
      ]),
    }));
    await api.reports.saveDraft({ reportId, content: fixed });
    expect(await api.reports.submit({ reportId, revision: 1 })).toEqual({ revision: 2 });
    const both = await api.reports.get({ reportId });
    expect(both.revisions.map((r) => [r.revision, r.outcome])).toEqual([[1, 'returned'], [2, null]]);
    expect(both.revisions[0]!.comments).toEqual({ indicators: 'The age breakdown counts everyone as 12 to 17; please check.' });
    expect(both.revisions[0]!.content.indicators[0]!.breakdown.filter((b) => b.dimension === 'age_group')).toEqual([{ dimension: 'age_group', category: 'age_12_17', count: 40 }]);
  });

  it('is accepted with a milestone approved; the submitter can never review their own report', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const report = await officer.reports.get({ reportId });
    const milestone = report.plan.milestones[0]!;
    await officer.reports.review({ reportId, revision: 2, outcome: 'accepted', comments: {}, approveMilestones: [milestone.key] });
    expect(await rejection(officer.reports.review({ reportId, revision: 2, outcome: 'accepted', comments: {}, approveMilestones: [] }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.report.notAwaitingReview' });
    expect(await h.t.db.selectFrom('milestoneApproval').select('milestoneKey').where('agreementId', '=', windsorAgreementId).execute()).toEqual([{ milestoneKey: milestone.key }]);
    // Not the final report: the holdback stays held.
    expect((await h.t.db.selectFrom('agreement').select('finalReportAcceptedAt').where('id', '=', windsorAgreementId).executeTakeFirstOrThrow()).finalReportAcceptedAt).toBeNull();
    const progress = await officer.reports.progress({ agreementId: windsorAgreementId });
    expect(progress.activities).toMatchObject({ planned: 2, completed: 1, delayed: 1, completedOrUnderWayPercent: 50 });
    expect(progress.indicators[0]).toMatchObject({ actual: '40', targetValue: '450' });
  });

  it('refuses to submit a period that has not ended, but keeps the draft', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const future = (await api.reports.due()).find((d) => !d.periodEnded)!;
    const { reportId: id } = await api.reports.open({ periodId: future.periodId });
    const draft = (await api.reports.get({ reportId: id })).draft!;
    await api.reports.saveDraft({ reportId: id, content: completeContent(draft, 12) });
    expect(await rejection(api.reports.submit({ reportId: id, revision: 0 }))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.report.periodNotEnded' });
    expect((await api.reports.get({ reportId: id })).status).toBe('draft');
  });
});

describe('the final report', () => {
  it('once accepted, makes the holdback releasable', async () => {
    // A one-year agreement that ended last March: its final report can be filed now.
    const { api: officer } = await h.signInAs('officer@example.ca');
    const agreement = await h.t.db.selectFrom('agreementVersion').select(['id', 'streamId']).where('agreementId', '=', windsorAgreementId).executeTakeFirstOrThrow();
    const program = await h.t.db.selectFrom('agreement').select('programId').where('id', '=', windsorAgreementId).executeTakeFirstOrThrow();
    const pillars = await h.t.db.selectFrom('agreementVersionPillar').select('pillarId').where('versionId', '=', agreement.id).execute();
    const orgId = await h.organisationId('Legal Assistance of Windsor');
    const created = await officer.agreements.create({
      programId: program.programId,
      organisationId: orgId,
      applicationId: null,
      terms: {
        streamId: agreement.streamId,
        pillarIds: pillars.map((p) => p.pillarId),
        title: 'Court support pilot',
        description: '',
        startDate: '2025-04-01',
        endDate: '2026-03-31',
        totalCents: 5_000_000n,
        fiscalYears: [{ fiscalYear: '2025-26', amountCents: 5_000_000n }],
        budget: [{ fiscalYear: '2025-26', category: 'salaries_benefits', amountCents: 5_000_000n }],
        paymentBasis: 'reimbursement',
        advanceFrequency: null,
        holdback: { kind: 'percent', basisPoints: 1000n },
        riskLevel: 'high',
        riskReasons: 'A pilot with a new partner.',
        reportingFrequency: 'annual',
        milestones: [],
        indicators: [],
        otherFunding: [],
        specialConditions: '',
      },
    });
    await officer.agreements.send({ agreementId: created.id });
    const { api: windsor } = await h.signInAs('recipient.windsor@example.ca');
    await windsor.agreements.signAsRecipient({ agreementId: created.id, signerName: 'Sam Tremblay', signerTitle: 'Executive Director', confirmed: true });
    const { api: manager } = await h.signInAs('manager@example.ca');
    await manager.agreements.signForDepartment({ agreementId: created.id });
    const due = (await windsor.reports.due()).filter((d) => d.agreementId === created.id);
    expect(due.map((d) => [d.periodStart, d.periodEnd, d.isFinal])).toEqual([['2025-04-01', '2026-03-31', true]]);
    const { reportId } = await windsor.reports.open({ periodId: due[0]!.periodId });
    const draft = (await windsor.reports.get({ reportId })).draft!;
    const content = { ...draft, progress: 'Court support offered in 60 hearings.' };
    await windsor.reports.saveDraft({ reportId, content });
    expect(await rejection(windsor.reports.submit({ reportId, revision: 0 }))).toMatchObject({ messageKey: 'error.report.finalResultsRequired', field: 'content.finalResults' });
    await windsor.reports.saveDraft({ reportId, content: { ...content, finalResults: 'Target of 50 hearings exceeded: 60.' } });
    await windsor.reports.submit({ reportId, revision: 0 });
    await officer.reports.review({ reportId, revision: 1, outcome: 'accepted', comments: {}, approveMilestones: [] });
    const row = await h.t.db.selectFrom('agreement').select('finalReportAcceptedAt').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.finalReportAcceptedAt).toBeInstanceOf(Date);
    expect(await h.t.db.selectFrom('auditEvent').select('action').where('entityId', '=', created.id).where('action', '=', 'holdback.releasable').execute()).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('sends exactly one reminder per report and threshold, even when the job runs twice', async () => {
    const count = async () => ({
      reminders: Number((await h.t.db.selectFrom('reportReminder').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      notices: Number((await h.t.db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', 'in', ['report_due_soon', 'report_overdue']).executeTakeFirstOrThrow()).n),
      mails: Number((await h.t.db.selectFrom('mailMessage').select((eb) => eb.fn.countAll<string>().as('n')).where('template', 'in', ['reportDueSoon', 'reportOverdue']).executeTakeFirstOrThrow()).n),
    });
    const today = '2026-11-24';
    const before = await count();
    // Run twice at once (on PostgreSQL these race for real) and once more after.
    const [a, b] = await Promise.all([runReportReminders(h.t.db, deps(), today), runReportReminders(h.t.db, deps(), today)]);
    const c = await runReportReminders(h.t.db, deps(), today);
    const after = await count();
    expect(a.sent + b.sent).toBeGreaterThan(0);
    expect(c.sent).toBe(0);
    expect(after.reminders - before.reminders).toBe(a.sent + b.sent);
    // The Windsor Q2 2026-27 report (due 2026-10-30) is overdue: one reminder, whoever ran.
    const q2 = await h.t.db.selectFrom('reportingPeriod').select('id').where('agreementId', '=', windsorAgreementId).where('periodStart', '=', '2026-07-01').executeTakeFirstOrThrow();
    expect(await h.t.db.selectFrom('reportReminder').select('threshold').where('periodId', '=', q2.id).execute()).toEqual([{ threshold: 'overdue' }]);
    // Each reminder told Windsor's one person (and, when overdue, the officer): one notice and one email each.
    expect(after.notices - before.notices).toBe(after.mails - before.mails);
    // The accepted Q1 report gets no reminder.
    const q1 = await h.t.db.selectFrom('reportingPeriod').select('id').where('agreementId', '=', windsorAgreementId).where('periodStart', '=', '2026-04-01').executeTakeFirstOrThrow();
    expect(await h.t.db.selectFrom('reportReminder').select('threshold').where('periodId', '=', q1.id).execute()).toEqual([]);
  });

  it('shows each person their own notices with an unread count', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    const mine = await api.notifications.mine();
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items.every((n) => n.userId === mine.items[0]!.userId)).toBe(true);
    await api.notifications.markRead({ ids: 'all' });
    expect((await api.notifications.mine()).unread).toBe(0);
  });
});

describe('what the database keeps from these records', () => {
  it('the reporting tallies, agreements in force and years of the terms still equal their sources after everything above', async () => {
    expect(await derivedRowsAstray(h.t.db)).toBe(0);
  });
});
