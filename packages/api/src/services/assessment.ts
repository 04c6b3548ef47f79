/**
 * Assessment, from the department's side: eligibility screening (officer), reviewer assignment
 * (manager), conflict of interest declarations and scoring (reviewer), ranking with reviewer
 * spread, recommendation (officer), and the decision by someone whose delegated authority covers
 * the amount and who did not recommend it, with the decision letter in the organisation's
 * official language. One transaction per command, each with its audit record.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import {
  daysBetween,
  delegatedAuthority,
  DomainError,
  formatMoney,
  rankApplications,
  SERVICE_STANDARDS,
  SPREAD_ALERT_POINTS,
  weightedPoints,
  withinDelegatedLimit,
  type DecisionInput,
  type RecommendationInput,
  type ScreeningInput,
  fundingDecisionRefusal,
  reviewerAssignmentRefusal,
} from '@tp/domain';
import { translate } from '@tp/i18n';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import { formatDate, moveApplication, type Viewer } from './applications';

async function lockApplication(tx: Tx, id: string) {
  const app = await tx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  return app;
}

export async function screenApplication(db: Db, user: Viewer, meta: RequestMeta, input: ScreeningInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId);
    const to = input.eligible ? 'screened_in' : 'screened_out';
    await moveApplication(tx, user, meta, app, to);
    await tx
      .insertInto('applicationScreening')
      .values({ applicationId: app.id, checklist: JSON.stringify(input.checklist), eligible: input.eligible, reason: input.reason, screenedBy: user.id })
      .execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_screening', entityId: app.id, action: 'screen', after: input, requestId: meta.requestId });
  });
}

export async function assignReviewer(db: Db, user: Viewer, meta: RequestMeta, input: { applicationId: string; reviewerId: string }): Promise<{ id: string }> {
  return inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId);
    if (app.status !== 'screened_in' && app.status !== 'under_review') {
      throw new DomainError('CONFLICT', 'error.application.transition', 'applicationId', { from: app.status, to: 'under_review' });
    }
    const isReviewer = await tx
      .selectFrom('membership')
      .innerJoin('appUser', 'appUser.id', 'membership.userId')
      .select('membership.userId')
      .where('membership.userId', '=', input.reviewerId)
      .where('membership.role', '=', 'reviewer')
      .where('appUser.status', '=', 'active')
      .executeTakeFirst();
    if (!isReviewer) throw new DomainError('BAD_INPUT', 'error.assignment.notReviewer', 'reviewerId');
    const ownAssignment = reviewerAssignmentRefusal(input, user.id);
    if (ownAssignment) throw new DomainError('FORBIDDEN', ownAssignment, 'reviewerId');
    const inserted = await tx
      .insertInto('reviewerAssignment')
      .values({ applicationId: app.id, reviewerId: input.reviewerId, assignedBy: user.id })
      .onConflict((oc) => oc.columns(['applicationId', 'reviewerId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('CONFLICT', 'error.assignment.exists', 'reviewerId');
    if (app.status === 'screened_in') await moveApplication(tx, user, meta, app, 'under_review');
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: inserted.id, action: 'assign', after: input, requestId: meta.requestId });
    return inserted;
  });
}

async function lockOwnAssignment(tx: Tx, user: Viewer, applicationId: string) {
  const a = await tx.selectFrom('reviewerAssignment').selectAll().where('applicationId', '=', applicationId).where('reviewerId', '=', user.id).forUpdate().executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  return a;
}

/** Declared once: a reviewer cannot declare "no conflict" after seeing they had one, nor the reverse after scoring. */
export async function declareConflict(db: Db, user: Viewer, meta: RequestMeta, input: { applicationId: string; conflict: 'none' | 'conflict'; note: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockOwnAssignment(tx, user, input.applicationId);
    if (a.conflict !== null) throw new DomainError('CONFLICT', 'error.review.alreadyDeclared', 'conflict');
    await tx.updateTable('reviewerAssignment').set({ conflict: input.conflict, conflictNote: input.note, declaredAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'declare_conflict', after: { conflict: input.conflict, note: input.note }, requestId: meta.requestId });
  });
}

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

async function assignmentForScoring(tx: Tx, user: Viewer, applicationId: string) {
  const a = await lockOwnAssignment(tx, user, applicationId);
  if (a.conflict === null) throw new DomainError('FORBIDDEN', 'error.review.notDeclared', 'applicationId');
  if (a.conflict === 'conflict') throw new DomainError('FORBIDDEN', 'error.review.conflict', 'applicationId');
  if (a.submittedAt) throw new DomainError('CONFLICT', 'error.review.submitted', 'applicationId');
  const app = await tx.selectFrom('application').select(['callId', 'status']).where('id', '=', applicationId).executeTakeFirstOrThrow();
  if (app.status !== 'under_review') throw new DomainError('CONFLICT', 'error.application.transition', 'applicationId', { from: app.status, to: 'under_review' });
  const criteria = await tx.selectFrom('callCriterion').select(['id', 'weight']).where('callId', '=', app.callId).orderBy('position').execute();
  return { a, criteria };
}

/** Saves some or all scores (a reviewer may come back); each score replaces the earlier one. */
export async function saveScores(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { applicationId: string; scores: { criterionId: string; score: number; comment: string }[] },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const { a, criteria } = await assignmentForScoring(tx, user, input.applicationId);
    input.scores.forEach((s, i) => {
      if (!criteria.some((c) => c.id === s.criterionId)) throw new DomainError('BAD_INPUT', 'error.criterion.notInCall', `scores.${i}.criterionId`);
    });
    for (const s of input.scores) {
      await tx
        .insertInto('reviewScore')
        .values({ assignmentId: a.id, criterionId: s.criterionId, score: s.score, comment: s.comment })
        .onConflict((oc) => oc.columns(['assignmentId', 'criterionId']).doUpdateSet({ score: s.score, comment: s.comment, updatedAt: new Date() }))
        .execute();
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'score', after: input.scores, requestId: meta.requestId });
  });
}

export async function submitReview(db: Db, user: Viewer, meta: RequestMeta, applicationId: string): Promise<{ score: number }> {
  return inTransaction(db, async ({ tx }) => {
    const { a, criteria } = await assignmentForScoring(tx, user, applicationId);
    const scores = await tx.selectFrom('reviewScore').select(['criterionId', 'score']).where('assignmentId', '=', a.id).execute();
    if (criteria.some((c) => !scores.some((s) => s.criterionId === c.id))) throw new DomainError('BAD_INPUT', 'error.review.incomplete', 'scores');
    const points = weightedPoints(criteria.map((c) => ({ weight: c.weight, score: scores.find((s) => s.criterionId === c.id)!.score })));
    await tx.updateTable('reviewerAssignment').set({ submittedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'submit_review', after: { points }, requestId: meta.requestId });
    return { score: points / 10 };
  });
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
async function submittedPoints(db: Db | Tx, applicationIds: string[]) {
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

export async function recommend(db: Db, user: Viewer, meta: RequestMeta, input: RecommendationInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId);
    if (app.status === 'under_review') {
      const reviewed = (await submittedPoints(tx, [app.id])).get(app.id)?.length ?? 0;
      if (reviewed === 0) throw new DomainError('CONFLICT', 'error.review.incomplete', 'applicationId');
    }
    await moveApplication(tx, user, meta, app, 'recommended');
    await tx.insertInto('applicationRecommendation').values({ applicationId: app.id, outcome: input.outcome, amountCents: input.outcome === 'fund' ? (input.amountCents ?? app.requestedAmountCents) : input.amountCents, rationale: input.rationale, recommendedBy: user.id }).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_recommendation', entityId: app.id, action: 'recommend', after: input, requestId: meta.requestId });
  });
}

const LETTER_TEMPLATE = { approved: 'decisionApproved', approved_with_changes: 'decisionApprovedWithChanges', declined: 'decisionDeclined' } as const;

/**
 * The decision: the application row is locked, the decider's authority for this program is
 * read in the same transaction, and the database checks that authority again on insert.
 */
export async function decide(db: Db, deps: { config: ApiConfig; mailer: Mailer }, user: Viewer, meta: RequestMeta, input: DecisionInput): Promise<{ letterId: string }> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const app = await lockApplication(tx, input.applicationId);
    const call = await tx.selectFrom('callForProposals').select(['programId', 'titleEn', 'titleFr']).where('id', '=', app.callId).executeTakeFirstOrThrow();
    const limits = await tx.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', call.programId).execute();
    const authority = delegatedAuthority(user.roles, limits);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.decision.noAuthority', 'applicationId');
    if (!withinDelegatedLimit(input.amountCents, authority)) {
      throw new DomainError('FORBIDDEN', 'error.decision.aboveLimit', 'amountCents', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
      });
    }
    const recommendation = await tx.selectFrom('applicationRecommendation').select('recommendedBy').where('applicationId', '=', app.id).executeTakeFirst();
    const ownRecommendation = fundingDecisionRefusal(recommendation, user.id);
    if (ownRecommendation) throw new DomainError('FORBIDDEN', ownRecommendation, 'applicationId');
    if (input.amountCents !== null && app.requestedAmountCents !== null && input.amountCents > app.requestedAmountCents) {
      throw new DomainError('BAD_INPUT', 'error.decision.aboveRequested', 'amountCents');
    }
    const now = new Date();
    await moveApplication(tx, user, meta, app, input.outcome, { decidedAt: now });
    await tx
      .insertInto('applicationDecision')
      .values({ applicationId: app.id, outcome: input.outcome, amountCents: input.amountCents, rationale: input.rationale, decidedBy: user.id, deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents })
      .execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_decision', entityId: app.id, action: 'decide', after: { ...input, deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents }, requestId: meta.requestId });

    // The letter, in the organisation's official language, kept as sent.
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr', 'officialLanguage', 'contactEmail']).where('id', '=', app.organisationId).executeTakeFirstOrThrow();
    const lang = org.officialLanguage;
    const template = LETTER_TEMPLATE[input.outcome];
    const params = {
      date: formatDate(now, lang),
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      reference: app.referenceNumber ?? '',
      title: app.title,
      call: lang === 'fr' ? call.titleFr : call.titleEn,
      amount: input.amountCents === null ? '' : formatMoney(input.amountCents, lang),
      requested: app.requestedAmountCents === null ? '' : formatMoney(app.requestedAmountCents, lang),
      decider: user.displayName,
    };
    const letter = await tx
      .insertInto('decisionLetter')
      .values({ applicationId: app.id, language: lang, subject: translate(lang, `mail.${template}.subject`, params), body: translate(lang, `mail.${template}.body`, params), generatedBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'decision_letter', entityId: letter.id, action: 'generate', after: { applicationId: app.id, language: lang }, requestId: meta.requestId });
    const submitter = app.submittedBy ? await tx.selectFrom('appUser').select('email').where('id', '=', app.submittedBy).executeTakeFirst() : undefined;
    for (const to of new Set([submitter?.email, org.contactEmail].filter((e): e is string => Boolean(e)))) {
      await queueMail(tx, { to, lang, template, params });
    }
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { letterId: letter.id };
  });
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
