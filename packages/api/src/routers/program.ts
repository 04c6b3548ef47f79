import { budgetRowInput, programInput, streamInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { addStream, getProgram, listPrograms, saveProgram, setBudgetRow } from '../services/programs';
import { roleProcedure, router, staffProcedure } from '../trpc';

/** Program officers and administrators manage programs. */
const programManager = roleProcedure('program_officer', 'administrator');

export const programRouter = router({
  list: staffProcedure.query(({ ctx }) => listPrograms(ctx.db)),
  get: staffProcedure.input(z.object({ id: uuidSchema })).query(({ ctx, input }) => getProgram(ctx.db, input.id)),
  save: programManager
    .input(z.object({ id: uuidSchema.nullable(), program: programInput }))
    .mutation(({ ctx, input }) => saveProgram(ctx.db, ctx.user, ctx.meta, input.id, input.program)),
  addStream: programManager.input(streamInput).mutation(({ ctx, input }) => addStream(ctx.db, ctx.user, ctx.meta, input)),
  setBudgetRow: programManager.input(budgetRowInput).mutation(async ({ ctx, input }) => {
    await setBudgetRow(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
});
