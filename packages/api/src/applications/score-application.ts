/**
 * A reviewer without a conflict scores an application against the call's criteria, saving as they go,
 * then submits the review; a submitted review no longer changes.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, weightedPoints } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { assignmentForScoring } from './access';

/** Saves some or all scores (a reviewer may come back); each score replaces the earlier one. */
export async function saveScores(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { applicationId: string; scores: { criterionId: string; score: number; comment: string }[] },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const { a, criteria } = await assignmentForScoring(tx, user, input.applicationId);
    input.scores.forEach((s, i) => {
      if (!criteria.some((c) => c.id === s.criterionId)) throw new DomainError('BAD_INPUT', 'error.criterion.notInCall', `scores.${i}.criterionId`);
    });
    for (const s of input.scores) {
      await tx
        .insertInto('reviewScore')
        .values({ assignmentId: a.id, criterionId: s.criterionId, score: s.score, comment: s.comment })
        .onConflict((oc) => oc.columns(['assignmentId', 'criterionId']).doUpdateSet({ score: s.score, comment: s.comment, updatedAt: new Date() }))
        .execute();
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'score', after: input.scores, requestId: meta.requestId });
  });
}

export async function submitReview(db: Db, user: Viewer, meta: RequestMeta, applicationId: string): Promise<{ score: number }> {
  return inTransaction(db, async ({ tx }) => {
    const { a, criteria } = await assignmentForScoring(tx, user, applicationId);
    const scores = await tx.selectFrom('reviewScore').select(['criterionId', 'score']).where('assignmentId', '=', a.id).execute();
    if (criteria.some((c) => !scores.some((s) => s.criterionId === c.id))) throw new DomainError('BAD_INPUT', 'error.review.incomplete', 'scores');
    const points = weightedPoints(criteria.map((c) => ({ weight: c.weight, score: scores.find((s) => s.criterionId === c.id)!.score })));
    await tx.updateTable('reviewerAssignment').set({ submittedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'reviewer_assignment', entityId: a.id, action: 'submit_review', after: { points }, requestId: meta.requestId });
    return { score: points / 10 };
  });
}
