/**
 * What an administrator does with accounts: invite (by email), change roles, deactivate and
 * reactivate. An administrator never changes their own account this way (no self-granted
 * roles, no locking oneself out). Every change is audited in the same transaction.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { DomainError, type InviteUserInput, type Language, type MembershipInput, type Role } from '@tp/domain';
import { newToken, tokenHash } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';

export interface Actor {
  id: string;
  displayName: string;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  status: 'invited' | 'active' | 'deactivated';
  lastSignInAt: Date | null;
  memberships: { role: Role; organisationId: string | null; organisationNameEn: string | null; organisationNameFr: string | null }[];
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db
    .selectFrom('appUser')
    .select(['id', 'email', 'displayName', 'preferredLanguage', 'status', 'lastSignInAt'])
    .orderBy('displayName')
    .execute();
  const memberships = await db
    .selectFrom('membership')
    .leftJoin('organisation', 'organisation.id', 'membership.organisationId')
    .select([
      'membership.userId',
      'membership.role',
      'membership.organisationId',
      'organisation.legalNameEn as organisationNameEn',
      'organisation.legalNameFr as organisationNameFr',
    ])
    .orderBy('membership.role')
    .execute();
  return users.map((u) => ({
    ...u,
    memberships: memberships
      .filter((m) => m.userId === u.id)
      .map(({ role, organisationId, organisationNameEn, organisationNameFr }) => ({
        role,
        organisationId,
        organisationNameEn,
        organisationNameFr,
      })),
  }));
}

async function assertOrganisationsExist(tx: Tx, memberships: MembershipInput[]): Promise<void> {
  const ids = [...new Set(memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  if (ids.length === 0) return;
  const found = new Set((await tx.selectFrom('organisation').select('id').where('id', 'in', ids).execute()).map((o) => o.id));
  const missing = memberships.findIndex((m) => m.organisationId !== null && !found.has(m.organisationId));
  if (missing >= 0) {
    throw new DomainError('BAD_INPUT', 'error.membership.unknownOrganisation', `memberships.${missing}.organisationId`);
  }
}

function dedupe(memberships: MembershipInput[]): MembershipInput[] {
  const seen = new Map<string, MembershipInput>();
  for (const m of memberships) seen.set(`${m.role}/${m.organisationId ?? ''}`, m);
  return [...seen.values()];
}

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

async function lockOtherUser(tx: Tx, actor: Actor, userId: string) {
  if (userId === actor.id) throw new DomainError('FORBIDDEN', 'error.user.self', 'userId');
  const user = await tx
    .selectFrom('appUser')
    .select(['id', 'status'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw new DomainError('NOT_FOUND', 'error.user.notFound', 'userId');
  return user;
}

export async function setMemberships(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  input: { userId: string; memberships: MembershipInput[] },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    await lockOtherUser(tx, actor, input.userId);
    const memberships = dedupe(input.memberships);
    await assertOrganisationsExist(tx, memberships);
    const before = await tx
      .selectFrom('membership')
      .select(['role', 'organisationId'])
      .where('userId', '=', input.userId)
      .orderBy('role')
      .execute();
    await tx.deleteFrom('membership').where('userId', '=', input.userId).execute();
    await tx
      .insertInto('membership')
      .values(memberships.map((m) => ({ userId: input.userId, role: m.role, organisationId: m.organisationId })))
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'app_user',
      entityId: input.userId,
      action: 'set_memberships',
      before: { memberships: before },
      after: { memberships },
      requestId: meta.requestId,
    });
  });
}

/** A deactivated user cannot sign in, and every session they had ends now. */
export async function setUserActive(db: Db, actor: Actor, meta: RequestMeta, userId: string, active: boolean): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const user = await lockOtherUser(tx, actor, userId);
    const hasPassword = await tx
      .selectFrom('appUser')
      .select('passwordHash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const status = active ? (hasPassword.passwordHash ? 'active' : 'invited') : 'deactivated';
    if (status === user.status) return;
    await tx.updateTable('appUser').set({ status, updatedAt: new Date() }).where('id', '=', userId).execute();
    if (!active) await tx.deleteFrom('userSession').where('userId', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'app_user',
      entityId: userId,
      action: active ? 'reactivate' : 'deactivate',
      before: { status: user.status },
      after: { status },
      requestId: meta.requestId,
    });
  });
}
