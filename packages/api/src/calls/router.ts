/**
 * Calls for proposals: drafting, publishing (only with ready indicators and weights summing to
 * 100), correcting a published call's description, closing and cancelling. Every change is one
 * transaction with its audit record; the database refuses rule changes to a published call too.
 * These procedures name who may call each one (the access sets of packages/domain) and hand the
 * work to a command of this folder or to its queries.
 */
import { CALL_EDITORS } from '@tp/domain';
import { callInput, DomainError, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { correctCallDescription } from './correct-call-description';
import { createCall } from './create-call';
import { getCall } from './queries';
import { moveCall } from './move-call';
import { updateDraftCall } from './update-draft-call';
import { authedProcedure, isStaff, roleProcedure, router } from '../trpc';

/** Program officers run calls; administrators may too. */
const callManager = roleProcedure(...CALL_EDITORS);

export const callRouter = router({
  /** Staff see every call; recipients see published calls that are open now (or opening soon). */
  list: authedProcedure.query(async ({ ctx }) => {
    let q = ctx.db
      .selectFrom('callForProposals')
      .innerJoin('program', 'program.id', 'callForProposals.programId')
      .select([
        'callForProposals.id',
        'callForProposals.titleEn',
        'callForProposals.titleFr',
        'callForProposals.status',
        'callForProposals.opensAt',
        'callForProposals.closesAt',
        'callForProposals.minAmountCents',
        'callForProposals.maxAmountCents',
        'callForProposals.priorities',
        'program.nameEn as programNameEn',
        'program.nameFr as programNameFr',
      ]);
    if (!isStaff(ctx.user)) q = q.where('callForProposals.status', '=', 'published').where('callForProposals.closesAt', '>', new Date());
    const now = new Date();
    const rows = await q.orderBy('callForProposals.closesAt').execute();
    return { now, calls: rows.map((r) => ({ ...r, isOpen: r.status === 'published' && r.opensAt <= now && now < r.closesAt })) };
  }),

  get: authedProcedure.input(z.object({ id: uuidSchema })).query(async ({ ctx, input }) => {
    const call = await getCall(ctx.db, input.id);
    // A draft (or cancelled) call does not exist for a recipient.
    if (!call || (!isStaff(ctx.user) && call.status !== 'published' && call.status !== 'closed')) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    return call;
  }),

  create: callManager.input(callInput).mutation(({ ctx, input }) => createCall(ctx.db, ctx.user, ctx.meta, input)),

  updateDraft: callManager.input(z.object({ id: uuidSchema, call: callInput })).mutation(async ({ ctx, input }) => {
    await updateDraftCall(ctx.db, ctx.user, ctx.meta, input.id, input.call);
    return { ok: true as const };
  }),

  correctDescription: callManager
    .input(z.object({ id: uuidSchema, descriptionEn: z.string().trim().max(10_000), descriptionFr: z.string().trim().max(10_000) }))
    .mutation(async ({ ctx, input }) => {
      await correctCallDescription(ctx.db, ctx.user, ctx.meta, input);
      return { ok: true as const };
    }),

  publish: callManager.input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    await moveCall(ctx.db, ctx.user, ctx.meta, input.id, 'published');
    return { ok: true as const };
  }),

  close: callManager.input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    await moveCall(ctx.db, ctx.user, ctx.meta, input.id, 'closed');
    return { ok: true as const };
  }),

  cancel: callManager.input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    await moveCall(ctx.db, ctx.user, ctx.meta, input.id, 'cancelled');
    return { ok: true as const };
  }),
});
