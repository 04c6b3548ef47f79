/**
 * The journal summed by fiscal year, program, agreement, kind and cost category, kept by the
 * database as entries are written, so that the reconciliation of a program's year reads a few
 * rows per agreement instead of finding its agreements in the whole year's journal of every
 * program. `ledger_entry` stays the record (append-only); this table is derived from it only:
 *
 * - written by a statement trigger on `ledger_entry` (one upsert per statement, grouped, in key
 *   order so that two writers never wait on each other's rows in opposite orders); an upsert adds
 *   atomically, so concurrent payments to one agreement both count;
 * - `cost_category` is '' where the entry has none (a key column cannot be null);
 * - deletes refused; backfilled from the journal. A test recomputes it from the journal.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table ledger_year_total (
  fiscal_year text not null references fiscal_year (label),
  program_id uuid not null references program (id),
  agreement_id uuid not null references agreement (id),
  kind text not null,
  cost_category text not null,
  amount_cents bigint not null,
  entries integer not null check (entries > 0),
  primary key (fiscal_year, program_id, agreement_id, kind, cost_category)
);

create function file_ledger_year_totals() returns trigger language plpgsql as $$
begin
  insert into ledger_year_total as t (fiscal_year, program_id, agreement_id, kind, cost_category, amount_cents, entries)
  select n.fiscal_year, a.program_id, n.agreement_id, n.kind, coalesce(n.cost_category, ''), sum(n.amount_cents), count(*)
  from inserted n join agreement a on a.id = n.agreement_id
  group by n.fiscal_year, a.program_id, n.agreement_id, n.kind, coalesce(n.cost_category, '')
  order by 1, 2, 3, 4, 5
  on conflict (fiscal_year, program_id, agreement_id, kind, cost_category) do update
    set amount_cents = t.amount_cents + excluded.amount_cents, entries = t.entries + excluded.entries;
  return null;
end
$$;
create trigger file_ledger_year_totals after insert on ledger_entry
  referencing new table as inserted for each statement execute function file_ledger_year_totals();
create trigger ledger_year_total_by_trigger_only before delete on ledger_year_total
  for each row execute function refuse_change();

insert into ledger_year_total (fiscal_year, program_id, agreement_id, kind, cost_category, amount_cents, entries)
select l.fiscal_year, a.program_id, l.agreement_id, l.kind, coalesce(l.cost_category, ''), sum(l.amount_cents), count(*)
from ledger_entry l join agreement a on a.id = l.agreement_id
group by 1, 2, 3, 4, 5;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
