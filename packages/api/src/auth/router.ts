/**
 * The auth procedures: the session, sign-in and sign-out, registration, password resets and
 * invitations, and the signed-in user's own language; the work is in this folder's commands.
 */
import {
  completePasswordResetInput,
  languageSchema,
  registerInput,
  requestPasswordResetInput,
  signInInput,
} from '@tp/domain';
import { inTransaction, recordAudit } from '@tp/db';
import { z } from 'zod';
import { register } from '../organisations/register-organisation';
import { completeTokenFlow, requestPasswordReset } from './reset-password';
import { signIn, signOut } from './sign-in';
import { authedProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  /** Who is signed in, or null. Never fails for a signed-out visitor. */
  session: publicProcedure.query(async ({ ctx }) => {
    const user = await ctx.session();
    if (!user && ctx.sessionToken) ctx.cookie.clear();
    return user
      ? {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          preferredLanguage: user.preferredLanguage,
          roles: user.roles,
          memberships: user.memberships,
        }
      : null;
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    // A session the browser already carried ends here: signing in always starts a new one, so a
    // token planted before sign-in (session fixation) is worth nothing after it.
    const previous = await ctx.session();
    const result = await signIn(ctx.db, ctx.config, ctx.meta, input);
    if (previous) await ctx.db.deleteFrom('userSession').where('id', '=', previous.sessionId).execute();
    ctx.cookie.set(result.token, result.expiresAt);
    return { ok: true as const };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.meta, { sessionId: ctx.user.sessionId, id: ctx.user.id });
    ctx.cookie.clear();
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, ctx, ctx.meta, input.email);
    return { ok: true as const };
  }),

  completePasswordReset: publicProcedure.input(completePasswordResetInput).mutation(async ({ ctx, input }) => {
    await completeTokenFlow(ctx.db, ctx.meta, 'password_reset', input.token, input.password);
    return { ok: true as const };
  }),

  /**
   * Self-registration: a person and their organisation. The emailed link (the invitation flow:
   * acceptInvitation) confirms the address and sets the password. Answers the same for an email
   * that already has an account, which gets a note instead.
   */
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => register(ctx.db, ctx, ctx.meta, input)),

  acceptInvitation: publicProcedure.input(completePasswordResetInput).mutation(async ({ ctx, input }) => {
    await completeTokenFlow(ctx.db, ctx.meta, 'invitation', input.token, input.password);
    return { ok: true as const };
  }),

  /** The signed-in user's language of choice, kept for their next visit and their email. */
  setLanguage: authedProcedure.input(z.object({ language: languageSchema })).mutation(async ({ ctx, input }) => {
    await inTransaction(ctx.db, async ({ tx }) => {
      await tx
        .updateTable('appUser')
        .set({ preferredLanguage: input.language, updatedAt: new Date() })
        .where('id', '=', ctx.user.id)
        .execute();
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        entityType: 'app_user',
        entityId: ctx.user.id,
        action: 'set_language',
        before: { preferredLanguage: ctx.user.preferredLanguage },
        after: { preferredLanguage: input.language },
        requestId: ctx.meta.requestId,
      });
    });
    return { ok: true as const };
  }),
});
