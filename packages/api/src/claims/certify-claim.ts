/**
 * A program officer certifies a claim (FAA s. 34), possibly at a lower amount with a reason, or
 * rejects it. Nobody certifies a claim they submitted: claimActions in the domain says who may.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { assertClaimAction, balancesOf, certificationAmountRefusal, DomainError, splitExpenditure, sum } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';
import { journal, lockClaim } from './journal';
import { claimHandOff } from './hand-off-notices';
import type { MailDeps } from '../mail/mailer';

export async function certifyClaim(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, input: { claimId: string; certifiedCents: bigint; adjustmentReason: string }): Promise<void> {
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
    await claimHandOff(tx, deps, c, 'certified', { amountCents: input.certifiedCents });
    await recordAudit(tx, { actorUserId: user.id, entityType: 'claim', entityId: c.id, action: 'certify', before: { status: c.status }, after: { status: 'certified', certifiedCents: input.certifiedCents, adjustmentReason: input.adjustmentReason }, requestId: meta.requestId });
  });
}

export async function rejectClaim(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, input: { claimId: string; reason: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const c = await lockClaim(tx, input.claimId);
    assertClaimAction('reject', c, user);
    await tx.updateTable('claim').set({ status: 'rejected', rejectedBy: user.id, rejectedAt: new Date(), rejectionReason: input.reason }).where('id', '=', c.id).execute();
    await claimHandOff(tx, deps, c, 'rejected', { amountCents: c.requestedCents, reason: input.reason });
    await recordAudit(tx, { actorUserId: user.id, entityType: 'claim', entityId: c.id, action: 'reject', before: { status: c.status }, after: { status: 'rejected', reason: input.reason }, requestId: meta.requestId });
  });
}
