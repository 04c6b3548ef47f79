/**
 * Sign in with email and password. Wrong password and unknown email get the same answer and
 * take the same time. After `maxFailures` failures in a row the account is locked for
 * `lockMinutes`, even for the right password. Success starts a server-side session.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type SignInInput } from '@tp/domain';
import { sql } from 'kysely';
import { verifyAgainstDummy, verifyPassword } from './password';
import { newToken, tokenHash } from './tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';

export interface SignInResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

export async function signIn(db: Db, config: ApiConfig, meta: RequestMeta, input: SignInInput): Promise<SignInResult> {
  const user = await db
    .selectFrom('appUser')
    .select(['id', 'passwordHash', 'status', 'lockedUntil'])
    .where('email', '=', input.email)
    .executeTakeFirst();

  if (!user || user.status !== 'active' || !user.passwordHash) {
    await verifyAgainstDummy(input.password);
    throw new DomainError('UNAUTHENTICATED', 'error.signIn.invalid', 'email');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new DomainError('TOO_MANY_REQUESTS', 'error.signIn.locked', 'email', { minutes: config.signIn.lockMinutes });
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // Counted atomically, so parallel guesses cannot slip past the limit.
    const counted = await inTransaction(db, async ({ tx }) => {
      const row = await tx
        .updateTable('appUser')
        .set((eb) => ({
          failedSignIns: eb('failedSignIns', '+', 1),
          lockedUntil: sql<Date | null>`case when ${eb.ref('failedSignIns')} + 1 >= ${config.signIn.maxFailures}::int
            then now() + make_interval(mins => ${config.signIn.lockMinutes}::int) end`,
        }))
        .where('id', '=', user.id)
        .returning(['failedSignIns', 'lockedUntil'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorUserId: null,
        entityType: 'app_user',
        entityId: user.id,
        action: row.lockedUntil ? 'sign_in_locked' : 'sign_in_failed',
        after: { failedSignIns: row.failedSignIns, lockedUntil: row.lockedUntil },
        requestId: meta.requestId,
      });
      return row;
    });
    if (counted.lockedUntil) {
      throw new DomainError('TOO_MANY_REQUESTS', 'error.signIn.locked', 'email', { minutes: config.signIn.lockMinutes });
    }
    throw new DomainError('UNAUTHENTICATED', 'error.signIn.invalid', 'email');
  }

  const token = newToken();
  const expiresAt = new Date(Date.now() + config.session.absoluteHours * 3_600_000);
  await inTransaction(db, async ({ tx }) => {
    await tx
      .updateTable('appUser')
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
      .where('id', '=', user.id)
      .execute();
    await tx
      .insertInto('userSession')
      .values({ id: tokenHash(token), userId: user.id, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 500) ?? null })
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'app_user',
      entityId: user.id,
      action: 'sign_in',
      requestId: meta.requestId,
    });
  });
  return { token, expiresAt, userId: user.id };
}

/** Ends the session: the cookie's token is useless from now on. */
export async function signOut(db: Db, meta: RequestMeta, session: { sessionId: string; id: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    await tx.deleteFrom('userSession').where('id', '=', session.sessionId).execute();
    await recordAudit(tx, {
      actorUserId: session.id,
      entityType: 'app_user',
      entityId: session.id,
      action: 'sign_out',
      requestId: meta.requestId,
    });
  });
}
