/**
 * A recipient saves the draft of a report (autosaved: each save replaces the draft).
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, type ReportContent, reportContentErrors, type ReportIssue, reportSubmissionIssues } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { agreementFor, assertReportAccess, issueError, lockReport, submissionRules } from './access';

export async function saveReportDraft(db: Db, user: Viewer, meta: RequestMeta, input: { reportId: string; content: ReportContent }): Promise<{ savedAt: Date; issues: ReportIssue[] }> {
  return inTransaction(db, async ({ tx }) => {
    const r = await lockReport(tx, input.reportId);
    const a = await agreementFor(tx, r.agreementId);
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'reportId');
    if (r.status !== 'draft' && r.status !== 'returned') throw new DomainError('CONFLICT', 'error.report.notEditable', 'reportId');
    const period = await tx.selectFrom('reportingPeriod').select('isFinal').where('id', '=', r.periodId).executeTakeFirstOrThrow();
    const rules = await submissionRules(tx, a.id, period.isFinal);
    const wrong = reportContentErrors(input.content, rules);
    if (wrong.length > 0) throw issueError(wrong[0]!);
    const savedAt = new Date();
    await tx.updateTable('progressReport').set({ draft: JSON.stringify(input.content), draftSavedAt: savedAt, draftSavedBy: user.id, updatedAt: savedAt }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: r.id, action: 'save', after: input.content, requestId: meta.requestId });
    // What submission would still refuse, to show beside the form as the recipient works.
    return { savedAt, issues: reportSubmissionIssues(input.content, rules) };
  });
}
