/**
 * The performance measurement framework: logic models, indicators and what each lacks.
 */
import { type Db } from '@tp/db';
import { DomainError, missingForReadiness } from '@tp/domain';

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
