/**
 * An officer drafts a call for proposals. One transaction with its audit record.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type CallInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor, assertIndicatorsReady, callRow, checkReferences, writeParts } from './call-parts';

export async function createCall(db: Db, actor: Actor, meta: RequestMeta, input: CallInput): Promise<{ id: string }> {
  return inTransaction(db, async ({ tx }) => {
    await checkReferences(tx, input);
    await assertIndicatorsReady(tx, input.indicatorIds);
    const call = await tx
      .insertInto('callForProposals')
      .values({ ...callRow(input), createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeParts(tx, call.id, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'call_for_proposals', entityId: call.id, action: 'create', after: input, requestId: meta.requestId });
    return call;
  });
}
