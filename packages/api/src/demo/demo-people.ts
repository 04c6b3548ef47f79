/**
 * What the demo seeders share: the request they act under, and who and what they act on.
 */
import type { Db } from '@tp/db';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';

export const meta: RequestMeta = { requestId: 'demo-seed', ip: null, userAgent: null, lang: 'en' };

export async function viewer(db: Db, email: string): Promise<Viewer> {
  const user = await db.selectFrom('appUser').select(['id', 'email', 'displayName', 'preferredLanguage']).where('email', '=', email).executeTakeFirstOrThrow();
  const memberships = await db.selectFrom('membership').select(['role', 'organisationId']).where('userId', '=', user.id).execute();
  return {
    ...user,
    roles: [...new Set(memberships.map((m) => m.role))],
    organisationIds: memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])),
  };
}

export async function idOf(db: Db, table: 'indicator' | 'fundingStream' | 'program', code: string): Promise<string> {
  return (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
