/**
 * The tables the database keeps from others (reporting tallies, agreements in force per year and
 * indicator, years of the terms, money per agreement and year), counted again from their sources: how many rows differ either
 * way. Zero when every trigger kept them.
 */
import type { Db } from '@tp/db';
import { LEDGER_KINDS } from '@tp/domain';
import { sql } from 'kysely';

/** Every kind of the journal has its column in agreement_year_money: a new kind without one fails the recount. */
const KINDS = LEDGER_KINDS;
/** agreement_year_money's columns in the order the recount below gives them. */
const keptMoney = sql.raw(
  ['agreement_id', 'fiscal_year', 'program_id', 'reference_number', 'organisation_id', 'agreement_status', 'in_terms', 'budget_cents', 'terms_last_year', 'holdback_cents', 'holdback_released_total_cents', 'entries', ...KINDS.map((k) => `${k}_cents`), 'claimed_cents', 'certified_cents'].join(', '),
);

export async function derivedRowsAstray(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with tally as (
      select rp.agreement_id, rp.fiscal_year, a.program_id,
             (count(*) filter (where rp.cancelled_at is null))::int as periods,
             (count(*) filter (where rp.cancelled_at is null and pr.status = 'accepted'))::int as accepted,
             (count(*) filter (where rp.cancelled_at is null and pr.status in ('submitted', 'returned')))::int as in_review,
             (count(*) filter (where rp.cancelled_at is null and (pr.id is null or pr.status = 'draft')))::int as not_filed,
             min(rp.due_date) filter (where rp.cancelled_at is null) as first_due_date,
             max(rp.due_date) filter (where rp.cancelled_at is null) as last_due_date,
             min(rp.due_date) filter (where rp.cancelled_at is null and pr.status is distinct from 'accepted') as first_open_due_date
      from reporting_period rp join agreement a on a.id = rp.agreement_id left join progress_report pr on pr.period_id = rp.id
      group by 1, 2, 3
    ), in_force as (
      select a.id as agreement_id, fy.fiscal_year, ai.indicator_id, a.program_id, v.id as version_id, ai.target_value
      from agreement a join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
        join agreement_fiscal_year fy on fy.version_id = v.id join agreement_indicator ai on ai.version_id = v.id
      where a.status in ('active', 'closed', 'terminated')
    ), term_years as (
      select distinct a.id as agreement_id, y.fiscal_year, a.program_id
      from agreement_fiscal_year y join agreement_version v on v.id = y.version_id join agreement a on a.id = v.agreement_id
    ), money as (
      -- Every row kept, counted again from the terms in force, the journal and the claims.
      select k.agreement_id, k.fiscal_year, a.program_id, a.reference_number, a.organisation_id, a.status as agreement_status, y.version_id is not null as in_terms, coalesce(y.amount_cents, 0)::bigint as budget_cents,
             (select max(fiscal_year) from agreement_fiscal_year where version_id = v.id) as terms_last_year, coalesce(v.holdback_cents, 0)::bigint as holdback_cents,
             (select coalesce(sum(amount_cents), 0) from ledger_entry l where l.agreement_id = k.agreement_id and l.kind = 'holdback_released')::bigint as holdback_released_total_cents,
             (select count(*) from ledger_entry l where l.agreement_id = k.agreement_id and l.fiscal_year = k.fiscal_year)::int as entries,
             ${sql.join(
               KINDS.map(
                 (kind) => sql`(select coalesce(sum(amount_cents), 0) from ledger_entry l where l.agreement_id = k.agreement_id and l.fiscal_year = k.fiscal_year and l.kind = ${kind})::bigint`,
               ),
             )},
             (select coalesce(sum(requested_cents), 0) from claim c where c.agreement_id = k.agreement_id and c.fiscal_year = k.fiscal_year and c.status <> 'rejected')::bigint as claimed_cents,
             (select coalesce(sum(certified_cents), 0) from claim c where c.agreement_id = k.agreement_id and c.fiscal_year = k.fiscal_year and c.status <> 'rejected')::bigint as certified_cents
      from agreement_year_money k join agreement a on a.id = k.agreement_id
        left join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
        left join agreement_fiscal_year y on y.version_id = v.id and y.fiscal_year = k.fiscal_year
    ), money_keys as (
      select v.agreement_id, f.fiscal_year from agreement_fiscal_year f join agreement_version v on v.id = f.version_id join agreement a on a.id = v.agreement_id and a.current_version = v.version
      union select agreement_id, fiscal_year from ledger_entry
      union select agreement_id, fiscal_year from claim
    ), kept as (
      select agreement_id, fiscal_year, program_id, periods, accepted, in_review, not_filed, first_due_date, last_due_date, first_open_due_date
      from reporting_year_tally t
      -- A year whose periods all moved to another year keeps a row of zeros: nothing to compare.
      where t.periods > 0 or exists (select 1 from reporting_period rp where rp.agreement_id = t.agreement_id and rp.fiscal_year = t.fiscal_year)
    )
    select ((select count(*) from (select * from tally except select * from kept) d)
          + (select count(*) from (select * from kept except select * from tally) d)
          + (select count(*) from (select * from in_force except select agreement_id, fiscal_year, indicator_id, program_id, version_id, target_value from agreement_year_indicator) d)
          + (select count(*) from (select agreement_id, fiscal_year, indicator_id, program_id, version_id, target_value from agreement_year_indicator except select * from in_force) d)
          + (select count(*) from (select * from term_years except select agreement_id, fiscal_year, program_id from agreement_term_year) d)
          + (select count(*) from (select agreement_id, fiscal_year, program_id from agreement_term_year except select * from term_years) d)
          + (select count(*) from (select * from money except select ${keptMoney} from agreement_year_money) d)
          + (select count(*) from (select ${keptMoney} from agreement_year_money except select * from money) d)
          -- Every agreement-year with terms, entries or claims has its row.
          + (select count(*) from (select * from money_keys except select agreement_id, fiscal_year from agreement_year_money) d))::int as n`.execute(db);
  return rows[0]!.n;
}
