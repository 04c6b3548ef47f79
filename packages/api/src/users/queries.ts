/**
 * The accounts an administrator manages, with their roles and memberships.
 */
import { type Db } from '@tp/db';
import { type Language, type Role } from '@tp/domain';

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
