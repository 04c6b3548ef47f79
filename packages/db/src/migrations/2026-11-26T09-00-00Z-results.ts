/**
 * Results: every accepted indicator value, filed under its program, fiscal year and indicator
 * the moment its report is accepted (at commit, once the report's values are all written), so the
 * rollup of a program's year reads only that year's rows however many years pile up. Written by
 * the database itself, never by application code, and never changed afterwards (an accepted report
 * is final). Indexes for the reads by fiscal year. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create index reporting_period_fiscal_year_idx on reporting_period (fiscal_year, agreement_id) where cancelled_at is null;
create index agreement_fiscal_year_year_idx on agreement_fiscal_year (fiscal_year, version_id);

create table accepted_indicator_value (
  program_id uuid not null references program (id),
  fiscal_year text not null references fiscal_year (label),
  indicator_id uuid not null references indicator (id),
  agreement_id uuid not null references agreement (id),
  report_id uuid not null references progress_report (id),
  revision integer not null,
  period_end date not null,
  value numeric(16, 4) not null check (value >= 0),
  primary key (program_id, fiscal_year, indicator_id, agreement_id, report_id),
  foreign key (report_id, revision, indicator_id) references report_indicator_value (report_id, revision, indicator_id)
);
create trigger accepted_indicator_value_final before update or delete on accepted_indicator_value
  for each row execute function refuse_change();

create function file_accepted_values() returns trigger language plpgsql as $$
begin
  if new.status = 'accepted' then
    insert into accepted_indicator_value (program_id, fiscal_year, indicator_id, agreement_id, report_id, revision, period_end, value)
    select a.program_id, rp.fiscal_year, v.indicator_id, a.id, new.id, new.revision, rp.period_end, v.value
    from progress_report pr
      join reporting_period rp on rp.id = pr.period_id
      join agreement a on a.id = pr.agreement_id
      join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision
    where pr.id = new.id and pr.status = 'accepted'
    on conflict do nothing;
  end if;
  return null;
end
$$;
create constraint trigger file_accepted_values after insert or update of status on progress_report
  deferrable initially deferred for each row execute function file_accepted_values();

insert into accepted_indicator_value (program_id, fiscal_year, indicator_id, agreement_id, report_id, revision, period_end, value)
select a.program_id, rp.fiscal_year, v.indicator_id, a.id, pr.id, pr.revision, rp.period_end, v.value
from progress_report pr
  join reporting_period rp on rp.id = pr.period_id
  join agreement a on a.id = pr.agreement_id
  join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision
where pr.status = 'accepted';
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
