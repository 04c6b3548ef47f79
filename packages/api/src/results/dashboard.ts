/**
 * Home dashboards: what each role acts on first. Officers: overdue reports, delayed activities,
 * agreements at risk, claims to certify. Finance: claims to release, advances not yet accounted
 * for and what may lapse, by fiscal year. Recipients: payments received (their indicators come
 * from the results service, their reports due from the reports service).
 */
import type { Db } from '@tp/db';
import { sql } from 'kysely';
import type { Viewer } from '../auth/resolve-session';
import { PAYMENT_KINDS } from '@tp/domain';

export async function officerDashboard(db: Db, today: string) {
  const [overdue, delayed, atRisk, toCertify] = await Promise.all([
    sql<{ agreementId: string; referenceNumber: string; organisationNameEn: string; organisationNameFr: string; dueDate: string; daysLate: number }>`
      select a.id as "agreementId", a.reference_number as "referenceNumber", o.legal_name_en as "organisationNameEn", o.legal_name_fr as "organisationNameFr",
             to_char(rp.due_date, 'YYYY-MM-DD') as "dueDate", (${today}::date - rp.due_date) as "daysLate"
      from reporting_period rp
        join agreement a on a.id = rp.agreement_id and a.status = 'active'
        join organisation o on o.id = a.organisation_id
        left join progress_report pr on pr.period_id = rp.id
      where rp.cancelled_at is null and rp.due_date < ${today}::date and (pr.id is null or pr.status in ('draft', 'returned'))
      order by rp.due_date`.execute(db),
    sql<{ count: number }>`
      select count(*)::int as count
      from agreement a
        join lateral (
          select pr.id, pr.revision from progress_report pr join reporting_period rp on rp.id = pr.period_id
          where pr.agreement_id = a.id and pr.revision > 0 order by rp.period_end desc limit 1
        ) latest on true
        join report_activity_status s on s.report_id = latest.id and s.revision = latest.revision and s.status = 'delayed'
      where a.status = 'active'`.execute(db),
    sql<{ agreementId: string; referenceNumber: string; organisationNameEn: string; organisationNameFr: string; riskLevel: string; overdue: number }>`
      select a.id as "agreementId", a.reference_number as "referenceNumber", o.legal_name_en as "organisationNameEn", o.legal_name_fr as "organisationNameFr",
             v.risk_level as "riskLevel",
             (select count(*)::int from reporting_period rp left join progress_report pr on pr.period_id = rp.id
               where rp.agreement_id = a.id and rp.cancelled_at is null and rp.due_date < ${today}::date
                 and (pr.id is null or pr.status in ('draft', 'returned'))) as overdue
      from agreement a
        join organisation o on o.id = a.organisation_id
        join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
      where a.status = 'active'`.execute(db),
    sql<{ count: number }>`select count(*)::int as count from claim where status = 'submitted'`.execute(db),
  ]);
  const risky = atRisk.rows.filter((r) => r.riskLevel === 'high' || r.overdue >= 2).sort((a, b) => b.overdue - a.overdue || a.referenceNumber.localeCompare(b.referenceNumber));
  return {
    overdueReports: overdue.rows.length,
    overdueList: overdue.rows.sort((a, b) => b.daysLate - a.daysLate).slice(0, 5),
    delayedActivities: delayed.rows[0]?.count ?? 0,
    agreementsAtRisk: risky.length,
    atRiskList: risky.slice(0, 5),
    claimsToCertify: toCertify.rows[0]?.count ?? 0,
  };
}

export async function financeDashboard(db: Db, currentFiscalYear: string) {
  const [toRelease, byYear] = await Promise.all([
    sql<{ count: number; amount: string | null }>`select count(*)::int as count, sum(certified_cents)::text as amount from claim where status = 'certified'`.execute(db),
    sql<{ fiscalYear: string; advancesOutstanding: string; committed: string; paid: string }>`
      select l.fiscal_year as "fiscalYear",
             (coalesce(sum(l.amount_cents) filter (where l.kind = 'advance_paid'), 0) - coalesce(sum(l.amount_cents) filter (where l.kind = 'advance_reconciled'), 0))::text as "advancesOutstanding",
             (coalesce(sum(l.amount_cents) filter (where l.kind = 'commitment'), 0) - coalesce(sum(l.amount_cents) filter (where l.kind = 'lapse'), 0))::text as committed,
             coalesce(sum(l.amount_cents) filter (where l.kind in ('advance_paid', 'reimbursement_paid')), 0)::text as paid
      from ledger_entry l join agreement a on a.id = l.agreement_id and a.status = 'active'
        join fiscal_year f on f.label = l.fiscal_year and f.status = 'open'
      where l.fiscal_year >= ${currentFiscalYear}
      group by l.fiscal_year order by l.fiscal_year`.execute(db),
  ]);
  return {
    claimsToRelease: toRelease.rows[0]?.count ?? 0,
    claimsToReleaseCents: BigInt(toRelease.rows[0]?.amount ?? '0'),
    years: byYear.rows.map((r) => ({
      fiscalYear: r.fiscalYear,
      advancesOutstandingCents: BigInt(r.advancesOutstanding),
      // What would lapse if nothing more were paid this year.
      unpaidCommittedCents: BigInt(r.committed) - BigInt(r.paid),
    })),
  };
}

export async function recipientPayments(db: Db, user: Pick<Viewer, 'organisationIds'>) {
  if (user.organisationIds.length === 0) return { totalCents: 0n, recent: [] };
  const rows = await db
    .selectFrom('ledgerEntry')
    .innerJoin('agreement', 'agreement.id', 'ledgerEntry.agreementId')
    .select(['ledgerEntry.id', 'agreement.referenceNumber', 'ledgerEntry.fiscalYear', 'ledgerEntry.kind', 'ledgerEntry.amountCents', 'ledgerEntry.createdAt'])
    .where('agreement.organisationId', 'in', user.organisationIds)
    .where('ledgerEntry.kind', 'in', PAYMENT_KINDS)
    .orderBy('ledgerEntry.id', 'desc')
    .execute();
  return { totalCents: rows.reduce((s, r) => s + r.amountCents, 0n), recent: rows.slice(0, 10) };
}
