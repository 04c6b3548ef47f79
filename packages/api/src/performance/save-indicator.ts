/**
 * An indicator of the performance measurement framework is created or changed. One transaction with
 * its audit record.
 */import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type IndicatorInput, missingForReadiness } from '@tp/domain';
import type { RequestMeta } from '../context';

export async function saveIndicator(db: Db, actor: { id: string }, meta: RequestMeta, id: string | null, input: IndicatorInput) {
  return inTransaction(db, async ({ tx }) => {
    const result = await tx.selectFrom('logicModelResult').select('id').where('id', '=', input.outcomeId).executeTakeFirst();
    if (!result) throw new DomainError('BAD_INPUT', 'error.notFound', 'outcomeId');
    const values = {
      resultId: input.outcomeId,
      code: input.code,
      nameEn: input.nameEn,
      nameFr: input.nameFr,
      definitionEn: input.definitionEn,
      definitionFr: input.definitionFr,
      unit: input.unit,
      direction: input.direction,
      methodEn: input.methodEn,
      methodFr: input.methodFr,
      sourceEn: input.sourceEn,
      sourceFr: input.sourceFr,
      frequency: input.frequency,
      baselineValue: input.baselineValue,
      baselineYear: input.baselineYear,
      targetValue: input.targetValue,
      targetDate: input.targetDate,
      owner: input.owner,
      gbaDimensions: [...new Set(input.gbaDimensions)],
      departmentalResultIndicatorId: input.departmentalResultIndicatorId,
    };
    if (id === null) {
      const clash = await tx.selectFrom('indicator').select('id').where('code', '=', input.code).executeTakeFirst();
      if (clash) throw new DomainError('CONFLICT', 'error.code.taken', 'code');
      const row = await tx.insertInto('indicator').values(values).returning(['id', 'isReady']).executeTakeFirstOrThrow();
      await recordAudit(tx, { actorUserId: actor.id, entityType: 'indicator', entityId: row.id, action: 'create', after: values, requestId: meta.requestId });
      return row;
    }
    const before = await tx.selectFrom('indicator').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    const inUse = await tx.selectFrom('callIndicator').select('callId').where('indicatorId', '=', id).executeTakeFirst();
    if (inUse && missingForReadiness(values).length > 0) throw new DomainError('CONFLICT', 'error.indicator.inUse', 'id');
    const row = await tx.updateTable('indicator').set({ ...values, updatedAt: new Date() }).where('id', '=', id).returning(['id', 'isReady']).executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'indicator', entityId: id, action: 'update', before, after: values, requestId: meta.requestId });
    return row;
  });
}
