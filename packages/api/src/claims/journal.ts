/**
 * What the claim commands and reads share: the agreement's journal and the limits of its terms in
 * force, who counts as the recipient or claims staff, the claim row lock, and the refusals the
 * database gives said as the rule they enforce. Balances are derived from the journal, never stored.
 */
import { type Db, type Tx } from '@tp/db';
import { DomainError, formatMoney, holds, type JournalEntry, MONEY_READERS, RECIPIENTS } from '@tp/domain';
import type { Viewer } from '../auth/resolve-session';

type Reader = Db | Tx;

export const money = (c: bigint) => ({ en: formatMoney(c, 'en'), fr: formatMoney(c, 'fr') });

export async function journal(db: Reader, agreementId: string): Promise<JournalEntry[]> {
  return db.selectFrom('ledgerEntry').select(['fiscalYear', 'kind', 'amountCents', 'costCategory']).where('agreementId', '=', agreementId).orderBy('id').execute();
}

/** The terms in force that limit payments. */
export async function limitsOf(db: Reader, agreementId: string) {
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

export function isRecipientOf(user: Viewer, organisationId: string): boolean {
  return holds(user, RECIPIENTS) && user.organisationIds.includes(organisationId);
}

export function isClaimStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, MONEY_READERS);
}

export async function lockClaim(tx: Tx, id: string) {
  const c = await tx.selectFrom('claim').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw new DomainError('NOT_FOUND', 'error.claim.notFound', 'claimId');
  return c;
}

/** What the database refused, said as the rule it broke. */
export function translateMoneyError(error: unknown): unknown {
  const e = error as { code?: string; hint?: string; constraint?: string; cause?: unknown };
  const pg = (e.code ? e : (e.cause as typeof e | undefined)) ?? e;
  if (pg.code === '23514' && pg.hint === 'fiscal_year_limit') return new DomainError('CONFLICT', 'error.payment.fiscalYearLimit', 'claimId', { room: money(0n), fiscalYear: '' });
  if (pg.code === '23514' && pg.hint === 'total_limit') return new DomainError('CONFLICT', 'error.payment.totalLimit', 'claimId', { room: money(0n), fiscalYear: '' });
  if (pg.code === '23505' && pg.constraint === 'ledger_entry_one_payment_per_claim') return new DomainError('CONFLICT', 'error.claim.alreadyPaid', 'claimId');
  return error;
}

/** The fiscal years closed for a program: closed for all programs, or for this one (the database's `fiscal_year_closed_for`). */
export async function closedFiscalYearsFor(db: Reader, programId: string): Promise<Set<string>> {
  const [all, program] = await Promise.all([
    db.selectFrom('fiscalYear').select('label').where('status', '=', 'closed').execute(),
    db.selectFrom('programYearEnd').select('fiscalYear as label').where('programId', '=', programId).execute(),
  ]);
  return new Set([...all, ...program].map((r) => r.label));
}
