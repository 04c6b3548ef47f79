/**
 * Reporting periods carry their agreement's program, so "what a program's agreements owe for a
 * fiscal year" (the rollup's completeness) reads that program's periods of the year through an
 * index instead of every program's periods of the year. Filled by a trigger from the agreement on
 * insert (callers do not supply it) or reset from it on update; backfilled. An agreement never
 * moves to another program (agreement_guard refuses it), which the periods, the journal's
 * yearly totals and the results figures all rely on. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table reporting_period add column program_id uuid references program (id);
update reporting_period rp set program_id = a.program_id from agreement a where a.id = rp.agreement_id;
alter table reporting_period alter column program_id set not null;

create function reporting_period_program() returns trigger language plpgsql as $$
begin
  select program_id into strict new.program_id from agreement where id = new.agreement_id;
  return new;
end
$$;
create trigger reporting_period_program before insert or update of agreement_id, program_id on reporting_period
  for each row execute function reporting_period_program();

create index reporting_period_program_year_idx on reporting_period (program_id, fiscal_year, agreement_id)
  include (due_date) where cancelled_at is null;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
