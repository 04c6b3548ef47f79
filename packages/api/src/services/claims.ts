/**
 * Claims and payments. A recipient submits a claim; a program officer certifies it (FAA s. 34)
 * or rejects it; a finance officer releases the payment (s. 33). Each money event is written to
 * the journal in the same transaction as the change that causes it; balances are derived from
 * the journal. The database enforces the limits again (see the claims migration), so a race, a
 * retry or a bug here cannot overpay.
 */
import { sql } from 'kysely';
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import {
  advancesAccountedFor,
  assertClaimAction,
  balancesByFiscalYear,
  balancesOf,
  certificationAmountRefusal,
  claimActions,
  type ClaimInput,
  claimReference,
  type CostCategory,
  DomainError,
  formatMoney,
  holdbackKeptIn,
  holdbackReleasedBy,
  holds,
  type JournalEntry,
  type LedgerKind,
  MONEY_READERS,
  paymentRefusal,
  RECIPIENTS,
  splitExpenditure,
  stackingCheck,
  sum,
  varianceNeedsExplanation,
} from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from './applications';

type Reader = Db | Tx;

const money = (c: bigint) => ({ en: formatMoney(c, 'en'), fr: formatMoney(c, 'fr') });

async function journal(db: Reader, agreementId: string): Promise<JournalEntry[]> {
  return db.selectFrom('ledgerEntry').select(['fiscalYear', 'kind', 'amountCents', 'costCategory']).where('agreementId', '=', agreementId).orderBy('id').execute();
}

/** The terms in force that limit payments. */
async function limitsOf(db: Reader, agreementId: string) {
  const a = await db.selectFrom('agreement').select(['id', 'status', 'organisationId', 'programId', 'currentVersion', 'finalReportAcceptedAt', 'referenceNumber']).where('id', '=', agreementId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const v = await db.selectFrom('agreementVersion').select(['id', 'totalCents', 'holdbackCents', 'paymentBasis', 'startDate', 'endDate']).where('agreementId', '=', a.id).where('version', '=', a.currentVersion).executeTakeFirstOrThrow();
  const [years, budget, program] = await Promise.all([
    db.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', v.id).execute(),
    db.selectFrom('agreementBudgetLine').select(['fiscalYear', 'costCategory', 'amountCents']).where('versionId', '=', v.id).execute(),
    db.selectFrom('program').select(['stackingLimitBp', 'advanceToleranceBp', 'varianceThresholdBp']).where('id', '=', a.programId).executeTakeFirstOrThrow(),
  ]);
  return {
    agreement: a,
    version: v,
    budget,
    program,
    limits: {
      fiscalYears: new Map(years.map((y) => [y.fiscalYear, y.amountCents])),
      totalCents: v.totalCents,
      holdbackCents: v.holdbackCents,
      finalReportAccepted: a.finalReportAcceptedAt !== null,
    },
  };
}

function isRecipientOf(user: Viewer, organisationId: string): boolean {
  return holds(user, RECIPIENTS) && user.organisationIds.includes(organisationId);
}

function isClaimStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, MONEY_READERS);
}

async function lockClaim(tx: Tx, id: string) {
  const c = await tx.selectFrom('claim').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw new DomainError('NOT_FOUND', 'error.claim.notFound', 'claimId');
  return c;
}

// ---------------------------------------------------------------------------------------------
// Submission (recipient)

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
    if (fy.status === 'closed') throw new DomainError('BAD_INPUT', 'error.claim.fiscalYearClosed', 'fiscalYear', { fiscalYear: input.fiscalYear });
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

// ---------------------------------------------------------------------------------------------
// Certification (program officer, s. 34) and rejection

export async function certifyClaim(db: Db, user: Viewer, meta: RequestMeta, input: { claimId: string; certifiedCents: bigint; adjustmentReason: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const c = await lockClaim(tx, input.claimId);
    await tx.selectFrom('agreement').select('id').where('id', '=', c.agreementId).forUpdate().execute();
    assertClaimAction('certify', c, user);
    const amountRefusal = certificationAmountRefusal(c.requestedCents, input.certifiedCents, input.adjustmentReason);
    if (amountRefusal) throw new DomainError('BAD_INPUT', amountRefusal, amountRefusal === 'error.claim.adjustmentReason' ? 'adjustmentReason' : 'certifiedCents');
    const now = new Date();
    await tx
      .updateTable('claim')
      .set({ status: 'certified', certifiedCents: input.certifiedCents, certifiedBy: user.id, certifiedAt: now, adjustmentReason: input.adjustmentReason })
      .where('id', '=', c.id)
      .execute();
    // The spending the department accepts: reported by category, and accounting first for advances outstanding.
    const expenditures = await tx.selectFrom('claimExpenditure').select(['costCategory', 'amountCents']).where('claimId', '=', c.id).execute();
    const spent = expenditures.filter((e) => e.amountCents > 0n);
    if (spent.length > 0) {
      await tx
        .insertInto('ledgerEntry')
        .values(spent.map((e) => ({ agreementId: c.agreementId, fiscalYear: c.fiscalYear, costCategory: e.costCategory, kind: 'expenditure_reported' as const, amountCents: e.amountCents, claimId: c.id, createdBy: user.id, memo: c.referenceNumber })))
        .execute();
      const outstanding = balancesOf(await journal(tx, c.agreementId)).advancesOutstanding;
      const { reconciles } = splitExpenditure(sum(spent.map((e) => e.amountCents)), outstanding);
      if (reconciles > 0n) {
        await tx.insertInto('ledgerEntry').values({ agreementId: c.agreementId, fiscalYear: c.fiscalYear, kind: 'advance_reconciled', amountCents: reconciles, claimId: c.id, createdBy: user.id, memo: c.referenceNumber }).execute();
      }
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'claim', entityId: c.id, action: 'certify', before: { status: c.status }, after: { status: 'certified', certifiedCents: input.certifiedCents, adjustmentReason: input.adjustmentReason }, requestId: meta.requestId });
  });
}

export async function rejectClaim(db: Db, user: Viewer, meta: RequestMeta, input: { claimId: string; reason: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const c = await lockClaim(tx, input.claimId);
    assertClaimAction('reject', c, user);
    await tx.updateTable('claim').set({ status: 'rejected', rejectedBy: user.id, rejectedAt: new Date(), rejectionReason: input.reason }).where('id', '=', c.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'claim', entityId: c.id, action: 'reject', before: { status: c.status }, after: { status: 'rejected', reason: input.reason }, requestId: meta.requestId });
  });
}

// ---------------------------------------------------------------------------------------------
// Release (finance officer, s. 33)

export interface ReleaseResult {
  paidCents: bigint;
  releasedAt: Date;
  /** True when this request found the payment already made by an earlier try with the same key. */
  repeated: boolean;
}

export async function releasePayment(db: Db, user: Viewer, meta: RequestMeta, input: { claimId: string; releaseKey: string }): Promise<ReleaseResult> {
  try {
    return await inTransaction(db, async ({ tx }) => {
      const c = await lockClaim(tx, input.claimId);
      if (c.status === 'paid') {
        // The same request again (a retry, a double click): the answer it got the first time.
        if (c.releaseKey === input.releaseKey) return { paidCents: c.certifiedCents ?? 0n, releasedAt: c.releasedAt!, repeated: true };
        throw new DomainError('CONFLICT', 'error.claim.alreadyPaid', 'claimId');
      }
      assertClaimAction('release', c, user);
      const { agreement, limits } = await limitsOf(tx, c.agreementId);
      await tx.selectFrom('agreement').select('id').where('id', '=', agreement.id).forUpdate().execute();
      const amount = c.certifiedCents!;
      const entries = await journal(tx, agreement.id);
      const refusal = paymentRefusal(entries, limits, c.fiscalYear, amount);
      if (refusal) throw new DomainError('CONFLICT', refusal.messageKey, 'claimId', { room: money(refusal.room), fiscalYear: c.fiscalYear });
      const now = new Date();
      await tx.updateTable('claim').set({ status: 'paid', releasedBy: user.id, releasedAt: now, releaseKey: input.releaseKey }).where('id', '=', c.id).execute();
      await tx
        .insertInto('ledgerEntry')
        .values({ agreementId: agreement.id, fiscalYear: c.fiscalYear, kind: c.kind === 'advance' ? 'advance_paid' : 'reimbursement_paid', amountCents: amount, claimId: c.id, createdBy: user.id, memo: c.referenceNumber })
        .execute();
      // Of this payment, the part beyond the total less the holdback is the holdback set free (a marker, not a second payment).
      const released = holdbackReleasedBy(balancesOf(entries).paid, amount, limits);
      if (released > 0n) {
        await tx.insertInto('ledgerEntry').values({ agreementId: agreement.id, fiscalYear: c.fiscalYear, kind: 'holdback_released', amountCents: released, claimId: c.id, createdBy: user.id, memo: c.referenceNumber }).execute();
      }
      await recordAudit(tx, { actorUserId: user.id, entityType: 'payment', entityId: c.id, action: 'release', before: { status: 'certified' }, after: { status: 'paid', amountCents: amount, releaseKey: input.releaseKey }, requestId: meta.requestId });
      return { paidCents: amount, releasedAt: now, repeated: false };
    });
  } catch (error) {
    throw translateMoneyError(error);
  }
}

/** What the database refused, said as the rule it broke. */
function translateMoneyError(error: unknown): unknown {
  const e = error as { code?: string; hint?: string; constraint?: string; cause?: unknown };
  const pg = (e.code ? e : (e.cause as typeof e | undefined)) ?? e;
  if (pg.code === '23514' && pg.hint === 'fiscal_year_limit') return new DomainError('CONFLICT', 'error.payment.fiscalYearLimit', 'claimId', { room: money(0n), fiscalYear: '' });
  if (pg.code === '23514' && pg.hint === 'total_limit') return new DomainError('CONFLICT', 'error.payment.totalLimit', 'claimId', { room: money(0n), fiscalYear: '' });
  if (pg.code === '23505' && pg.constraint === 'ledger_entry_one_payment_per_claim') return new DomainError('CONFLICT', 'error.claim.alreadyPaid', 'claimId');
  return error;
}

// ---------------------------------------------------------------------------------------------
// Year end and overpayments (finance)

/**
 * Closes a fiscal year: what each agreement committed in it and did not pay lapses (an entry per
 * agreement), and no payment can be made in it afterwards. Refused while claims of that year are
 * waiting for certification or payment.
 */
export async function closeFiscalYear(db: Db, user: Viewer, meta: RequestMeta, fiscalYear: string) {
  return inTransaction(db, async ({ tx }) => {
    const fy = await tx.selectFrom('fiscalYear').selectAll().where('label', '=', fiscalYear).forUpdate().executeTakeFirst();
    if (!fy) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', 'fiscalYear');
    if (fy.status === 'closed') throw new DomainError('CONFLICT', 'error.fiscalYear.alreadyClosed', 'fiscalYear', { fiscalYear });
    const waiting = await tx.selectFrom('claim').select((eb) => eb.fn.countAll<string>().as('n')).where('fiscalYear', '=', fiscalYear).where('status', 'in', ['submitted', 'certified']).executeTakeFirstOrThrow();
    if (Number(waiting.n) > 0) throw new DomainError('CONFLICT', 'error.fiscalYear.claimsWaiting', 'fiscalYear', { count: Number(waiting.n) });
    const entries = await tx.selectFrom('ledgerEntry').select(['agreementId', 'fiscalYear', 'kind', 'amountCents']).where('fiscalYear', '=', fiscalYear).forUpdate().execute();
    const byAgreement = new Map<string, JournalEntry[]>();
    for (const e of entries) byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
    const lapses: { agreementId: string; lapsedCents: bigint }[] = [];
    for (const [agreementId, list] of byAgreement) {
      const b = balancesOf(list);
      if (b.available > 0n) {
        await tx.insertInto('ledgerEntry').values({ agreementId, fiscalYear, kind: 'lapse', amountCents: b.available, createdBy: user.id, memo: `year end ${fiscalYear}` }).execute();
        lapses.push({ agreementId, lapsedCents: b.available });
      }
    }
    await tx.updateTable('fiscalYear').set({ status: 'closed', closedAt: new Date(), closedBy: user.id }).where('label', '=', fiscalYear).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'fiscal_year', entityId: fiscalYear, action: 'close', after: { lapses }, requestId: meta.requestId });
    return { fiscalYear, lapses, lapsedCents: sum(lapses.map((l) => l.lapsedCents)) };
  });
}

export async function recordOverpayment(db: Db, user: Viewer, meta: RequestMeta, input: { agreementId: string; fiscalYear: string; amountCents: bigint; kind: 'overpayment_established' | 'recovery_received'; memo: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await tx.selectFrom('agreement').select(['id']).where('id', '=', input.agreementId).forUpdate().executeTakeFirst();
    if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
    if (input.kind === 'recovery_received') {
      const b = balancesOf(await journal(tx, a.id));
      if (input.amountCents > b.receivable) throw new DomainError('BAD_INPUT', 'error.claim.recoveryAboveReceivable', 'amountCents', { amount: money(b.receivable) });
    }
    await tx.insertInto('ledgerEntry').values({ agreementId: a.id, fiscalYear: input.fiscalYear, kind: input.kind, amountCents: input.amountCents, createdBy: user.id, memo: input.memo }).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'payment', entityId: a.id, action: input.kind, after: input, requestId: meta.requestId });
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

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

export interface ReconciliationRow {
  agreementId: string;
  referenceNumber: string;
  organisationNameEn: string;
  organisationNameFr: string;
  programId: string;
  programNameEn: string;
  programNameFr: string;
  fiscalYear: string;
  costCategory: CostCategory | null;
  budgetCents: bigint;
  committedCents: bigint;
  claimedCents: bigint;
  certifiedCents: bigint;
  paidCents: bigint;
  advancesOutstandingCents: bigint;
  holdbackCents: bigint;
  lapsedCents: bigint;
  availableCents: bigint;
}

/**
 * Per agreement and fiscal year (and, with `byCategory`, per cost category): the budget in the
 * terms in force, then committed, claimed, certified, paid, advances outstanding, holdback,
 * lapsed and available, every figure from the journal or the claims.
 */
/** The agreements a reconciliation shows: in force, or ended after having been. */
const IN_FORCE_STATUSES = ['active', 'closed', 'terminated'] as const;
const KIND_COLUMNS = {
  commitment: 'commitmentCents',
  advance_paid: 'advancePaidCents',
  expenditure_reported: 'expenditureReportedCents',
  advance_reconciled: 'advanceReconciledCents',
  reimbursement_paid: 'reimbursementPaidCents',
  holdback_retained: 'holdbackRetainedCents',
  holdback_released: 'holdbackReleasedCents',
  overpayment_established: 'overpaymentEstablishedCents',
  recovery_received: 'recoveryReceivedCents',
  lapse: 'lapseCents',
} as const satisfies Record<LedgerKind, string>;
type KindColumn = (typeof KIND_COLUMNS)[LedgerKind];

/** The balances of a year from its journal summed by kind, by the one rule (balancesOf). */
function balancesOfKinds(sums: Record<KindColumn, bigint>) {
  return balancesOf(Object.entries(KIND_COLUMNS).map(([kind, column]) => ({ kind: kind as LedgerKind, amountCents: sums[column] })));
}

/** An agreement's rows of one year (terms or journal there), as the database keeps them. */
function moneyOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }) {
  return db
    .selectFrom('agreementYearMoney as m')
    .where('m.fiscalYear', '=', fiscalYear)
    .where((eb) => eb.or([eb('m.inTerms', '=', true), eb('m.entries', '>', 0)]))
    .where('m.agreementStatus', 'in', IN_FORCE_STATUSES)
    .$if(Boolean(filters.programId), (q) => q.where('m.programId', '=', filters.programId!))
    .$if(Boolean(filters.pillarId), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('agreement as a')
            .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'a.id').onRef('v.version', '=', 'a.currentVersion'))
            .innerJoin('agreementVersionPillar as vp', 'vp.versionId', 'v.id')
            .select('vp.pillarId')
            .whereRef('a.id', '=', 'm.agreementId')
            .where('vp.pillarId', '=', filters.pillarId!),
        ),
      ),
    );
}

/** Rows of one year in agreement order, with names: all of them, or one page. */
async function moneyRowsOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }, page?: { limit: number; offset: number }): Promise<ReconciliationRow[]> {
  const lines = await moneyOfYear(db, fiscalYear, filters)
    .innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .innerJoin('program as p', 'p.id', 'm.programId')
    .selectAll('m')
    .select(['o.legalNameEn', 'o.legalNameFr', 'p.nameEn as programNameEn', 'p.nameFr as programNameFr'])
    .orderBy('m.referenceNumber')
    .$if(page !== undefined, (q) => q.limit(page!.limit).offset(page!.offset))
    .execute();
  return lines.map((m) => {
    const b = balancesOfKinds(m);
    return {
      agreementId: m.agreementId,
      referenceNumber: m.referenceNumber,
      organisationNameEn: m.legalNameEn,
      organisationNameFr: m.legalNameFr,
      programId: m.programId,
      programNameEn: m.programNameEn,
      programNameFr: m.programNameFr,
      fiscalYear,
      costCategory: null,
      budgetCents: m.budgetCents,
      committedCents: b.committed,
      claimedCents: m.claimedCents,
      certifiedCents: m.certifiedCents,
      paidCents: b.paid,
      advancesOutstandingCents: b.advancesOutstanding,
      holdbackCents: holdbackKeptIn(fiscalYear, m.termsLastYear, m.holdbackCents, m.holdbackReleasedTotalCents),
      lapsedCents: b.lapsed,
      availableCents: b.available,
    };
  });
}

/**
 * How many rows a year has and their totals to the cent, summed by the database: the journal's
 * kinds summed, then turned into balances by the same rule as each row (balances are sums of
 * entries, so the balances of the sums are the sums of the balances).
 */
async function moneyTotalsOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }) {
  const total = (column: string) => sql<bigint>`coalesce(sum(${sql.ref(column)}), 0)::bigint`;
  const t = await moneyOfYear(db, fiscalYear, filters)
    .select((eb) => [
      eb.fn.countAll<number>().as('rows'),
      total('m.budgetCents').as('budgetCents'),
      total('m.claimedCents').as('claimedCents'),
      total('m.certifiedCents').as('certifiedCents'),
      // holdbackKeptIn, summed by the database (a test holds the two equal).
      sql<bigint>`coalesce(sum(case when m.fiscal_year = m.terms_last_year then m.holdback_cents - m.holdback_released_total_cents else 0 end), 0)::bigint`.as('holdbackCents'),
      ...Object.values(KIND_COLUMNS).map((column) => total(`m.${column}`).as(column)),
    ])
    .executeTakeFirstOrThrow();
  const b = balancesOfKinds(t as unknown as Record<KindColumn, bigint>);
  const totals: Record<MoneyFigure, bigint> = {
    budgetCents: t.budgetCents,
    committedCents: b.committed,
    claimedCents: t.claimedCents,
    certifiedCents: t.certifiedCents,
    paidCents: b.paid,
    advancesOutstandingCents: b.advancesOutstanding,
    holdbackCents: t.holdbackCents,
    lapsedCents: b.lapsed,
    availableCents: b.available,
  };
  return { rows: Number(t.rows), totals };
}

export async function reconciliation(db: Db, filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean }) {
  // One year without categories (the screen, and the exports of a year): one row per agreement
  // read from the money the database keeps per agreement and year; a test holds it equal to the
  // general path.
  if (filters.fiscalYear && !filters.byCategory) return moneyRowsOfYear(db, filters.fiscalYear, filters);
  return reconciliationOfAll(db, filters);
}

/** Every year, or by cost category: the rows worked out from the terms, journal and claims. */
async function reconciliationOfAll(db: Db, filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean }) {
  let agreements = db
    .selectFrom('agreement')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('program', 'program.id', 'agreement.programId')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .select(['agreement.id', 'agreement.referenceNumber', 'organisation.legalNameEn', 'organisation.legalNameFr', 'program.id as programId', 'program.nameEn as programNameEn', 'program.nameFr as programNameFr', 'v.id as versionId', 'v.holdbackCents'])
    .where('agreement.status', 'in', IN_FORCE_STATUSES);
  if (filters.programId) agreements = agreements.where('agreement.programId', '=', filters.programId);
  if (filters.pillarId) {
    const pillarId = filters.pillarId;
    agreements = agreements.where((eb) => eb.exists(eb.selectFrom('agreementVersionPillar').select('pillarId').whereRef('agreementVersionPillar.versionId', '=', 'v.id').where('pillarId', '=', pillarId)));
  }
  if (filters.fiscalYear) {
    // Only the agreements with money in that year (in their terms or in the journal).
    const fiscalYear = filters.fiscalYear;
    agreements = agreements.where('agreement.id', 'in', (eb) =>
      eb
        // Years in any version of the terms, as the database keeps them per agreement (agreement_term_year).
        .selectFrom('agreementTermYear as y')
        .select('y.agreementId')
        .where('y.fiscalYear', '=', fiscalYear)
        .$if(Boolean(filters.programId), (q) => q.where('y.programId', '=', filters.programId!))
        .union(
          eb
            .selectFrom('ledgerYearTotal as t')
            .select('t.agreementId')
            .where('t.fiscalYear', '=', fiscalYear)
            .$if(Boolean(filters.programId), (q) => q.where('t.programId', '=', filters.programId!)),
        ),
    );
  }
  const list = await agreements.orderBy('agreement.referenceNumber').execute();
  if (list.length === 0) return [];
  const ids = list.map((a) => a.id);
  const versionIds = list.map((a) => a.versionId);
  // With a fiscal year asked for, only that year's rows travel (the journal summed by kind and
  // category in the database), plus what each agreement's holdback release and last year need.
  const fy = filters.fiscalYear ?? null;
  // The lists travel as one array parameter (= any($1)), so each statement is prepared once
  // however many agreements there are, instead of planned afresh with hundreds of parameters.
  const idList = sql<string>`any(${ids}::uuid[])`;
  const versionList = sql<string>`any(${versionIds}::uuid[])`;
  const [entries, budget, years, claims, lastYears, releasedHoldbacks] = await Promise.all([
    fy
      ? // The year's journal as the database keeps it summed (ledger_year_total), read by year and program.
        db
          .selectFrom('ledgerYearTotal')
          .select(['agreementId', 'fiscalYear', 'kind', 'costCategory', 'amountCents'])
          .where('fiscalYear', '=', fy)
          .$if(Boolean(filters.programId), (q) => q.where('programId', '=', filters.programId!))
          .execute()
          .then((rows) => rows.map((r) => ({ ...r, costCategory: r.costCategory === '' ? null : r.costCategory })))
      : db.selectFrom('ledgerEntry').select(['agreementId', 'fiscalYear', 'kind', 'amountCents', 'costCategory']).where('agreementId', '=', idList).execute(),
    // Budget lines by category are shown only in the by-category view.
    filters.byCategory
      ? db.selectFrom('agreementBudgetLine').select(['versionId', 'fiscalYear', 'costCategory', 'amountCents']).where('versionId', '=', versionList).$if(fy !== null, (q) => q.where('fiscalYear', '=', fy!)).execute()
      : [],
    db.selectFrom('agreementFiscalYear').select(['versionId', 'fiscalYear', 'amountCents']).where('versionId', '=', versionList).$if(fy !== null, (q) => q.where('fiscalYear', '=', fy!)).execute(),
    db
      .selectFrom('claim')
      .leftJoin('claimExpenditure', 'claimExpenditure.claimId', 'claim.id')
      .select(['claim.id', 'claim.agreementId', 'claim.fiscalYear', 'claim.status', 'claim.requestedCents', 'claim.certifiedCents', 'claimExpenditure.costCategory', 'claimExpenditure.amountCents as spentCents'])
      .where('claim.agreementId', '=', idList)
      .where('claim.status', '<>', 'rejected')
      .$if(fy !== null, (q) => q.where('claim.fiscalYear', '=', fy!))
      .execute(),
    db.selectFrom('agreementFiscalYear').select(['versionId', (eb) => eb.fn.max('fiscalYear').as('lastYear')]).where('versionId', '=', versionList).groupBy('versionId').execute(),
    db
      .selectFrom('ledgerEntry')
      .select(['agreementId', (eb) => eb.fn.sum<string>('amountCents').as('released')])
      .where('agreementId', '=', idList)
      .where('kind', '=', 'holdback_released')
      .groupBy('agreementId')
      .execute(),
  ]);
  const lastYearOf = new Map(lastYears.map((r) => [r.versionId, String(r.lastYear)]));
  const holdbackReleasedOf = new Map(releasedHoldbacks.map((r) => [r.agreementId, BigInt(r.released)]));
  // Grouped once, so the work grows with the rows, not with their square.
  const groupBy = <T, K>(items: readonly T[], key: (item: T) => K) => {
    const map = new Map<K, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const entriesOf = groupBy(entries, (e) => e.agreementId);
  const yearsOf = groupBy(years, (y) => y.versionId);
  const budgetOf = groupBy(budget, (l) => l.versionId);
  const claimsOf = groupBy(claims, (c) => c.agreementId);
  const rows: ReconciliationRow[] = [];
  for (const a of list) {
    const agreementEntries = entriesOf.get(a.id) ?? [];
    const agreementYears = yearsOf.get(a.versionId) ?? [];
    const agreementBudget = budgetOf.get(a.versionId) ?? [];
    const agreementClaims = claimsOf.get(a.id) ?? [];
    const labels = new Set(agreementYears.map((y) => y.fiscalYear));
    for (const e of agreementEntries) labels.add(e.fiscalYear);
    for (const fiscalYear of [...labels].sort()) {
      if (filters.fiscalYear && fiscalYear !== filters.fiscalYear) continue;
      const yearEntries = agreementEntries.filter((e) => e.fiscalYear === fiscalYear);
      const yearClaims = agreementClaims.filter((c) => c.fiscalYear === fiscalYear);
      const uniqueClaims = [...new Map(yearClaims.map((c) => [c.id, c])).values()];
      const base = {
        agreementId: a.id,
        referenceNumber: a.referenceNumber,
        organisationNameEn: a.legalNameEn,
        organisationNameFr: a.legalNameFr,
        programId: a.programId,
        programNameEn: a.programNameEn,
        programNameFr: a.programNameFr,
        fiscalYear,
      };
      if (!filters.byCategory) {
        const b = balancesOf(yearEntries);
        rows.push({
          ...base,
          costCategory: null,
          budgetCents: agreementYears.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n,
          committedCents: b.committed,
          claimedCents: sum(uniqueClaims.map((c) => c.requestedCents)),
          certifiedCents: sum(uniqueClaims.map((c) => c.certifiedCents ?? 0n)),
          paidCents: b.paid,
          advancesOutstandingCents: b.advancesOutstanding,
          holdbackCents: holdbackKeptIn(fiscalYear, lastYearOf.get(a.versionId) ?? null, a.holdbackCents, holdbackReleasedOf.get(a.id) ?? 0n),
          lapsedCents: b.lapsed,
          availableCents: b.available,
        });
        continue;
      }
      const categories = new Set<CostCategory>(agreementBudget.filter((l) => l.fiscalYear === fiscalYear).map((l) => l.costCategory));
      for (const c of yearClaims) if (c.costCategory) categories.add(c.costCategory);
      for (const costCategory of [...categories].sort()) {
        const spent = yearClaims.filter((c) => c.costCategory === costCategory);
        const reported = yearEntries.filter((e) => e.kind === 'expenditure_reported' && e.costCategory === costCategory);
        rows.push({
          ...base,
          costCategory,
          budgetCents: agreementBudget.find((l) => l.fiscalYear === fiscalYear && l.costCategory === costCategory)?.amountCents ?? 0n,
          committedCents: 0n,
          claimedCents: sum(spent.map((c) => c.spentCents ?? 0n)),
          certifiedCents: sum(reported.map((e) => e.amountCents)),
          paidCents: 0n,
          advancesOutstandingCents: 0n,
          holdbackCents: 0n,
          lapsedCents: 0n,
          availableCents: 0n,
        });
      }
    }
  }
  return rows;
}

export const RECONCILIATION_PAGE_SIZE = 50;
const MONEY_FIGURES = ['budgetCents', 'committedCents', 'claimedCents', 'certifiedCents', 'paidCents', 'advancesOutstandingCents', 'holdbackCents', 'lapsedCents', 'availableCents'] as const;
type MoneyFigure = (typeof MONEY_FIGURES)[number];

/** Lower case without accents, so "montreal" finds "Montréal". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The reconciliation as the screen reads it: the rows matching `search` (agreement number or
 * organisation name, either language), one page of them, how many there are and their totals to
 * the cent. A program's year is hundreds of rows; the exports give them all.
 */
export async function reconciliationPage(
  db: Db,
  filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean; search: string; page: number },
  pageSize = RECONCILIATION_PAGE_SIZE,
) {
  const needle = folded(filters.search.trim());
  if (filters.fiscalYear && !filters.byCategory && !needle) {
    // A year unsearched: the database counts and totals the rows and reads one page of them.
    const { rows: total, totals } = await moneyTotalsOfYear(db, filters.fiscalYear, filters);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(filters.page, pages);
    const rows = await moneyRowsOfYear(db, filters.fiscalYear, filters, { limit: pageSize, offset: (page - 1) * pageSize });
    return { rows, total, page, pageSize, totals };
  }
  const all = await reconciliation(db, filters);
  const matching = needle ? all.filter((r) => folded(`${r.referenceNumber} ${r.organisationNameEn} ${r.organisationNameFr}`).includes(needle)) : all;
  const totals = Object.fromEntries(MONEY_FIGURES.map((f) => [f, matching.reduce((sum, r) => sum + r[f], 0n)])) as Record<MoneyFigure, bigint>;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(filters.page, pages);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize, totals };
}
