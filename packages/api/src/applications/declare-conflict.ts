/**
 * A reviewer declares, once, whether they have a conflict of interest with an application assigned to
 * them: they cannot declare "no conflict" after seeing they had one, nor the reverse after scoring.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { lockOwnAssignment } from './access';

/** Declared once: a reviewer cannot declare "no conflict" after seeing they had one, nor the reverse after scoring. */
export async function declareConflict(db: Db, user: Viewer, meta: RequestMeta, input: { applicationId: string; conflict: 'none' | 'conflict'; note: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockOwnAssignment(tx, user, input.applicationId);
    if (a.conflict !== null) throw new DomainError('CONFLICT', 'error.review.alreadyDeclared', 'conflict');
    await tx.updateTable('reviewerAssignment').set({ conflict: input.conflict, conflictNote: input.note, declaredAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'declare_conflict', after: { conflict: input.conflict, note: input.note }, requestId: meta.requestId });
  });
}
