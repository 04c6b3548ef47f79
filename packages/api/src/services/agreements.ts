/**
 * Contribution agreements: drafted by an officer (from an approved application or directly),
 * sent to the recipient, signed by the recipient in the portal, signed for the department by
 * someone whose delegated authority covers the total (which commits the money, fiscal year by
 * fiscal year, in the journal), then amended version by version, each amendment approved by
 * someone other than its author. One transaction per command; each writes its audit record.
 */
import { randomUUID } from 'node:crypto';
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import {
  advanceSchedule,
  AGREEMENT_STAFF,
  agreementActions,
  agreementLifecycle,
  type AgreementPortfolioInput,
  agreementReference,
  type AgreementStatus,
  agreementTemplateFor,
  type AgreementTerms,
  allocate,
  amendmentKind,
  amendmentMoneyIssues,
  changedSections,
  type CostCategory,
  type CreateAgreementInput,
  type DecidingRole,
  delegatedAuthority,
  DomainError,
  formatBasisPoints,
  formatMoney,
  holdbackCents,
  holds,
  proposeFiscalYearAmounts,
  RECIPIENTS,
  reportingSchedule,
  riskDefaults,
  type Role,
  stackingCheck,
  sum,
  type TermsIssue,
} from '@tp/domain';
import { translate } from '@tp/i18n';
import type { RequestMeta } from '../context';
import { queueMail, type MailDeps } from '../mail/mailer';
import { formatDate, normaliseDecimal } from '../format';
import { type Viewer } from '../auth/resolve-session';
import { loadTerms, VERSION_COLUMNS } from './agreement-terms';
import { syncReportingPeriods } from './progress-reports';


/** Writes one message per active person of the recipient organisation, in each person's language. */
async function mailRecipients(
  tx: Tx,
  deps: MailDeps,
  a: { id: string; organisationId: string; referenceNumber: string },
  template: 'agreementSent' | 'agreementActive',
  params: (lang: 'en' | 'fr') => Record<string, string>,
): Promise<void> {
  const people = await tx
    .selectFrom('membership')
    .innerJoin('appUser', 'appUser.id', 'membership.userId')
    .select(['appUser.email', 'appUser.displayName', 'appUser.preferredLanguage'])
    .where('membership.organisationId', '=', a.organisationId)
    .where('membership.role', '=', 'recipient')
    .where('appUser.status', '=', 'active')
    .execute();
  for (const p of people) {
    await queueMail(tx, {
      to: p.email,
      lang: p.preferredLanguage,
      template,
      params: { name: p.displayName, reference: a.referenceNumber, link: `${deps.config.appUrl}/agreements/${a.id}`, ...params(p.preferredLanguage) },
    });
  }
}

type Reader = Db | Tx;

// ---------------------------------------------------------------------------------------------
// Terms: read and write a version


async function writeTermsParts(tx: Tx, versionId: string, terms: AgreementTerms): Promise<void> {
  if (terms.pillarIds.length > 0) {
    await tx.insertInto('agreementVersionPillar').values(terms.pillarIds.map((pillarId) => ({ versionId, pillarId }))).execute();
  }
  await tx.insertInto('agreementFiscalYear').values(terms.fiscalYears.map((y) => ({ versionId, fiscalYear: y.fiscalYear, amountCents: y.amountCents }))).execute();
  if (terms.budget.length > 0) {
    await tx
      .insertInto('agreementBudgetLine')
      .values(terms.budget.map((b) => ({ versionId, fiscalYear: b.fiscalYear, costCategory: b.category, amountCents: b.amountCents })))
      .execute();
  }
  if (terms.milestones.length > 0) {
    await tx
      .insertInto('agreementMilestone')
      .values(terms.milestones.map((m, i) => ({ versionId, key: m.key ?? randomUUID(), position: i + 1, title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })))
      .execute();
  }
  if (terms.indicators.length > 0) {
    await tx.insertInto('agreementIndicator').values(terms.indicators.map((i) => ({ versionId, indicatorId: i.indicatorId, targetValue: i.targetValue }))).execute();
  }
  if (terms.otherFunding.length > 0) {
    await tx
      .insertInto('agreementOtherFunding')
      .values(terms.otherFunding.map((f, i) => ({ versionId, position: i + 1, source: f.source, kind: f.kind, amountCents: f.amountCents, status: f.status })))
      .execute();
  }
}

function termsColumns(terms: AgreementTerms) {
  return {
    streamId: terms.streamId,
    title: terms.title,
    description: terms.description,
    startDate: terms.startDate,
    endDate: terms.endDate,
    totalCents: terms.totalCents,
    paymentBasis: terms.paymentBasis,
    advanceFrequency: terms.advanceFrequency,
    holdbackCents: holdbackCents(terms.totalCents, terms.holdback),
    holdbackBp: terms.holdback.kind === 'percent' ? Number(terms.holdback.basisPoints) : null,
    riskLevel: terms.riskLevel,
    riskReasons: terms.riskReasons,
    reportingFrequency: terms.reportingFrequency,
    specialConditions: terms.specialConditions,
  };
}

function issueError(issue: TermsIssue): DomainError {
  return new DomainError('BAD_INPUT', issue.messageKey, ['terms', ...issue.path].join('.'), issue.params);
}

/**
 * What only the database knows: the stream, pillars and cost categories belong to the program,
 * the indicators are ready to collect, the fiscal years exist, and government funding stays
 * within the program's stacking limit.
 */
async function checkTermsAgainstProgram(db: Reader, programId: string, terms: AgreementTerms): Promise<void> {
  const [program, stream, pillars, categories, indicators, years] = await Promise.all([
    db.selectFrom('program').select(['id', 'stackingLimitBp']).where('id', '=', programId).executeTakeFirst(),
    terms.streamId ? db.selectFrom('fundingStream').select('programId').where('id', '=', terms.streamId).executeTakeFirst() : undefined,
    db.selectFrom('programPillar').select('pillarId').where('programId', '=', programId).execute(),
    db.selectFrom('programCostCategory').select('costCategory').where('programId', '=', programId).execute(),
    terms.indicators.length > 0
      ? db.selectFrom('indicator').select(['id', 'isReady']).where('id', 'in', terms.indicators.map((i) => i.indicatorId)).execute()
      : [],
    db.selectFrom('fiscalYear').select('label').where('label', 'in', terms.fiscalYears.map((y) => y.fiscalYear)).execute(),
  ]);
  if (!program) throw new DomainError('BAD_INPUT', 'error.notFound', 'programId');
  if (terms.streamId && stream?.programId !== programId) throw new DomainError('BAD_INPUT', 'error.agreement.streamNotInProgram', 'terms.streamId');
  const programPillars = new Set(pillars.map((p) => p.pillarId));
  const badPillar = terms.pillarIds.findIndex((p) => !programPillars.has(p));
  if (badPillar >= 0) throw new DomainError('BAD_INPUT', 'error.agreement.pillarNotInProgram', `terms.pillarIds.${badPillar}`);
  const known = new Set(years.map((y) => y.label));
  const unknownYear = terms.fiscalYears.findIndex((y) => !known.has(y.fiscalYear));
  if (unknownYear >= 0) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', `terms.fiscalYears.${unknownYear}.fiscalYear`);
  const funded = new Set<CostCategory>(categories.map((c) => c.costCategory));
  const badLine = terms.budget.findIndex((b) => !funded.has(b.category));
  if (badLine >= 0) throw new DomainError('BAD_INPUT', 'error.agreement.costCategoryNotInProgram', `terms.budget.${badLine}.category`);
  const ready = new Map(indicators.map((i) => [i.id, i.isReady]));
  const badIndicator = terms.indicators.findIndex((i) => ready.get(i.indicatorId) !== true);
  if (badIndicator >= 0) throw new DomainError('BAD_INPUT', 'error.agreement.indicatorNotReady', `terms.indicators.${badIndicator}.indicatorId`);
  const stacking = stackingCheck({ requestedCents: terms.totalCents, otherSources: terms.otherFunding, limitBp: program.stackingLimitBp });
  if (!stacking.withinLimit) {
    throw new DomainError('BAD_INPUT', 'error.agreement.stackingExceeded', 'terms.otherFunding', {
      share: formatBasisPoints(stacking.governmentShareBp ?? 0n),
      limit: formatBasisPoints(stacking.limitBp),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Access

async function lockAgreement(tx: Tx, id: string) {
  const a = await tx.selectFrom('agreement').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  return a;
}

function isAgreementStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, AGREEMENT_STAFF);
}

/** Staff (not reviewers) read every agreement; a recipient reads its own once it has been sent. */
function assertCanRead(user: Viewer, a: { organisationId: string; status: AgreementStatus }): 'staff' | 'recipient' {
  if (isAgreementStaff(user)) return 'staff';
  if (user.organisationIds.includes(a.organisationId) && a.status !== 'draft') return 'recipient';
  throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
}

function statusParam(status: AgreementStatus) {
  return { status: { en: translate('en', `status.agreement.${status}`), fr: translate('fr', `status.agreement.${status}`) } };
}

function assertStatus(a: { status: AgreementStatus }, ...allowed: AgreementStatus[]): void {
  if (!allowed.includes(a.status)) throw new DomainError('CONFLICT', 'error.agreement.wrongStatus', 'agreementId', statusParam(a.status));
}

async function moveAgreement(tx: Tx, user: { id: string }, meta: RequestMeta, a: { id: string; status: AgreementStatus }, to: AgreementStatus, set: Record<string, unknown> = {}): Promise<void> {
  if (!agreementLifecycle.can(a.status, to)) throw new DomainError('CONFLICT', 'error.agreement.wrongStatus', 'agreementId', statusParam(a.status));
  await tx.updateTable('agreement').set({ status: to, updatedAt: new Date(), ...set }).where('id', '=', a.id).execute();
  await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: `status.${to}`, before: { status: a.status }, after: { status: to, ...set }, requestId: meta.requestId });
}

async function authorityFor(db: Reader, user: Viewer, programId: string): Promise<{ role: DecidingRole; maxAmountCents: bigint } | null> {
  const limits = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  return delegatedAuthority(user.roles as Role[], limits);
}

async function currentVersionRow(db: Reader, agreementId: string, version: number) {
  return db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', agreementId).where('version', '=', version).executeTakeFirstOrThrow();
}

/** Paid per fiscal year, from the journal (advances and reimbursements). */
async function paidByFiscalYear(db: Reader, agreementId: string): Promise<Map<string, bigint>> {
  const rows = await db
    .selectFrom('ledgerEntry')
    .select(['fiscalYear', (eb) => eb.fn.sum<string>('amountCents').as('paid')])
    .where('agreementId', '=', agreementId)
    .where('kind', 'in', ['advance_paid', 'reimbursement_paid'])
    .groupBy('fiscalYear')
    .execute();
  return new Map(rows.map((r) => [r.fiscalYear, BigInt(r.paid)]));
}

// ---------------------------------------------------------------------------------------------
// Drafting

/** Terms proposed from an approved application: the officer reviews and adjusts them. */
export async function proposeTermsFromApplication(db: Db, applicationId: string) {
  const app = await db
    .selectFrom('application')
    .innerJoin('callForProposals as call', 'call.id', 'application.callId')
    .leftJoin('applicationDecision as decision', 'decision.applicationId', 'application.id')
    .leftJoin('agreement', 'agreement.applicationId', 'application.id')
    .select([
      'application.id', 'application.status', 'application.organisationId', 'application.title', 'application.summary', 'application.objectives',
      'application.startDate', 'application.endDate', 'application.requestedAmountCents', 'call.programId', 'call.streamId', 'call.id as callId',
      'decision.amountCents as approvedCents', 'agreement.id as agreementId',
    ])
    .where('application.id', '=', applicationId)
    .executeTakeFirst();
  if (!app) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  if (app.status !== 'approved' && app.status !== 'approved_with_changes') throw new DomainError('CONFLICT', 'error.agreement.applicationNotApproved', 'applicationId');
  if (app.agreementId) throw new DomainError('CONFLICT', 'error.agreement.applicationHasAgreement', 'applicationId');
  const [pillars, lines, activities, results, funding, categories] = await Promise.all([
    db.selectFrom('callPillar').select('pillarId').where('callId', '=', app.callId).execute(),
    db.selectFrom('applicationBudgetLine').select(['fiscalYear', 'costCategory', 'amountCents']).where('applicationId', '=', app.id).execute(),
    db.selectFrom('applicationActivity').select(['title', 'deliverables', 'endDate']).where('applicationId', '=', app.id).orderBy('position').execute(),
    db.selectFrom('applicationExpectedResult').select(['indicatorId', 'targetValue']).where('applicationId', '=', app.id).execute(),
    db.selectFrom('applicationOtherFunding').select(['source', 'kind', 'amountCents', 'status']).where('applicationId', '=', app.id).orderBy('position').execute(),
    db.selectFrom('programCostCategory').select('costCategory').where('programId', '=', app.programId).execute(),
  ]);
  const total = app.approvedCents ?? app.requestedAmountCents ?? 0n;
  const startDate = app.startDate ?? '';
  const endDate = app.endDate ?? '';
  const risk = riskDefaults('medium');
  const funded = new Set(categories.map((c) => c.costCategory));
  // Fiscal years as budgeted when the amount approved is the amount asked; otherwise in
  // proportion to the days of each year. Each year's budget keeps the application's mix.
  const requestedByYear = new Map<string, bigint>();
  for (const l of lines) requestedByYear.set(l.fiscalYear, (requestedByYear.get(l.fiscalYear) ?? 0n) + l.amountCents);
  const fiscalYears = total === sum(requestedByYear.values()) && startDate && endDate
    ? [...requestedByYear].sort(([a], [b]) => a.localeCompare(b)).map(([fiscalYear, amountCents]) => ({ fiscalYear, amountCents }))
    : startDate && endDate ? proposeFiscalYearAmounts(total, startDate, endDate) : [];
  const budget = fiscalYears.flatMap((y) => {
    const mix = lines.filter((l) => l.fiscalYear === y.fiscalYear && funded.has(l.costCategory) && l.amountCents > 0n);
    if (mix.length === 0) return [{ fiscalYear: y.fiscalYear, category: 'other' as CostCategory, amountCents: y.amountCents }];
    const byCategory = new Map<CostCategory, bigint>();
    for (const l of mix) byCategory.set(l.costCategory, (byCategory.get(l.costCategory) ?? 0n) + l.amountCents);
    const cats = [...byCategory.keys()];
    const parts = allocate(y.amountCents, cats.map((c) => byCategory.get(c) ?? 0n));
    return cats.map((category, i) => ({ fiscalYear: y.fiscalYear, category, amountCents: parts[i] ?? 0n }));
  });
  return {
    programId: app.programId,
    organisationId: app.organisationId,
    applicationId: app.id,
    terms: {
      streamId: app.streamId,
      pillarIds: pillars.map((p) => p.pillarId),
      title: app.title,
      description: [app.summary, app.objectives].filter((s) => s.trim() !== '').join('\n\n'),
      startDate,
      endDate,
      totalCents: total,
      fiscalYears,
      budget,
      paymentBasis: risk.paymentBasis,
      advanceFrequency: risk.advanceFrequency,
      holdback: { kind: 'percent' as const, basisPoints: risk.holdbackBasisPoints },
      riskLevel: 'medium' as const,
      riskReasons: '',
      reportingFrequency: risk.reportingFrequency,
      milestones: activities
        .filter((a) => a.endDate !== null)
        .map((a) => ({ title: a.title, deliverables: a.deliverables, dueDate: a.endDate ?? '', paymentCents: null })),
      indicators: results.map((r) => ({ indicatorId: r.indicatorId, targetValue: normaliseDecimal(r.targetValue) })),
      otherFunding: funding,
      specialConditions: '',
    },
  };
}

export async function createAgreement(db: Db, user: Viewer, meta: RequestMeta, input: CreateAgreementInput): Promise<{ id: string; referenceNumber: string }> {
  return inTransaction(db, async ({ tx }) => {
    const org = await tx.selectFrom('organisation').select(['id', 'type']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw new DomainError('BAD_INPUT', 'error.notFound', 'organisationId');
    if (input.applicationId) {
      const app = await tx
        .selectFrom('application')
        .innerJoin('callForProposals as call', 'call.id', 'application.callId')
        .select(['application.id', 'application.status', 'application.organisationId', 'call.programId'])
        .where('application.id', '=', input.applicationId)
        .forUpdate(['application'])
        .executeTakeFirst();
      if (!app) throw new DomainError('BAD_INPUT', 'error.notFound', 'applicationId');
      if (app.status !== 'approved' && app.status !== 'approved_with_changes') throw new DomainError('CONFLICT', 'error.agreement.applicationNotApproved', 'applicationId');
      if (app.organisationId !== input.organisationId || app.programId !== input.programId) throw new DomainError('BAD_INPUT', 'error.agreement.applicationMismatch', 'applicationId');
      const existing = await tx.selectFrom('agreement').select('id').where('applicationId', '=', app.id).executeTakeFirst();
      if (existing) throw new DomainError('CONFLICT', 'error.agreement.applicationHasAgreement', 'applicationId');
    }
    await checkTermsAgainstProgram(tx, input.programId, input.terms);
    const { n } = await tx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('agreement_reference_seq')]).as('n')).executeTakeFirstOrThrow();
    const referenceNumber = agreementReference(new Date().getUTCFullYear(), BigInt(n));
    const agreement = await tx
      .insertInto('agreement')
      .values({
        referenceNumber,
        programId: input.programId,
        organisationId: input.organisationId,
        applicationId: input.applicationId,
        template: agreementTemplateFor(org.type),
        createdBy: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await tx
      .insertInto('agreementVersion')
      .values({ agreementId: agreement.id, version: 1, status: 'draft', createdBy: user.id, ...termsColumns(input.terms) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTermsParts(tx, version.id, input.terms);
    await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: agreement.id, action: 'create', after: { referenceNumber, ...input }, requestId: meta.requestId });
    return { id: agreement.id, referenceNumber };
  });
}

export async function updateDraft(db: Db, user: Viewer, meta: RequestMeta, input: { agreementId: string; terms: AgreementTerms }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'draft');
    await checkTermsAgainstProgram(tx, a.programId, input.terms);
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    const before = await loadTerms(tx, v.id);
    for (const table of ['agreementBudgetLine', 'agreementFiscalYear', 'agreementVersionPillar', 'agreementMilestone', 'agreementIndicator', 'agreementOtherFunding'] as const) {
      await tx.deleteFrom(table).where('versionId', '=', v.id).execute();
    }
    await tx.updateTable('agreementVersion').set(termsColumns(input.terms)).where('id', '=', v.id).execute();
    await writeTermsParts(tx, v.id, input.terms);
    await tx.updateTable('agreement').set({ updatedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: 'update', before, after: input.terms, requestId: meta.requestId });
  });
}

// ---------------------------------------------------------------------------------------------
// Signature

export async function sendForSignature(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'draft');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    await tx.updateTable('agreementVersion').set({ status: 'proposed' }).where('id', '=', v.id).execute();
    await moveAgreement(tx, user, meta, a, 'sent_for_signature', { sentAt: new Date(), sentBy: user.id });
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    await mailRecipients(tx, deps, a, 'agreementSent', (lang) => ({
      title: v.title,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      amount: formatMoney(v.totalCents, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}

/** Back to draft to change the terms: any recipient signature is set aside (and stays in the audit trail). */
export async function recallToDraft(db: Db, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'sent_for_signature', 'recipient_signed');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    await moveAgreement(tx, user, meta, a, 'draft', {
      sentAt: null, sentBy: null, recipientSignedAt: null, recipientSignedBy: null, recipientSignerName: null, recipientSignerTitle: null,
    });
    await tx.updateTable('agreementVersion').set({ status: 'draft' }).where('id', '=', v.id).execute();
  });
}

export async function signAsRecipient(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; signerName: string; signerTitle: string },
): Promise<{ signedAt: Date }> {
  return inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    if (!user.organisationIds.includes(a.organisationId) || !holds(user, RECIPIENTS)) {
      if (isAgreementStaff(user)) throw new DomainError('FORBIDDEN', 'error.agreement.notRecipientSigner', 'agreementId');
      throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
    }
    assertStatus(a, 'sent_for_signature');
    const org = await tx.selectFrom('organisation').select('verifiedAt').where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    if (!org.verifiedAt) throw new DomainError('FORBIDDEN', 'error.agreement.organisationNotVerified', 'agreementId');
    const signedAt = new Date();
    await moveAgreement(tx, user, meta, a, 'recipient_signed', {
      recipientSignedAt: signedAt,
      recipientSignedBy: user.id,
      recipientSignerName: input.signerName,
      recipientSignerTitle: input.signerTitle,
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement',
      entityId: a.id,
      action: 'sign.recipient',
      after: { signerName: input.signerName, signerTitle: input.signerTitle, signedAt: signedAt.toISOString(), version: a.currentVersion, ip: meta.ip ?? null },
      requestId: meta.requestId,
    });
    return { signedAt };
  });
}

/** The department signs within the signer's delegated authority; the money is committed year by year. */
export async function signForDepartment(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'recipient_signed');
    if (a.createdBy === user.id) throw new DomainError('FORBIDDEN', 'error.agreement.ownDraft', 'agreementId');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    const authority = await authorityFor(tx, user, a.programId);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.agreement.signatureNoAuthority', 'agreementId');
    if (v.totalCents > authority.maxAmountCents) {
      throw new DomainError('FORBIDDEN', 'error.agreement.signatureAboveLimit', 'agreementId', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
      });
    }
    await tx.updateTable('agreementVersion').set({ status: 'in_force' }).where('id', '=', v.id).execute();
    await moveAgreement(tx, user, meta, a, 'active', {
      departmentSignedAt: new Date(),
      departmentSignedBy: user.id,
      departmentSignerRole: authority.role,
      departmentSignerLimitCents: authority.maxAmountCents,
    });
    await syncReportingPeriods(tx, a.id);
    const years = await tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', v.id).execute();
    const commitments = years.filter((y) => y.amountCents !== 0n);
    if (commitments.length > 0) {
      await tx
        .insertInto('ledgerEntry')
        .values(commitments.map((y) => ({ agreementId: a.id, fiscalYear: y.fiscalYear, kind: 'commitment' as const, amountCents: y.amountCents, agreementVersion: v.version, memo: 'signature', createdBy: user.id })))
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement',
      entityId: a.id,
      action: 'sign.department',
      after: { role: authority.role, limitCents: authority.maxAmountCents, totalCents: v.totalCents, version: v.version },
      requestId: meta.requestId,
    });
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    const signedAt = new Date();
    await mailRecipients(tx, deps, a, 'agreementActive', (lang) => ({
      title: v.title,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      date: formatDate(signedAt, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}

// ---------------------------------------------------------------------------------------------
// Amendments

export async function proposeAmendment(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; basedOnVersion: number; reason: string; terms: AgreementTerms },
): Promise<{ version: number }> {
  return inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    if (input.basedOnVersion !== a.currentVersion) {
      throw new DomainError('CONFLICT', 'error.amendment.stale', 'basedOnVersion', { current: a.currentVersion });
    }
    const pending = await tx.selectFrom('agreementVersion').select('version').where('agreementId', '=', a.id).where('status', 'in', ['draft', 'proposed']).executeTakeFirst();
    if (pending) throw new DomainError('CONFLICT', 'error.amendment.pending', 'agreementId', { version: pending.version });
    await checkTermsAgainstProgram(tx, a.programId, input.terms);
    const current = await currentVersionRow(tx, a.id, a.currentVersion);
    const previous = await loadTerms(tx, current.id);
    // Milestones keep their keys; a key the agreement never had is refused.
    const knownKeys = new Set(previous.milestones.map((m) => m.key));
    const badKey = input.terms.milestones.findIndex((m) => m.key !== undefined && !knownKeys.has(m.key));
    if (badKey >= 0) throw new DomainError('BAD_INPUT', 'error.invalid', `terms.milestones.${badKey}.key`);
    if (changedSections(previous, input.terms).length === 0) throw new DomainError('BAD_INPUT', 'error.amendment.noChange', 'terms');
    const [paid, closed] = await Promise.all([
      paidByFiscalYear(tx, a.id),
      tx.selectFrom('fiscalYear').select('label').where('status', '=', 'closed').execute(),
    ]);
    const moneyIssues = amendmentMoneyIssues(previous.fiscalYears, input.terms.fiscalYears, paid, new Set(closed.map((c) => c.label)));
    if (moneyIssues.length > 0) throw issueError(moneyIssues[0]!);
    const versionNumber = (await tx.selectFrom('agreementVersion').select((eb) => eb.fn.max('version').as('v')).where('agreementId', '=', a.id).executeTakeFirstOrThrow()).v + 1;
    const inserted = await tx
      .insertInto('agreementVersion')
      .values({
        agreementId: a.id,
        version: versionNumber,
        status: 'draft',
        basedOnVersion: a.currentVersion,
        reason: input.reason,
        createdBy: user.id,
        ...termsColumns(input.terms),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTermsParts(tx, inserted.id, input.terms);
    await tx.updateTable('agreementVersion').set({ status: 'proposed' }).where('id', '=', inserted.id).execute();
    await tx.updateTable('agreement').set({ updatedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement_amendment',
      entityId: a.id,
      action: 'propose',
      before: { version: a.currentVersion },
      after: { version: versionNumber, kind: amendmentKind(previous, input.terms), reason: input.reason, changed: changedSections(previous, input.terms) },
      requestId: meta.requestId,
    });
    return { version: versionNumber };
  });
}

export async function decideAmendment(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; version: number; approve: boolean; note: string },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    const v = await tx.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', input.version).executeTakeFirst();
    if (!v || v.status !== 'proposed') throw new DomainError('CONFLICT', 'error.amendment.notPending', 'version');
    if (v.createdBy === user.id) throw new DomainError('FORBIDDEN', 'error.amendment.ownProposal', 'version');
    const authority = await authorityFor(tx, user, a.programId);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.agreement.signatureNoAuthority', 'version');
    const decided = { decidedBy: user.id, decidedAt: new Date(), deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents, decisionNote: input.note };
    if (!input.approve) {
      await tx.updateTable('agreementVersion').set({ status: 'rejected', ...decided }).where('id', '=', v.id).execute();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement_amendment', entityId: a.id, action: 'reject', after: { version: v.version, note: input.note }, requestId: meta.requestId });
      return;
    }
    if (v.totalCents > authority.maxAmountCents) {
      throw new DomainError('FORBIDDEN', 'error.amendment.aboveLimit', 'version', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
      });
    }
    const current = await currentVersionRow(tx, a.id, a.currentVersion);
    const [before, after] = await Promise.all([
      tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', current.id).execute(),
      tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', v.id).execute(),
    ]);
    await tx.updateTable('agreementVersion').set({ status: 'superseded' }).where('id', '=', current.id).execute();
    await tx.updateTable('agreementVersion').set({ status: 'in_force', ...decided }).where('id', '=', v.id).execute();
    await tx.updateTable('agreement').set({ currentVersion: v.version, updatedAt: new Date() }).where('id', '=', a.id).execute();
    await syncReportingPeriods(tx, a.id);
    // The commitment follows the amendment: one entry per fiscal year whose amount changed.
    const labels = new Set([...before.map((y) => y.fiscalYear), ...after.map((y) => y.fiscalYear)]);
    const deltas = [...labels]
      .map((fiscalYear) => ({
        fiscalYear,
        delta: (after.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n) - (before.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n),
      }))
      .filter((d) => d.delta !== 0n);
    if (deltas.length > 0) {
      await tx
        .insertInto('ledgerEntry')
        .values(deltas.map((d) => ({ agreementId: a.id, fiscalYear: d.fiscalYear, kind: 'commitment' as const, amountCents: d.delta, agreementVersion: v.version, memo: 'amendment', createdBy: user.id })))
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement_amendment',
      entityId: a.id,
      action: 'approve',
      before: { version: current.version, totalCents: current.totalCents },
      after: { version: v.version, totalCents: v.totalCents, role: authority.role, note: input.note },
      requestId: meta.requestId,
    });
  });
}

export async function endAgreement(db: Db, user: Viewer, meta: RequestMeta, input: { agreementId: string; outcome: 'closed' | 'terminated'; reason: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    await moveAgreement(tx, user, meta, a, input.outcome, { endedAt: new Date(), endedBy: user.id, endReason: input.reason });
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

function schedules(terms: AgreementTerms) {
  const holdback = holdbackCents(terms.totalCents, terms.holdback);
  return {
    holdbackCents: holdback,
    reporting: reportingSchedule(terms.startDate, terms.endDate, terms.reportingFrequency),
    advances:
      terms.paymentBasis === 'advance' && terms.advanceFrequency
        ? advanceSchedule({ startDate: terms.startDate, endDate: terms.endDate, fiscalYears: terms.fiscalYears, holdbackCents: holdback, advanceFrequency: terms.advanceFrequency })
        : [],
  };
}

export async function getAgreement(db: Db, user: Viewer, id: string) {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  const [organisation, program, versions, paid, creator, recipientSigner, departmentSigner] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'legalNameEn', 'legalNameFr', 'type', 'provinceOrTerritory', 'officialLanguage', 'verifiedAt', 'city']).where('id', '=', a.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('program').select(['id', 'code', 'nameEn', 'nameFr', 'stackingLimitBp']).where('id', '=', a.programId).executeTakeFirstOrThrow(),
    db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', id).orderBy('version').execute(),
    paidByFiscalYear(db, id),
    db.selectFrom('appUser').select('displayName').where('id', '=', a.createdBy).executeTakeFirst(),
    a.recipientSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.recipientSignedBy).executeTakeFirst() : undefined,
    a.departmentSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.departmentSignedBy).executeTakeFirst() : undefined,
  ]);
  const current = versions.find((v) => v.version === a.currentVersion);
  if (!current) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const terms = await loadTerms(db, current.id);
  // Recipients see the versions that were in force and the one out for their signature; not drafts or rejections.
  const visible = access === 'staff' ? versions : versions.filter((v) => v.status === 'in_force' || v.status === 'superseded' || (v.status === 'proposed' && v.version === 1));
  const pending = access === 'staff' ? versions.find((v) => v.version > a.currentVersion && (v.status === 'proposed' || v.status === 'draft')) : undefined;
  const authority = access === 'staff' ? await authorityFor(db, user, a.programId) : null;
  return {
    id: a.id,
    access,
    referenceNumber: a.referenceNumber,
    status: a.status,
    template: a.template,
    applicationId: a.applicationId,
    currentVersion: a.currentVersion,
    createdBy: a.createdBy,
    createdByName: creator?.displayName ?? null,
    createdAt: a.createdAt,
    sentAt: a.sentAt,
    recipientSignature: a.recipientSignedAt
      ? { name: a.recipientSignerName ?? '', title: a.recipientSignerTitle ?? '', signedAt: a.recipientSignedAt, accountName: recipientSigner?.displayName ?? null }
      : null,
    departmentSignature: a.departmentSignedAt ? { name: departmentSigner?.displayName ?? '', role: a.departmentSignerRole, signedAt: a.departmentSignedAt } : null,
    endedAt: a.endedAt,
    endReason: a.endReason,
    organisation,
    program,
    terms,
    schedules: schedules(terms),
    paidByFiscalYear: Object.fromEntries(paid),
    versions: visible.map((v) => ({
      version: v.version,
      status: v.status,
      totalCents: v.totalCents,
      reason: v.reason,
      createdAt: v.createdAt,
      decidedAt: v.decidedAt,
      decisionNote: v.decisionNote,
    })),
    pendingAmendment: pending ? { version: pending.version, createdBy: pending.createdBy, reason: pending.reason, totalCents: pending.totalCents } : null,
    /** The signed-in staff member's delegated authority for this program, to say who may sign. */
    myAuthority: authority,
    /** What the caller may do next (the agreement page offers exactly these). */
    allowedActions: agreementActions({ status: a.status, createdBy: a.createdBy, access, pendingAmendment: pending ? { createdBy: pending.createdBy } : null }, user),
  };
}

/** One version's terms beside the version it amended, with the sections that changed. */
export async function compareVersions(db: Db, user: Viewer, input: { agreementId: string; version: number }) {
  const a = await db.selectFrom('agreement').select(['id', 'organisationId', 'status', 'currentVersion']).where('id', '=', input.agreementId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  const v = await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', input.version).executeTakeFirst();
  if (!v || (access === 'recipient' && (v.status === 'draft' || v.status === 'rejected' || (v.status === 'proposed' && v.version > 1)))) {
    throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'version');
  }
  const terms = await loadTerms(db, v.id);
  const basedOn = v.basedOnVersion
    ? await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', v.basedOnVersion).executeTakeFirstOrThrow()
    : null;
  const previous = basedOn ? await loadTerms(db, basedOn.id) : null;
  return {
    version: { version: v.version, status: v.status, reason: v.reason, createdAt: v.createdAt, decidedAt: v.decidedAt, decisionNote: v.decisionNote, basedOnVersion: v.basedOnVersion, createdBy: v.createdBy },
    terms,
    previous,
    changed: previous ? changedSections(previous, terms) : [],
    kind: previous ? amendmentKind(previous, terms) : null,
  };
}

export async function agreementPortfolio(db: Db, filters: AgreementPortfolioInput) {
  let q = db
    .selectFrom('agreement')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('program', 'program.id', 'agreement.programId');
  if (filters.programId) q = q.where('agreement.programId', '=', filters.programId);
  if (filters.streamId) q = q.where('v.streamId', '=', filters.streamId);
  if (filters.pillarId) {
    const pillarId = filters.pillarId;
    q = q.where((eb) => eb.exists(eb.selectFrom('agreementVersionPillar').select('pillarId').whereRef('agreementVersionPillar.versionId', '=', 'v.id').where('pillarId', '=', pillarId)));
  }
  if (filters.province) q = q.where('organisation.provinceOrTerritory', '=', filters.province as never);
  if (filters.riskLevel) q = q.where('v.riskLevel', '=', filters.riskLevel);
  if (filters.status) q = q.where('agreement.status', '=', filters.status);
  if (filters.fiscalYear) {
    const fiscalYear = filters.fiscalYear;
    q = q.where((eb) => eb.exists(eb.selectFrom('agreementFiscalYear').select('fiscalYear').whereRef('agreementFiscalYear.versionId', '=', 'v.id').where('fiscalYear', '=', fiscalYear)));
  }
  const offset = (filters.page - 1) * 50;
  const [rows, count] = await Promise.all([
    q
      .select([
        'agreement.id', 'agreement.referenceNumber', 'agreement.status', 'agreement.currentVersion', 'agreement.updatedAt',
        'organisation.legalNameEn', 'organisation.legalNameFr', 'organisation.provinceOrTerritory',
        'program.nameEn as programNameEn', 'program.nameFr as programNameFr',
        'v.title', 'v.totalCents', 'v.startDate', 'v.endDate', 'v.riskLevel',
      ])
      .orderBy('agreement.updatedAt', 'desc')
      .orderBy('agreement.id')
      .limit(50)
      .offset(offset)
      .execute(),
    // The count joins only what the filters need: by program and status alone it reads one index.
    filters.streamId || filters.pillarId || filters.province || filters.riskLevel || filters.fiscalYear
      ? q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      : db
          .selectFrom('agreement')
          .$if(Boolean(filters.programId), (c) => c.where('programId', '=', filters.programId!))
          .$if(Boolean(filters.status), (c) => c.where('status', '=', filters.status!))
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), page: filters.page, pageSize: 50 };
}

export interface Obligation {
  kind: 'recipient_signature' | 'department_signature' | 'amendment_approval' | 'report_due' | 'milestone_due';
  agreementId: string;
  referenceNumber: string;
  organisationNameEn: string;
  organisationNameFr: string;
  dueDate: string | null;
  label: string;
}

/** What is coming: signatures and amendment approvals pending, reports and milestones due within `days`. */
export async function upcomingObligations(db: Db, options: { organisationIds?: string[]; today: string; days: number }): Promise<Obligation[]> {
  let q = db
    .selectFrom('agreement')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .select(['agreement.id', 'agreement.referenceNumber', 'agreement.status', 'organisation.legalNameEn', 'organisation.legalNameFr', 'v.id as versionId', 'v.startDate', 'v.endDate', 'v.reportingFrequency'])
    .where('agreement.status', 'in', ['sent_for_signature', 'recipient_signed', 'active']);
  if (options.organisationIds) {
    if (options.organisationIds.length === 0) return [];
    q = q.where('agreement.organisationId', 'in', options.organisationIds);
  }
  const agreements = await q.execute();
  const horizon = addDaysIso(options.today, options.days);
  const activeIds = agreements.filter((a) => a.status === 'active').map((a) => a.id);
  const [milestones, pendingAmendments] = await Promise.all([
    activeIds.length > 0
      ? db
          .selectFrom('agreementMilestone as m')
          .innerJoin('agreementVersion as v', 'v.id', 'm.versionId')
          .innerJoin('agreement', (j) => j.onRef('agreement.id', '=', 'v.agreementId').onRef('agreement.currentVersion', '=', 'v.version'))
          .select(['agreement.id as agreementId', 'm.title', 'm.dueDate'])
          .where('agreement.id', 'in', activeIds)
          .where('m.dueDate', '>=', options.today)
          .where('m.dueDate', '<=', horizon)
          .execute()
      : [],
    options.organisationIds || activeIds.length === 0
      ? []
      : db.selectFrom('agreementVersion').select(['agreementId', 'version']).where('agreementId', 'in', activeIds).where('status', '=', 'proposed').execute(),
  ]);
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const out: Obligation[] = [];
  for (const a of agreements) {
    const base = { agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr };
    if (a.status === 'sent_for_signature') out.push({ ...base, kind: 'recipient_signature', dueDate: null, label: '' });
    if (a.status === 'recipient_signed') out.push({ ...base, kind: 'department_signature', dueDate: null, label: '' });
    if (a.status === 'active') {
      for (const p of reportingSchedule(a.startDate, a.endDate, a.reportingFrequency)) {
        if (p.dueDate >= options.today && p.dueDate <= horizon) out.push({ ...base, kind: 'report_due', dueDate: p.dueDate, label: `${p.start}/${p.end}${p.final ? '/final' : ''}` });
      }
    }
  }
  for (const m of milestones) {
    const a = byId.get(m.agreementId);
    if (a) out.push({ agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr, kind: 'milestone_due', dueDate: m.dueDate, label: m.title });
  }
  for (const p of pendingAmendments) {
    const a = byId.get(p.agreementId);
    if (a) out.push({ agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr, kind: 'amendment_approval', dueDate: null, label: String(p.version) });
  }
  return out.sort((x, y) => (x.dueDate ?? '').localeCompare(y.dueDate ?? '') || x.referenceNumber.localeCompare(y.referenceNumber));
}

function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The recipient's agreements (never drafts), each with what is due next. */
export async function myAgreements(db: Db, user: Viewer, today: string) {
  if (user.organisationIds.length === 0) return { agreements: [], obligations: [] };
  const [rows, obligations] = await Promise.all([
    db
      .selectFrom('agreement')
      .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
      .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
      .select(['agreement.id', 'agreement.referenceNumber', 'agreement.status', 'organisation.legalNameEn', 'organisation.legalNameFr', 'v.title', 'v.totalCents', 'v.startDate', 'v.endDate'])
      .where('agreement.organisationId', 'in', user.organisationIds)
      .where('agreement.status', '<>', 'draft')
      .orderBy('v.startDate', 'desc')
      .execute(),
    upcomingObligations(db, { organisationIds: user.organisationIds, today, days: 120 }),
  ]);
  return { agreements: rows, obligations: obligations.filter((o) => o.kind !== 'department_signature' && o.kind !== 'amendment_approval') };
}

/** Approved applications that have no agreement yet: the officer's drafting queue. */
export async function applicationsAwaitingAgreement(db: Db) {
  return db
    .selectFrom('application')
    .innerJoin('callForProposals as call', 'call.id', 'application.callId')
    .innerJoin('organisation', 'organisation.id', 'application.organisationId')
    .leftJoin('applicationDecision as decision', 'decision.applicationId', 'application.id')
    .leftJoin('agreement', 'agreement.applicationId', 'application.id')
    .select([
      'application.id', 'application.referenceNumber', 'application.title', 'application.status', 'organisation.legalNameEn', 'organisation.legalNameFr',
      'call.titleEn as callTitleEn', 'call.titleFr as callTitleFr', 'decision.amountCents', 'decision.decidedAt',
    ])
    .where('application.status', 'in', ['approved', 'approved_with_changes'])
    .where('agreement.id', 'is', null)
    .orderBy('decision.decidedAt')
    .execute();
}

/** What the drafting form offers for a program: streams, pillars, cost categories, ready indicators. */
export async function draftingOptions(db: Db, programId: string) {
  const [program, streams, pillars, categories, indicators, limits] = await Promise.all([
    db.selectFrom('program').select(['id', 'nameEn', 'nameFr', 'stackingLimitBp', 'strategyId']).where('id', '=', programId).executeTakeFirst(),
    db.selectFrom('fundingStream').select(['id', 'nameEn', 'nameFr']).where('programId', '=', programId).orderBy('nameEn').execute(),
    db.selectFrom('programPillar').innerJoin('pillar', 'pillar.id', 'programPillar.pillarId').select(['pillar.id', 'pillar.nameEn', 'pillar.nameFr', 'pillar.position']).where('programPillar.programId', '=', programId).orderBy('pillar.position').execute(),
    db.selectFrom('programCostCategory').select('costCategory').where('programId', '=', programId).execute(),
    db
      .selectFrom('indicator')
      .innerJoin('logicModelResult as r', 'r.id', 'indicator.resultId')
      .innerJoin('program', 'program.strategyId', 'r.strategyId')
      .select(['indicator.id', 'indicator.code', 'indicator.nameEn', 'indicator.nameFr', 'indicator.unit', 'indicator.targetValue'])
      .where('program.id', '=', programId)
      .where('indicator.isReady', '=', true)
      .orderBy('indicator.code')
      .execute(),
    db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute(),
  ]);
  if (!program) throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
  return { program, streams, pillars, costCategories: categories.map((c) => c.costCategory), indicators, approvalLimits: limits };
}

/** Everything the printed agreement shows, in one language, for one version. */
export async function agreementDocumentData(db: Db, user: Viewer, input: { agreementId: string; version?: number | undefined; lang?: 'en' | 'fr' | undefined }) {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', input.agreementId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  // The recipient's official language unless the other one is asked for.
  const lang = input.lang ?? (await db.selectFrom('organisation').select('officialLanguage').where('id', '=', a.organisationId).executeTakeFirstOrThrow()).officialLanguage;
  const versionNumber = input.version ?? a.currentVersion;
  const v = await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', versionNumber).executeTakeFirst();
  if (!v || (access === 'recipient' && (v.status === 'draft' || v.status === 'rejected' || (v.status === 'proposed' && v.version > 1)))) {
    throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'version');
  }
  const terms = await loadTerms(db, v.id);
  const [org, program, stream, pillars, indicators, departmentSigner] = await Promise.all([
    db.selectFrom('organisation').selectAll().where('id', '=', a.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('program').select(['nameEn', 'nameFr']).where('id', '=', a.programId).executeTakeFirstOrThrow(),
    terms.streamId ? db.selectFrom('fundingStream').select(['nameEn', 'nameFr']).where('id', '=', terms.streamId).executeTakeFirst() : undefined,
    terms.pillarIds.length > 0 ? db.selectFrom('pillar').select(['id', 'nameEn', 'nameFr', 'position']).where('id', 'in', terms.pillarIds).orderBy('position').execute() : [],
    terms.indicators.length > 0 ? db.selectFrom('indicator').select(['id', 'code', 'nameEn', 'nameFr']).where('id', 'in', terms.indicators.map((i) => i.indicatorId)).execute() : [],
    a.departmentSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.departmentSignedBy).executeTakeFirst() : undefined,
  ]);
  const pick = (r: { nameEn: string; nameFr: string }) => (lang === 'fr' ? r.nameFr : r.nameEn);
  const s = schedules(terms);
  const signedVersion = versionNumber === 1 || v.status !== 'proposed';
  const document = {
    referenceNumber: a.referenceNumber,
    version: v.version,
    template: a.template,
    status: a.status,
    recipient: {
      legalName: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      provinceOrTerritory: org.provinceOrTerritory,
      addressLine: org.addressLine,
      city: org.city,
      postalCode: org.postalCode,
      businessNumber: org.businessNumber,
    },
    program: { name: pick(program), stream: stream ? pick(stream) : null, pillars: pillars.map(pick) },
    project: { title: terms.title, description: terms.description, startDate: terms.startDate, endDate: terms.endDate },
    totalCents: terms.totalCents,
    fiscalYearAmounts: terms.fiscalYears,
    budget: terms.budget,
    paymentBasis: terms.paymentBasis,
    advanceSchedule: s.advances.map((i) => ({ fiscalYear: i.fiscalYear, periodStart: i.start, periodEnd: i.end, amountCents: i.amountCents })),
    holdbackCents: s.holdbackCents,
    holdbackBasisPoints: terms.holdback.kind === 'percent' ? terms.holdback.basisPoints : null,
    riskLevel: terms.riskLevel,
    riskReasons: terms.riskReasons,
    reportingFrequency: terms.reportingFrequency,
    reportingSchedule: s.reporting.map((p) => ({ periodStart: p.start, periodEnd: p.end, dueDate: p.dueDate, final: p.final })),
    milestones: terms.milestones.map((m) => ({ title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })),
    indicators: terms.indicators.map((i) => {
      const ind = indicators.find((x) => x.id === i.indicatorId);
      return { code: ind?.code ?? '', name: ind ? pick(ind) : '', targetValue: i.targetValue };
    }),
    otherFunding: terms.otherFunding,
    specialConditions: terms.specialConditions,
    recipientSignature:
      signedVersion && a.recipientSignedAt && a.recipientSignerName && a.recipientSignerTitle
        ? { name: a.recipientSignerName, title: a.recipientSignerTitle, signedOn: a.recipientSignedAt.toISOString().slice(0, 10) }
        : null,
    departmentSignature: signedVersion && a.departmentSignedAt ? { name: departmentSigner?.displayName ?? '', signedOn: a.departmentSignedAt.toISOString().slice(0, 10) } : null,
  };
  return { lang, document, fileName: `${a.referenceNumber}-v${v.version}-${lang}.pdf` };
}
