/**
 * An officer corrects a published call's description (only its wording: the database refuses rule
 * changes to a published call).
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import type { RequestMeta } from '../context';
import { type Actor, lockCall } from './call-parts';

export async function correctCallDescription(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  input: { id: string; descriptionEn: string; descriptionFr: string },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await lockCall(tx, input.id);
    await tx
      .updateTable('callForProposals')
      .set({ descriptionEn: input.descriptionEn, descriptionFr: input.descriptionFr, updatedAt: new Date() })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'call_for_proposals',
      entityId: input.id,
      action: 'correct_description',
      before: { descriptionEn: before.descriptionEn, descriptionFr: before.descriptionFr },
      after: { descriptionEn: input.descriptionEn, descriptionFr: input.descriptionFr },
      requestId: meta.requestId,
    });
  });
}
