/**
 * Hand-offs of a claim, told to the people who act next or are waiting (issue 18): when a claim is
 * certified, the finance officers who release payments (and the recipient); when it is rejected,
 * the recipient with the reason; when the payment is released, the recipient. Each in the person's
 * language, queued in the same transaction as the act (the outbox), so a notice is never sent for
 * an act that did not happen.
 */
import { type Tx } from '@tp/db';
import { formatMoney, RECIPIENTS, RELEASERS, type Role } from '@tp/domain';
import { queueMail, type MailDeps, type MailToQueue } from '../mail/mailer';

type ClaimEvent = 'claimToRelease' | 'claimCertified' | 'claimRejected' | 'claimPaid';

async function people(tx: Tx, roles: readonly Role[], organisationId: string | null) {
  let q = tx
    .selectFrom('membership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select(['u.email', 'u.displayName', 'u.preferredLanguage'])
    .distinct()
    .where('m.role', 'in', roles)
    .where('u.status', '=', 'active');
  if (organisationId) q = q.where('m.organisationId', '=', organisationId);
  return q.execute();
}

export async function claimHandOff(
  tx: Tx,
  deps: MailDeps,
  claim: { id: string; referenceNumber: string; agreementId: string },
  event: 'certified' | 'rejected' | 'paid',
  details: { amountCents: bigint; reason?: string },
): Promise<number> {
  const a = await tx
    .selectFrom('agreement')
    .innerJoin('organisation as o', 'o.id', 'agreement.organisationId')
    .select(['agreement.referenceNumber', 'agreement.organisationId', 'o.legalNameEn', 'o.legalNameFr'])
    .where('agreement.id', '=', claim.agreementId)
    .executeTakeFirstOrThrow();
  const sends: { template: ClaimEvent; to: Awaited<ReturnType<typeof people>> }[] = [];
  if (event === 'certified') {
    sends.push({ template: 'claimToRelease', to: await people(tx, RELEASERS, null) });
    sends.push({ template: 'claimCertified', to: await people(tx, RECIPIENTS, a.organisationId) });
  } else {
    sends.push({ template: event === 'rejected' ? 'claimRejected' : 'claimPaid', to: await people(tx, RECIPIENTS, a.organisationId) });
  }
  let count = 0;
  for (const { template, to } of sends) {
    for (const p of to) {
      const lang = p.preferredLanguage;
      const mail: MailToQueue = {
        to: p.email,
        lang,
        template,
        params: {
          name: p.displayName,
          claim: claim.referenceNumber,
          agreement: a.referenceNumber,
          organisation: lang === 'fr' ? a.legalNameFr : a.legalNameEn,
          amount: formatMoney(details.amountCents, lang),
          reason: details.reason ?? '',
          link: `${deps.config.appUrl}/claims/${claim.id}`,
        },
      };
      await queueMail(tx, mail);
      count++;
    }
  }
  return count;
}
