/**
 * Attachments to a draft application. The server decides the type from the file's first bytes
 * (a renamed executable is not a PDF), enforces the size limit, writes the bytes to the store
 * and then the metadata and its audit record in one transaction; if that transaction fails the
 * bytes are removed, so nothing is half-saved. Downloads follow the application's read rules.
 */
import { createHash, randomUUID } from 'node:crypto';
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { attachmentFileNameSchema, DomainError, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffAttachmentType } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { FileStore } from '../files/file-store';
import { applicationAccess } from './access';
import { type Viewer } from '../auth/resolve-session';

export interface UploadInput {
  applicationId: string;
  fileName: string;
  data: Uint8Array;
  /** True when the upload was cut at the size limit (the whole file was larger). */
  truncated?: boolean;
}

export async function uploadAttachment(db: Db, files: FileStore, user: Viewer, meta: RequestMeta, input: UploadInput) {
  const name = attachmentFileNameSchema.safeParse(input.fileName);
  if (!name.success) throw new DomainError('BAD_INPUT', 'error.attachment.name', 'file');
  if (input.truncated || input.data.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('BAD_INPUT', 'error.attachment.tooLarge', 'file', { megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  }
  if (input.data.byteLength === 0) throw new DomainError('BAD_INPUT', 'error.attachment.empty', 'file');
  const contentType = sniffAttachmentType(input.data, name.data);
  if (!contentType) throw new DomainError('BAD_INPUT', 'error.attachment.type', 'file');

  // Check access before writing anything.
  const app = await db.selectFrom('application').select(['id', 'organisationId', 'status']).where('id', '=', input.applicationId).executeTakeFirst();
  if (!app || !user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
  if (app.status !== 'draft') throw new DomainError('CONFLICT', 'error.application.notDraft', 'applicationId');

  const storageKey = `applications/${app.id}/${randomUUID()}`;
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  await files.put(storageKey, input.data);
  try {
    return await inTransaction(db, async ({ tx }) => {
      const locked = await tx.selectFrom('application').select(['status']).where('id', '=', app.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'draft') throw new DomainError('CONFLICT', 'error.application.notDraft', 'applicationId');
      const { n } = await tx.selectFrom('applicationAttachment').select((eb) => eb.fn.countAll<string>().as('n')).where('applicationId', '=', app.id).executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ATTACHMENTS) throw new DomainError('BAD_INPUT', 'error.attachment.tooMany', 'file', { count: MAX_ATTACHMENTS });
      const row = await tx
        .insertInto('applicationAttachment')
        .values({ applicationId: app.id, fileName: name.data, contentType, sizeBytes: input.data.byteLength, sha256, storageKey, uploadedBy: user.id })
        .returning(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'uploadedAt'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: app.id, action: 'attachment.add', after: { id: row.id, fileName: row.fileName, contentType, sizeBytes: row.sizeBytes, sha256 }, requestId: meta.requestId });
      return row;
    });
  } catch (error) {
    await files.delete(storageKey);
    throw error;
  }
}

/** The file, for its owner organisation, department staff and assigned reviewers without a conflict. */
export async function readAttachment(db: Db, files: FileStore, user: Viewer, input: { applicationId: string; attachmentId: string }) {
  const row = await db
    .selectFrom('applicationAttachment')
    .innerJoin('application', 'application.id', 'applicationAttachment.applicationId')
    .select(['applicationAttachment.id', 'applicationAttachment.fileName', 'applicationAttachment.contentType', 'applicationAttachment.sizeBytes', 'applicationAttachment.storageKey', 'application.organisationId', 'application.id as applicationId'])
    .where('applicationAttachment.id', '=', input.attachmentId)
    .where('applicationAttachment.applicationId', '=', input.applicationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound', 'attachmentId');
  await applicationAccess(db, user, { id: row.applicationId, organisationId: row.organisationId });
  const data = await files.get(row.storageKey);
  if (!data) throw new DomainError('NOT_FOUND', 'error.notFound', 'attachmentId');
  return { fileName: row.fileName, contentType: row.contentType, data };
}

export async function deleteAttachment(db: Db, files: FileStore, user: Viewer, meta: RequestMeta, input: { applicationId: string; attachmentId: string }): Promise<void> {
  const key = await inTransaction(db, async ({ tx }) => {
    const app = await tx.selectFrom('application').select(['id', 'organisationId', 'status']).where('id', '=', input.applicationId).forUpdate().executeTakeFirst();
    if (!app || !user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
    if (app.status !== 'draft') throw new DomainError('CONFLICT', 'error.application.notDraft', 'applicationId');
    const row = await tx.deleteFrom('applicationAttachment').where('id', '=', input.attachmentId).where('applicationId', '=', app.id).returning(['storageKey', 'fileName']).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', 'error.notFound', 'attachmentId');
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: app.id, action: 'attachment.delete', before: { id: input.attachmentId, fileName: row.fileName }, requestId: meta.requestId });
    return row.storageKey;
  });
  await files.delete(key);
}
