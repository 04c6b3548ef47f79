/**
 * Reading progress reports: what a recipient has due, one report (with what the caller may do next,
 * from reportActions in the domain), the officers' queue, an agreement's progress, and a user's
 * notifications.
 */
import { type Db } from '@tp/db';
import { type ActivityStatus, activitySummary, daysLate, DomainError, GBA_DIMENSIONS, periodHasEnded, reportActions, type ReportContent, type ReportSection, type ReportStatus } from '@tp/domain';
import { type Viewer } from '../auth/resolve-session';
import { agreementFor, assertReportAccess, isReportStaff, planOf } from './access';

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
