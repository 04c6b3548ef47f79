/** The performance measurement framework: logic models, indicators and what each lacks. */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type IndicatorInput, missingForReadiness } from '@tp/domain';
import type { RequestMeta } from '../context';

export async function getFramework(db: Db, strategyCode: string) {
  const strategy = await db.selectFrom('strategy').select(['id', 'code', 'nameEn', 'nameFr']).where('code', '=', strategyCode).executeTakeFirst();
  if (!strategy) throw new DomainError('NOT_FOUND', 'error.notFound', 'strategyCode');
  const [results, links, indicators, pillars] = await Promise.all([
    db.selectFrom('logicModelResult').select(['id', 'level', 'pillarId', 'code', 'position', 'nameEn', 'nameFr']).where('strategyId', '=', strategy.id).orderBy('position').execute(),
    db
      .selectFrom('logicModelLink')
      .innerJoin('logicModelResult', 'logicModelResult.id', 'logicModelLink.fromResultId')
      .select(['logicModelLink.fromResultId', 'logicModelLink.toResultId'])
      .where('logicModelResult.strategyId', '=', strategy.id)
      .execute(),
    listIndicators(db, { strategyId: strategy.id }),
    db.selectFrom('pillar').select(['id', 'code', 'position', 'nameEn', 'nameFr']).where('strategyId', '=', strategy.id).orderBy('position').execute(),
  ]);
  return {
    strategy,
    pillars,
    results: results.map((r) => ({
      ...r,
      contributesTo: links.filter((l) => l.fromResultId === r.id).map((l) => l.toResultId),
      indicators: indicators.filter((i) => i.resultId === r.id),
    })),
  };
}

export async function listIndicators(db: Db, filter: { strategyId?: string; readyOnly?: boolean } = {}) {
  let q = db
    .selectFrom('indicator')
    .innerJoin('logicModelResult', 'logicModelResult.id', 'indicator.resultId')
    .innerJoin('strategy', 'strategy.id', 'logicModelResult.strategyId')
    .selectAll('indicator')
    .select(['strategy.code as strategyCode', 'logicModelResult.level as resultLevel']);
  if (filter.strategyId) q = q.where('logicModelResult.strategyId', '=', filter.strategyId);
  if (filter.readyOnly) q = q.where('indicator.isReady', '=', true);
  const rows = await q.orderBy('indicator.code').execute();
  return rows.map((row) => ({ ...row, missing: missingForReadiness(row) }));
}

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
