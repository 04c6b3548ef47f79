/**
 * A recipient discards a draft application it no longer wants (a call that closed before it was
 * finished, a false start): the draft, its sections and its attachments are deleted, the audit
 * trail keeps what it held, and the organisation may start a new application to the same call.
 * Only a draft: a submitted application is withdrawn instead, and stays on record.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, isDiscardable } from '@tp/domain';
import type { Viewer } from '../auth/resolve-session';
import type { RequestMeta } from '../context';
import type { FileStore } from '../files/file-store';

export async function discardDraft(db: Db, files: FileStore, user: Viewer, meta: RequestMeta, id: string): Promise<void> {
  const keys = await inTransaction(db, async ({ tx }) => {
    const app = await tx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!app || !user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (!isDiscardable(app.status)) throw new DomainError('CONFLICT', 'error.application.notDraft', 'id');
    const attachments = await tx.selectFrom('applicationAttachment').select(['storageKey', 'fileName']).where('applicationId', '=', id).execute();
    await tx.deleteFrom('application').where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: id, action: 'discard', before: { ...app, attachments: attachments.map((a) => a.fileName) }, requestId: meta.requestId });
    return attachments.map((a) => a.storageKey);
  });
  for (const key of keys) await files.delete(key);
}
