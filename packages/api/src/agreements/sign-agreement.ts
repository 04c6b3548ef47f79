/**
 * Signing: the recipient's signing authority signs first (only for a verified organisation), then
 * someone whose delegated authority covers the amount signs for the department and the agreement
 * becomes active, with its reporting periods. Nobody signs their own work.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { departmentSignatureRefusal, DomainError, formatMoney, holds, RECIPIENTS } from '@tp/domain';
import type { RequestMeta } from '../context';
import { noticeToSigners } from '../delegation/queue';
import { whoCanAct } from '../delegation/who-can-act';
import { type MailDeps } from '../mail/mailer';
import { formatDate } from '../format';
import { type Viewer } from '../auth/resolve-session';
import { syncReportingPeriods } from '../progress-reports/sync-reporting-periods';
import { assertStatus, authorityFor, currentVersionRow, isAgreementStaff, journalCommitments, lockAgreement, mailRecipients, moveAgreement } from './access';

export async function signAsRecipient(
  db: Db,
  deps: MailDeps,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; signerName: string; signerTitle: string },
): Promise<{ signedAt: Date }> {
  return inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    if (!user.organisationIds.includes(a.organisationId) || !holds(user, RECIPIENTS)) {
      if (isAgreementStaff(user)) throw new DomainError('FORBIDDEN', 'error.agreement.notRecipientSigner', 'agreementId');
      throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
    }
    assertStatus(a, 'sent_for_signature');
    const org = await tx.selectFrom('organisation').select('verifiedAt').where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    if (!org.verifiedAt) throw new DomainError('FORBIDDEN', 'error.agreement.organisationNotVerified', 'agreementId');
    const signedAt = new Date();
    await moveAgreement(tx, user, meta, a, 'recipient_signed', {
      recipientSignedAt: signedAt,
      recipientSignedBy: user.id,
      recipientSignerName: input.signerName,
      recipientSignerTitle: input.signerTitle,
    });
    // The people it now waits for are told (the lowest position whose limit covers it).
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    await noticeToSigners(tx, deps, a, v);
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement',
      entityId: a.id,
      action: 'sign.recipient',
      after: { signerName: input.signerName, signerTitle: input.signerTitle, signedAt: signedAt.toISOString(), version: a.currentVersion, ip: meta.ip ?? null },
      requestId: meta.requestId,
    });
    return { signedAt };
  });
}

/** The department signs within the signer's delegated authority; the money is committed year by year. */
export async function signForDepartment(db: Db, deps: MailDeps, user: Viewer, meta: RequestMeta, agreementId: string): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const a = await lockAgreement(tx, agreementId);
    assertStatus(a, 'recipient_signed');
    const ownDraft = departmentSignatureRefusal(a, user.id);
    if (ownDraft) throw new DomainError('FORBIDDEN', ownDraft, 'agreementId');
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    const authority = await authorityFor(tx, user, a.programId);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.agreement.signatureNoAuthority', 'agreementId');
    if (v.totalCents > authority.maxAmountCents) {
      throw new DomainError('FORBIDDEN', 'error.agreement.signatureAboveLimit', 'agreementId', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
        who: await whoCanAct(tx, a.programId, v.totalCents, user.id),
      });
    }
    await tx.updateTable('agreementVersion').set({ status: 'in_force' }).where('id', '=', v.id).execute();
    await moveAgreement(tx, user, meta, a, 'active', {
      departmentSignedAt: new Date(),
      departmentSignedBy: user.id,
      departmentSignerRole: authority.role,
      departmentSignerLimitCents: authority.maxAmountCents,
    });
    await syncReportingPeriods(tx, a.id);
    const years = await tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', v.id).execute();
    await journalCommitments(tx, a, v.version, years, 'signature', user.id);
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement',
      entityId: a.id,
      action: 'sign.department',
      after: { role: authority.role, limitCents: authority.maxAmountCents, totalCents: v.totalCents, version: v.version },
      requestId: meta.requestId,
    });
    const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    const signedAt = new Date();
    await mailRecipients(tx, deps, a, 'agreementActive', (lang) => ({
      title: v.title,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      date: formatDate(signedAt, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}
