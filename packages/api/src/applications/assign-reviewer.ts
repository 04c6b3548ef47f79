/**
 * A manager assigns a reviewer to an application under review (the application moves to review when
 * its first reviewer is assigned). One transaction, audited.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, reviewerAssignmentRefusal } from '@tp/domain';
import type { RequestMeta } from '../context';
import { lockApplication, moveApplication } from './access';
import { type Viewer } from '../auth/resolve-session';

export async function assignReviewer(db: Db, user: Viewer, meta: RequestMeta, input: { applicationId: string; reviewerId: string }): Promise<{ id: string }> {
  return inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId, 'applicationId');
    if (app.status !== 'screened_in' && app.status !== 'under_review') {
      throw new DomainError('CONFLICT', 'error.application.transition', 'applicationId', { from: app.status, to: 'under_review' });
    }
    const isReviewer = await tx
      .selectFrom('membership')
      .innerJoin('appUser', 'appUser.id', 'membership.userId')
      .select('membership.userId')
      .where('membership.userId', '=', input.reviewerId)
      .where('membership.role', '=', 'reviewer')
      .where('appUser.status', '=', 'active')
      .executeTakeFirst();
    if (!isReviewer) throw new DomainError('BAD_INPUT', 'error.assignment.notReviewer', 'reviewerId');
    const ownAssignment = reviewerAssignmentRefusal(input, user.id);
    if (ownAssignment) throw new DomainError('FORBIDDEN', ownAssignment, 'reviewerId');
    const inserted = await tx
      .insertInto('reviewerAssignment')
      .values({ applicationId: app.id, reviewerId: input.reviewerId, assignedBy: user.id })
      .onConflict((oc) => oc.columns(['applicationId', 'reviewerId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('CONFLICT', 'error.assignment.exists', 'reviewerId');
    if (app.status === 'screened_in') await moveApplication(tx, user, meta, app, 'under_review');
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: inserted.id, action: 'assign', after: input, requestId: meta.requestId });
    return inserted;
  });
}
