/**
 * An administrator of an organisation invites a colleague to it, by email.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type Language } from '@tp/domain';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { type Mailer } from '../mail/mailer';
import { inviteUser } from '../users/invite-user';
import { assertOrganisationAdmin } from './access';

/** An organisation's administrator invites a colleague as a recipient of that organisation. */
export async function inviteColleague(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  user: { id: string; displayName: string },
  meta: RequestMeta,
  input: { organisationId: string; email: string; displayName: string; preferredLanguage: Language; asAdministrator: boolean },
): Promise<{ userId: string }> {
  await assertOrganisationAdmin(db, user.id, input.organisationId, 'organisationId');
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
