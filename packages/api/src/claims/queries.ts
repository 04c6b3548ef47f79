/**
 * Reading claims: the list and one claim (with what the caller may do next, from claimActions in the
 * domain), what a new claim may be made against, and an agreement's ledger. A claim one may not see
 * does not exist for them.
 */
import { type Db } from '@tp/db';
import { advancesAccountedFor, balancesByFiscalYear, balancesOf, claimActions, DomainError } from '@tp/domain';
import type { Viewer } from '../auth/resolve-session';
import { isClaimStaff, isRecipientOf, journal, limitsOf } from './journal';

const CLAIM_LIST_COLUMNS = [
  'claim.id', 'claim.referenceNumber', 'claim.agreementId', 'claim.fiscalYear', 'claim.periodStart', 'claim.periodEnd', 'claim.kind', 'claim.status',
  'claim.requestedCents', 'claim.certifiedCents', 'claim.submittedAt', 'claim.certifiedAt', 'claim.releasedAt', 'claim.submittedBy', 'claim.certifiedBy',
] as const;

export async function listClaims(db: Db, user: Viewer, filters: { agreementId?: string | null; status?: string | null }) {
  let q = db
    .selectFrom('claim')
    .innerJoin('agreement', 'agreement.id', 'claim.agreementId')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .select([...CLAIM_LIST_COLUMNS, 'agreement.referenceNumber as agreementReference', 'organisation.legalNameEn', 'organisation.legalNameFr']);
  if (!isClaimStaff(user)) {
    if (user.organisationIds.length === 0) return [];
    q = q.where('agreement.organisationId', 'in', user.organisationIds);
  }
  if (filters.agreementId) q = q.where('claim.agreementId', '=', filters.agreementId);
  if (filters.status) q = q.where('claim.status', '=', filters.status as never);
  const rows = await q.orderBy('claim.submittedAt', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...r, daysToPayment: r.releasedAt ? Math.round((r.releasedAt.getTime() - r.submittedAt.getTime()) / 86_400_000) : null }));
}

export async function getClaim(db: Db, user: Viewer, claimId: string) {
  const c = await db.selectFrom('claim').selectAll().where('id', '=', claimId).executeTakeFirst();
  if (!c) throw new DomainError('NOT_FOUND', 'error.claim.notFound', 'claimId');
  const { agreement, budget, limits } = await limitsOf(db, c.agreementId);
  if (!isClaimStaff(user) && !isRecipientOf(user, agreement.organisationId)) throw new DomainError('NOT_FOUND', 'error.claim.notFound', 'claimId');
  const [expenditures, revenues, entries, org, people] = await Promise.all([
    db.selectFrom('claimExpenditure').selectAll().where('claimId', '=', c.id).execute(),
    db.selectFrom('claimOtherRevenue').selectAll().where('claimId', '=', c.id).orderBy('position').execute(),
    journal(db, agreement.id),
    db.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', agreement.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', [c.submittedBy, c.certifiedBy, c.releasedBy, c.rejectedBy].filter((x): x is string => x !== null)).execute(),
  ]);
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? null) : null);
  const yearBudget = budget.filter((b) => b.fiscalYear === c.fiscalYear);
  return {
    ...c,
    agreementReference: agreement.referenceNumber,
    organisation: org,
    submittedByName: name(c.submittedBy),
    certifiedByName: name(c.certifiedBy),
    releasedByName: name(c.releasedBy),
    rejectedByName: name(c.rejectedBy),
    expenditures: expenditures.map((e) => ({ ...e, budgetCents: yearBudget.find((b) => b.costCategory === e.costCategory)?.amountCents ?? 0n })),
    otherRevenues: revenues,
    balances: balancesOf(entries),
    fiscalYearBalances: balancesByFiscalYear(entries).get(c.fiscalYear) ?? null,
    limits: { fiscalYearAmount: limits.fiscalYears.get(c.fiscalYear) ?? 0n, totalCents: limits.totalCents, holdbackCents: limits.holdbackCents, finalReportAccepted: limits.finalReportAccepted },
    /** What the caller may do next (the page offers exactly these). */
    allowedActions: claimActions(c, user),
  };
}

/** What the claim form needs: the agreement's years, budget lines, approved milestones not yet claimed, balances. */
export async function claimOptions(db: Db, user: Viewer, agreementId: string) {
  const { agreement, version, budget, program, limits } = await limitsOf(db, agreementId);
  if (!isRecipientOf(user, agreement.organisationId) && !isClaimStaff(user)) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const [entries, milestones, approvals, claimed, years] = await Promise.all([
    journal(db, agreement.id),
    db.selectFrom('agreementMilestone').select(['key', 'title', 'dueDate', 'paymentCents']).where('versionId', '=', version.id).orderBy('position').execute(),
    db.selectFrom('milestoneApproval').select('milestoneKey').where('agreementId', '=', agreement.id).execute(),
    db.selectFrom('claim').select('milestoneKey').where('agreementId', '=', agreement.id).where('status', '<>', 'rejected').where('milestoneKey', 'is not', null).execute(),
    db.selectFrom('fiscalYear').select(['label', 'status', 'startDate', 'endDate']).where('label', 'in', [...limits.fiscalYears.keys()]).orderBy('label').execute(),
  ]);
  const approved = new Set(approvals.map((a) => a.milestoneKey));
  const taken = new Set(claimed.map((c) => c.milestoneKey));
  const b = balancesOf(entries);
  return {
    agreementId: agreement.id,
    referenceNumber: agreement.referenceNumber,
    paymentBasis: version.paymentBasis,
    fiscalYears: years.map((y) => ({ ...y, amountCents: limits.fiscalYears.get(y.label) ?? 0n, paidCents: balancesOf(entries.filter((e) => e.fiscalYear === y.label)).paid })),
    budget,
    milestones: milestones.filter((m) => m.paymentCents !== null && approved.has(m.key) && !taken.has(m.key)),
    balances: b,
    advanceToleranceBp: program.advanceToleranceBp,
    varianceThresholdBp: program.varianceThresholdBp,
    advancesAccountedFor: advancesAccountedFor(b, BigInt(program.advanceToleranceBp)),
    holdbackCents: limits.holdbackCents,
    finalReportAccepted: limits.finalReportAccepted,
  };
}

/** The agreement's journal with the balances recomputed from it, per fiscal year and in all. */
export async function agreementLedger(db: Db, user: Viewer, agreementId: string) {
  const { agreement, limits } = await limitsOf(db, agreementId);
  if (!isClaimStaff(user) && !isRecipientOf(user, agreement.organisationId)) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const entries = await db.selectFrom('ledgerEntry').selectAll().where('agreementId', '=', agreementId).orderBy('id').execute();
  return {
    entries,
    balances: balancesOf(entries),
    byFiscalYear: [...balancesByFiscalYear(entries)].map(([fiscalYear, b]) => ({ fiscalYear, ...b, amountCents: limits.fiscalYears.get(fiscalYear) ?? 0n })),
    holdbackCents: limits.holdbackCents,
  };
}
