/**
 * An officer changes a call still in draft: its row and parts are written again.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type CallInput, DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor, assertIndicatorsReady, callRow, checkReferences, lockCall, writeParts } from './call-parts';

export async function updateDraftCall(db: Db, actor: Actor, meta: RequestMeta, id: string, input: CallInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await lockCall(tx, id);
    if (before.status !== 'draft') throw new DomainError('CONFLICT', 'error.call.notDraft', 'id');
    await checkReferences(tx, input);
    await assertIndicatorsReady(tx, input.indicatorIds);
    await tx.updateTable('callForProposals').set({ ...callRow(input), updatedAt: new Date() }).where('id', '=', id).execute();
    await writeParts(tx, id, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'call_for_proposals', entityId: id, action: 'update', before, after: input, requestId: meta.requestId });
  });
}
