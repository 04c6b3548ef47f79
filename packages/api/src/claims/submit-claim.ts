/**
 * A recipient submits a claim against an agreement in force: the domain's rules (periods, budget
 * categories, stacking, advances accounted for) are checked against the journal in the same
 * transaction that records it; a repeated submission returns the claim already made.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { advancesAccountedFor, balancesOf, type ClaimInput, claimReference, DomainError, paymentRefusal, splitExpenditure, stackingCheck, sum, varianceNeedsExplanation } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';
import { closedFiscalYearsFor, isRecipientOf, journal, limitsOf, money } from './journal';

export async function submitClaim(db: Db, user: Viewer, meta: RequestMeta, input: ClaimInput): Promise<{ id: string; referenceNumber: string; alreadySubmitted: boolean }> {
  return inTransaction(db, async ({ tx }) => {
    // The agreement's row is the lock every money change on it takes first.
    const locked = await tx.selectFrom('agreement').select(['id', 'organisationId']).where('id', '=', input.agreementId).forUpdate().executeTakeFirst();
    if (!locked || !isRecipientOf(user, locked.organisationId)) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
    // A retry of the same submission (same key from the same browser) finds the claim it made.
    const existing = await tx.selectFrom('claim').select(['id', 'referenceNumber']).where('agreementId', '=', input.agreementId).where('clientKey', '=', input.clientKey).executeTakeFirst();
    if (existing) return { ...existing, alreadySubmitted: true };
    const { agreement, version, budget, program, limits } = await limitsOf(tx, input.agreementId);
    if (agreement.status !== 'active') throw new DomainError('CONFLICT', 'error.claim.agreementNotActive', 'agreementId');
    const fy = await tx.selectFrom('fiscalYear').select(['label', 'status', 'startDate', 'endDate']).where('label', '=', input.fiscalYear).executeTakeFirst();
    if (!fy || !limits.fiscalYears.has(input.fiscalYear)) throw new DomainError('BAD_INPUT', 'error.claim.fiscalYearNotInAgreement', 'fiscalYear');
    if ((await closedFiscalYearsFor(tx, agreement.programId)).has(input.fiscalYear)) throw new DomainError('BAD_INPUT', 'error.claim.fiscalYearClosed', 'fiscalYear', { fiscalYear: input.fiscalYear });
    if (input.periodStart < fy.startDate || input.periodEnd > fy.endDate) throw new DomainError('BAD_INPUT', 'error.claim.periodOutsideYear', 'periodEnd', { fiscalYear: input.fiscalYear });

    // Expenditures: only in categories the budget has for that year; beyond the variance threshold, explained.
    const budgetByCategory = new Map(budget.filter((b) => b.fiscalYear === input.fiscalYear).map((b) => [b.costCategory, b.amountCents]));
    const reported = await tx
      .selectFrom('claimExpenditure')
      .innerJoin('claim', 'claim.id', 'claimExpenditure.claimId')
      .select(['claimExpenditure.costCategory', (eb) => eb.fn.sum<string>('claimExpenditure.amountCents').as('spent')])
      .where('claim.agreementId', '=', agreement.id)
      .where('claim.fiscalYear', '=', input.fiscalYear)
      .where('claim.status', '<>', 'rejected')
      .groupBy('claimExpenditure.costCategory')
      .execute();
    const spentBefore = new Map(reported.map((r) => [r.costCategory, BigInt(r.spent)]));
    input.expenditures.forEach((e, i) => {
      if (!budgetByCategory.has(e.category)) throw new DomainError('BAD_INPUT', 'error.claim.categoryNotInBudget', `expenditures.${i}.category`, { fiscalYear: input.fiscalYear });
      const spent = (spentBefore.get(e.category) ?? 0n) + e.amountCents;
      if (varianceNeedsExplanation(budgetByCategory.get(e.category) ?? 0n, spent, BigInt(program.varianceThresholdBp)) && e.explanation === '') {
        throw new DomainError('BAD_INPUT', 'error.claim.varianceExplanation', `expenditures.${i}.explanation`, { budget: money(budgetByCategory.get(e.category) ?? 0n), spent: money(spent) });
      }
    });
    const expenditure = sum(input.expenditures.map((e) => e.amountCents));
    const entries = await journal(tx, agreement.id);
    const balances = balancesOf(entries);

    if (input.kind === 'advance') {
      if (version.paymentBasis !== 'advance') throw new DomainError('BAD_INPUT', 'error.claim.noAdvances', 'kind');
      // Earlier advances must be accounted for first; the expenditures of this claim count towards that.
      const after = { advanced: balances.advanced, advancesOutstanding: balances.advancesOutstanding - splitExpenditure(expenditure, balances.advancesOutstanding).reconciles };
      if (!advancesAccountedFor(after, BigInt(program.advanceToleranceBp))) {
        throw new DomainError('BAD_INPUT', 'error.claim.advanceOutstanding', 'kind', { outstanding: money(after.advancesOutstanding) });
      }
      if (sum(input.forecast.map((f) => f.amountCents)) < input.requestedCents) throw new DomainError('BAD_INPUT', 'error.claim.forecastTooLow', 'forecast');
    }
    if (input.kind === 'reimbursement') {
      const { reimbursable } = splitExpenditure(expenditure, balances.advancesOutstanding);
      if (input.requestedCents > reimbursable) throw new DomainError('BAD_INPUT', 'error.claim.aboveExpenditures', 'requestedCents', { amount: money(reimbursable) });
    }
    if (input.kind === 'milestone') {
      const v = await tx.selectFrom('agreementMilestone').select(['paymentCents', 'title']).where('versionId', '=', version.id).where('key', '=', input.milestoneKey!).executeTakeFirst();
      if (!v || v.paymentCents === null) throw new DomainError('BAD_INPUT', 'error.claim.milestoneUnknown', 'milestoneKey');
      const approved = await tx.selectFrom('milestoneApproval').select('milestoneKey').where('agreementId', '=', agreement.id).where('milestoneKey', '=', input.milestoneKey!).executeTakeFirst();
      if (!approved) throw new DomainError('BAD_INPUT', 'error.claim.milestoneNotApproved', 'milestoneKey', { title: v.title });
      if (input.requestedCents > v.paymentCents) throw new DomainError('BAD_INPUT', 'error.claim.aboveMilestone', 'requestedCents', { amount: money(v.paymentCents) });
      const paidBefore = await tx.selectFrom('claim').select('id').where('agreementId', '=', agreement.id).where('milestoneKey', '=', input.milestoneKey!).where('status', '<>', 'rejected').executeTakeFirst();
      if (paidBefore) throw new DomainError('CONFLICT', 'error.claim.milestoneClaimed', 'milestoneKey');
    }
    // Never more than can still be paid, counting what is already claimed and not yet paid.
    const pending = await tx
      .selectFrom('claim')
      .select((eb) => eb.fn.sum<string>(eb.fn.coalesce('certifiedCents', 'requestedCents')).as('n'))
      .where('agreementId', '=', agreement.id)
      .where('fiscalYear', '=', input.fiscalYear)
      .where('status', 'in', ['submitted', 'certified'])
      .executeTakeFirstOrThrow();
    const pendingCents = BigInt(pending.n ?? '0');
    const refusal = paymentRefusal(entries, limits, input.fiscalYear, input.requestedCents + pendingCents);
    if (refusal) {
      const room = refusal.room > pendingCents ? refusal.room - pendingCents : 0n;
      throw new DomainError('BAD_INPUT', refusal.messageKey, 'requestedCents', { room: money(room), fiscalYear: input.fiscalYear });
    }
    // Stacking: this agreement plus the government revenues the project reports stay within the limit.
    const stacking = stackingCheck({ requestedCents: version.totalCents, otherSources: input.otherRevenues, limitBp: program.stackingLimitBp });
    if (!stacking.withinLimit) throw new DomainError('BAD_INPUT', 'error.claim.stackingExceeded', 'otherRevenues');

    const { n } = await tx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('claim_reference_seq')]).as('n')).executeTakeFirstOrThrow();
    const referenceNumber = claimReference(new Date().getUTCFullYear(), BigInt(n));
    const claim = await tx
      .insertInto('claim')
      .values({
        referenceNumber,
        agreementId: agreement.id,
        clientKey: input.clientKey,
        fiscalYear: input.fiscalYear,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        kind: input.kind,
        milestoneKey: input.milestoneKey,
        requestedCents: input.requestedCents,
        forecast: JSON.stringify(input.forecast.map((f) => ({ month: f.month, amountCents: f.amountCents.toString() }))),
        explanation: input.explanation,
        submittedBy: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.expenditures.length > 0) {
      await tx.insertInto('claimExpenditure').values(input.expenditures.map((e) => ({ claimId: claim.id, costCategory: e.category, amountCents: e.amountCents, explanation: e.explanation }))).execute();
    }
    if (input.otherRevenues.length > 0) {
      await tx.insertInto('claimOtherRevenue').values(input.otherRevenues.map((r, i) => ({ claimId: claim.id, position: i + 1, source: r.source, kind: r.kind, amountCents: r.amountCents }))).execute();
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'claim', entityId: claim.id, action: 'submit', after: { referenceNumber, ...input }, requestId: meta.requestId });
    return { id: claim.id, referenceNumber, alreadySubmitted: false };
  });
}
