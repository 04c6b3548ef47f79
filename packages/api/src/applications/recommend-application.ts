/**
 * An officer recommends funding an application (with an amount) or not, once the reviews are in.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, formatMoney, type RecommendationInput } from '@tp/domain';
import { translate } from '@tp/i18n';
import { routedTo } from '../delegation/queue';
import { queueMail, type MailDeps } from '../mail/mailer';
import type { RequestMeta } from '../context';
import { lockApplication, moveApplication } from './access';
import { type Viewer } from '../auth/resolve-session';
import { submittedPoints } from './assessment-queries';

export async function recommend(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, input: RecommendationInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId, 'applicationId');
    if (app.status === 'under_review') {
      const reviewed = (await submittedPoints(tx, [app.id])).get(app.id)?.length ?? 0;
      if (reviewed === 0) throw new DomainError('CONFLICT', 'error.review.incomplete', 'applicationId');
    }
    await moveApplication(tx, user, meta, app, 'recommended');
    const amountCents = input.outcome === 'fund' ? (input.amountCents ?? app.requestedAmountCents) : input.amountCents;
    await tx.insertInto('applicationRecommendation').values({ applicationId: app.id, outcome: input.outcome, amountCents, rationale: input.rationale, recommendedBy: user.id }).execute();
    // The decision now waits for the people whose authority covers the amount (the lowest such
    // position): they are told, never the person who recommended it.
    const call = await tx.selectFrom('callForProposals').select('programId').where('id', '=', app.callId).executeTakeFirstOrThrow();
    const { people } = await routedTo(tx, call.programId, amountCents ?? 0n, [user.id]);
    for (const p of people) {
      await queueMail(tx, {
        to: p.email,
        lang: p.preferredLanguage,
        template: 'decisionWaiting',
        params: { name: p.displayName, reference: app.referenceNumber ?? '', title: app.title, amount: amountCents === null ? '' : translate(p.preferredLanguage, 'mail.decisionWaiting.amount', { amount: formatMoney(amountCents, p.preferredLanguage) }), link: `${deps.config.appUrl}/intake/${app.id}` },
      });
    }
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_recommendation', entityId: app.id, action: 'recommend', after: input, requestId: meta.requestId });
  });
}
