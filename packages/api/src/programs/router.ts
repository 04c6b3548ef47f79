/**
 * Programs and their money: officers and administrators set a program's terms (type, stacking
 * limit, pillars, delegated approval limits), its funding streams, and its budget by fiscal year
 * and pillar (the money available to commit). Each change is one transaction with its audit record.
 * These procedures name who may call each one (the access sets of packages/domain) and hand the
 * work to a command of this folder or to its queries.
 */
import { PROGRAM_EDITORS } from '@tp/domain';
import { budgetRowInput, programInput, streamInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { addStream } from './add-stream';
import { getProgram, listPrograms } from './queries';
import { saveProgram } from './save-program';
import { setBudgetRow } from './set-budget-row';
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
