/**
 * An officer verifies an organisation (an unverified one cannot sign an agreement).
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';

export async function verifyOrganisation(db: Db, user: { id: string }, meta: RequestMeta, id: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const org = await tx.selectFrom('organisation').select(['id', 'verifiedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!org) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (org.verifiedAt) return;
    await tx.updateTable('organisation').set({ verifiedAt: new Date(), verifiedBy: user.id, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: id, action: 'verify', after: { verified: true }, requestId: meta.requestId });
  });
}
