/**
 * The performance measurement framework: logic models, indicators and what each lacks.
 * These procedures name who may call each one (the access sets of packages/domain) and hand the
 * work to a command of this folder or to its queries.
 */
import { FRAMEWORK_EDITORS } from '@tp/domain';
import { indicatorInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { getFramework, listIndicators } from './queries';
import { saveIndicator } from './save-indicator';
import { roleProcedure, router, staffProcedure } from '../trpc';

/** Who maintains the performance measurement framework. */
const frameworkEditor = roleProcedure(...FRAMEWORK_EDITORS);

export const performanceRouter = router({
  framework: staffProcedure.input(z.object({ strategyCode: z.string().min(1).max(60) })).query(({ ctx, input }) => getFramework(ctx.db, input.strategyCode)),

  indicators: staffProcedure
    .input(z.object({ readyOnly: z.boolean().default(false) }).default({ readyOnly: false }))
    .query(({ ctx, input }) => listIndicators(ctx.db, { readyOnly: input.readyOnly })),

  /** Departmental results indicators an indicator can be mapped to, with their result and core responsibility. */
  departmentalIndicators: staffProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom('departmentalResultIndicator')
      .innerJoin('departmentalResult', 'departmentalResult.id', 'departmentalResultIndicator.departmentalResultId')
      .innerJoin('coreResponsibility', 'coreResponsibility.id', 'departmentalResult.coreResponsibilityId')
      .select([
        'departmentalResultIndicator.id',
        'departmentalResultIndicator.code',
        'departmentalResultIndicator.nameEn',
        'departmentalResultIndicator.nameFr',
        'departmentalResult.nameEn as resultNameEn',
        'departmentalResult.nameFr as resultNameFr',
        'coreResponsibility.nameEn as coreResponsibilityNameEn',
        'coreResponsibility.nameFr as coreResponsibilityNameFr',
      ])
      .orderBy('departmentalResultIndicator.code')
      .execute(),
  ),

  saveIndicator: frameworkEditor
    .input(z.object({ id: uuidSchema.nullable(), indicator: indicatorInput }))
    .mutation(({ ctx, input }) => saveIndicator(ctx.db, ctx.user, ctx.meta, input.id, input.indicator)),
});
