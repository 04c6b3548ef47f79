/**
 * Three landed migrations were edited after they had first run (see packages/db/test/migrations-lock.test.ts):
 * - 2026-11-26T16-00-00Z-reporting-year-tallies, in 329d3aa: `agreement_term_year`, its trigger and
 *   backfill were added. A database migrated before lacks them.
 * - 2026-11-26T16-30-00Z-agreement-year-money, in 1334de7: the columns reference_number,
 *   organisation_id (references organisation) and agreement_status were added, the page index got
 *   reference_number, count_agreement_year_money fills the status, and count_money_of_agreement
 *   also counts on a change of status. A database migrated before has the older table and functions.
 * - 2026-11-26T16-00-00Z-reporting-year-tallies, in 9dba98d: the backfills run through the triggers'
 *   functions; the schema is the same (and the rows were checked equal), so nothing to bring here.
 *
 * This migration brings a database migrated before those edits to the current form, and changes
 * nothing on a database migrated after them: every statement is idempotent (if not exists,
 * create or replace, fills only where a value differs).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table if not exists agreement_term_year (
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  program_id uuid not null references program (id),
  primary key (agreement_id, fiscal_year)
);
create index if not exists agreement_term_year_program_idx on agreement_term_year (program_id, fiscal_year, agreement_id);

create or replace function agreement_term_year_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into agreement_term_year (agreement_id, fiscal_year, program_id)
    select a.id, new.fiscal_year, a.program_id from agreement_version v join agreement a on a.id = v.agreement_id where v.id = new.version_id
    on conflict (agreement_id, fiscal_year) do nothing;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    delete from agreement_term_year t
    using agreement_version v
    where v.id = old.version_id and t.agreement_id = v.agreement_id and t.fiscal_year = old.fiscal_year
      and not exists (select 1 from agreement_version ov join agreement_fiscal_year y on y.version_id = ov.id
                      where ov.agreement_id = v.agreement_id and y.fiscal_year = old.fiscal_year);
  end if;
  return null;
end
$$;
create or replace trigger agreement_term_year_changed after insert or update or delete on agreement_fiscal_year
  for each row execute function agreement_term_year_changed();

insert into agreement_term_year (agreement_id, fiscal_year, program_id)
select distinct a.id, y.fiscal_year, a.program_id
from agreement_fiscal_year y join agreement_version v on v.id = y.version_id join agreement a on a.id = v.agreement_id
on conflict (agreement_id, fiscal_year) do nothing;

alter table agreement_year_money
  add column if not exists reference_number text,
  add column if not exists organisation_id uuid,
  add column if not exists agreement_status text;
update agreement_year_money m
set reference_number = a.reference_number, organisation_id = a.organisation_id, agreement_status = a.status
from agreement a
where a.id = m.agreement_id
  and (m.reference_number is distinct from a.reference_number or m.organisation_id is distinct from a.organisation_id
       or m.agreement_status is distinct from a.status);
alter table agreement_year_money
  alter column reference_number set not null,
  alter column organisation_id set not null,
  alter column agreement_status set not null;
do $$
begin
  if not exists (
    select 1 from pg_constraint
    where conrelid = 'agreement_year_money'::regclass and contype = 'f' and conname = 'agreement_year_money_organisation_id_fkey'
  ) then
    alter table agreement_year_money add constraint agreement_year_money_organisation_id_fkey
      foreign key (organisation_id) references organisation (id);
  end if;
  -- The page index in the page's order; the older one lacked reference_number.
  if not exists (
    select 1 from pg_indexes
    where indexname = 'agreement_year_money_program_idx' and indexdef like '%(fiscal_year, program_id, reference_number)%'
  ) then
    drop index if exists agreement_year_money_program_idx;
    create index agreement_year_money_program_idx on agreement_year_money (fiscal_year, program_id, reference_number) where in_terms or entries > 0;
  end if;
end
$$;

create or replace function count_agreement_year_money(target_agreement uuid, target_year text) returns void language plpgsql as $$
begin
  insert into agreement_year_money (agreement_id, fiscal_year, program_id, reference_number, organisation_id, agreement_status)
  select id, target_year, program_id, reference_number, organisation_id, status from agreement where id = target_agreement
  on conflict (agreement_id, fiscal_year) do nothing;
  perform 1 from agreement_year_money where agreement_id = target_agreement and fiscal_year = target_year for update;
  update agreement_year_money m
  set (agreement_status, in_terms, budget_cents, terms_last_year, holdback_cents, holdback_released_total_cents,
       entries, commitment_cents, advance_paid_cents, expenditure_reported_cents, advance_reconciled_cents, reimbursement_paid_cents,
       holdback_retained_cents, holdback_released_cents, overpayment_established_cents, recovery_received_cents, lapse_cents,
       claimed_cents, certified_cents) = (
    select a.status, y.version_id is not null, coalesce(y.amount_cents, 0),
           (select max(fiscal_year) from agreement_fiscal_year where version_id = v.id), coalesce(v.holdback_cents, 0),
           coalesce((select sum(amount_cents) from ledger_entry where agreement_id = target_agreement and kind = 'holdback_released'), 0),
           j.entries, j.commitment, j.advance_paid, j.expenditure_reported, j.advance_reconciled, j.reimbursement_paid,
           j.holdback_retained, j.holdback_released, j.overpayment_established, j.recovery_received, j.lapse,
           c.claimed, c.certified
    from agreement a
      left join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
      left join agreement_fiscal_year y on y.version_id = v.id and y.fiscal_year = target_year
      cross join (
        select count(*)::int as entries,
               coalesce(sum(amount_cents) filter (where kind = 'commitment'), 0) as commitment,
               coalesce(sum(amount_cents) filter (where kind = 'advance_paid'), 0) as advance_paid,
               coalesce(sum(amount_cents) filter (where kind = 'expenditure_reported'), 0) as expenditure_reported,
               coalesce(sum(amount_cents) filter (where kind = 'advance_reconciled'), 0) as advance_reconciled,
               coalesce(sum(amount_cents) filter (where kind = 'reimbursement_paid'), 0) as reimbursement_paid,
               coalesce(sum(amount_cents) filter (where kind = 'holdback_retained'), 0) as holdback_retained,
               coalesce(sum(amount_cents) filter (where kind = 'holdback_released'), 0) as holdback_released,
               coalesce(sum(amount_cents) filter (where kind = 'overpayment_established'), 0) as overpayment_established,
               coalesce(sum(amount_cents) filter (where kind = 'recovery_received'), 0) as recovery_received,
               coalesce(sum(amount_cents) filter (where kind = 'lapse'), 0) as lapse
        from ledger_entry where agreement_id = target_agreement and fiscal_year = target_year) j
      cross join (
        select coalesce(sum(requested_cents), 0) as claimed, coalesce(sum(certified_cents), 0) as certified
        from claim where agreement_id = target_agreement and fiscal_year = target_year and status <> 'rejected') c
    where a.id = target_agreement)
  where m.agreement_id = target_agreement and m.fiscal_year = target_year;
end
$$;

create or replace function count_money_of_agreement() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.current_version is distinct from old.current_version or new.status is distinct from old.status then
    perform count_agreement_money(new.id);
  end if;
  return null;
end
$$;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
