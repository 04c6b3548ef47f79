/**
 * Year end (finance): closing a fiscal year lapses what each agreement committed in it and did not
 * pay, and no payment can be made in it afterwards.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { balancesOf, DomainError, type JournalEntry, sum } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';

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
