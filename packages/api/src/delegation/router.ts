/**
 * The delegation of authority: program staff read it (those it limits see their limits); administrators
 * outside it propose a change and a second one decides it (checked in the commands, from the domain).
 */
import { delegationDecisionInput, delegationProposalInput, PROGRAM_STAFF } from '@tp/domain';
import { z } from 'zod';
import { decideDelegationChange, delegationInstrument, proposeDelegationChange } from './instrument';
import { adminProcedure, roleProcedure, router } from '../trpc';

export const delegationRouter = router({
  instrument: roleProcedure(...PROGRAM_STAFF).input(z.object({}).default({})).query(({ ctx }) => delegationInstrument(ctx.db, ctx.user)),
  propose: adminProcedure.input(delegationProposalInput).mutation(({ ctx, input }) => proposeDelegationChange(ctx.db, ctx.user, ctx.meta, input)),
  decide: adminProcedure.input(delegationDecisionInput).mutation(({ ctx, input }) => decideDelegationChange(ctx.db, ctx.user, ctx.meta, input)),
});
