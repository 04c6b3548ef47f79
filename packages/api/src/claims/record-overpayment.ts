/**
 * Overpayments (finance): an overpayment established becomes a receivable in the journal; a recovery
 * received reduces it, never below nothing.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { balancesOf, DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';
import { journal, money } from './journal';

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
