/**
 * A recipient submits a report: the content is validated against the submission rules, a version is
 * frozen, and the officer who drafted the agreement is told.
 */import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type ActivityStatus, DomainError, periodHasEnded, reportContentInput, reportSubmissionIssues } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type MailDeps } from '../mail/mailer';
import { formatDate } from '../format';
import { type Viewer } from '../auth/resolve-session';
import { assertReportAccess, issueError, lockReport, periodLabel, submissionRules } from './access';
import { notify, person } from './notify';

export async function submitReport(
  db: Db,
  deps: MailDeps,
  user: Viewer,
  meta: RequestMeta,
  input: { reportId: string; revision: number },
  today: string,
): Promise<{ revision: number }> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const r = await lockReport(tx, input.reportId);
    // The agreement, the period and the organisation's names in one read.
    const a = await tx
      .selectFrom('agreement as a')
      .innerJoin('reportingPeriod as p', 'p.agreementId', 'a.id')
      .innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .select(['a.id', 'a.organisationId', 'a.referenceNumber', 'a.createdBy', 'p.periodStart', 'p.periodEnd', 'p.isFinal', 'o.legalNameEn', 'o.legalNameFr'])
      .where('a.id', '=', r.agreementId)
      .where('p.id', '=', r.periodId)
      .executeTakeFirstOrThrow();
    const period = { periodStart: a.periodStart, periodEnd: a.periodEnd, isFinal: a.isFinal };
    const org = { legalNameEn: a.legalNameEn, legalNameFr: a.legalNameFr };
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'reportId');
    // The revision the recipient worked from: a second click, another tab or a retry finds it moved on.
    if (r.revision !== input.revision || (r.status !== 'draft' && r.status !== 'returned')) {
      throw new DomainError('CONFLICT', 'error.report.alreadySubmitted', 'reportId');
    }
    if (!periodHasEnded(period.periodEnd, today)) {
      throw new DomainError('BAD_INPUT', period.isFinal ? 'error.report.finalBeforeEnd' : 'error.report.periodNotEnded', 'reportId', { date: { en: formatDate(new Date(`${period.periodEnd}T12:00:00Z`), 'en'), fr: formatDate(new Date(`${period.periodEnd}T12:00:00Z`), 'fr') } });
    }
    const parsed = reportContentInput.safeParse(r.draft);
    if (!parsed.success) throw new DomainError('BAD_INPUT', 'error.report.incomplete', 'reportId');
    const content = parsed.data;
    const issues = reportSubmissionIssues(content, await submissionRules(tx, a.id, period.isFinal));
    if (issues.length > 0) throw issueError(issues[0]!);
    const revision = r.revision + 1;
    await tx.insertInto('progressReportRevision').values({ reportId: r.id, revision, content: JSON.stringify(content), submittedBy: user.id }).execute();
    const values = content.indicators.filter((i) => i.value !== null);
    if (values.length > 0) {
      await tx.insertInto('reportIndicatorValue').values(values.map((i) => ({ reportId: r.id, revision, indicatorId: i.indicatorId, value: i.value ?? '0' }))).execute();
      const breakdown = values.flatMap((i) => i.breakdown.map((b) => ({ reportId: r.id, revision, indicatorId: i.indicatorId, dimension: b.dimension, category: b.category, count: b.count })));
      if (breakdown.length > 0) await tx.insertInto('reportIndicatorBreakdown').values(breakdown).execute();
    }
    const activities = content.activities.filter((x): x is typeof x & { status: ActivityStatus } => x.status !== null);
    if (activities.length > 0) {
      await tx
        .insertInto('reportActivityStatus')
        .values(activities.map((x) => ({ reportId: r.id, revision, milestoneKey: x.milestoneKey, status: x.status, reason: x.reason, newExpectedDate: x.newExpectedDate })))
        .execute();
    }
    await tx.updateTable('progressReport').set({ status: 'submitted', revision, updatedAt: new Date() }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: r.id, action: 'submit', before: { status: r.status, revision: r.revision }, after: { status: 'submitted', revision }, requestId: meta.requestId });
    await notify(tx, deps, await person(tx, a.createdBy), 'report_submitted', { agreementId: a.id, reportId: r.id, link: `/reports/${r.id}` }, (lang) => ({
      reference: a.referenceNumber,
      organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      period: periodLabel(period, lang),
    }));
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { revision };
  });
}
