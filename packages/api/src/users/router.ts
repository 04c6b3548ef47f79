/**
 * What an administrator does with accounts: invite (by email), change roles, deactivate and
 * reactivate. An administrator never changes their own account this way (no self-granted
 * roles, no locking oneself out). Every change is audited in the same transaction.
 * These procedures name who may call each one (the access sets of packages/domain) and hand the
 * work to a command of this folder or to its queries.
 */
import { DomainError, inviteUserInput, setMembershipsInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { inviteUser } from './invite-user';
import { listUsers } from './queries';
import { setMemberships } from './set-memberships';
import { setUserActive } from './set-user-active';
import { adminProcedure, router } from '../trpc';

export const adminRouter = router({
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),

  inviteUser: adminProcedure.input(inviteUserInput).mutation(({ ctx, input }) => inviteUser(ctx.db, ctx, ctx.user, ctx.meta, input)),

  setMemberships: adminProcedure.input(setMembershipsInput).mutation(async ({ ctx, input }) => {
    await setMemberships(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),

  setUserActive: adminProcedure
    .input(z.object({ userId: uuidSchema, active: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setUserActive(ctx.db, ctx.user, ctx.meta, input.userId, input.active);
      return { ok: true as const };
    }),

  /** The latest changes, newest first. */
  auditEvents: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) =>
      ctx.db
        .selectFrom('auditEvent')
        .leftJoin('appUser', 'appUser.id', 'auditEvent.actorUserId')
        .select([
          'auditEvent.id',
          'auditEvent.occurredAt',
          'auditEvent.entityType',
          'auditEvent.entityId',
          'auditEvent.action',
          'auditEvent.before',
          'auditEvent.after',
          'appUser.email as actorEmail',
        ])
        .orderBy('auditEvent.id', 'desc')
        .limit(input.limit)
        .execute(),
    ),

  /** Demo mode only: the mail the platform "sent", so invitations and resets can be tried locally. */
  sentMail: adminProcedure.query(({ ctx }) => {
    if (!ctx.config.demo) throw new DomainError('FORBIDDEN', 'error.demoOnly');
    return ctx.db
      .selectFrom('mailMessage')
      .select(['id', 'toAddress', 'language', 'subject', 'bodyText', 'status', 'createdAt', 'sentAt'])
      .orderBy('createdAt', 'desc')
      .limit(100)
      .execute();
  }),
});
