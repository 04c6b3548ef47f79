/**
 * An agreement's money for one fiscal year, as the reconciliation reads it, kept by the database:
 * the agreement's number, organisation and status, the year's amount in the terms in force, the journal summed by kind for the year, the claims of
 * the year (requested and certified, rejected ones left out), and what the holdback needs (the
 * version's holdback, its last fiscal year, every holdback released so far). The reconciliation of
 * a program's year then reads one row per agreement instead of five lookups per agreement.
 *
 * Derived only, and counted again from its sources for each agreement-year a statement touches:
 * - `ledger_entry` inserts (a holdback released counts on every year of its agreement);
 * - `claim` inserts and updates;
 * - `agreement` inserts, a new version in force or status; `agreement_version` updates (a draft's
 *   holdback); `agreement_fiscal_year` changes: every year of that agreement.
 * Each count locks the row first, so a concurrent writer of the same agreement-year waits and then
 * counts with what the first committed. Money writers lock the agreement row before anything
 * else, so these row locks add no new order between them. Backfilled; a test recounts every row.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table agreement_year_money (
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  program_id uuid not null references program (id),
  -- The agreement's number, organisation and status, so that a page of the year is read here.
  reference_number text not null,
  organisation_id uuid not null references organisation (id),
  agreement_status text not null,
  in_terms boolean not null default false,
  budget_cents bigint not null default 0,
  terms_last_year text,
  holdback_cents bigint not null default 0,
  holdback_released_total_cents bigint not null default 0,
  entries integer not null default 0,
  commitment_cents bigint not null default 0,
  advance_paid_cents bigint not null default 0,
  expenditure_reported_cents bigint not null default 0,
  advance_reconciled_cents bigint not null default 0,
  reimbursement_paid_cents bigint not null default 0,
  holdback_retained_cents bigint not null default 0,
  holdback_released_cents bigint not null default 0,
  overpayment_established_cents bigint not null default 0,
  recovery_received_cents bigint not null default 0,
  lapse_cents bigint not null default 0,
  claimed_cents bigint not null default 0,
  certified_cents bigint not null default 0,
  primary key (agreement_id, fiscal_year)
);
create index agreement_year_money_program_idx on agreement_year_money (fiscal_year, program_id, reference_number) where in_terms or entries > 0;

create function count_agreement_year_money(target_agreement uuid, target_year text) returns void language plpgsql as $$
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

-- Every year of an agreement: its terms in force, the rows it has, its journal and its claims.
create function count_agreement_money(target_agreement uuid) returns void language plpgsql as $$
declare
  y text;
begin
  for y in
    select fiscal_year from agreement_fiscal_year f join agreement_version v on v.id = f.version_id join agreement a on a.id = v.agreement_id and a.current_version = v.version where a.id = target_agreement
    union select fiscal_year from agreement_year_money where agreement_id = target_agreement
    union select fiscal_year from ledger_entry where agreement_id = target_agreement
    union select fiscal_year from claim where agreement_id = target_agreement
    order by 1
  loop
    perform count_agreement_year_money(target_agreement, y);
  end loop;
end
$$;

create function count_money_of_entries() returns trigger language plpgsql as $$
declare
  k record;
begin
  for k in
    select distinct agreement_id, fiscal_year, bool_or(kind = 'holdback_released') over (partition by agreement_id) as every_year
    from inserted order by 1, 2
  loop
    if k.every_year then
      perform count_agreement_money(k.agreement_id);
    else
      perform count_agreement_year_money(k.agreement_id, k.fiscal_year);
    end if;
  end loop;
  return null;
end
$$;
create trigger count_money_of_entries after insert on ledger_entry
  referencing new table as inserted for each statement execute function count_money_of_entries();

create function count_money_of_claims() returns trigger language plpgsql as $$
declare
  k record;
begin
  if tg_op = 'INSERT' then
    for k in select distinct agreement_id, fiscal_year from inserted order by 1, 2 loop
      perform count_agreement_year_money(k.agreement_id, k.fiscal_year);
    end loop;
  else
    for k in
      select distinct agreement_id, fiscal_year from (
        select n.agreement_id, n.fiscal_year from inserted n join removed o on o.id = n.id
        where (n.status, n.requested_cents, n.certified_cents, n.fiscal_year, n.agreement_id) is distinct from (o.status, o.requested_cents, o.certified_cents, o.fiscal_year, o.agreement_id)
        union
        select o.agreement_id, o.fiscal_year from inserted n join removed o on o.id = n.id
        where (n.fiscal_year, n.agreement_id) is distinct from (o.fiscal_year, o.agreement_id)) s
      order by 1, 2
    loop
      perform count_agreement_year_money(k.agreement_id, k.fiscal_year);
    end loop;
  end if;
  return null;
end
$$;
create trigger count_money_of_new_claims after insert on claim
  referencing new table as inserted for each statement execute function count_money_of_claims();
create trigger count_money_of_changed_claims after update on claim
  referencing old table as removed new table as inserted for each statement execute function count_money_of_claims();

create function count_money_of_agreement() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.current_version is distinct from old.current_version or new.status is distinct from old.status then
    perform count_agreement_money(new.id);
  end if;
  return null;
end
$$;
create trigger count_money_of_agreement after insert or update on agreement
  for each row execute function count_money_of_agreement();

create function count_money_of_version(target_version uuid) returns void language plpgsql as $$
declare
  target uuid;
begin
  select a.id into target
  from agreement_version v join agreement a on a.id = v.agreement_id and a.current_version = v.version
  where v.id = target_version;
  if target is not null then
    perform count_agreement_money(target);
  end if;
end
$$;
create function count_money_of_holdback() returns trigger language plpgsql as $$
begin
  perform count_money_of_version(new.id);
  return null;
end
$$;
create trigger count_money_of_version after update on agreement_version
  for each row when (old.holdback_cents is distinct from new.holdback_cents) execute function count_money_of_holdback();
create function count_money_of_terms() returns trigger language plpgsql as $$
begin
  perform count_money_of_version(case when tg_op = 'DELETE' then old.version_id else new.version_id end);
  return null;
end
$$;
create trigger count_money_of_terms_years after insert or update or delete on agreement_fiscal_year
  for each row execute function count_money_of_terms();
create trigger agreement_year_money_by_trigger_only before delete on agreement_year_money
  for each row execute function refuse_change();

insert into agreement_year_money (agreement_id, fiscal_year, program_id, reference_number, organisation_id, agreement_status)
select distinct a.id, k.fiscal_year, a.program_id, a.reference_number, a.organisation_id, a.status
from agreement a join (
  select v.agreement_id, f.fiscal_year from agreement_fiscal_year f join agreement_version v on v.id = f.version_id join agreement a on a.id = v.agreement_id and a.current_version = v.version
  union select agreement_id, fiscal_year from ledger_entry
  union select agreement_id, fiscal_year from claim) k on k.agreement_id = a.id;
-- The backfill counts every row through the same function the triggers use.
do $$
declare
  k record;
begin
  for k in select agreement_id, fiscal_year from agreement_year_money order by 1, 2 loop
    perform count_agreement_year_money(k.agreement_id, k.fiscal_year);
  end loop;
end
$$;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
