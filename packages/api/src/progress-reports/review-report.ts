/**
 * An officer reviews a submitted report: accepts it (with the milestone approvals) or returns it with
 * comments per section; never one's own. The recipient is told.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, reportReviewRefusal, type ReportSection } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type MailDeps } from '../mail/mailer';
import { type Viewer } from '../auth/resolve-session';
import { agreementFor, lockReport, periodLabel, planOf } from './access';
import { notify, recipientPeople } from './notify';

export async function reviewReport(
  db: Db,
  deps: MailDeps,
  user: Viewer,
  meta: RequestMeta,
  input: { reportId: string; revision: number; outcome: 'accepted' | 'returned'; comments: Partial<Record<ReportSection, string>>; approveMilestones: string[] },
): Promise<void> {
  await inTransaction(db, async ({ tx, afterCommit }) => {
    const r = await lockReport(tx, input.reportId);
    if (r.status !== 'submitted' || r.revision !== input.revision) throw new DomainError('CONFLICT', 'error.report.notAwaitingReview', 'reportId');
    const rev = await tx.selectFrom('progressReportRevision').select(['submittedBy']).where('reportId', '=', r.id).where('revision', '=', r.revision).executeTakeFirstOrThrow();
    const ownReport = reportReviewRefusal(rev, user.id);
    if (ownReport) throw new DomainError('FORBIDDEN', ownReport, 'reportId');
    const comments = Object.fromEntries(Object.entries(input.comments).filter(([, v]) => v && v.trim() !== ''));
    if (input.outcome === 'returned' && Object.keys(comments).length === 0) throw new DomainError('BAD_INPUT', 'error.report.commentsRequired', 'comments');
    const a = await agreementFor(tx, r.agreementId);
    const plan = await planOf(tx, a.id);
    const known = new Set(plan.milestones.map((m) => m.key));
    const badMilestone = input.approveMilestones.findIndex((k) => !known.has(k));
    if (badMilestone >= 0) throw new DomainError('BAD_INPUT', 'error.report.milestoneUnknown', `approveMilestones.${badMilestone}`);
    if (input.outcome === 'returned' && input.approveMilestones.length > 0) throw new DomainError('BAD_INPUT', 'error.report.approveOnAccept', 'approveMilestones');
    const now = new Date();
    await tx
      .updateTable('progressReportRevision')
      .set({ outcome: input.outcome, comments: JSON.stringify(comments), reviewedBy: user.id, reviewedAt: now })
      .where('reportId', '=', r.id)
      .where('revision', '=', r.revision)
      .execute();
    await tx
      .updateTable('progressReport')
      .set(input.outcome === 'accepted' ? { status: 'accepted', acceptedAt: now, acceptedBy: user.id, updatedAt: now } : { status: 'returned', updatedAt: now })
      .where('id', '=', r.id)
      .execute();
    for (const key of input.approveMilestones) {
      await tx.insertInto('milestoneApproval').values({ agreementId: a.id, milestoneKey: key, reportId: r.id, approvedBy: user.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    const period = await tx.selectFrom('reportingPeriod').selectAll().where('id', '=', r.periodId).executeTakeFirstOrThrow();
    if (input.outcome === 'accepted' && period.isFinal) {
      // Accepting the final report is what allows the holdback to be released.
      await tx.updateTable('agreement').set({ finalReportAcceptedAt: now, updatedAt: now }).where('id', '=', a.id).execute();
      await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: 'holdback.releasable', after: { finalReportId: r.id }, requestId: meta.requestId });
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'progress_report',
      entityId: r.id,
      action: input.outcome === 'accepted' ? 'accept' : 'return',
      after: { revision: r.revision, comments, approvedMilestones: input.approveMilestones },
      requestId: meta.requestId,
    });
    await notify(tx, deps, await recipientPeople(tx, a.organisationId), input.outcome === 'accepted' ? 'report_accepted' : 'report_returned', { agreementId: a.id, reportId: r.id, link: `/reports/${r.id}` }, (lang) => ({
      reference: a.referenceNumber,
      period: periodLabel(period, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
  });
}
