/**
 * Tables the database keeps so that a program's rollup and reconciliation for a fiscal year read
 * one row per agreement instead of joining every period, report, version and fiscal year:
 *
 * - `reporting_year_tally`, per agreement and fiscal year: its reporting periods (not cancelled)
 *   and their reports counted by status, the first and last due dates, and the first due date of
 *   a period whose report is not accepted. Kept by statement triggers on `reporting_period` and
 *   `progress_report` (a report's status at commit): each agreement-year touched is counted again
 *   from its periods, in key order, after locking its tally row. The lock makes a concurrent
 *   writer of the same agreement-year wait, and its count (a new statement, so a new snapshot)
 *   then sees the first writer's committed change: two reports accepted at once both count.
 * - `agreement_year_indicator`, per agreement in force (active, closed or terminated), fiscal year
 *   of its current terms and indicator it carries: the target. Kept by triggers on `agreement`
 *   (status, current version) and on the terms' fiscal years and indicators; each places the
 *   agreement's rows again.
 * - `agreement_term_year`, per agreement and fiscal year in any version of its terms: what the
 *   reconciliation of a program's year starts from, with the journal's yearly totals. Kept by a
 *   trigger on the terms' fiscal years (a year leaves when no version has it any more).
 *
 * All are derived only; tests recompute them from their sources. Backfilled. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table reporting_year_tally (
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  program_id uuid not null references program (id),
  periods integer not null default 0 check (periods >= 0),
  accepted integer not null default 0 check (accepted >= 0),
  in_review integer not null default 0 check (in_review >= 0),
  not_filed integer not null default 0 check (not_filed >= 0),
  first_due_date date,
  last_due_date date,
  first_open_due_date date,
  primary key (agreement_id, fiscal_year),
  check (accepted + in_review + not_filed = periods)
);
create index reporting_year_tally_program_idx on reporting_year_tally (program_id, fiscal_year) where periods > 0;

create function count_reporting_year(target_agreement uuid, target_year text) returns void language plpgsql as $$
begin
  insert into reporting_year_tally (agreement_id, fiscal_year, program_id)
  select id, target_year, program_id from agreement where id = target_agreement
  on conflict (agreement_id, fiscal_year) do nothing;
  perform 1 from reporting_year_tally where agreement_id = target_agreement and fiscal_year = target_year for update;
  update reporting_year_tally t
  set (periods, accepted, in_review, not_filed, first_due_date, last_due_date, first_open_due_date) = (
    select count(*),
           count(*) filter (where pr.status = 'accepted'),
           count(*) filter (where pr.status in ('submitted', 'returned')),
           count(*) filter (where pr.id is null or pr.status = 'draft'),
           min(rp.due_date), max(rp.due_date),
           min(rp.due_date) filter (where pr.status is distinct from 'accepted')
    from reporting_period rp left join progress_report pr on pr.period_id = rp.id
    where rp.agreement_id = target_agreement and rp.fiscal_year = target_year and rp.cancelled_at is null)
  where t.agreement_id = target_agreement and t.fiscal_year = target_year;
end
$$;

create function count_reporting_years_of_periods() returns trigger language plpgsql as $$
declare
  k record;
begin
  if tg_op = 'INSERT' then
    for k in select distinct agreement_id, fiscal_year from inserted order by 1, 2 loop
      perform count_reporting_year(k.agreement_id, k.fiscal_year);
    end loop;
  else
    for k in select distinct agreement_id, fiscal_year from (select agreement_id, fiscal_year from inserted union select agreement_id, fiscal_year from removed) s order by 1, 2 loop
      perform count_reporting_year(k.agreement_id, k.fiscal_year);
    end loop;
  end if;
  return null;
end
$$;
create trigger count_reporting_years_on_insert after insert on reporting_period
  referencing new table as inserted for each statement execute function count_reporting_years_of_periods();
create trigger count_reporting_years_on_update after update on reporting_period
  referencing old table as removed new table as inserted for each statement execute function count_reporting_years_of_periods();

-- A report's status counts at commit (deferred), like the results figures: two reports of one
-- agreement-year accepted at once are both written without waiting, and meet at the tally's lock.
create function count_reporting_year_of_report() returns trigger language plpgsql as $$
declare
  k record;
begin
  select agreement_id, fiscal_year into strict k from reporting_period where id = new.period_id;
  perform count_reporting_year(k.agreement_id, k.fiscal_year);
  return null;
end
$$;
create constraint trigger count_reporting_year_on_report_insert after insert on progress_report
  deferrable initially deferred for each row execute function count_reporting_year_of_report();
create constraint trigger count_reporting_year_on_report_status after update on progress_report
  deferrable initially deferred for each row when (old.status is distinct from new.status) execute function count_reporting_year_of_report();
create trigger reporting_year_tally_by_trigger_only before delete on reporting_year_tally
  for each row execute function refuse_change();

-- Backfilled through the same function the triggers use.
do $$
declare
  k record;
begin
  for k in select distinct agreement_id, fiscal_year from reporting_period order by 1, 2 loop
    perform count_reporting_year(k.agreement_id, k.fiscal_year);
  end loop;
end
$$;

create table agreement_year_indicator (
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  indicator_id uuid not null references indicator (id),
  program_id uuid not null references program (id),
  version_id uuid not null references agreement_version (id),
  target_value numeric(16, 4) not null,
  primary key (agreement_id, fiscal_year, indicator_id)
);
create index agreement_year_indicator_program_idx on agreement_year_indicator (program_id, fiscal_year, indicator_id) include (target_value);

create function place_agreement_in_force(target uuid) returns void language plpgsql as $$
begin
  delete from agreement_year_indicator where agreement_id = target;
  insert into agreement_year_indicator (agreement_id, fiscal_year, indicator_id, program_id, version_id, target_value)
  select a.id, fy.fiscal_year, ai.indicator_id, a.program_id, v.id, ai.target_value
  from agreement a
    join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
    join agreement_fiscal_year fy on fy.version_id = v.id
    join agreement_indicator ai on ai.version_id = v.id
  where a.id = target and a.status in ('active', 'closed', 'terminated');
end
$$;
create function agreement_in_force_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status or new.current_version is distinct from old.current_version then
    perform place_agreement_in_force(new.id);
  end if;
  return null;
end
$$;
create trigger agreement_in_force_changed after insert or update on agreement
  for each row execute function agreement_in_force_changed();
-- The terms' years and indicators change only while their version is a draft; should the version
-- in force be one, its agreement's rows follow.
create function agreement_terms_in_force_changed() returns trigger language plpgsql as $$
declare
  target uuid;
begin
  select a.id into target
  from agreement_version v join agreement a on a.id = v.agreement_id and a.current_version = v.version
  where v.id = case when tg_op = 'DELETE' then old.version_id else new.version_id end
  for update of a;
  if target is not null then
    perform place_agreement_in_force(target);
  end if;
  return null;
end
$$;
create trigger agreement_fiscal_year_in_force after insert or update or delete on agreement_fiscal_year
  for each row execute function agreement_terms_in_force_changed();
create trigger agreement_indicator_in_force after insert or update or delete on agreement_indicator
  for each row execute function agreement_terms_in_force_changed();

do $$
declare
  k record;
begin
  for k in select id from agreement where status in ('active', 'closed', 'terminated') order by 1 loop
    perform place_agreement_in_force(k.id);
  end loop;
end
$$;

create table agreement_term_year (
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  program_id uuid not null references program (id),
  primary key (agreement_id, fiscal_year)
);
create index agreement_term_year_program_idx on agreement_term_year (program_id, fiscal_year, agreement_id);

create function agreement_term_year_changed() returns trigger language plpgsql as $$
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
create trigger agreement_term_year_changed after insert or update or delete on agreement_fiscal_year
  for each row execute function agreement_term_year_changed();

insert into agreement_term_year (agreement_id, fiscal_year, program_id)
select distinct a.id, y.fiscal_year, a.program_id
from agreement_fiscal_year y join agreement_version v on v.id = y.version_id join agreement a on a.id = v.agreement_id;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
