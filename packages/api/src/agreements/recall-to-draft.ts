/**
 * An officer takes an agreement sent for signature back to draft, before the recipient signs.
 */
import { inTransaction, type Db } from '@tp/db';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { assertStatus, currentVersionRow, lockAgreement, moveAgreement } from './access';

/** Back to draft to change the terms: any recipient signature is set aside (and stays in the audit trail). */
export async function recallToDraft(db: Db, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'sent_for_signature', 'recipient_signed');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    await moveAgreement(tx, user, meta, a, 'draft', {
      sentAt: null, sentBy: null, recipientSignedAt: null, recipientSignedBy: null, recipientSignerName: null, recipientSignerTitle: null,
    });
    await tx.updateTable('agreementVersion').set({ status: 'draft' }).where('id', '=', v.id).execute();
  });
}
