/**
 * A recipient opens the report of a reporting period of an active agreement: an empty draft made from
 * the report plan, or the one already there.
 */import { inTransaction, recordAudit, type Db } from '@tp/db';
import { DomainError, emptyReportContent } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { agreementFor, assertReportAccess, planOf } from './access';

/** Opens the report of a period: the existing one, or a new draft listing the plan to report on. */
export async function openReport(db: Db, user: Viewer, meta: RequestMeta, periodId: string): Promise<{ reportId: string }> {
  return inTransaction(db, async ({ tx }) => {
    const period = await tx.selectFrom('reportingPeriod').selectAll().where('id', '=', periodId).forUpdate().executeTakeFirst();
    if (!period || period.cancelledAt) throw new DomainError('NOT_FOUND', 'error.report.notFound', 'periodId');
    const a = await agreementFor(tx, period.agreementId);
    if (assertReportAccess(user, a.organisationId) !== 'owner') throw new DomainError('FORBIDDEN', 'error.report.recipientOnly', 'periodId');
    if (a.status !== 'active') throw new DomainError('CONFLICT', 'error.report.agreementNotActive', 'periodId');
    const existing = await tx.selectFrom('progressReport').select('id').where('periodId', '=', periodId).executeTakeFirst();
    if (existing) return { reportId: existing.id };
    const plan = await planOf(tx, a.id);
    const content = emptyReportContent(plan.milestones.map((m) => m.key), plan.indicators.map((i) => i.id));
    const created = await tx
      .insertInto('progressReport')
      .values({ periodId, agreementId: a.id, draft: JSON.stringify(content), createdBy: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'progress_report', entityId: created.id, action: 'create', after: { periodId }, requestId: meta.requestId });
    return { reportId: created.id };
  });
}
