/**
 * An officer recommends funding an application (with an amount) or not, once the reviews are in.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type RecommendationInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { lockApplication, moveApplication } from './access';
import { type Viewer } from '../auth/resolve-session';
import { submittedPoints } from './assessment-queries';

export async function recommend(db: Db, user: Viewer, meta: RequestMeta, input: RecommendationInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId, 'applicationId');
    if (app.status === 'under_review') {
      const reviewed = (await submittedPoints(tx, [app.id])).get(app.id)?.length ?? 0;
      if (reviewed === 0) throw new DomainError('CONFLICT', 'error.review.incomplete', 'applicationId');
    }
    await moveApplication(tx, user, meta, app, 'recommended');
    await tx.insertInto('applicationRecommendation').values({ applicationId: app.id, outcome: input.outcome, amountCents: input.outcome === 'fund' ? (input.amountCents ?? app.requestedAmountCents) : input.amountCents, rationale: input.rationale, recommendedBy: user.id }).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_recommendation', entityId: app.id, action: 'recommend', after: input, requestId: meta.requestId });
  });
}
