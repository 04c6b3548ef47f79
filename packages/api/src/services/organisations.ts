/**
 * Organisation onboarding: a person registers themselves and their organisation (the emailed
 * link confirms the address and sets the password, through the invitation token flow), or a
 * signed-in person registers another organisation; either way they become its administrator.
 * Possible duplicates (same business number, or same name and province) are flagged for an
 * officer, never refused. An officer verifies an organisation; an administrator of the
 * organisation invites colleagues.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { changedVerifiedFacts, DomainError, holds, type Language, looksLikeDuplicate, ORGANISATION_VERIFIERS, type OrganisationProfileInput, type RegisterInput, type Role } from '@tp/domain';
import { newToken, tokenHash } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import { inviteUser } from './manage-users';

export const ORGANISATION_COLUMNS = [
  'id',
  'legalNameEn',
  'legalNameFr',
  'type',
  'provinceOrTerritory',
  'businessNumber',
  'isIndigenousLed',
  'isSurvivorLed',
  'officialLanguage',
  'addressLine',
  'city',
  'postalCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'verifiedAt',
  'createdAt',
] as const;

/** Other organisations that look like this one. */
export async function possibleDuplicates(db: Db | Tx, org: { id?: string; legalNameEn: string; provinceOrTerritory: string; businessNumber: string | null }) {
  const candidates = await db
    .selectFrom('organisation')
    .select(['id', 'legalNameEn', 'legalNameFr', 'provinceOrTerritory', 'businessNumber'])
    .where((eb) =>
      eb.or([
        eb('provinceOrTerritory', '=', org.provinceOrTerritory as never),
        ...(org.businessNumber ? [eb(eb.fn('left', ['businessNumber', eb.val(9)]), '=', org.businessNumber.slice(0, 9))] : []),
      ]),
    )
    .execute();
  return candidates.filter((c) => c.id !== org.id && looksLikeDuplicate(org, c));
}

async function insertOrganisation(tx: Tx, createdBy: string | null, input: OrganisationProfileInput) {
  return tx.insertInto('organisation').values({ ...input, createdBy }).returning('id').executeTakeFirstOrThrow();
}

/** Public: a new person and their organisation. Answers the same whether or not the email has an account. */
export async function register(db: Db, deps: { config: ApiConfig; mailer: Mailer }, meta: RequestMeta, input: RegisterInput): Promise<{ ok: true }> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    afterCommit(() => deps.mailer.deliverSoon(db));
    const existing = await tx.selectFrom('appUser').select(['id', 'displayName', 'preferredLanguage']).where('email', '=', input.email).executeTakeFirst();
    if (existing) {
      await queueMail(tx, { to: input.email, lang: existing.preferredLanguage, template: 'registrationExisting', params: { name: existing.displayName, link: `${deps.config.appUrl}/sign-in` } });
      return;
    }
    const user = await tx
      .insertInto('appUser')
      .values({ email: input.email, displayName: input.displayName, preferredLanguage: input.preferredLanguage, status: 'invited' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const duplicates = await possibleDuplicates(tx, input.organisation);
    const org = await insertOrganisation(tx, user.id, input.organisation);
    await tx.insertInto('membership').values({ userId: user.id, role: 'recipient', organisationId: org.id, isOrganisationAdmin: true }).execute();
    const token = newToken();
    await tx
      .insertInto('userToken')
      .values({ userId: user.id, purpose: 'invitation', tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + deps.config.invitationDays * 86_400_000) })
      .execute();
    await queueMail(tx, {
      to: input.email,
      lang: input.preferredLanguage,
      template: 'registration',
      params: {
        name: input.displayName,
        organisation: input.preferredLanguage === 'fr' ? input.organisation.legalNameFr : input.organisation.legalNameEn,
        days: deps.config.invitationDays,
        link: `${deps.config.appUrl}/accept-invitation?token=${token}`,
      },
    });
    await recordAudit(tx, { actorUserId: null, entityType: 'app_user', entityId: user.id, action: 'register', after: { email: input.email, displayName: input.displayName }, requestId: meta.requestId });
    await recordAudit(tx, { actorUserId: null, entityType: 'organisation', entityId: org.id, action: 'register', after: { ...input.organisation, possibleDuplicateOf: duplicates.map((d) => d.id) }, requestId: meta.requestId });
  });
  return { ok: true };
}

/** A signed-in person registers an organisation and becomes its administrator. */
export async function registerOrganisation(db: Db, user: { id: string }, meta: RequestMeta, input: OrganisationProfileInput) {
  return inTransaction(db, async ({ tx }) => {
    const duplicates = await possibleDuplicates(tx, input);
    const org = await insertOrganisation(tx, user.id, input);
    await tx.insertInto('membership').values({ userId: user.id, role: 'recipient', organisationId: org.id, isOrganisationAdmin: true }).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: org.id, action: 'register', after: { ...input, possibleDuplicateOf: duplicates.map((d) => d.id) }, requestId: meta.requestId });
    return { id: org.id, possibleDuplicates: duplicates };
  });
}

export async function isOrganisationAdmin(db: Db | Tx, userId: string, organisationId: string): Promise<boolean> {
  const m = await db.selectFrom('membership').select('id').where('userId', '=', userId).where('organisationId', '=', organisationId).where('isOrganisationAdmin', '=', true).executeTakeFirst();
  return Boolean(m);
}

/** Its administrators, officers and department administrators update an organisation's profile. */
export async function updateOrganisation(db: Db, user: { id: string; roles: readonly Role[] }, meta: RequestMeta, id: string, input: OrganisationProfileInput) {
  return inTransaction(db, async ({ tx }) => {
    const before = await tx.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    const staff = holds(user, ORGANISATION_VERIFIERS);
    if (!staff && !(await isOrganisationAdmin(tx, user.id, id))) throw new DomainError('FORBIDDEN', 'error.organisation.notAdmin', 'id');
    // A verified organisation whose legal name or business number changes is verified again.
    const changed = before.verifiedAt ? changedVerifiedFacts(before, input) : [];
    const reverify = changed.length > 0 ? { verifiedAt: null, verifiedBy: null } : {};
    await tx.updateTable('organisation').set({ ...input, ...reverify, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: id, action: changed.length > 0 ? 'update.unverified' : 'update', before, after: { ...input, ...reverify }, requestId: meta.requestId });
    return { needsVerification: changed.length > 0 };
  });
}

export async function verifyOrganisation(db: Db, user: { id: string }, meta: RequestMeta, id: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const org = await tx.selectFrom('organisation').select(['id', 'verifiedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!org) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (org.verifiedAt) return;
    await tx.updateTable('organisation').set({ verifiedAt: new Date(), verifiedBy: user.id, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: id, action: 'verify', after: { verified: true }, requestId: meta.requestId });
  });
}

/** An organisation's administrator invites a colleague as a recipient of that organisation. */
export async function inviteColleague(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  user: { id: string; displayName: string },
  meta: RequestMeta,
  input: { organisationId: string; email: string; displayName: string; preferredLanguage: Language; asAdministrator: boolean },
): Promise<{ userId: string }> {
  if (!(await isOrganisationAdmin(db, user.id, input.organisationId))) throw new DomainError('FORBIDDEN', 'error.organisation.notAdmin', 'organisationId');
  const result = await inviteUser(db, deps, user, meta, {
    email: input.email,
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    memberships: [{ role: 'recipient', organisationId: input.organisationId }],
  });
  if (input.asAdministrator) {
    await inTransaction(db, async ({ tx }) => {
      await tx.updateTable('membership').set({ isOrganisationAdmin: true }).where('userId', '=', result.userId).where('organisationId', '=', input.organisationId).execute();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'app_user', entityId: result.userId, action: 'grant_organisation_admin', after: { organisationId: input.organisationId }, requestId: meta.requestId });
    });
  }
  return result;
}
