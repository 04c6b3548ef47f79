/**
 * The decision, by someone whose delegated authority covers the amount and who did not recommend it,
 * with the decision letter in the organisation's official language, emailed after commit.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type DecisionInput, delegatedAuthority, DomainError, formatMoney, fundingDecisionRefusal, isoDateIn, withinDelegatedLimit } from '@tp/domain';
import { positionsOf } from '../delegation/positions';
import { translate } from '@tp/i18n';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { whoCanAct } from '../delegation/who-can-act';
import { queueMail, type Mailer } from '../mail/mailer';
import { formatDate } from '../format';
import { lockApplication, moveApplication } from './access';
import { type Viewer } from '../auth/resolve-session';

const LETTER_TEMPLATE = { approved: 'decisionApproved', approved_with_changes: 'decisionApprovedWithChanges', declined: 'decisionDeclined' } as const;

/**
 * The decision: the application row is locked, the decider's authority for this program is
 * read in the same transaction, and the database checks that authority again on insert.
 */
export async function decide(db: Db, deps: { config: ApiConfig; mailer: Mailer }, user: Viewer, meta: RequestMeta, input: DecisionInput): Promise<{ letterId: string }> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const app = await lockApplication(tx, input.applicationId, 'applicationId');
    const call = await tx.selectFrom('callForProposals').select(['programId', 'titleEn', 'titleFr']).where('id', '=', app.callId).executeTakeFirstOrThrow();
    const limits = await tx.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', call.programId).execute();
    const authority = delegatedAuthority(await positionsOf(tx, user, isoDateIn(new Date(), 'America/Toronto')), limits);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.decision.noAuthority', 'applicationId');
    if (!withinDelegatedLimit(input.amountCents, authority)) {
      throw new DomainError('FORBIDDEN', 'error.decision.aboveLimit', 'amountCents', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
        who: await whoCanAct(tx, call.programId, input.amountCents ?? 0n, user.id),
      });
    }
    const recommendation = await tx.selectFrom('applicationRecommendation').select('recommendedBy').where('applicationId', '=', app.id).executeTakeFirst();
    const ownRecommendation = fundingDecisionRefusal(recommendation, user.id);
    if (ownRecommendation) throw new DomainError('FORBIDDEN', ownRecommendation, 'applicationId');
    if (input.amountCents !== null && app.requestedAmountCents !== null && input.amountCents > app.requestedAmountCents) {
      throw new DomainError('BAD_INPUT', 'error.decision.aboveRequested', 'amountCents');
    }
    const now = new Date();
    await moveApplication(tx, user, meta, app, input.outcome, { decidedAt: now });
    await tx
      .insertInto('applicationDecision')
      .values({ applicationId: app.id, outcome: input.outcome, amountCents: input.amountCents, rationale: input.rationale, decidedBy: user.id, deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents })
      .execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_decision', entityId: app.id, action: 'decide', after: { ...input, deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents }, requestId: meta.requestId });

    // The letter, in the organisation's official language, kept as sent.
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr', 'officialLanguage', 'contactEmail']).where('id', '=', app.organisationId).executeTakeFirstOrThrow();
    const lang = org.officialLanguage;
    const template = LETTER_TEMPLATE[input.outcome];
    const params = {
      date: formatDate(now, lang),
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      reference: app.referenceNumber ?? '',
      title: app.title,
      call: lang === 'fr' ? call.titleFr : call.titleEn,
      amount: input.amountCents === null ? '' : formatMoney(input.amountCents, lang),
      requested: app.requestedAmountCents === null ? '' : formatMoney(app.requestedAmountCents, lang),
      decider: user.displayName,
    };
    const letter = await tx
      .insertInto('decisionLetter')
      .values({ applicationId: app.id, language: lang, subject: translate(lang, `mail.${template}.subject`, params), body: translate(lang, `mail.${template}.body`, params), generatedBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'decision_letter', entityId: letter.id, action: 'generate', after: { applicationId: app.id, language: lang }, requestId: meta.requestId });
    const submitter = app.submittedBy ? await tx.selectFrom('appUser').select('email').where('id', '=', app.submittedBy).executeTakeFirst() : undefined;
    for (const to of new Set([submitter?.email, org.contactEmail].filter((e): e is string => Boolean(e)))) {
      await queueMail(tx, { to, lang, template, params });
    }
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { letterId: letter.id };
  });
}
