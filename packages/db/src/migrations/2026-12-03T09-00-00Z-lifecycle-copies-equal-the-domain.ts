/**
 * Two copies of a lifecycle disagreed with the domain (packages/db/test/parity/lifecycles.test.ts
 * found them by trying every move):
 * - Calls had no guard at all: the database let a closed call be published again, a cancelled
 *   call go back to draft, a closed call be cancelled. Now `call_guard` lists callLifecycle's
 *   moves, as the other lifecycles' guards do (the same wording, so a refusal names the rule).
 * - A certified claim could not be rejected, though claimLifecycle allows it (certified ->
 *   rejected) and claim_guard lists it: a CHECK tied `certified_at` to the states certified and
 *   paid, and the certification is final (claim_guard), so no update could reject it. A rejected
 *   claim now keeps the certification it had; certified and paid still require one.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create function call_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'published'), ('draft', 'cancelled'), ('published', 'closed'), ('published', 'cancelled'))) then
    raise exception 'call %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger call_guard before update on call_for_proposals
  for each row execute function call_guard();

do $$
declare
  certified_means_certified_at text;
begin
  select conname into strict certified_means_certified_at from pg_constraint
   where conrelid = 'claim'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) = 'CHECK (((status = ANY (ARRAY[''certified''::text, ''paid''::text])) = (certified_at IS NOT NULL)))';
  execute format('alter table claim drop constraint %I', certified_means_certified_at);
end
$$;
alter table claim
  add constraint claim_certified_or_paid_was_certified check (status not in ('certified', 'paid') or certified_at is not null),
  add constraint claim_certification_only_once_certified check (certified_at is null or status in ('certified', 'paid', 'rejected'));
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
