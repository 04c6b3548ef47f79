/**
 * Officers and administrators create or change a program's terms (type, stacking limit, pillars);
 * its approval limits are changed only through the delegation of authority. One transaction with its audit record.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type ProgramInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor, programRow, setPillars } from './program-row';

export async function saveProgram(db: Db, actor: Actor, meta: RequestMeta, id: string | null, input: ProgramInput) {
  return inTransaction(db, async ({ tx }) => {
    const clash = await tx.selectFrom('program').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash && clash.id !== id) throw new DomainError('CONFLICT', 'error.code.taken', 'code');
    const strategy = await tx.selectFrom('strategy').select('id').where('id', '=', input.strategyId).executeTakeFirst();
    if (!strategy) throw new DomainError('BAD_INPUT', 'error.strategy.required', 'strategyId');
    if (id === null) {
      const created = await tx.insertInto('program').values({ ...programRow(input), strategyId: input.strategyId }).returning('id').executeTakeFirstOrThrow();
      await setPillars(tx, created.id, input.strategyId, input);
      await recordAudit(tx, { actorUserId: actor.id, entityType: 'program', entityId: created.id, action: 'create', after: input, requestId: meta.requestId });
      return created;
    }
    const before = await tx.selectFrom('program').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (before.strategyId !== input.strategyId) throw new DomainError('BAD_INPUT', 'error.strategy.required', 'strategyId');
    await tx.updateTable('program').set({ ...programRow(input), updatedAt: new Date() }).where('id', '=', id).execute();
    await setPillars(tx, id, before.strategyId, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'program', entityId: id, action: 'update', before, after: input, requestId: meta.requestId });
    return { id };
  });
}
