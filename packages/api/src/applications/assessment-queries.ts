/**
 * Reading the assessment, from the department's side: a reviewer's assignments and scores, an
 * application's scores with the reviewers' spread, the ranking of a call, and the service standards
 * (how long each step took against the time published for it).
 */
import { type Db, type Tx } from '@tp/db';
import { daysBetween, DomainError, rankApplications, SERVICE_STANDARDS, SPREAD_ALERT_POINTS } from '@tp/domain';
import { type Viewer } from '../auth/resolve-session';

/** A reviewer's assignments: enough to recognise a conflict (organisation, title), nothing more. */
export async function myAssignments(db: Db, user: Viewer) {
  return db
    .selectFrom('reviewerAssignment')
    .innerJoin('application', 'application.id', 'reviewerAssignment.applicationId')
    .innerJoin('organisation', 'organisation.id', 'application.organisationId')
    .innerJoin('callForProposals', 'callForProposals.id', 'application.callId')
    .select([
      'reviewerAssignment.id',
      'reviewerAssignment.applicationId',
      'reviewerAssignment.conflict',
      'reviewerAssignment.declaredAt',
      'reviewerAssignment.submittedAt',
      'application.referenceNumber',
      'application.title',
      'organisation.legalNameEn as organisationNameEn',
      'organisation.legalNameFr as organisationNameFr',
      'callForProposals.titleEn as callTitleEn',
      'callForProposals.titleFr as callTitleFr',
    ])
    .where('reviewerAssignment.reviewerId', '=', user.id)
    .orderBy('reviewerAssignment.assignedAt')
    .execute();
}

/** A reviewer's own scores on one application (to resume scoring). */
export async function myScores(db: Db, user: Viewer, applicationId: string) {
  const a = await db.selectFrom('reviewerAssignment').select(['id', 'conflict', 'submittedAt']).where('applicationId', '=', applicationId).where('reviewerId', '=', user.id).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  if (a.conflict !== 'none') throw new DomainError('FORBIDDEN', a.conflict === 'conflict' ? 'error.review.conflict' : 'error.review.notDeclared', 'applicationId');
  const scores = await db.selectFrom('reviewScore').select(['criterionId', 'score', 'comment']).where('assignmentId', '=', a.id).execute();
  return { submittedAt: a.submittedAt, scores };
}

/** Points (0..1000) of every submitted review per application of a call. */
export async function submittedPoints(db: Db | Tx, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { reviewerId: string; points: number }[]>();
  const rows = await db
    .selectFrom('reviewScore')
    .innerJoin('reviewerAssignment', 'reviewerAssignment.id', 'reviewScore.assignmentId')
    .innerJoin('callCriterion', 'callCriterion.id', 'reviewScore.criterionId')
    .select(['reviewerAssignment.applicationId', 'reviewerAssignment.reviewerId', 'reviewScore.score', 'callCriterion.weight'])
    .where('reviewerAssignment.applicationId', 'in', applicationIds)
    .where('reviewerAssignment.submittedAt', 'is not', null)
    .execute();
  const out = new Map<string, { reviewerId: string; points: number }[]>();
  for (const r of rows) {
    const list = out.get(r.applicationId) ?? [];
    let entry = list.find((e) => e.reviewerId === r.reviewerId);
    if (!entry) list.push((entry = { reviewerId: r.reviewerId, points: 0 }));
    entry.points += r.score * r.weight;
    out.set(r.applicationId, list);
  }
  return out;
}

/** Staff only: every reviewer's scores and comments on one application. */
export async function applicationScores(db: Db, applicationId: string) {
  const rows = await db
    .selectFrom('reviewerAssignment')
    .innerJoin('appUser', 'appUser.id', 'reviewerAssignment.reviewerId')
    .leftJoin('reviewScore', 'reviewScore.assignmentId', 'reviewerAssignment.id')
    .select(['reviewerAssignment.id as assignmentId', 'appUser.id as reviewerId', 'appUser.displayName', 'reviewerAssignment.conflict', 'reviewerAssignment.submittedAt', 'reviewScore.criterionId', 'reviewScore.score', 'reviewScore.comment'])
    .where('reviewerAssignment.applicationId', '=', applicationId)
    .execute();
  const points = (await submittedPoints(db, [applicationId])).get(applicationId) ?? [];
  const reviewers = [...new Map(rows.map((r) => [r.assignmentId, r])).values()].map((r) => ({
    reviewerId: r.reviewerId,
    displayName: r.displayName,
    conflict: r.conflict,
    submittedAt: r.submittedAt,
    score: (points.find((p) => p.reviewerId === r.reviewerId)?.points ?? null) === null ? null : points.find((p) => p.reviewerId === r.reviewerId)!.points / 10,
    // A review in progress is the reviewer's own until they submit it.
    criteria: r.submittedAt
      ? rows.filter((x) => x.assignmentId === r.assignmentId && x.criterionId !== null).map((x) => ({ criterionId: x.criterionId!, score: x.score!, comment: x.comment! }))
      : [],
  }));
  const [ranked] = rankApplications([{ applicationId, reviewerPoints: points.map((p) => p.points) }]);
  return { reviewers, averageScore: ranked?.averageScore ?? null, spread: ranked?.spread ?? null };
}

/** The call's assessed applications ranked by average weighted score, ties sharing a rank, with reviewer spread. */
export async function rankingForCall(db: Db, callId: string) {
  const apps = await db
    .selectFrom('application')
    .innerJoin('organisation', 'organisation.id', 'application.organisationId')
    .select(['application.id', 'application.referenceNumber', 'application.title', 'application.status', 'application.requestedAmountCents', 'organisation.legalNameEn as organisationNameEn', 'organisation.legalNameFr as organisationNameFr'])
    .where('application.callId', '=', callId)
    .where('application.status', 'in', ['under_review', 'recommended', 'approved', 'approved_with_changes', 'declined'])
    .execute();
  const points = await submittedPoints(db, apps.map((a) => a.id));
  const ranked = rankApplications(apps.map((a) => ({ applicationId: a.id, reviewerPoints: (points.get(a.id) ?? []).map((p) => p.points) })));
  return ranked.map((r) => ({ ...apps.find((a) => a.id === r.applicationId)!, ...r, spreadAlert: r.spread !== null && r.spread >= SPREAD_ALERT_POINTS }));
}

/** Service standards for one call: days from submission to acknowledgement and to decision. */
export async function serviceStandards(db: Db, callId: string, now = new Date()) {
  const apps = await db
    .selectFrom('application')
    .select(['status', 'submittedAt', 'acknowledgedAt', 'decidedAt'])
    .where('callId', '=', callId)
    .where('submittedAt', 'is not', null)
    .execute();
  const ack = apps.filter((a) => a.acknowledgedAt).map((a) => daysBetween(a.submittedAt!, a.acknowledgedAt!));
  const dec = apps.filter((a) => a.decidedAt).map((a) => daysBetween(a.submittedAt!, a.decidedAt!));
  const avg = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((x, y) => x + y, 0) / xs.length) * 10) / 10);
  return {
    standards: SERVICE_STANDARDS,
    submitted: apps.length,
    acknowledged: ack.length,
    averageDaysToAcknowledge: avg(ack),
    acknowledgedWithinStandard: ack.filter((d) => d <= SERVICE_STANDARDS.acknowledgementDays).length,
    decided: dec.length,
    averageDaysToDecision: avg(dec),
    decidedWithinStandard: dec.filter((d) => d <= SERVICE_STANDARDS.decisionDays).length,
    /** Still waiting for a decision beyond the standard. */
    overdue: apps.filter((a) => !a.decidedAt && a.status !== 'withdrawn' && a.status !== 'screened_out' && daysBetween(a.submittedAt!, now) > SERVICE_STANDARDS.decisionDays).length,
  };
}
