/**
 * An officer sends a drafted agreement to the recipient for signature, and the recipient's signers
 * are told by email.
 */
import { inTransaction, type Db } from '@tp/db';
import { formatMoney } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type MailDeps } from '../mail/mailer';
import { type Viewer } from '../auth/resolve-session';
import { assertStatus, currentVersionRow, lockAgreement, mailRecipients, moveAgreement } from './access';

export async function sendForSignature(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'draft');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    await tx.updateTable('agreementVersion').set({ status: 'proposed' }).where('id', '=', v.id).execute();
    await moveAgreement(tx, user, meta, a, 'sent_for_signature', { sentAt: new Date(), sentBy: user.id });
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    await mailRecipients(tx, deps, a, 'agreementSent', (lang) => ({
      title: v.title,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      amount: formatMoney(v.totalCents, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}
