/**
 * The database's copy of "a delayed or cancelled activity needs a reason" disagreed with the
 * domain's `reportSubmissionIssues` (packages/db/test/parity/report-figures.test.ts): the CHECK
 * trimmed only spaces, the domain (reportContentInput's trim) every white space, so a reason of
 * a tab, a line break or a no-break space passed the database and not the domain. The CHECK now
 * counts as blank every character JavaScript's trim() removes, as indicator readiness does
 * (2026-12-03T09-30-00Z). Stored reasons came through the domain's trim, so they all satisfy it.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
do $$
declare
  reason_required text;
begin
  select conname into strict reason_required from pg_constraint
   where conrelid = 'report_activity_status'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) = 'CHECK (((status <> ALL (ARRAY[''delayed''::text, ''cancelled''::text])) OR (length(TRIM(BOTH FROM reason)) > 0)))';
  execute format('alter table report_activity_status drop constraint %I', reason_required);
end
$$;
alter table report_activity_status add constraint report_activity_status_reason_given check (
  status not in ('delayed', 'cancelled')
  or reason !~ '^[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*$');
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
