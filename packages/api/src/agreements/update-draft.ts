/**
 * An officer changes the terms of an agreement still in draft; they are checked against the
 * program's limits again.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type AgreementTerms } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { checkTermsAgainstProgram, loadTerms, termsColumns, writeTermsParts } from './terms';
import { assertStatus, currentVersionRow, lockAgreement } from './access';

export async function updateDraft(db: Db, user: Viewer, meta: RequestMeta, input: { agreementId: string; terms: AgreementTerms }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'draft');
    await checkTermsAgainstProgram(tx, a.programId, input.terms);
    const v = await currentVersionRow(tx, a.id, a.currentVersion);
    const before = await loadTerms(tx, v.id);
    for (const table of ['agreementBudgetLine', 'agreementFiscalYear', 'agreementVersionPillar', 'agreementMilestone', 'agreementIndicator', 'agreementOtherFunding'] as const) {
      await tx.deleteFrom(table).where('versionId', '=', v.id).execute();
    }
    await tx.updateTable('agreementVersion').set(termsColumns(input.terms)).where('id', '=', v.id).execute();
    await writeTermsParts(tx, v.id, input.terms);
    await tx.updateTable('agreement').set({ updatedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: 'update', before, after: input.terms, requestId: meta.requestId });
  });
}
