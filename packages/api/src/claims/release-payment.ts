/**
 * A finance officer releases the payment of a certified claim (FAA s. 33): one journal entry, in the
 * same transaction, idempotent by its release key. The database enforces the fiscal-year and total
 * limits again, so a race or a retry cannot overpay.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { assertClaimAction, balancesOf, DomainError, holdbackReleasedBy, paymentRefusal } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';
import { journal, limitsOf, lockClaim, money, translateMoneyError } from './journal';
import { claimHandOff } from './hand-off-notices';
import type { MailDeps } from '../mail/mailer';

export interface ReleaseResult {
  paidCents: bigint;
  releasedAt: Date;
  /** True when this request found the payment already made by an earlier try with the same key. */
  repeated: boolean;
}

export async function releasePayment(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, input: { claimId: string; releaseKey: string }): Promise<ReleaseResult> {
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
      await claimHandOff(tx, deps, c, 'paid', { amountCents: amount });
      await recordAudit(tx, { actorUserId: user.id, entityType: 'payment', entityId: c.id, action: 'release', before: { status: 'certified' }, after: { status: 'paid', amountCents: amount, releaseKey: input.releaseKey }, requestId: meta.requestId });
      return { paidCents: amount, releasedAt: now, repeated: false };
    });
  } catch (error) {
    throw translateMoneyError(error);
  }
}
