/**
 * An organisation's administrator, or an officer who verifies organisations, changes its profile.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { changedVerifiedFacts, DomainError, holds, ORGANISATION_VERIFIERS, type OrganisationProfileInput, type Role } from '@tp/domain';
import type { RequestMeta } from '../context';
import { assertOrganisationAdmin, ORGANISATION_COLUMNS } from './access';

/** Its administrators, officers and department administrators update an organisation's profile. */
export async function updateOrganisation(db: Db, user: { id: string; roles: readonly Role[] }, meta: RequestMeta, id: string, input: OrganisationProfileInput) {
  return inTransaction(db, async ({ tx }) => {
    // Someone outside the organisation gets the same answer whether it exists or not.
    if (!holds(user, ORGANISATION_VERIFIERS)) await assertOrganisationAdmin(tx, user.id, id, 'id');
    const before = await tx.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    // A verified organisation whose legal name or business number changes is verified again.
    const changed = before.verifiedAt ? changedVerifiedFacts(before, input) : [];
    const reverify = changed.length > 0 ? { verifiedAt: null, verifiedBy: null } : {};
    await tx.updateTable('organisation').set({ ...input, ...reverify, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: id, action: changed.length > 0 ? 'update.unverified' : 'update', before, after: { ...input, ...reverify }, requestId: meta.requestId });
    return { needsVerification: changed.length > 0 };
  });
}
