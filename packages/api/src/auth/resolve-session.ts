/**
 * Sessions: the signed-in user behind a session token (their roles, memberships and the
 * organisations they may see as a recipient), and Viewer, the part of them every command and query
 * of the API is given.
 */
import type { Db } from '@tp/db';
import { sql } from 'kysely';
import { ROLES, type Language, type Role } from '@tp/domain';
import { tokenHash } from './tokens';
import type { ApiConfig } from '../config';

export interface SessionMembership {
  role: Role;
  organisationId: string | null;
}

export interface SessionUser {
  sessionId: string;
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  roles: Role[];
  memberships: SessionMembership[];
  /** The organisations whose records this user may see as a recipient. */
  organisationIds: string[];
}

/** The signed-in user as the commands and queries see them: who is asking, never the session itself. */
export type Viewer = Pick<SessionUser, 'id' | 'roles' | 'organisationIds' | 'displayName' | 'email' | 'preferredLanguage'>;

/**
 * The user behind a session token, or null when the session does not exist, has expired,
 * has been idle too long, or belongs to a user who is no longer active. Touches the session
 * (at most once a minute) so that activity keeps it alive.
 */
export async function resolveSession(db: Db, config: ApiConfig, token: string): Promise<SessionUser | null> {
  const id = tokenHash(token);
  const idleCutoff = new Date(Date.now() - config.session.idleMinutes * 60_000);
  const row = await db
    .selectFrom('userSession')
    .innerJoin('appUser', 'appUser.id', 'userSession.userId')
    .select([
      'userSession.id as sessionId',
      'userSession.lastSeenAt',
      'appUser.id',
      'appUser.email',
      'appUser.displayName',
      'appUser.preferredLanguage',
      // The memberships in the same round trip: every request resolves its session first.
      sql<{ role: Role; organisationId: string | null }[]>`coalesce((select json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id)) from membership m where m.user_id = app_user.id), '[]'::json)`.as('memberships'),
    ])
    .where('userSession.id', '=', id)
    .where('userSession.expiresAt', '>', new Date())
    .where('userSession.lastSeenAt', '>', idleCutoff)
    .where('appUser.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.updateTable('userSession').set({ lastSeenAt: new Date() }).where('id', '=', id).execute();
  }
  const memberships = [...row.memberships];
  // Always in the order ROLES lists them, so "the user's first role" (where they land) is stable.
  memberships.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  return {
    sessionId: row.sessionId,
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    preferredLanguage: row.preferredLanguage,
    roles: [...new Set(memberships.map((m) => m.role))],
    memberships,
    organisationIds: memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])),
  };
}
