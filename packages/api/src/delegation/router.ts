/**
 * The delegation of authority: program staff read it (those it limits see their limits); administrators
 * outside it propose a change and a second one decides it (checked in the commands, from the domain).
 */
import { AGREEMENT_SIGNERS, appointmentDecisionInput, appointmentProposalInput, delegationDecisionInput, delegationProposalInput, PROGRAM_STAFF } from '@tp/domain';
import { signatureQueue } from './queue';
import { z } from 'zod';
import { decideAppointment, decideDelegationChange, delegationInstrument, proposeAppointment, proposeDelegationChange } from './instrument';
import { adminProcedure, roleProcedure, router } from '../trpc';

export const delegationRouter = router({
  instrument: roleProcedure(...PROGRAM_STAFF).input(z.object({}).default({})).query(({ ctx }) => delegationInstrument(ctx.db, ctx.user)),
  /** What waits for the caller's signature (agreements and amendments routed to a position they hold). */
  queue: roleProcedure(...AGREEMENT_SIGNERS).input(z.object({}).default({})).query(({ ctx }) => signatureQueue(ctx.db, ctx.user)),
  propose: adminProcedure.input(delegationProposalInput).mutation(({ ctx, input }) => proposeDelegationChange(ctx.db, ctx.user, ctx.meta, input)),
  decide: adminProcedure.input(delegationDecisionInput).mutation(({ ctx, input }) => decideDelegationChange(ctx.db, ctx.user, ctx.meta, input)),
  appoint: adminProcedure.input(appointmentProposalInput).mutation(({ ctx, input }) => proposeAppointment(ctx.db, ctx.user, ctx.meta, input)),
  decideAppointment: adminProcedure.input(appointmentDecisionInput).mutation(({ ctx, input }) => decideAppointment(ctx.db, ctx.user, ctx.meta, input)),
});
