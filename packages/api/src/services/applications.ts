/**
 * Applications, from the recipient's side: a draft per organisation and call, saved section by
 * section (each save replaces that section: idempotent, so an autosave can repeat), checked for
 * completeness, submitted once (row lock, frozen version, reference number, acknowledgement by
 * email after commit) and withdrawn. Who may read an application is decided here, in one place:
 * the owner organisation's members, department officers, managers and administrators, and a
 * reviewer assigned to it who declared no conflict of interest.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { APPLICATION_REVIEWERS, APPLICATION_STAFF, applicationActions, type ApplicationContent, type ApplicationIssue, applicationLifecycle, applicationReference, type ApplicationStatus, budgetLinesOutsideCall, budgetTotals, type CallRules, delegatedAuthority, DomainError, holds, isCallOpen, missingForSubmission, type SaveSectionInput, stackingCheck, submissionIssues } from '@tp/domain';
import { translate } from '@tp/i18n';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import type { SessionUser } from './resolve-session';

export type Viewer = Pick<SessionUser, 'id' | 'roles' | 'organisationIds' | 'displayName' | 'email' | 'preferredLanguage'>;

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

async function lockApplication(tx: Tx, id: string) {
  const app = await tx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  return app;
}

/** The owner's members only, on a draft. */
async function lockOwnDraft(tx: Tx, user: Viewer, id: string) {
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

/** "120.0000" -> "120", "12.5000" -> "12.5" (numeric(16,4) pads; people do not). */
function normaliseDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

// ---------------------------------------------------------------------------------------------

export async function createDraft(db: Db, user: Viewer, meta: RequestMeta, input: { callId: string; organisationId: string }): Promise<{ id: string; created: boolean }> {
  if (!user.organisationIds.includes(input.organisationId)) throw new DomainError('FORBIDDEN', 'error.application.notYours', 'organisationId');
  return inTransaction(db, async ({ tx }) => {
    const call = await tx.selectFrom('callForProposals').select(['id', 'status', 'opensAt', 'closesAt']).where('id', '=', input.callId).executeTakeFirst();
    if (!call || call.status === 'draft' || call.status === 'cancelled') throw new DomainError('NOT_FOUND', 'error.notFound', 'callId');
    if (!isCallOpen(call, new Date())) throw new DomainError('CONFLICT', 'error.application.callClosed', 'callId');
    // Two tabs opening the same call get the same draft: the partial unique index decides.
    const inserted = await tx
      .insertInto('application')
      .values({ callId: input.callId, organisationId: input.organisationId, createdBy: user.id })
      .onConflict((oc) => oc.columns(['callId', 'organisationId']).where('status', '<>', 'withdrawn').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx
        .selectFrom('application')
        .select('id')
        .where('callId', '=', input.callId)
        .where('organisationId', '=', input.organisationId)
        .where('status', '<>', 'withdrawn')
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: inserted.id, action: 'create', after: input, requestId: meta.requestId });
    return { id: inserted.id, created: true };
  });
}

/** Replaces one section of a draft. Everything in it is checked first; nothing is half-saved. */
export async function saveSection(db: Db, user: Viewer, meta: RequestMeta, input: SaveSectionInput & { id: string }): Promise<{ missing: ApplicationIssue[] }> {
  return inTransaction(db, async ({ tx }) => {
    const app = await lockOwnDraft(tx, user, input.id);
    const call = await loadCallRules(tx, app.callId);
    const id = app.id;
    switch (input.section) {
      case 'project': {
        const d = input.data;
        await tx
          .updateTable('application')
          .set({ title: d.title, summary: d.summary, objectives: d.objectives, targetPopulations: d.targetPopulations, regionsServed: [...new Set(d.regionsServed)], startDate: d.startDate, endDate: d.endDate })
          .where('id', '=', id)
          .execute();
        break;
      }
      case 'workPlan': {
        await tx.deleteFrom('applicationActivity').where('applicationId', '=', id).execute();
        if (input.data.activities.length > 0) {
          await tx.insertInto('applicationActivity').values(input.data.activities.map((a, i) => ({ applicationId: id, position: i + 1, ...a }))).execute();
        }
        break;
      }
      case 'budget': {
        const outside = budgetLinesOutsideCall(input.data.lines, call);
        if (outside.length > 0) throw new DomainError('BAD_INPUT', 'error.application.outsideCallYears', `data.lines.${outside[0]}.fiscalYear`);
        await tx.deleteFrom('applicationBudgetLine').where('applicationId', '=', id).execute();
        if (input.data.lines.length > 0) {
          await tx
            .insertInto('applicationBudgetLine')
            .values(input.data.lines.map((l, i) => ({ applicationId: id, position: i + 1, fiscalYear: l.fiscalYear, costCategory: l.category, amountCents: l.amountCents, justification: l.justification })))
            .execute();
        }
        break;
      }
      case 'otherFunding': {
        await tx.deleteFrom('applicationOtherFunding').where('applicationId', '=', id).execute();
        if (input.data.sources.length > 0) {
          await tx.insertInto('applicationOtherFunding').values(input.data.sources.map((s, i) => ({ applicationId: id, position: i + 1, ...s }))).execute();
        }
        break;
      }
      case 'expectedResults': {
        const seen = new Set<string>();
        input.data.results.forEach((r, i) => {
          if (!call.indicatorIds.includes(r.indicatorId) || seen.has(r.indicatorId)) throw new DomainError('BAD_INPUT', 'error.indicator.notInCall', `data.results.${i}.indicatorId`);
          seen.add(r.indicatorId);
        });
        await tx.deleteFrom('applicationExpectedResult').where('applicationId', '=', id).execute();
        if (input.data.results.length > 0) {
          await tx.insertInto('applicationExpectedResult').values(input.data.results.map((r) => ({ applicationId: id, ...r }))).execute();
        }
        break;
      }
      case 'gbaPlus': {
        const d = input.data;
        await tx.updateTable('application').set({ gbaPopulationsServed: d.populationsServed, gbaBarriers: [...new Set(d.barriers)], gbaHowAddressed: d.howAddressed }).where('id', '=', id).execute();
        break;
      }
      case 'eligibility': {
        const seen = new Set<string>();
        input.data.answers.forEach((a, i) => {
          if (!call.eligibilityQuestions.some((q) => q.id === a.questionId) || seen.has(a.questionId)) throw new DomainError('BAD_INPUT', 'error.question.notInCall', `data.answers.${i}.questionId`);
          seen.add(a.questionId);
        });
        await tx.deleteFrom('applicationEligibilityAnswer').where('applicationId', '=', id).execute();
        if (input.data.answers.length > 0) {
          await tx.insertInto('applicationEligibilityAnswer').values(input.data.answers.map((a) => ({ applicationId: id, ...a }))).execute();
        }
        break;
      }
    }
    await tx.updateTable('application').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: id, action: 'save_section', after: { section: input.section, data: input.data }, requestId: meta.requestId });
    return { missing: missingForSubmission(await loadContent(tx, id), call) };
  });
}

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

function toIssueError(issue: ApplicationIssue, count: number): DomainError {
  const code = issue.messageKey === 'error.application.callClosed' ? 'CONFLICT' : 'BAD_INPUT';
  return new DomainError(code, issue.messageKey, issue.field, { ...(issue.params ?? {}), count });
}

export interface SubmitResult {
  referenceNumber: string;
  submittedAt: Date;
  /** True when this click found the application already submitted (a second tab, a double click). */
  alreadySubmitted: boolean;
}

/**
 * Submission: the row is locked, so of two simultaneous submissions one does the work and the
 * other, once the lock is released, finds it done and answers with the same reference number.
 */
export async function submitApplication(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  user: Viewer,
  meta: RequestMeta,
  id: string,
  now: () => Date = () => new Date(),
): Promise<SubmitResult> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const app = await lockApplication(tx, id);
    if (!user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (app.status !== 'draft') {
      if (app.referenceNumber && app.submittedAt && app.submittedBy) return { referenceNumber: app.referenceNumber, submittedAt: app.submittedAt, alreadySubmitted: true };
      throw new DomainError('CONFLICT', 'error.application.notDraft', 'id');
    }
    const at = now(); // the server's clock decides, read after the lock is held
    const [content, call, org] = await Promise.all([
      loadContent(tx, id),
      loadCallRules(tx, app.callId),
      tx.selectFrom('organisation').selectAll().where('id', '=', app.organisationId).executeTakeFirstOrThrow(),
    ]);
    const issues = submissionIssues(content, call, org, at);
    if (issues.length > 0) throw toIssueError(issues[0]!, issues.length);
    const { n } = await tx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('application_reference_seq')]).as('n')).executeTakeFirstOrThrow();
    const referenceNumber = applicationReference(Number(isoYear(at)), BigInt(n));
    const requested = budgetTotals(content.budget.lines).total;
    const attachments = await tx.selectFrom('applicationAttachment').select(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256']).where('applicationId', '=', id).execute();
    const version = { ...content, attachments, organisation: { id: org.id, legalNameEn: org.legalNameEn, legalNameFr: org.legalNameFr }, submittedAt: at.toISOString() };
    await tx
      .updateTable('application')
      .set({
        status: 'submitted',
        referenceNumber,
        requestedAmountCents: requested,
        submittedAt: at,
        submittedBy: user.id,
        submittedVersion: JSON.stringify(version, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
        acknowledgedAt: at,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'application',
      entityId: id,
      action: 'submit',
      before: { status: 'draft' },
      after: { status: 'submitted', referenceNumber, requestedAmountCents: requested },
      requestId: meta.requestId,
    });
    const lang = user.preferredLanguage;
    await queueMail(tx, {
      to: user.email,
      lang,
      template: 'applicationReceived',
      params: {
        name: user.displayName,
        reference: referenceNumber,
        title: content.project.title,
        organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
        call: lang === 'fr' ? call.titleFr : call.titleEn,
        date: formatDate(at, lang),
        link: `${deps.config.appUrl}/applications/${id}`,
      },
    });
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { referenceNumber, submittedAt: at, alreadySubmitted: false };
  });
}

function isoYear(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric' }).format(at);
}

export function formatDate(at: Date, lang: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { timeZone: 'America/Toronto', dateStyle: 'long' }).format(at);
}

export async function withdrawApplication(db: Db, user: Viewer, meta: RequestMeta, id: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, id);
    if (!user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    await moveApplication(tx, user, meta, app, 'withdrawn', { withdrawnAt: new Date() });
  });
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

// ---------------------------------------------------------------------------------------------
// Reading

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
    allowedActions: access === 'staff' ? applicationActions({ status: app.status, recommendedBy: recommendation?.recommendedBy ?? null }, user, delegatedAuthority(user.roles, limits) !== null) : [],
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
