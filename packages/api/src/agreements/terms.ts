/**
 * The terms of an agreement version as the domain reads them (AgreementTerms): loaded from the
 * version's rows (what the agreement commands, the progress reports and the documents share),
 * written to them by the drafting and amendment commands, and checked against the program's limits.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '@tp/db';
import { type AgreementTerms, type CostCategory, DomainError, formatBasisPoints, holdbackCents, stackingCheck, type TermsIssue } from '@tp/domain';
import { normaliseDecimal } from '../format';

type Reader = Db | Tx;

export const VERSION_COLUMNS = [
  'id', 'agreementId', 'version', 'status', 'streamId', 'title', 'description', 'titleFr', 'descriptionFr', 'expectedResultsEn', 'expectedResultsFr', 'startDate', 'endDate', 'totalCents',
  'paymentBasis', 'advanceFrequency', 'holdbackCents', 'holdbackBp', 'riskLevel', 'riskReasons', 'reportingFrequency',
  'specialConditions', 'reason', 'basedOnVersion', 'createdBy', 'createdAt', 'decidedBy', 'decidedAt', 'deciderRole',
  'deciderLimitCents', 'decisionNote',
] as const;

export async function loadTerms(db: Reader, versionId: string): Promise<AgreementTerms> {
  const [v, pillars, years, budget, milestones, indicators, funding] = await Promise.all([
    db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('id', '=', versionId).executeTakeFirstOrThrow(),
    db.selectFrom('agreementVersionPillar').select('pillarId').where('versionId', '=', versionId).execute(),
    db.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', versionId).orderBy('fiscalYear').execute(),
    db.selectFrom('agreementBudgetLine').select(['fiscalYear', 'costCategory', 'amountCents']).where('versionId', '=', versionId).orderBy('fiscalYear').orderBy('costCategory').execute(),
    db.selectFrom('agreementMilestone').select(['key', 'title', 'deliverables', 'dueDate', 'paymentCents']).where('versionId', '=', versionId).orderBy('position').execute(),
    db.selectFrom('agreementIndicator').select(['indicatorId', 'targetValue']).where('versionId', '=', versionId).execute(),
    db.selectFrom('agreementOtherFunding').select(['source', 'kind', 'amountCents', 'status']).where('versionId', '=', versionId).orderBy('position').execute(),
  ]);
  return {
    streamId: v.streamId,
    pillarIds: pillars.map((p) => p.pillarId).sort(),
    title: v.title,
    description: v.description,
    titleFr: v.titleFr ?? '',
    descriptionFr: v.descriptionFr ?? '',
    expectedResultsEn: v.expectedResultsEn ?? '',
    expectedResultsFr: v.expectedResultsFr ?? '',
    startDate: v.startDate,
    endDate: v.endDate,
    totalCents: v.totalCents,
    fiscalYears: years,
    budget: budget.map((b) => ({ fiscalYear: b.fiscalYear, category: b.costCategory, amountCents: b.amountCents })),
    paymentBasis: v.paymentBasis,
    advanceFrequency: v.advanceFrequency,
    holdback: v.holdbackBp !== null ? { kind: 'percent', basisPoints: BigInt(v.holdbackBp) } : { kind: 'amount', cents: v.holdbackCents },
    riskLevel: v.riskLevel,
    riskReasons: v.riskReasons,
    reportingFrequency: v.reportingFrequency,
    milestones: milestones.map((m) => ({ key: m.key, title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })),
    indicators: indicators.map((i) => ({ indicatorId: i.indicatorId, targetValue: normaliseDecimal(i.targetValue) })),
    otherFunding: funding,
    specialConditions: v.specialConditions,
  };
}

export async function writeTermsParts(tx: Tx, versionId: string, terms: AgreementTerms): Promise<void> {
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

const given = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text);

export function termsColumns(terms: AgreementTerms) {
  return {
    streamId: terms.streamId,
    title: terms.title,
    description: terms.description,
    // Blank is "not yet written": NULL, as the disclosure check reads it.
    titleFr: given(terms.titleFr),
    descriptionFr: given(terms.descriptionFr),
    expectedResultsEn: given(terms.expectedResultsEn),
    expectedResultsFr: given(terms.expectedResultsFr),
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

export function issueError(issue: TermsIssue): DomainError {
  return new DomainError('BAD_INPUT', issue.messageKey, ['terms', ...issue.path].join('.'), issue.params);
}

/**
 * What only the database knows: the stream, pillars and cost categories belong to the program,
 * the indicators are ready to collect, the fiscal years exist, and government funding stays
 * within the program's stacking limit.
 */
export async function checkTermsAgainstProgram(db: Reader, programId: string, terms: AgreementTerms): Promise<void> {
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
