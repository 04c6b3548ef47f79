/**
 * Who may read an application is decided here, in one place: the owner organisation's members,
 * department officers, managers and administrators, and a reviewer assigned to it who declared no
 * conflict of interest. With it, what the application commands share: the row locks, the call's
 * rules and the application's content as the domain checks them, and the audited status change.
 */
import { recordAudit, type Db, type Tx } from '@tp/db';
import { APPLICATION_REVIEWERS, APPLICATION_STAFF, type ApplicationContent, applicationLifecycle, type ApplicationStatus, type CallRules, DomainError, holds } from '@tp/domain';
import { translate } from '@tp/i18n';
import type { RequestMeta } from '../context';
import { normaliseDecimal } from '../format';
import { type SessionUser, type Viewer } from '../auth/resolve-session';

export function isApplicationStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return holds(user, APPLICATION_STAFF);
}

export type Access = 'owner' | 'staff' | 'reviewer';

/**
 * How this user may see this application, or NOT_FOUND (an application one may not see does not
 * exist for them). A conflicted reviewer is told why: they know they are assigned.
 */
export async function applicationAccess(db: Db | Tx, user: Viewer, app: { id: string; organisationId: string }): Promise<Access> {
  if (user.organisationIds.includes(app.organisationId)) return 'owner';
  if (isApplicationStaff(user)) return 'staff';
  if (holds(user, APPLICATION_REVIEWERS)) {
    const a = await db.selectFrom('reviewerAssignment').select(['conflict']).where('applicationId', '=', app.id).where('reviewerId', '=', user.id).executeTakeFirst();
    if (a?.conflict === 'none') return 'reviewer';
    if (a?.conflict === 'conflict') throw new DomainError('FORBIDDEN', 'error.review.conflict', 'id');
    if (a) throw new DomainError('FORBIDDEN', 'error.review.notDeclared', 'id');
  }
  throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
}

/** The application, locked for this transaction; NOT_FOUND names `field` (the assessment's inputs call it applicationId). */
export async function lockApplication(tx: Tx, id: string, field: 'id' | 'applicationId' = 'id') {
  const app = await tx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', field);
  return app;
}

/** The owner's members only, on a draft. */
export async function lockOwnDraft(tx: Tx, user: Viewer, id: string) {
  const app = await lockApplication(tx, id);
  if (!user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  if (app.status !== 'draft') throw new DomainError('CONFLICT', 'error.application.notDraft', 'id');
  return app;
}

export async function loadCallRules(db: Db | Tx, callId: string): Promise<CallRules & { id: string; programId: string; titleEn: string; titleFr: string }> {
  const call = await db
    .selectFrom('callForProposals')
    .innerJoin('program', 'program.id', 'callForProposals.programId')
    .selectAll('callForProposals')
    .select('program.stackingLimitBp')
    .where('callForProposals.id', '=', callId)
    .executeTakeFirst();
  if (!call) throw new DomainError('NOT_FOUND', 'error.notFound', 'callId');
  const [indicators, questions] = await Promise.all([
    db.selectFrom('callIndicator').select('indicatorId').where('callId', '=', callId).execute(),
    db.selectFrom('callEligibilityQuestion').select(['id', 'expectedAnswer']).where('callId', '=', callId).orderBy('position').execute(),
  ]);
  return { ...call, indicatorIds: indicators.map((i) => i.indicatorId), eligibilityQuestions: questions };
}

/** The application's sections as the domain sees them. */
export async function loadContent(db: Db | Tx, id: string): Promise<ApplicationContent> {
  const app = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [activities, lines, sources, results, answers, attachments] = await Promise.all([
    db.selectFrom('applicationActivity').selectAll().where('applicationId', '=', id).orderBy('position').execute(),
    db.selectFrom('applicationBudgetLine').selectAll().where('applicationId', '=', id).orderBy('position').execute(),
    db.selectFrom('applicationOtherFunding').selectAll().where('applicationId', '=', id).orderBy('position').execute(),
    db.selectFrom('applicationExpectedResult').selectAll().where('applicationId', '=', id).orderBy('indicatorId').execute(),
    db.selectFrom('applicationEligibilityAnswer').selectAll().where('applicationId', '=', id).execute(),
    db.selectFrom('applicationAttachment').select((eb) => eb.fn.countAll<string>().as('n')).where('applicationId', '=', id).executeTakeFirstOrThrow(),
  ]);
  const questionOrder = await db.selectFrom('callEligibilityQuestion').select(['id', 'position']).where('callId', '=', app.callId).execute();
  const pos = (qid: string) => questionOrder.find((q) => q.id === qid)?.position ?? 0;
  return {
    project: {
      title: app.title,
      summary: app.summary,
      objectives: app.objectives,
      targetPopulations: app.targetPopulations,
      regionsServed: app.regionsServed,
      startDate: app.startDate,
      endDate: app.endDate,
    },
    workPlan: {
      activities: activities.map((a) => ({ title: a.title, description: a.description, deliverables: a.deliverables, startDate: a.startDate, endDate: a.endDate })),
    },
    budget: { lines: lines.map((l) => ({ fiscalYear: l.fiscalYear, category: l.costCategory, amountCents: l.amountCents, justification: l.justification })) },
    otherFunding: { sources: sources.map((s) => ({ source: s.source, kind: s.kind, amountCents: s.amountCents, status: s.status })) },
    expectedResults: { results: results.map((r) => ({ indicatorId: r.indicatorId, targetValue: normaliseDecimal(r.targetValue), notes: r.notes })) },
    gbaPlus: { populationsServed: app.gbaPopulationsServed, barriers: app.gbaBarriers, howAddressed: app.gbaHowAddressed },
    eligibility: { answers: answers.sort((a, b) => pos(a.questionId) - pos(b.questionId)).map((a) => ({ questionId: a.questionId, answer: a.answer })) },
    attachmentCount: Number(attachments.n),
  };
}

/** Every status change goes through here: the lifecycle table, then the update and its audit record. */
export async function moveApplication(
  tx: Tx,
  user: { id: string },
  meta: RequestMeta,
  app: { id: string; status: ApplicationStatus },
  to: ApplicationStatus,
  extra: { withdrawnAt?: Date; decidedAt?: Date } = {},
): Promise<void> {
  if (!applicationLifecycle.can(app.status, to)) {
    throw new DomainError('CONFLICT', 'error.application.transition', 'status', {
      from: { en: translate('en', `status.application.${app.status}`), fr: translate('fr', `status.application.${app.status}`) },
      to: { en: translate('en', `status.application.${to}`), fr: translate('fr', `status.application.${to}`) },
    });
  }
  await tx.updateTable('application').set({ status: to, updatedAt: new Date(), ...extra }).where('id', '=', app.id).execute();
  await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: app.id, action: `status.${to}`, before: { status: app.status }, after: { status: to }, requestId: meta.requestId });
}

/** The reviewer's own assignment to this application, locked. */
export async function lockOwnAssignment(tx: Tx, user: Viewer, applicationId: string) {
  const a = await tx.selectFrom('reviewerAssignment').selectAll().where('applicationId', '=', applicationId).where('reviewerId', '=', user.id).forUpdate().executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  return a;
}

export async function assignmentForScoring(tx: Tx, user: Viewer, applicationId: string) {
  const a = await lockOwnAssignment(tx, user, applicationId);
  if (a.conflict === null) throw new DomainError('FORBIDDEN', 'error.review.notDeclared', 'applicationId');
  if (a.conflict === 'conflict') throw new DomainError('FORBIDDEN', 'error.review.conflict', 'applicationId');
  if (a.submittedAt) throw new DomainError('CONFLICT', 'error.review.submitted', 'applicationId');
  const app = await tx.selectFrom('application').select(['callId', 'status']).where('id', '=', applicationId).executeTakeFirstOrThrow();
  if (app.status !== 'under_review') throw new DomainError('CONFLICT', 'error.application.transition', 'applicationId', { from: app.status, to: 'under_review' });
  const criteria = await tx.selectFrom('callCriterion').select(['id', 'weight']).where('callId', '=', app.callId).orderBy('position').execute();
  return { a, criteria };
}
