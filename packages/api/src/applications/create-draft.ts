/**
 * A recipient starts an application: one draft per organisation and call, while the call is open;
 * asking again returns the draft already there.
 */
import { sql } from 'kysely';
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, isCallOpen } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';

export async function createDraft(db: Db, user: Viewer, meta: RequestMeta, input: { callId: string; organisationId: string }): Promise<{ id: string; created: boolean }> {
  if (!user.organisationIds.includes(input.organisationId)) throw new DomainError('FORBIDDEN', 'error.application.notYours', 'organisationId');
  return inTransaction(db, async ({ tx }) => {
    const call = await tx.selectFrom('callForProposals').select(['id', 'status', 'opensAt', 'closesAt']).where('id', '=', input.callId).executeTakeFirst();
    if (!call || call.status === 'draft' || call.status === 'cancelled') throw new DomainError('NOT_FOUND', 'error.notFound', 'callId');
    if (!isCallOpen(call, new Date())) throw new DomainError('CONFLICT', 'error.application.callClosed', 'callId');
    // Two tabs opening the same call get the same draft: the partial unique index decides.
    const inserted = await tx
      .insertInto('application')
      .values({ callId: input.callId, organisationId: input.organisationId, createdBy: user.id })
      // The index's predicate as a literal: a bound parameter cannot prove it matches the partial
      // index, and PostgreSQL then refuses the ON CONFLICT (42P10) whenever it plans generically.
      .onConflict((oc) => oc.columns(['callId', 'organisationId']).where(sql<boolean>`status <> 'withdrawn'`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx
        .selectFrom('application')
        .select('id')
        .where('callId', '=', input.callId)
        .where('organisationId', '=', input.organisationId)
        .where('status', '<>', 'withdrawn')
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: inserted.id, action: 'create', after: input, requestId: meta.requestId });
    return { id: inserted.id, created: true };
  });
}
