/**
 * A funding stream is added to a program.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor } from './program-row';

export async function addStream(db: Db, actor: Actor, meta: RequestMeta, input: { programId: string; code: string; nameEn: string; nameFr: string }) {
  return inTransaction(db, async ({ tx }) => {
    const program = await tx.selectFrom('program').select('id').where('id', '=', input.programId).executeTakeFirst();
    if (!program) throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
    const clash = await tx.selectFrom('fundingStream').select('id').where('programId', '=', input.programId).where('code', '=', input.code).executeTakeFirst();
    if (clash) throw new DomainError('CONFLICT', 'error.code.taken', 'code');
    const stream = await tx.insertInto('fundingStream').values(input).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'funding_stream', entityId: stream.id, action: 'create', after: input, requestId: meta.requestId });
    return stream;
  });
}
