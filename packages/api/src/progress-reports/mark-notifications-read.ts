/**
 * A user marks their portal notifications read.
 */
import { type Db } from '@tp/db';
import { type Viewer } from '../auth/resolve-session';

export async function markNotificationsRead(db: Db, user: Viewer, ids: string[] | 'all'): Promise<void> {
  let q = db.updateTable('notification').set({ readAt: new Date() }).where('userId', '=', user.id).where('readAt', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}
