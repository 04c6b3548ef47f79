/**
 * An administrator invites a person by email, with their roles; the link sets their password.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type InviteUserInput } from '@tp/domain';
import { newToken, tokenHash } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import { type Actor, assertOrganisationsExist, dedupe } from './access';

export async function inviteUser(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  actor: Actor,
  meta: RequestMeta,
  input: InviteUserInput,
): Promise<{ userId: string }> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const existing = await tx.selectFrom('appUser').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw new DomainError('CONFLICT', 'error.email.taken', 'email');
    const memberships = dedupe(input.memberships);
    await assertOrganisationsExist(tx, memberships);
    const user = await tx
      .insertInto('appUser')
      .values({ email: input.email, displayName: input.displayName, preferredLanguage: input.preferredLanguage, status: 'invited' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('membership')
      .values(memberships.map((m) => ({ userId: user.id, role: m.role, organisationId: m.organisationId })))
      .execute();
    const token = newToken();
    await tx
      .insertInto('userToken')
      .values({
        userId: user.id,
        purpose: 'invitation',
        tokenHash: tokenHash(token),
        expiresAt: new Date(Date.now() + deps.config.invitationDays * 86_400_000),
      })
      .execute();
    await queueMail(tx, {
      to: input.email,
      lang: input.preferredLanguage,
      template: 'invitation',
      params: {
        name: input.displayName,
        inviter: actor.displayName,
        days: deps.config.invitationDays,
        link: `${deps.config.appUrl}/accept-invitation?token=${token}`,
      },
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'app_user',
      entityId: user.id,
      action: 'invite',
      after: { email: input.email, displayName: input.displayName, preferredLanguage: input.preferredLanguage, memberships },
      requestId: meta.requestId,
    });
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { userId: user.id };
  });
}
