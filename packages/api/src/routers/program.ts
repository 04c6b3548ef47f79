import { PROGRAM_EDITORS } from '@tp/domain';
import { budgetRowInput, programInput, streamInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { addStream, getProgram, listPrograms, saveProgram, setBudgetRow } from '../services/programs';
import { roleProcedure, router, staffProcedure } from '../trpc';

/** Program officers and administrators manage programs. */
const programEditor = roleProcedure(...PROGRAM_EDITORS);

export const programRouter = router({
  list: staffProcedure.query(({ ctx }) => listPrograms(ctx.db)),
  get: staffProcedure.input(z.object({ id: uuidSchema })).query(({ ctx, input }) => getProgram(ctx.db, input.id)),
  save: programEditor
    .input(z.object({ id: uuidSchema.nullable(), program: programInput }))
    .mutation(({ ctx, input }) => saveProgram(ctx.db, ctx.user, ctx.meta, input.id, input.program)),
  addStream: programEditor.input(streamInput).mutation(({ ctx, input }) => addStream(ctx.db, ctx.user, ctx.meta, input)),
  setBudgetRow: programEditor.input(budgetRowInput).mutation(async ({ ctx, input }) => {
    await setBudgetRow(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
});
