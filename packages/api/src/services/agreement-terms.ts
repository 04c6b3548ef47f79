/**
 * The terms of an agreement version as the domain reads them (AgreementTerms), loaded from the
 * version's rows: what the agreement commands, the progress reports and the documents share.
 */
import type { Db, Tx } from '@tp/db';
import type { AgreementTerms } from '@tp/domain';
import { normaliseDecimal } from '../format';

type Reader = Db | Tx;

export const VERSION_COLUMNS = [
  'id', 'agreementId', 'version', 'status', 'streamId', 'title', 'description', 'startDate', 'endDate', 'totalCents',
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
