/**
 * Results figures kept by the database as reports are accepted, so that the rollup of a
 * program's year reads one row per indicator however many agreements and years pile up:
 *
 * - `agreement_indicator_year`: one agreement's figure for an indicator in a fiscal year (the
 *   sum of its accepted periods, how many, and its latest period's value);
 * - `program_indicator_year`: the program's totals of those figures per indicator and year
 *   (agreements reporting, reports, sum of totals, sum of latest values, latest values above 0),
 *   from which the domain computes the figure for every unit (sum, mean, share answering yes).
 *
 * Both are written only by a trigger on `accepted_indicator_value` (itself append-only and
 * written only by the database), under a transaction lock per agreement, indicator and year so
 * two acceptances at once cannot both start from the same previous figure. A test recomputes
 * them from `accepted_indicator_value` after every scenario. Backfilled. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table agreement_indicator_year (
  program_id uuid not null references program (id),
  fiscal_year text not null references fiscal_year (label),
  indicator_id uuid not null references indicator (id),
  agreement_id uuid not null references agreement (id),
  total numeric(20, 4) not null check (total >= 0),
  reports integer not null check (reports > 0),
  latest_period_end date not null,
  latest_value numeric(16, 4) not null check (latest_value >= 0),
  primary key (program_id, fiscal_year, indicator_id, agreement_id)
);

create table program_indicator_year (
  program_id uuid not null references program (id),
  fiscal_year text not null references fiscal_year (label),
  indicator_id uuid not null references indicator (id),
  agreements integer not null check (agreements > 0),
  reports integer not null check (reports >= agreements),
  total numeric(24, 4) not null check (total >= 0),
  latest_total numeric(24, 4) not null check (latest_total >= 0),
  latest_positive integer not null check (latest_positive between 0 and agreements),
  primary key (program_id, fiscal_year, indicator_id)
);

create function file_indicator_figures() returns trigger language plpgsql as $$
declare
  previous agreement_indicator_year%rowtype;
  is_latest boolean;
begin
  -- One acceptance at a time per agreement, indicator and year (others wait here, then read
  -- what the first committed: each statement below takes a fresh snapshot).
  perform pg_advisory_xact_lock(hashtextextended(new.agreement_id::text || '/' || new.indicator_id::text || '/' || new.fiscal_year, 0));
  select * into previous from agreement_indicator_year
   where program_id = new.program_id and fiscal_year = new.fiscal_year and indicator_id = new.indicator_id and agreement_id = new.agreement_id;
  if not found then
    insert into agreement_indicator_year (program_id, fiscal_year, indicator_id, agreement_id, total, reports, latest_period_end, latest_value)
    values (new.program_id, new.fiscal_year, new.indicator_id, new.agreement_id, new.value, 1, new.period_end, new.value);
    insert into program_indicator_year as p (program_id, fiscal_year, indicator_id, agreements, reports, total, latest_total, latest_positive)
    values (new.program_id, new.fiscal_year, new.indicator_id, 1, 1, new.value, new.value, (new.value > 0)::int)
    on conflict (program_id, fiscal_year, indicator_id) do update
      set agreements = p.agreements + 1, reports = p.reports + 1, total = p.total + excluded.total,
          latest_total = p.latest_total + excluded.latest_total, latest_positive = p.latest_positive + excluded.latest_positive;
    return null;
  end if;
  is_latest := new.period_end > previous.latest_period_end;
  update agreement_indicator_year
     set total = total + new.value, reports = reports + 1,
         latest_period_end = case when is_latest then new.period_end else latest_period_end end,
         latest_value = case when is_latest then new.value else latest_value end
   where program_id = new.program_id and fiscal_year = new.fiscal_year and indicator_id = new.indicator_id and agreement_id = new.agreement_id;
  update program_indicator_year
     set reports = reports + 1, total = total + new.value,
         latest_total = case when is_latest then latest_total - previous.latest_value + new.value else latest_total end,
         latest_positive = case when is_latest then latest_positive - (previous.latest_value > 0)::int + (new.value > 0)::int else latest_positive end
   where program_id = new.program_id and fiscal_year = new.fiscal_year and indicator_id = new.indicator_id;
  return null;
end
$$;
create trigger file_indicator_figures after insert on accepted_indicator_value
  for each row execute function file_indicator_figures();
create trigger agreement_indicator_year_by_trigger_only before delete on agreement_indicator_year
  for each row execute function refuse_change();
create trigger program_indicator_year_by_trigger_only before delete on program_indicator_year
  for each row execute function refuse_change();

insert into agreement_indicator_year (program_id, fiscal_year, indicator_id, agreement_id, total, reports, latest_period_end, latest_value)
select program_id, fiscal_year, indicator_id, agreement_id, sum(value), count(*),
       max(period_end), (array_agg(value order by period_end desc))[1]
from accepted_indicator_value
group by program_id, fiscal_year, indicator_id, agreement_id;

insert into program_indicator_year (program_id, fiscal_year, indicator_id, agreements, reports, total, latest_total, latest_positive)
select program_id, fiscal_year, indicator_id, count(*), sum(reports), sum(total), sum(latest_value), count(*) filter (where latest_value > 0)
from agreement_indicator_year
group by program_id, fiscal_year, indicator_id;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
