/**
 * An administrator changes another user's roles and memberships.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type MembershipInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor, assertOrganisationsExist, dedupe, lockOtherUser } from './access';

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
