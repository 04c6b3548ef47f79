/**
 * An administrator deactivates or reactivates another user's account.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import type { RequestMeta } from '../context';
import { type Actor, lockOtherUser } from './access';

/** A deactivated user cannot sign in, and every session they had ends now. */
export async function setUserActive(db: Db, actor: Actor, meta: RequestMeta, userId: string, active: boolean): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const user = await lockOtherUser(tx, actor, userId);
    const hasPassword = await tx
      .selectFrom('appUser')
      .select('passwordHash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const status = active ? (hasPassword.passwordHash ? 'active' : 'invited') : 'deactivated';
    if (status === user.status) return;
    await tx.updateTable('appUser').set({ status, updatedAt: new Date() }).where('id', '=', userId).execute();
    if (!active) await tx.deleteFrom('userSession').where('userId', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'app_user',
      entityId: userId,
      action: active ? 'reactivate' : 'deactivate',
      before: { status: user.status },
      after: { status },
      requestId: meta.requestId,
    });
  });
}
