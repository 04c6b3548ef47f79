/**
 * What drafting an agreement starts from: the approved applications still waiting for one, the terms
 * proposed from an application, and a program's options (streams, fiscal years, indicators).
 */
import { type Db } from '@tp/db';
import { allocate, type CostCategory, DomainError, proposeFiscalYearAmounts, riskDefaults, sum } from '@tp/domain';
import { normaliseDecimal } from '../format';

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
