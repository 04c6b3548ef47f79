/**
 * Organisation onboarding: a person registers themselves and their organisation (the emailed link
 * confirms the address and sets the password, through the invitation token flow), or a signed-in
 * person registers another organisation; either way they become its administrator.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { type OrganisationProfileInput, type RegisterInput } from '@tp/domain';
import { newToken, tokenHash } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import { possibleDuplicates } from './queries';

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
