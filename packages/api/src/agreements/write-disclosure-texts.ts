/**
 * The officer completes what the proactive disclosure publishes about an agreement beyond its
 * English terms: the French title and description and the expected results in both languages, on
 * the current version, after draft (in a draft they are part of the terms form). They are not terms,
 * so the database lets these four columns change on a version out of draft and nothing else
 * (2026-12-04T20-30-00Z-disclosure-texts-after-draft). Audited before and after.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { agreementActions, DomainError, type WriteDisclosureTextsInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { currentVersionRow, lockAgreement } from './access';

const given = (text: string): string | null => (text.trim() === '' ? null : text);

export async function writeDisclosureTexts(db: Db, user: Viewer, meta: RequestMeta, input: WriteDisclosureTextsInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    if (!agreementActions({ status: a.status, createdBy: a.createdBy, access: 'staff', pendingAmendment: null }, user).includes('writeDisclosure')) {
      throw new DomainError('CONFLICT', 'error.agreement.disclosureInDraft', 'agreementId');
    }
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    const after = { titleFr: given(input.titleFr), descriptionFr: given(input.descriptionFr), expectedResultsEn: given(input.expectedResultsEn), expectedResultsFr: given(input.expectedResultsFr) };
    await tx.updateTable('agreementVersion').set(after).where('id', '=', v.id).execute();
    const before = { titleFr: v.titleFr, descriptionFr: v.descriptionFr, expectedResultsEn: v.expectedResultsEn, expectedResultsFr: v.expectedResultsFr };
    await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: 'disclosure.texts', before: { version: v.version, ...before }, after: { version: v.version, ...after }, requestId: meta.requestId });
  });
}
