/**
 * Reporting periods generated from an active agreement's schedule, in the transaction that signs or
 * amends it: periods already reported on are kept, those that no longer fit are cancelled.
 */import { type Tx } from '@tp/db';
import { reportingSchedule } from '@tp/domain';

/**
 * Brings an agreement's reporting periods in line with its terms in force: new periods are
 * added, a period whose dates changed is updated, and a period no longer in the schedule is
 * cancelled, unless a report was already submitted for it (what was reported stays).
 */
export async function syncReportingPeriods(tx: Tx, agreementId: string): Promise<void> {
  const a = await tx.selectFrom('agreement').select(['id', 'currentVersion']).where('id', '=', agreementId).executeTakeFirstOrThrow();
  const v = await tx
    .selectFrom('agreementVersion')
    .select(['startDate', 'endDate', 'reportingFrequency'])
    .where('agreementId', '=', agreementId)
    .where('version', '=', a.currentVersion)
    .executeTakeFirstOrThrow();
  const schedule = reportingSchedule(v.startDate, v.endDate, v.reportingFrequency);
  const existing = await tx
    .selectFrom('reportingPeriod')
    .leftJoin('progressReport', 'progressReport.periodId', 'reportingPeriod.id')
    .select(['reportingPeriod.id', 'reportingPeriod.periodStart', 'reportingPeriod.periodEnd', 'reportingPeriod.isFinal', 'reportingPeriod.cancelledAt', 'progressReport.revision'])
    .where('reportingPeriod.agreementId', '=', agreementId)
    .execute();
  const reported = (p: (typeof existing)[number]) => (p.revision ?? 0) > 0;
  const wanted = new Map(schedule.map((p) => [p.start, p]));
  // First cancel or un-final what no longer fits, so that at most one final period exists at any time.
  for (const p of existing) {
    if (p.cancelledAt || reported(p)) continue;
    const next = wanted.get(p.periodStart);
    if (!next) await tx.updateTable('reportingPeriod').set({ cancelledAt: new Date() }).where('id', '=', p.id).execute();
    else if (p.isFinal && !next.final) await tx.updateTable('reportingPeriod').set({ isFinal: false }).where('id', '=', p.id).execute();
  }
  for (const next of schedule) {
    const p = existing.find((e) => e.periodStart === next.start);
    if (!p) {
      await tx
        .insertInto('reportingPeriod')
        .values({ agreementId, fiscalYear: next.fiscalYear, periodStart: next.start, periodEnd: next.end, dueDate: next.dueDate, isFinal: next.final })
        .execute();
    } else if (!reported(p)) {
      await tx
        .updateTable('reportingPeriod')
        .set({ periodEnd: next.end, dueDate: next.dueDate, isFinal: next.final, fiscalYear: next.fiscalYear, cancelledAt: null })
        .where('id', '=', p.id)
        .execute();
    }
  }
}
