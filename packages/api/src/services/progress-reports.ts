/**
 * Progress reports: reporting periods generated from each active agreement's schedule, the
 * recipient's draft (autosaved), submission that validates and freezes a version, the officer's
 * review (accept, or return with comments per section) with milestone approvals, reminders sent
 * once per period and threshold, and notices by email and in the portal. One transaction per
 * command, each with its audit record.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { type ActivityStatus, activitySummary, AGREEMENT_STAFF, daysLate, DomainError, emptyReportContent, GBA_DIMENSIONS, type GbaDimension, holds, periodHasEnded, reachedThresholds, RECIPIENTS, reportActions, type ReportContent, reportContentErrors, reportContentInput, reportingSchedule, type ReportIssue, type ReportRules, type ReportSection, type ReportStatus, reportSubmissionIssues } from '@tp/domain';
import { translate } from '@tp/i18n';
import type { RequestMeta } from '../context';
import { type MailDeps, queueMail } from '../mail/mailer';
import { loadTerms } from '../agreements/terms';
import { formatDate } from '../format';
import { type Viewer } from '../auth/resolve-session';

type Reader = Db | Tx;

// ---------------------------------------------------------------------------------------------
// Periods

/**
 * Brings an agreement's reporting periods in line with its terms in force: new periods are
 * added, a period whose dates changed is updated, and a period no longer in the schedule is
 * cancelled, unless a report was already submitted for it (what was reported stays).
 */
export async function syncReportingPeriods(tx: Tx, agreementId: string): Promise<void> {
  const a = await tx.selectFrom('agreement').select(['id', 'currentVersion']).where('id', '=', agreementId).executeTakeFirstOrThrow();
  const v = await tx
    .selectFrom('agreementVersion')
    .select(['startDate', 'endDate', 'reportingFrequency'])
    .where('agreementId', '=', agreementId)
    .where('version', '=', a.currentVersion)
    .executeTakeFirstOrThrow();
  const schedule = reportingSchedule(v.startDate, v.endDate, v.reportingFrequency);
  const existing = await tx
    .selectFrom('reportingPeriod')
    .leftJoin('progressReport', 'progressReport.periodId', 'reportingPeriod.id')
    .select(['reportingPeriod.id', 'reportingPeriod.periodStart', 'reportingPeriod.periodEnd', 'reportingPeriod.isFinal', 'reportingPeriod.cancelledAt', 'progressReport.revision'])
    .where('reportingPeriod.agreementId', '=', agreementId)
    .execute();
  const reported = (p: (typeof existing)[number]) => (p.revision ?? 0) > 0;
  const wanted = new Map(schedule.map((p) => [p.start, p]));
  // First cancel or un-final what no longer fits, so that at most one final period exists at any time.
  for (const p of existing) {
    if (p.cancelledAt || reported(p)) continue;
    const next = wanted.get(p.periodStart);
    if (!next) await tx.updateTable('reportingPeriod').set({ cancelledAt: new Date() }).where('id', '=', p.id).execute();
    else if (p.isFinal && !next.final) await tx.updateTable('reportingPeriod').set({ isFinal: false }).where('id', '=', p.id).execute();
  }
  for (const next of schedule) {
    const p = existing.find((e) => e.periodStart === next.start);
    if (!p) {
      await tx
        .insertInto('reportingPeriod')
        .values({ agreementId, fiscalYear: next.fiscalYear, periodStart: next.start, periodEnd: next.end, dueDate: next.dueDate, isFinal: next.final })
        .execute();
    } else if (!reported(p)) {
      await tx
        .updateTable('reportingPeriod')
        .set({ periodEnd: next.end, dueDate: next.dueDate, isFinal: next.final, fiscalYear: next.fiscalYear, cancelledAt: null })
        .where('id', '=', p.id)
        .execute();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Access and the plan a report answers

async function agreementFor(db: Reader, agreementId: string) {
  return db.selectFrom('agreement').select(['id', 'organisationId', 'status', 'currentVersion', 'referenceNumber', 'createdBy', 'programId']).where('id', '=', agreementId).executeTakeFirstOrThrow();
}

function isReportStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, AGREEMENT_STAFF);
}

function assertReportAccess(user: Viewer, organisationId: string): 'owner' | 'staff' {
  if (holds(user, RECIPIENTS) && user.organisationIds.includes(organisationId)) return 'owner';
  if (isReportStaff(user)) return 'staff';
  throw new DomainError('NOT_FOUND', 'error.report.notFound', 'reportId');
}

/** The milestones and indicators of the terms in force, with what reporting needs to know of each. */
async function planOf(db: Reader, agreementId: string) {
  const a = await agreementFor(db, agreementId);
  const v = await db.selectFrom('agreementVersion').select('id').where('agreementId', '=', agreementId).where('version', '=', a.currentVersion).executeTakeFirstOrThrow();
  const terms = await loadTerms(db, v.id);
  const indicators = terms.indicators.length
    ? await db
        .selectFrom('indicator')
        .select(['id', 'code', 'nameEn', 'nameFr', 'unit', 'gbaDimensions', 'direction', 'baselineValue'])
        .where('id', 'in', terms.indicators.map((i) => i.indicatorId))
        .orderBy('code')
        .execute()
    : [];
  return {
    agreement: a,
    terms,
    milestones: terms.milestones.map((m) => ({ key: m.key ?? '', title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })),
    indicators: indicators.map((i) => ({ ...i, targetValue: terms.indicators.find((t) => t.indicatorId === i.id)?.targetValue ?? null })),
  };
}

/**
 * What a draft and a submission are checked against, read directly: the milestone keys and the
 * indicators (unit, GBA Plus dimensions) of the terms in force, in two statements rather than
 * the whole plan.
 */
async function submissionRules(db: Reader, agreementId: string, isFinal: boolean): Promise<ReportRules> {
  const [milestones, indicators] = await Promise.all([
    db
      .selectFrom('agreementMilestone as m')
      .innerJoin('agreementVersion as v', 'v.id', 'm.versionId')
      .innerJoin('agreement as a', (j) => j.onRef('a.id', '=', 'v.agreementId').onRef('a.currentVersion', '=', 'v.version'))
      .select('m.key')
      .where('a.id', '=', agreementId)
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('agreementIndicator as ai')
      .innerJoin('agreementVersion as v', 'v.id', 'ai.versionId')
      .innerJoin('agreement as a', (j) => j.onRef('a.id', '=', 'v.agreementId').onRef('a.currentVersion', '=', 'v.version'))
      .innerJoin('indicator as i', 'i.id', 'ai.indicatorId')
      .select(['i.id', 'i.unit', 'i.gbaDimensions'])
      .where('a.id', '=', agreementId)
      .orderBy('i.code')
      .execute(),
  ]);
  return {
    milestoneKeys: milestones.map((m) => m.key ?? ''),
    indicators: indicators.map((i) => ({ id: i.id, unit: i.unit, gbaDimensions: i.gbaDimensions as GbaDimension[] })),
    isFinal,
  };
}

function issueError(issue: ReportIssue): DomainError {
  return new DomainError('BAD_INPUT', issue.messageKey, ['content', ...issue.path].join('.'), dimensionParams(issue.params));
}

function dimensionParams(params: Record<string, string> | undefined) {
  if (!params) return undefined;
  const out: Record<string, string | { en: string; fr: string }> = { ...params };
  if (params.dimension) out.dimension = { en: translate('en', `gba.dimension.${params.dimension}`), fr: translate('fr', `gba.dimension.${params.dimension}`) };
  return out;
}

async function lockReport(tx: Tx, id: string) {
  const r = await tx.selectFrom('progressReport').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', 'error.report.notFound', 'reportId');
  return r;
}

// ---------------------------------------------------------------------------------------------
// Notices

type NoticeKind = 'report_due_soon' | 'report_overdue' | 'report_submitted' | 'report_returned' | 'report_accepted';
const NOTICE_MAIL = {
  report_due_soon: 'reportDueSoon',
  report_overdue: 'reportOverdue',
  report_submitted: 'reportSubmitted',
  report_returned: 'reportReturned',
  report_accepted: 'reportAccepted',
} as const;

/** One notice to each person: in the portal, and by email in their language. */
async function notify(
  tx: Tx,
  deps: MailDeps,
  people: readonly { id: string; email: string; displayName: string; preferredLanguage: 'en' | 'fr' }[],
  kind: NoticeKind,
  ref: { agreementId: string; reportId: string | null; link: string },
  params: (lang: 'en' | 'fr') => Record<string, string>,
): Promise<void> {
  for (const p of people) {
    const ps = params(p.preferredLanguage);
    await tx
      .insertInto('notification')
      .values({ userId: p.id, kind, agreementId: ref.agreementId, reportId: ref.reportId, params: JSON.stringify({ ...params('en'), ...Object.fromEntries(Object.entries(params('fr')).map(([k, v]) => [`${k}Fr`, v])) }) })
      .execute();
    await queueMail(tx, { to: p.email, lang: p.preferredLanguage, template: NOTICE_MAIL[kind], params: { name: p.displayName, link: `${deps.config.appUrl}${ref.link}`, ...ps } });
  }
}

async function recipientPeople(db: Reader, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('appUser', 'appUser.id', 'membership.userId')
    .select(['appUser.id', 'appUser.email', 'appUser.displayName', 'appUser.preferredLanguage'])
    .where('membership.organisationId', '=', organisationId)
    .where('membership.role', '=', 'recipient')
    .where('appUser.status', '=', 'active')
    .execute();
}

async function person(db: Reader, id: string) {
  return db.selectFrom('appUser').select(['id', 'email', 'displayName', 'preferredLanguage']).where('id', '=', id).where('status', '=', 'active').execute();
}

function periodLabel(p: { periodStart: string; periodEnd: string }, lang: 'en' | 'fr'): string {
  const f = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), lang);
  return `${f(p.periodStart)} – ${f(p.periodEnd)}`;
}

// ---------------------------------------------------------------------------------------------
// Recipient: what is due, open, save, submit

export async function reportsDue(db: Db, user: Viewer, today: string) {
  if (user.organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('reportingPeriod as p')
    .innerJoin('agreement as a', 'a.id', 'p.agreementId')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'a.id').onRef('v.version', '=', 'a.currentVersion'))
    .leftJoin('progressReport as r', 'r.periodId', 'p.id')
    .select(['p.id as periodId', 'p.periodStart', 'p.periodEnd', 'p.dueDate', 'p.isFinal', 'a.id as agreementId', 'a.referenceNumber', 'v.title', 'r.id as reportId', 'r.status', 'r.revision'])
    .where('a.organisationId', 'in', user.organisationIds)
    .where('a.status', 'in', ['active', 'closed'])
    .where('p.cancelledAt', 'is', null)
    .orderBy('p.dueDate')
    .execute();
  return rows.map((r) => ({
    ...r,
    status: (r.status ?? 'not_started') as ReportStatus | 'not_started',
    /** A draft can be started any time; it is submitted once the period has ended. */
    periodEnded: periodHasEnded(r.periodEnd, today),
    daysLate: r.status === 'submitted' || r.status === 'accepted' ? 0 : daysLate(r.dueDate, today),
  }));
}

/** Opens the report of a period: the existing one, or a new draft listing the plan to report on. */
export async function openReport(db: Db, user: Viewer, meta: RequestMeta, periodId: string): Promise<{ reportId: string }> {
  return inTransaction(db, async ({ tx }) => {
    const period = await tx.selectFrom('reportingPeriod').selectAll().where('id', '=', periodId).forUpdate().executeTakeFirst();
    if (!period || period.cancelledAt) throw new DomainError('NOT_FOUND', 'error.report.notFound', 'periodId');
    const a = await agreementFor(tx, period.agreementId);
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'periodId');
    if (a.status !== 'active') throw new DomainError('CONFLICT', 'error.report.agreementNotActive', 'periodId');
    const existing = await tx.selectFrom('progressReport').select('id').where('periodId', '=', periodId).executeTakeFirst();
    if (existing) return { reportId: existing.id };
    const plan = await planOf(tx, a.id);
    const content = emptyReportContent(plan.milestones.map((m) => m.key), plan.indicators.map((i) => i.id));
    const created = await tx
      .insertInto('progressReport')
      .values({ periodId, agreementId: a.id, draft: JSON.stringify(content), createdBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: created.id, action: 'create', after: { periodId }, requestId: meta.requestId });
    return { reportId: created.id };
  });
}

export async function saveReportDraft(db: Db, user: Viewer, meta: RequestMeta, input: { reportId: string; content: ReportContent }): Promise<{ savedAt: Date; issues: ReportIssue[] }> {
  return inTransaction(db, async ({ tx }) => {
    const r = await lockReport(tx, input.reportId);
    const a = await agreementFor(tx, r.agreementId);
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'reportId');
    if (r.status !== 'draft' && r.status !== 'returned') throw new DomainError('CONFLICT', 'error.report.notEditable', 'reportId');
    const period = await tx.selectFrom('reportingPeriod').select('isFinal').where('id', '=', r.periodId).executeTakeFirstOrThrow();
    const rules = await submissionRules(tx, a.id, period.isFinal);
    const wrong = reportContentErrors(input.content, rules);
    if (wrong.length > 0) throw issueError(wrong[0]!);
    const savedAt = new Date();
    await tx.updateTable('progressReport').set({ draft: JSON.stringify(input.content), draftSavedAt: savedAt, draftSavedBy: user.id, updatedAt: savedAt }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: r.id, action: 'save', after: input.content, requestId: meta.requestId });
    // What submission would still refuse, to show beside the form as the recipient works.
    return { savedAt, issues: reportSubmissionIssues(input.content, rules) };
  });
}

export async function submitReport(
  db: Db,
  deps: MailDeps,
  user: Viewer,
  meta: RequestMeta,
  input: { reportId: string; revision: number },
  today: string,
): Promise<{ revision: number }> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const r = await lockReport(tx, input.reportId);
    // The agreement, the period and the organisation's names in one read.
    const a = await tx
      .selectFrom('agreement as a')
      .innerJoin('reportingPeriod as p', 'p.agreementId', 'a.id')
      .innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .select(['a.id', 'a.organisationId', 'a.referenceNumber', 'a.createdBy', 'p.periodStart', 'p.periodEnd', 'p.isFinal', 'o.legalNameEn', 'o.legalNameFr'])
      .where('a.id', '=', r.agreementId)
      .where('p.id', '=', r.periodId)
      .executeTakeFirstOrThrow();
    const period = { periodStart: a.periodStart, periodEnd: a.periodEnd, isFinal: a.isFinal };
    const org = { legalNameEn: a.legalNameEn, legalNameFr: a.legalNameFr };
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'reportId');
    // The revision the recipient worked from: a second click, another tab or a retry finds it moved on.
    if (r.revision !== input.revision || (r.status !== 'draft' && r.status !== 'returned')) {
      throw new DomainError('CONFLICT', 'error.report.alreadySubmitted', 'reportId');
    }
    if (!periodHasEnded(period.periodEnd, today)) {
      throw new DomainError('BAD_INPUT', period.isFinal ? 'error.report.finalBeforeEnd' : 'error.report.periodNotEnded', 'reportId', { date: { en: formatDate(new Date(`${period.periodEnd}T12:00:00Z`), 'en'), fr: formatDate(new Date(`${period.periodEnd}T12:00:00Z`), 'fr') } });
    }
    const parsed = reportContentInput.safeParse(r.draft);
    if (!parsed.success) throw new DomainError('BAD_INPUT', 'error.report.incomplete', 'reportId');
    const content = parsed.data;
    const issues = reportSubmissionIssues(content, await submissionRules(tx, a.id, period.isFinal));
    if (issues.length > 0) throw issueError(issues[0]!);
    const revision = r.revision + 1;
    await tx.insertInto('progressReportRevision').values({ reportId: r.id, revision, content: JSON.stringify(content), submittedBy: user.id }).execute();
    const values = content.indicators.filter((i) => i.value !== null);
    if (values.length > 0) {
      await tx.insertInto('reportIndicatorValue').values(values.map((i) => ({ reportId: r.id, revision, indicatorId: i.indicatorId, value: i.value ?? '0' }))).execute();
      const breakdown = values.flatMap((i) => i.breakdown.map((b) => ({ reportId: r.id, revision, indicatorId: i.indicatorId, dimension: b.dimension, category: b.category, count: b.count })));
      if (breakdown.length > 0) await tx.insertInto('reportIndicatorBreakdown').values(breakdown).execute();
    }
    const activities = content.activities.filter((x): x is typeof x & { status: ActivityStatus } => x.status !== null);
    if (activities.length > 0) {
      await tx
        .insertInto('reportActivityStatus')
        .values(activities.map((x) => ({ reportId: r.id, revision, milestoneKey: x.milestoneKey, status: x.status, reason: x.reason, newExpectedDate: x.newExpectedDate })))
        .execute();
    }
    await tx.updateTable('progressReport').set({ status: 'submitted', revision, updatedAt: new Date() }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: r.id, action: 'submit', before: { status: r.status, revision: r.revision }, after: { status: 'submitted', revision }, requestId: meta.requestId });
    await notify(tx, deps, await person(tx, a.createdBy), 'report_submitted', { agreementId: a.id, reportId: r.id, link: `/reports/${r.id}` }, (lang) => ({
      reference: a.referenceNumber,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      period: periodLabel(period, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { revision };
  });
}

// ---------------------------------------------------------------------------------------------
// Officer: review

export async function reviewReport(
  db: Db,
  deps: MailDeps,
  user: Viewer,
  meta: RequestMeta,
  input: { reportId: string; revision: number; outcome: 'accepted' | 'returned'; comments: Partial<Record<ReportSection, string>>; approveMilestones: string[] },
): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const r = await lockReport(tx, input.reportId);
    if (r.status !== 'submitted' || r.revision !== input.revision) throw new DomainError('CONFLICT', 'error.report.notAwaitingReview', 'reportId');
    const rev = await tx.selectFrom('progressReportRevision').select(['submittedBy']).where('reportId', '=', r.id).where('revision', '=', r.revision).executeTakeFirstOrThrow();
    if (rev.submittedBy === user.id) throw new DomainError('FORBIDDEN', 'error.report.ownReport', 'reportId');
    const comments = Object.fromEntries(Object.entries(input.comments).filter(([, v]) => v && v.trim() !== ''));
    if (input.outcome === 'returned' && Object.keys(comments).length === 0) throw new DomainError('BAD_INPUT', 'error.report.commentsRequired', 'comments');
    const a = await agreementFor(tx, r.agreementId);
    const plan = await planOf(tx, a.id);
    const known = new Set(plan.milestones.map((m) => m.key));
    const badMilestone = input.approveMilestones.findIndex((k) => !known.has(k));
    if (badMilestone >= 0) throw new DomainError('BAD_INPUT', 'error.report.milestoneUnknown', `approveMilestones.${badMilestone}`);
    if (input.outcome === 'returned' && input.approveMilestones.length > 0) throw new DomainError('BAD_INPUT', 'error.report.approveOnAccept', 'approveMilestones');
    const now = new Date();
    await tx
      .updateTable('progressReportRevision')
      .set({ outcome: input.outcome, comments: JSON.stringify(comments), reviewedBy: user.id, reviewedAt: now })
      .where('reportId', '=', r.id)
      .where('revision', '=', r.revision)
      .execute();
    await tx
      .updateTable('progressReport')
      .set(input.outcome === 'accepted' ? { status: 'accepted', acceptedAt: now, acceptedBy: user.id, updatedAt: now } : { status: 'returned', updatedAt: now })
      .where('id', '=', r.id)
      .execute();
    for (const key of input.approveMilestones) {
      await tx.insertInto('milestoneApproval').values({ agreementId: a.id, milestoneKey: key, reportId: r.id, approvedBy: user.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    const period = await tx.selectFrom('reportingPeriod').selectAll().where('id', '=', r.periodId).executeTakeFirstOrThrow();
    if (input.outcome === 'accepted' && period.isFinal) {
      // Accepting the final report is what allows the holdback to be released.
      await tx.updateTable('agreement').set({ finalReportAcceptedAt: now, updatedAt: now }).where('id', '=', a.id).execute();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: 'holdback.releasable', after: { finalReportId: r.id }, requestId: meta.requestId });
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'progress_report',
      entityId: r.id,
      action: input.outcome === 'accepted' ? 'accept' : 'return',
      after: { revision: r.revision, comments, approvedMilestones: input.approveMilestones },
      requestId: meta.requestId,
    });
    await notify(tx, deps, await recipientPeople(tx, a.organisationId), input.outcome === 'accepted' ? 'report_accepted' : 'report_returned', { agreementId: a.id, reportId: r.id, link: `/reports/${r.id}` }, (lang) => ({
      reference: a.referenceNumber,
      period: periodLabel(period, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function getReport(db: Db, user: Viewer, reportId: string) {
  const r = await db.selectFrom('progressReport').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', 'error.report.notFound', 'reportId');
  const a = await agreementFor(db, r.agreementId);
  const access = assertReportAccess(user, a.organisationId);
  const [period, plan, revisions, approvals, organisation] = await Promise.all([
    db.selectFrom('reportingPeriod').selectAll().where('id', '=', r.periodId).executeTakeFirstOrThrow(),
    planOf(db, a.id),
    db.selectFrom('progressReportRevision').selectAll().where('reportId', '=', r.id).orderBy('revision').execute(),
    db.selectFrom('milestoneApproval').select(['milestoneKey', 'approvedAt', 'reportId']).where('agreementId', '=', a.id).execute(),
    db.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow(),
  ]);
  return {
    id: r.id,
    access,
    status: r.status,
    revision: r.revision,
    draft: access === 'owner' ? (r.draft as ReportContent) : null,
    draftSavedAt: r.draftSavedAt,
    acceptedAt: r.acceptedAt,
    period,
    agreement: { id: a.id, referenceNumber: a.referenceNumber, status: a.status, createdBy: a.createdBy, title: plan.terms.title },
    organisation,
    plan: { milestones: plan.milestones, indicators: plan.indicators },
    revisions: revisions.map((v) => ({
      revision: v.revision,
      content: v.content as ReportContent,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      outcome: v.outcome,
      comments: v.comments as Partial<Record<ReportSection, string>>,
      reviewedAt: v.reviewedAt,
    })),
    milestoneApprovals: approvals,
    gbaDimensions: GBA_DIMENSIONS,
    /** What the caller may do next (the report page offers exactly these). */
    allowedActions: reportActions({ status: r.status, access, submittedBy: revisions.find((v) => v.revision === r.revision)?.submittedBy ?? null }, user),
  };
}

/** The officer's queue: reports overdue (not submitted by their due date) and reports waiting for review. */
export async function reportQueue(db: Db, today: string) {
  const rows = await db
    .selectFrom('reportingPeriod as p')
    .innerJoin('agreement as a', 'a.id', 'p.agreementId')
    .innerJoin('organisation as o', 'o.id', 'a.organisationId')
    .leftJoin('progressReport as r', 'r.periodId', 'p.id')
    .select(['p.id as periodId', 'p.periodStart', 'p.periodEnd', 'p.dueDate', 'p.isFinal', 'a.id as agreementId', 'a.referenceNumber', 'o.legalNameEn', 'o.legalNameFr', 'r.id as reportId', 'r.status', 'r.updatedAt'])
    .where('a.status', '=', 'active')
    .where('p.cancelledAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('r.status', '=', 'submitted'),
        eb.and([eb('p.dueDate', '<', today), eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'returned'])])]),
      ]),
    )
    .orderBy('p.dueDate')
    .execute();
  return {
    toReview: rows.filter((r) => r.status === 'submitted'),
    overdue: rows.filter((r) => r.status !== 'submitted').map((r) => ({ ...r, daysLate: daysLate(r.dueDate, today) })),
  };
}

/** Progress at a glance: the latest reported status of each activity and each indicator's actuals against its target. */
export async function agreementProgress(db: Db, user: Viewer, agreementId: string, today: string) {
  const a = await db.selectFrom('agreement').select(['id', 'organisationId', 'status']).where('id', '=', agreementId).executeTakeFirst();
  if (!a || (!isReportStaff(user) && !(user.organisationIds.includes(a.organisationId) && a.status !== 'draft'))) {
    throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  }
  const plan = await planOf(db, agreementId);
  // The latest submitted version of each report that was not returned, newest period last.
  const latest = await db
    .selectFrom('progressReport as r')
    .innerJoin('reportingPeriod as p', 'p.id', 'r.periodId')
    .select(['r.id', 'r.revision', 'r.status', 'p.periodStart', 'p.periodEnd'])
    .where('r.agreementId', '=', agreementId)
    .where('r.status', 'in', ['submitted', 'accepted'])
    .orderBy('p.periodStart')
    .execute();
  const statusByKey = new Map<string, ActivityStatus>();
  const series = new Map<string, { periodEnd: string; value: string; accepted: boolean }[]>();
  for (const rep of latest) {
    const [acts, vals] = await Promise.all([
      db.selectFrom('reportActivityStatus').select(['milestoneKey', 'status']).where('reportId', '=', rep.id).where('revision', '=', rep.revision).execute(),
      db.selectFrom('reportIndicatorValue').select(['indicatorId', 'value']).where('reportId', '=', rep.id).where('revision', '=', rep.revision).execute(),
    ]);
    for (const x of acts) statusByKey.set(x.milestoneKey, x.status);
    for (const v of vals) {
      const list = series.get(v.indicatorId) ?? [];
      list.push({ periodEnd: rep.periodEnd, value: v.value, accepted: rep.status === 'accepted' });
      series.set(v.indicatorId, list);
    }
  }
  const statuses = plan.milestones.map((m) => statusByKey.get(m.key) ?? null);
  return {
    activities: activitySummary(statuses),
    milestones: plan.milestones.map((m, i) => ({ ...m, status: statuses[i] ?? null, overdue: m.dueDate < today && statuses[i] !== 'completed' })),
    indicators: plan.indicators.map((ind) => {
      const points = series.get(ind.id) ?? [];
      // Counts add up over the periods; a percentage or a rate is read at its latest value.
      const actual = points.length === 0 ? null : ind.unit === 'count' ? String(points.reduce((s, p) => s + Number(p.value), 0)) : (points.at(-1)?.value ?? null);
      return { id: ind.id, code: ind.code, nameEn: ind.nameEn, nameFr: ind.nameFr, unit: ind.unit, targetValue: ind.targetValue, actual, points };
    }),
  };
}

export async function myNotifications(db: Db, user: Viewer) {
  const [items, unread] = await Promise.all([
    db.selectFrom('notification').selectAll().where('userId', '=', user.id).orderBy('createdAt', 'desc').limit(50).execute(),
    db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n')).where('userId', '=', user.id).where('readAt', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

export async function markNotificationsRead(db: Db, user: Viewer, ids: string[] | 'all'): Promise<void> {
  let q = db.updateTable('notification').set({ readAt: new Date() }).where('userId', '=', user.id).where('readAt', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}

// ---------------------------------------------------------------------------------------------
// Reminders (run by the job queue)

/**
 * Sends the reminders due by `today`: two weeks and three days before a report is due, and once
 * it is overdue. The reminder row is written first, in the same transaction as the notices, and
 * its primary key (period, threshold) lets only one run write it: running twice, or on two
 * servers at once, sends each reminder exactly once.
 */
export async function runReportReminders(db: Db, deps: MailDeps, today: string): Promise<{ sent: number }> {
  const outstanding = await db
    .selectFrom('reportingPeriod as p')
    .innerJoin('agreement as a', 'a.id', 'p.agreementId')
    .leftJoin('progressReport as r', 'r.periodId', 'p.id')
    .select(['p.id', 'p.periodStart', 'p.periodEnd', 'p.dueDate', 'a.id as agreementId', 'a.organisationId', 'a.referenceNumber', 'a.createdBy', 'r.id as reportId'])
    .where('a.status', '=', 'active')
    .where('p.cancelledAt', 'is', null)
    .where('p.dueDate', '<=', addDays(today, 14))
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]))
    .execute();
  let sent = 0;
  for (const p of outstanding) {
    for (const threshold of reachedThresholds(p.dueDate, today)) {
      const wrote = await inTransaction(db, async ({ tx }) => {
        const inserted = await tx.insertInto('reportReminder').values({ periodId: p.id, threshold }).onConflict((oc) => oc.doNothing()).returning('periodId').executeTakeFirst();
        if (!inserted) return false;
        const people = await recipientPeople(tx, p.organisationId);
        const overdue = threshold === 'overdue';
        const link = p.reportId ? `/reports/${p.reportId}` : '/my-reports';
        const params = (lang: 'en' | 'fr') => ({
          reference: p.referenceNumber,
          period: periodLabel(p, lang),
          due: formatDate(new Date(`${p.dueDate}T12:00:00Z`), lang),
        });
        await notify(tx, deps, people, overdue ? 'report_overdue' : 'report_due_soon', { agreementId: p.agreementId, reportId: p.reportId, link }, params);
        // The officer hears of an overdue report too.
        if (overdue) await notify(tx, deps, await person(tx, p.createdBy), 'report_overdue', { agreementId: p.agreementId, reportId: p.reportId, link: '/reports' }, params);
        return true;
      });
      if (wrote) sent += 1;
    }
  }
  if (sent > 0) await deps.mailer.deliver(db);
  return { sent };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
