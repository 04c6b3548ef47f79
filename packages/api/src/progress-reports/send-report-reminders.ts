/**
 * The reminders job: notices before a report is due and once it is overdue, each sent exactly once.
 */import { inTransaction, type Db } from '@tp/db';
import { reachedThresholds } from '@tp/domain';
import { type MailDeps } from '../mail/mailer';
import { formatDate } from '../format';
import { notify, person, recipientPeople } from './notify';
import { periodLabel } from './access';

/**
 * Sends the reminders due by `today`: two weeks and three days before a report is due, and once
 * it is overdue. The reminder row is written first, in the same transaction as the notices, and
 * its primary key (period, threshold) lets only one run write it: running twice, or on two
 * servers at once, sends each reminder exactly once.
 */
export async function runReportReminders(db: Db, deps: MailDeps, today: string): Promise<{ sent: number }> {
  const outstanding = await db
    .selectFrom('reportingPeriod as p')
    .innerJoin('agreement as a', 'a.id', 'p.agreementId')
    .leftJoin('progressReport as r', 'r.periodId', 'p.id')
    .select(['p.id', 'p.periodStart', 'p.periodEnd', 'p.dueDate', 'a.id as agreementId', 'a.organisationId', 'a.referenceNumber', 'a.createdBy', 'r.id as reportId'])
    .where('a.status', '=', 'active')
    .where('p.cancelledAt', 'is', null)
    .where('p.dueDate', '<=', addDays(today, 14))
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]))
    .execute();
  let sent = 0;
  for (const p of outstanding) {
    for (const threshold of reachedThresholds(p.dueDate, today)) {
      const wrote = await inTransaction(db, async ({ tx }) => {
        const inserted = await tx.insertInto('reportReminder').values({ periodId: p.id, threshold }).onConflict((oc) => oc.doNothing()).returning('periodId').executeTakeFirst();
        if (!inserted) return false;
        const people = await recipientPeople(tx, p.organisationId);
        const overdue = threshold === 'overdue';
        const link = p.reportId ? `/reports/${p.reportId}` : '/my-reports';
        const params = (lang: 'en' | 'fr') => ({
          reference: p.referenceNumber,
          period: periodLabel(p, lang),
          due: formatDate(new Date(`${p.dueDate}T12:00:00Z`), lang),
        });
        await notify(tx, deps, people, overdue ? 'report_overdue' : 'report_due_soon', { agreementId: p.agreementId, reportId: p.reportId, link }, params);
        // The officer hears of an overdue report too.
        if (overdue) await notify(tx, deps, await person(tx, p.createdBy), 'report_overdue', { agreementId: p.agreementId, reportId: p.reportId, link: '/reports' }, params);
        return true;
      });
      if (wrote) sent += 1;
    }
  }
  if (sent > 0) await deps.mailer.deliver(db);
  return { sent };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
