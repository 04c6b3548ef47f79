import type { Generated, Selectable } from 'kysely';
import type { Language, Role } from '@tp/domain';

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  preferredLanguage: Generated<Language>;
  passwordHash: string | null;
  status: Generated<UserStatus>;
  failedSignIns: Generated<number>;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface MembershipTable {
  id: Generated<string>;
  userId: string;
  role: Role;
  organisationId: string | null;
  isOrganisationAdmin: Generated<boolean>;
  createdAt: Generated<Date>;
}

export interface UserSessionTable {
  /** SHA-256 (hex) of the token held in the cookie. */
  id: string;
  userId: string;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export type UserTokenPurpose = 'invitation' | 'password_reset';

export interface UserTokenTable {
  id: Generated<string>;
  userId: string;
  purpose: UserTokenPurpose;
  tokenHash: string;
  createdAt: Generated<Date>;
  expiresAt: Date;
  usedAt: Date | null;
}

export type AppUser = Selectable<AppUserTable>;
export type Membership = Selectable<MembershipTable>;
