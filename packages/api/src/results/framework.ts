/**
 * What the results queries share: a program and its performance measurement framework (outcomes in
 * logic-model order, with their indicators and the departmental results they feed), who may see
 * small GBA Plus counts, and decimals written as people type them.
 */
import type { Db } from '@tp/db';
import { DomainError, holds, type LogicModelLevel, SMALL_COUNT_READERS } from '@tp/domain';
import type { Viewer } from '../auth/resolve-session';

/** Who reads results; recipients read only their own agreements' figures (recipientIndicators). */
/** Who sees GBA Plus counts under the suppression threshold on screen (exports always suppress). */

export function seesSmallCounts(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, SMALL_COUNT_READERS);
}

const LEVEL_ORDER: Record<LogicModelLevel, number> = { ultimate: 0, intermediate: 1, immediate: 2, output: 3 };

export async function programOf(db: Db, programId: string) {
  const program = await db
    .selectFrom('program')
    .select(['id', 'code', 'nameEn', 'nameFr', 'strategyId'])
    .where('id', '=', programId)
    .executeTakeFirst();
  if (!program) throw new DomainError('NOT_FOUND', 'error.notFound');
  return program;
}

/** The program's framework: its strategy's results (common or the program's own) and their indicators. */
export async function frameworkOf(db: Db, program: { id: string; strategyId: string | null }) {
  if (!program.strategyId) return [];
  const strategyId = program.strategyId;
  const rows = await db
    .selectFrom('logicModelResult as r')
    .innerJoin('indicator as i', 'i.resultId', 'r.id')
    .leftJoin('departmentalResultIndicator as dri', 'dri.id', 'i.departmentalResultIndicatorId')
    .leftJoin('departmentalResult as dr', 'dr.id', 'dri.departmentalResultId')
    .select([
      'r.id as resultId',
      'r.code as resultCode',
      'r.level',
      'r.position',
      'r.nameEn as resultNameEn',
      'r.nameFr as resultNameFr',
      'i.id',
      'i.code',
      'i.nameEn',
      'i.nameFr',
      'i.unit',
      'i.direction',
      'i.baselineValue',
      'i.baselineYear',
      'i.targetValue',
      'i.targetDate',
      'i.isReady',
      'i.gbaDimensions',
      'dri.id as driId',
      'dri.code as driCode',
      'dri.nameEn as driNameEn',
      'dri.nameFr as driNameFr',
      'dr.nameEn as drNameEn',
      'dr.nameFr as drNameFr',
    ])
    .where('r.strategyId', '=', strategyId)
    .where((eb) => eb.or([eb('r.programId', 'is', null), eb('r.programId', '=', program.id)]))
    .execute();
  return rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.position - b.position || a.code.localeCompare(b.code));
}

export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
