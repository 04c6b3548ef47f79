/**
 * An officer proposes an amendment to an agreement in force: a new version of its terms, checked
 * against the program's limits and against what was already paid in each fiscal year.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type AgreementTerms, amendmentKind, amendmentMoneyIssues, changedSections, DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { checkTermsAgainstProgram, issueError, loadTerms, termsColumns, writeTermsParts } from './terms';
import { assertStatus, currentVersionRow, lockAgreement, paidByFiscalYear } from './access';
import { closedFiscalYearsFor } from '../claims/journal';

export async function proposeAmendment(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; basedOnVersion: number; reason: string; terms: AgreementTerms },
): Promise<{ version: number }> {
  return inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    if (input.basedOnVersion !== a.currentVersion) {
      throw new DomainError('CONFLICT', 'error.amendment.stale', 'basedOnVersion', { current: a.currentVersion });
    }
    const pending = await tx.selectFrom('agreementVersion').select('version').where('agreementId', '=', a.id).where('status', 'in', ['draft', 'proposed']).executeTakeFirst();
    if (pending) throw new DomainError('CONFLICT', 'error.amendment.pending', 'agreementId', { version: pending.version });
    await checkTermsAgainstProgram(tx, a.programId, input.terms);
    const current = await currentVersionRow(tx, a.id, a.currentVersion);
    const previous = await loadTerms(tx, current.id);
    // Milestones keep their keys; a key the agreement never had is refused.
    const knownKeys = new Set(previous.milestones.map((m) => m.key));
    const badKey = input.terms.milestones.findIndex((m) => m.key !== undefined && !knownKeys.has(m.key));
    if (badKey >= 0) throw new DomainError('BAD_INPUT', 'error.invalid', `terms.milestones.${badKey}.key`);
    if (changedSections(previous, input.terms).length === 0) throw new DomainError('BAD_INPUT', 'error.amendment.noChange', 'terms');
    const [paid, closed] = await Promise.all([
      paidByFiscalYear(tx, a.id),
      closedFiscalYearsFor(tx, a.programId),
    ]);
    const moneyIssues = amendmentMoneyIssues(previous.fiscalYears, input.terms.fiscalYears, paid, closed);
    if (moneyIssues.length > 0) throw issueError(moneyIssues[0]!);
    const versionNumber = (await tx.selectFrom('agreementVersion').select((eb) => eb.fn.max('version').as('v')).where('agreementId', '=', a.id).executeTakeFirstOrThrow()).v + 1;
    const inserted = await tx
      .insertInto('agreementVersion')
      .values({
        agreementId: a.id,
        version: versionNumber,
        status: 'draft',
        basedOnVersion: a.currentVersion,
        reason: input.reason,
        createdBy: user.id,
        ...termsColumns(input.terms),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTermsParts(tx, inserted.id, input.terms);
    await tx.updateTable('agreementVersion').set({ status: 'proposed' }).where('id', '=', inserted.id).execute();
    await tx.updateTable('agreement').set({ updatedAt: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement_amendment',
      entityId: a.id,
      action: 'propose',
      before: { version: a.currentVersion },
      after: { version: versionNumber, kind: amendmentKind(previous, input.terms), reason: input.reason, changed: changedSections(previous, input.terms) },
      requestId: meta.requestId,
    });
    return { version: versionNumber };
  });
}
