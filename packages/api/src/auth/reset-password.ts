/**
 * Password resets and invitations share one mechanism: a single-use, expiring token whose
 * hash is stored, sent by email as a link. Using it sets the password, activates the account
 * (for an invitation), ends every other session and cannot be repeated.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import { hashPassword } from './password';
import { newToken, tokenHash } from './tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { type Mailer, queueMail } from '../mail/mailer';

/** Always answers the same way, whether or not the address has an account (no enumeration). */
export async function requestPasswordReset(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  meta: RequestMeta,
  email: string,
): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const user = await tx
      .selectFrom('appUser')
      .select(['id', 'displayName', 'preferredLanguage'])
      .where('email', '=', email)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!user) return;
    const token = newToken();
    await tx
      .insertInto('userToken')
      .values({
        userId: user.id,
        purpose: 'password_reset',
        tokenHash: tokenHash(token),
        expiresAt: new Date(Date.now() + deps.config.passwordResetMinutes * 60_000),
      })
      .execute();
    await queueMail(tx, {
      to: email,
      lang: user.preferredLanguage,
      template: 'passwordReset',
      params: {
        name: user.displayName,
        minutes: deps.config.passwordResetMinutes,
        link: `${deps.config.appUrl}/reset-password?token=${token}`,
      },
    });
    await recordAudit(tx, {
      actorUserId: null,
      entityType: 'app_user',
      entityId: user.id,
      action: 'password_reset_requested',
      requestId: meta.requestId,
    });
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}

/** Uses a reset or invitation token: sets the password and activates the account. */
export async function completeTokenFlow(
  db: Db,
  meta: RequestMeta,
  purpose: 'password_reset' | 'invitation',
  token: string,
  password: string,
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async ({ tx }) => {
    // Claim the token atomically: of two simultaneous uses, one wins, the other finds nothing.
    const used = await tx
      .updateTable('userToken')
      .set({ usedAt: new Date() })
      .where('tokenHash', '=', tokenHash(token))
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .returning('userId')
      .executeTakeFirst();
    if (!used) throw new DomainError('BAD_INPUT', 'error.token.invalid', 'token');
    const before = await tx
      .selectFrom('appUser')
      .select(['status'])
      .where('id', '=', used.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.status === 'deactivated') throw new DomainError('BAD_INPUT', 'error.token.invalid', 'token');
    await tx
      .updateTable('appUser')
      .set({ passwordHash, status: 'active', failedSignIns: 0, lockedUntil: null, updatedAt: new Date() })
      .where('id', '=', used.userId)
      .execute();
    // Other tokens of the same kind die with this one; every session ends.
    await tx
      .updateTable('userToken')
      .set({ usedAt: new Date() })
      .where('userId', '=', used.userId)
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .execute();
    await tx.deleteFrom('userSession').where('userId', '=', used.userId).execute();
    await recordAudit(tx, {
      actorUserId: used.userId,
      entityType: 'app_user',
      entityId: used.userId,
      action: purpose === 'invitation' ? 'invitation_accepted' : 'password_reset',
      before: { status: before.status },
      after: { status: 'active' },
      requestId: meta.requestId,
    });
    return { userId: used.userId };
  });
}
