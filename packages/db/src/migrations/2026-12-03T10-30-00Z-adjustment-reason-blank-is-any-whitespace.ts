/**
 * The database's copy of "a claim certified for less than requested needs a reason" disagreed
 * with the domain's `certificationAmountRefusal` (packages/db/test/parity/certification.test.ts):
 * the CHECK trimmed only spaces, the domain every white space, so an adjustment reason of a tab,
 * a line break or a no-break space passed the database and not the domain. The CHECK now counts
 * as blank every character JavaScript's trim() removes, as indicator readiness and activity
 * reasons do. Stored reasons came through the domain's trim, so they all satisfy it.
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
   where conrelid = 'claim'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) = 'CHECK (((certified_cents IS NULL) OR (certified_cents = requested_cents) OR (length(TRIM(BOTH FROM adjustment_reason)) > 0)))';
  execute format('alter table claim drop constraint %I', reason_required);
end
$$;
alter table claim add constraint claim_adjustment_explained check (
  certified_cents is null or certified_cents = requested_cents
  or adjustment_reason !~ '^[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*$');
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
