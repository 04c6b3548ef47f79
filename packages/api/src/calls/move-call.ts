/**
 * A call moves through its lifecycle: published (only with ready indicators and weights summing to
 * 100), closed or cancelled.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { callLifecycle, type CallStatus, DomainError, publicationRefusal } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor, assertIndicatorsReady, lockCall } from './call-parts';

export async function moveCall(db: Db, actor: Actor, meta: RequestMeta, id: string, to: CallStatus): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const call = await lockCall(tx, id);
    if (!callLifecycle.can(call.status, to)) {
      throw new DomainError('CONFLICT', 'error.call.transition', 'status', { from: call.status, to });
    }
    if (to === 'published') {
      const indicators = await tx.selectFrom('callIndicator').select('indicatorId').where('callId', '=', id).execute();
      const criteria = await tx.selectFrom('callCriterion').select('weight').where('callId', '=', id).execute();
      const refusal = publicationRefusal({ weights: criteria.map((c) => c.weight), indicators: indicators.length });
      if (refusal) throw new DomainError('BAD_INPUT', refusal, refusal === 'error.weights.sum' ? 'criteria' : 'indicatorIds');
      await assertIndicatorsReady(tx, indicators.map((i) => i.indicatorId));
    }
    await tx
      .updateTable('callForProposals')
      .set({ status: to, updatedAt: new Date(), ...(to === 'published' ? { publishedAt: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'call_for_proposals',
      entityId: id,
      action: to === 'published' ? 'publish' : to === 'closed' ? 'close' : 'cancel',
      before: { status: call.status },
      after: { status: to },
      requestId: meta.requestId,
    });
  });
}
