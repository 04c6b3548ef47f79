/**
 * An organisation's administrator, or an officer who verifies organisations, changes its profile.
 */import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, holds, ORGANISATION_VERIFIERS, type OrganisationProfileInput, type Role } from '@tp/domain';
import type { RequestMeta } from '../context';
import { isOrganisationAdmin, ORGANISATION_COLUMNS } from './access';

/** Its administrators, officers and department administrators update an organisation's profile. */
export async function updateOrganisation(db: Db, user: { id: string; roles: readonly Role[] }, meta: RequestMeta, id: string, input: OrganisationProfileInput) {
  await inTransaction(db, async ({ tx }) => {
    const before = await tx.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    const staff = holds(user, ORGANISATION_VERIFIERS);
    if (!staff && !(await isOrganisationAdmin(tx, user.id, id))) throw new DomainError('FORBIDDEN', 'error.organisation.notAdmin', 'id');
    await tx.updateTable('organisation').set({ ...input, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'organisation', entityId: id, action: 'update', before, after: input, requestId: meta.requestId });
  });
}
