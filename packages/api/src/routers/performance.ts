import { indicatorInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { getFramework, listIndicators, saveIndicator } from '../services/performance';
import { roleProcedure, router, staffProcedure } from '../trpc';

/** Who maintains the performance measurement framework. */
const frameworkEditor = roleProcedure('results_analyst', 'program_officer', 'administrator');

export const performanceRouter = router({
  framework: staffProcedure.input(z.object({ strategyCode: z.string().min(1).max(60) })).query(({ ctx, input }) => getFramework(ctx.db, input.strategyCode)),

  indicators: staffProcedure
    .input(z.object({ readyOnly: z.boolean().default(false) }).default({ readyOnly: false }))
    .query(({ ctx, input }) => listIndicators(ctx.db, { readyOnly: input.readyOnly })),

  saveIndicator: frameworkEditor
    .input(z.object({ id: uuidSchema.nullable(), indicator: indicatorInput }))
    .mutation(({ ctx, input }) => saveIndicator(ctx.db, ctx.user, ctx.meta, input.id, input.indicator)),
});
