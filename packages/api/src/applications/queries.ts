/**
 * Reading applications: one application (with what the caller may do next, from applicationActions
 * in the domain), a draft's completeness, the recipient's own list and the staff's intake queue.
 */
import { type Db } from '@tp/db';
import { positionsOf } from '../delegation/positions';
import { applicationActions, type ApplicationStatus, budgetTotals, delegatedAuthority, DomainError, isoDateIn, missingForSubmission, stackingCheck, submissionIssues } from '@tp/domain';
import { type Viewer } from '../auth/resolve-session';
import { applicationAccess, loadCallRules, loadContent } from './access';

/** What stands between a draft and its submission: what is missing, and what breaks the call's rules. */
export async function completeness(db: Db, user: Viewer, id: string, now = new Date()) {
  const app = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  const access = await applicationAccess(db, user, app);
  if (access === 'reviewer') throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  const [content, call, org] = await Promise.all([
    loadContent(db, id),
    loadCallRules(db, app.callId),
    db.selectFrom('organisation').select(['type', 'provinceOrTerritory']).where('id', '=', app.organisationId).executeTakeFirstOrThrow(),
  ]);
  const missing = missingForSubmission(content, call);
  const issues = app.status === 'draft' ? submissionIssues(content, call, org, now) : [];
  const totals = budgetTotals(content.budget.lines);
  const sections = (['project', 'workPlan', 'budget', 'otherFunding', 'expectedResults', 'gbaPlus', 'eligibility'] as const).map((section) => ({
    section,
    complete: !missing.some((m) => m.section === section),
  }));
  return {
    status: app.status,
    sections,
    missing,
    issues,
    canSubmit: app.status === 'draft' && issues.length === 0,
    totals,
    stacking: stackingCheck({ requestedCents: totals.total, otherSources: content.otherFunding.sources, limitBp: call.stackingLimitBp }),
  };
}

export async function getApplication(db: Db, user: Viewer, id: string) {
  const app = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  const access = await applicationAccess(db, user, app);
  const [content, call, organisation, attachments] = await Promise.all([
    loadContent(db, id),
    db.selectFrom('callForProposals').select(['id', 'titleEn', 'titleFr', 'status', 'closesAt', 'firstFiscalYear', 'lastFiscalYear', 'minAmountCents', 'maxAmountCents', 'maxDurationMonths']).where('id', '=', app.callId).executeTakeFirstOrThrow(),
    db.selectFrom('organisation').select(['id', 'legalNameEn', 'legalNameFr', 'type', 'provinceOrTerritory', 'officialLanguage', 'verifiedAt', 'isIndigenousLed', 'isSurvivorLed']).where('id', '=', app.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('applicationAttachment').select(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'uploadedAt']).where('applicationId', '=', id).orderBy('uploadedAt').execute(),
  ]);
  const [decision, letter, screening, recommendation] = await Promise.all([
    db.selectFrom('applicationDecision').select(['outcome', 'amountCents', 'decidedAt']).where('applicationId', '=', id).executeTakeFirst(),
    access !== 'reviewer' ? db.selectFrom('decisionLetter').select(['language', 'subject', 'body', 'generatedAt']).where('applicationId', '=', id).executeTakeFirst() : undefined,
    access === 'staff' ? db.selectFrom('applicationScreening').selectAll().where('applicationId', '=', id).executeTakeFirst() : undefined,
    access === 'staff' ? db.selectFrom('applicationRecommendation').selectAll().where('applicationId', '=', id).executeTakeFirst() : undefined,
  ]);
  const limits =
    access === 'staff'
      ? await db.selectFrom('programApprovalLimit').innerJoin('callForProposals', 'callForProposals.programId', 'programApprovalLimit.programId').select(['programApprovalLimit.role', 'programApprovalLimit.maxAmountCents']).where('callForProposals.id', '=', app.callId).execute()
      : [];
  return {
    id: app.id,
    access,
    status: app.status,
    referenceNumber: app.referenceNumber,
    submittedAt: app.submittedAt,
    requestedAmountCents: app.requestedAmountCents,
    updatedAt: app.updatedAt,
    call,
    organisation,
    ...content,
    totals: budgetTotals(content.budget.lines),
    attachments,
    /** Owner and staff: the decision and its letter once made. Never the scores. */
    decision: access === 'reviewer' ? null : (decision ?? null),
    letter: letter ?? null,
    screening: screening ?? null,
    recommendation: recommendation ?? null,
    /** Staff: what the caller may do next (the intake page offers exactly these). */
    allowedActions: access === 'staff' ? applicationActions({ status: app.status, recommendedBy: recommendation?.recommendedBy ?? null }, user, delegatedAuthority(await positionsOf(db, user, isoDateIn(new Date(), 'America/Toronto')), limits) !== null) : [],
  };
}

/** The signed-in recipient's applications, across their organisations. */
export async function listMyApplications(db: Db, user: Viewer) {
  if (user.organisationIds.length === 0) return [];
  return db
    .selectFrom('application')
    .innerJoin('callForProposals', 'callForProposals.id', 'application.callId')
    .innerJoin('organisation', 'organisation.id', 'application.organisationId')
    .select([
      'application.id',
      'application.status',
      'application.title',
      'application.referenceNumber',
      'application.submittedAt',
      'application.updatedAt',
      'application.requestedAmountCents',
      'callForProposals.id as callId',
      'callForProposals.titleEn as callTitleEn',
      'callForProposals.titleFr as callTitleFr',
      'callForProposals.closesAt',
      'organisation.id as organisationId',
      'organisation.legalNameEn as organisationNameEn',
      'organisation.legalNameFr as organisationNameFr',
    ])
    .where('application.organisationId', 'in', user.organisationIds)
    .orderBy('application.updatedAt', 'desc')
    .execute();
}

export interface IntakeFilters {
  callId?: string | undefined;
  status?: ApplicationStatus | undefined;
  province?: string | undefined;
  organisationType?: string | undefined;
  priority?: string | undefined;
}

/** The officers' intake queue: submitted applications (never drafts), filtered. */
export async function intakeQueue(db: Db, filters: IntakeFilters) {
  let q = db
    .selectFrom('application')
    .innerJoin('callForProposals', 'callForProposals.id', 'application.callId')
    .innerJoin('organisation', 'organisation.id', 'application.organisationId')
    .select([
      'application.id',
      'application.status',
      'application.title',
      'application.referenceNumber',
      'application.submittedAt',
      'application.requestedAmountCents',
      'callForProposals.id as callId',
      'callForProposals.titleEn as callTitleEn',
      'callForProposals.titleFr as callTitleFr',
      'organisation.id as organisationId',
      'organisation.legalNameEn as organisationNameEn',
      'organisation.legalNameFr as organisationNameFr',
      'organisation.type as organisationType',
      'organisation.provinceOrTerritory',
      'organisation.isIndigenousLed',
      'organisation.isSurvivorLed',
      'organisation.verifiedAt as organisationVerifiedAt',
    ])
    .where('application.status', '<>', 'draft');
  if (filters.callId) q = q.where('application.callId', '=', filters.callId);
  if (filters.status) q = q.where('application.status', '=', filters.status);
  if (filters.province) q = q.where('organisation.provinceOrTerritory', '=', filters.province as never);
  if (filters.organisationType) q = q.where('organisation.type', '=', filters.organisationType as never);
  if (filters.priority === 'indigenous_led') q = q.where('organisation.isIndigenousLed', '=', true);
  else if (filters.priority === 'survivor_led') q = q.where('organisation.isSurvivorLed', '=', true);
  else if (filters.priority) q = q.where((eb) => eb(eb.val(filters.priority), '=', eb.fn.any('callForProposals.priorities')));
  return q.orderBy('application.submittedAt').execute();
}
