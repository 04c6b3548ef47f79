/**
 * An amendment is approved or refused by someone else than who proposed it, within their delegated
 * authority; an approved one becomes the version in force.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { amendmentDecisionRefusal, DomainError, formatMoney } from '@tp/domain';
import type { RequestMeta } from '../context';
import { whoCanAct } from '../delegation/who-can-act';
import { type Viewer } from '../auth/resolve-session';
import { VERSION_COLUMNS } from './terms';
import { syncReportingPeriods } from '../progress-reports/sync-reporting-periods';
import { assertStatus, authorityFor, currentVersionRow, journalCommitments, lockAgreement } from './access';

export async function decideAmendment(
  db: Db,
  user: Viewer,
  meta: RequestMeta,
  input: { agreementId: string; version: number; approve: boolean; note: string },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    const v = await tx.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', input.version).executeTakeFirst();
    if (!v || v.status !== 'proposed') throw new DomainError('CONFLICT', 'error.amendment.notPending', 'version');
    const ownProposal = amendmentDecisionRefusal(v, user.id);
    if (ownProposal) throw new DomainError('FORBIDDEN', ownProposal, 'version');
    const authority = await authorityFor(tx, user, a.programId);
    if (!authority) throw new DomainError('FORBIDDEN', 'error.agreement.signatureNoAuthority', 'version');
    const decided = { decidedBy: user.id, decidedAt: new Date(), deciderRole: authority.role, deciderLimitCents: authority.maxAmountCents, decisionNote: input.note };
    if (!input.approve) {
      await tx.updateTable('agreementVersion').set({ status: 'rejected', ...decided }).where('id', '=', v.id).execute();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement_amendment', entityId: a.id, action: 'reject', after: { version: v.version, note: input.note }, requestId: meta.requestId });
      return;
    }
    if (v.totalCents > authority.maxAmountCents) {
      throw new DomainError('FORBIDDEN', 'error.amendment.aboveLimit', 'version', {
        limit: { en: formatMoney(authority.maxAmountCents, 'en'), fr: formatMoney(authority.maxAmountCents, 'fr') },
        who: await whoCanAct(tx, a.programId, v.totalCents, user.id),
      });
    }
    const current = await currentVersionRow(tx, a.id, a.currentVersion);
    const [before, after] = await Promise.all([
      tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', current.id).execute(),
      tx.selectFrom('agreementFiscalYear').select(['fiscalYear', 'amountCents']).where('versionId', '=', v.id).execute(),
    ]);
    await tx.updateTable('agreementVersion').set({ status: 'superseded' }).where('id', '=', current.id).execute();
    await tx.updateTable('agreementVersion').set({ status: 'in_force', ...decided }).where('id', '=', v.id).execute();
    await tx.updateTable('agreement').set({ currentVersion: v.version, updatedAt: new Date() }).where('id', '=', a.id).execute();
    await syncReportingPeriods(tx, a.id);
    // The commitment follows the amendment: one entry per fiscal year whose amount changed.
    const labels = new Set([...before.map((y) => y.fiscalYear), ...after.map((y) => y.fiscalYear)]);
    const deltas = [...labels].map((fiscalYear) => ({
      fiscalYear,
      amountCents: (after.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n) - (before.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n),
    }));
    await journalCommitments(tx, a, v.version, deltas, 'amendment', user.id);
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'agreement_amendment',
      entityId: a.id,
      action: 'approve',
      before: { version: current.version, totalCents: current.totalCents },
      after: { version: v.version, totalCents: v.totalCents, role: authority.role, note: input.note },
      requestId: meta.requestId,
    });
  });
}
