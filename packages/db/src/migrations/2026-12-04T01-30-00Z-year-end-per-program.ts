/**
 * Year end as finance staff run it (issue 17, part 3). A fiscal year was closed for every program
 * at once and on any day. Now:
 * - `program_year_end` holds the close of one program's fiscal year (who, when, what lapsed);
 *   closing "all programs" writes one row per program and marks the fiscal year closed as before.
 *   Rows are never changed or deleted.
 * - A close is refused before April 1 of the next year on the Ottawa calendar (the weeks after
 *   March 31 are for payables at year end): the same rule as `canCloseFiscalYear` in
 *   packages/domain, held over the moment of the close; packages/db/test/parity/year-end.test.ts
 *   keeps the two equal.
 * - `fiscal_year_closed_for(program, year)` is the one answer to "is this year closed for this
 *   program", and the payment limits ask it instead of the fiscal year's own status.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table program_year_end (
  program_id uuid not null references program (id),
  fiscal_year text not null references fiscal_year (label),
  closed_at timestamptz not null default now(),
  closed_by uuid not null references app_user (id),
  lapsed_cents bigint not null check (lapsed_cents >= 0),
  primary key (program_id, fiscal_year)
);
create trigger program_year_end_final before update or delete on program_year_end for each row execute function refuse_change();

-- Whether a close at the instant "at" is after the year's March 31 in Ottawa (null for an unknown year).
create function year_end_open(year_label text, at timestamptz) returns boolean language sql stable as $$
  select (year_end_open.at at time zone 'America/Toronto')::date > fy.end_date from fiscal_year fy where fy.label = year_end_open.year_label
$$;

create function program_year_end_after_march() returns trigger language plpgsql as $$
begin
  if not coalesce(year_end_open(new.fiscal_year, new.closed_at), false) then
    raise exception 'fiscal year % cannot be closed before April 1 after it ends', new.fiscal_year using errcode = 'check_violation', hint = 'year_end_too_early';
  end if;
  return new;
end
$$;
create trigger program_year_end_after_march before insert on program_year_end for each row execute function program_year_end_after_march();

create function fiscal_year_closed_after_march() returns trigger language plpgsql as $$
begin
  if new.status = 'closed' and old.status = 'open' and not year_end_open(new.label, new.closed_at) then
    raise exception 'fiscal year % cannot be closed before April 1 after it ends', new.label using errcode = 'check_violation', hint = 'year_end_too_early';
  end if;
  return new;
end
$$;
create trigger fiscal_year_closed_after_march before update on fiscal_year for each row execute function fiscal_year_closed_after_march();

create function fiscal_year_closed_for(program uuid, label text) returns boolean language sql stable as $$
  select exists (select 1 from fiscal_year where fiscal_year.label = fiscal_year_closed_for.label and status = 'closed')
      or exists (select 1 from program_year_end e where e.program_id = fiscal_year_closed_for.program and e.fiscal_year = fiscal_year_closed_for.label)
$$;

create or replace function ledger_entry_limits() returns trigger language plpgsql as $$
declare
  a record;
  v record;
  year_amount bigint;
  paid_year bigint;
  paid_total bigint;
  ceiling bigint;
begin
  if new.kind not in ('advance_paid', 'reimbursement_paid', 'holdback_released') then
    return new;
  end if;
  select id, status, program_id, current_version, final_report_accepted_at into a from agreement where id = new.agreement_id for update;
  if a.status <> 'active' then
    raise exception 'payment to agreement %: the agreement is %', new.agreement_id, a.status using errcode = 'check_violation';
  end if;
  if fiscal_year_closed_for(a.program_id, new.fiscal_year) then
    raise exception 'payment to agreement %: fiscal year % is closed', new.agreement_id, new.fiscal_year using errcode = 'check_violation';
  end if;
  if new.kind = 'holdback_released' then
    if a.final_report_accepted_at is null then
      raise exception 'agreement %: the holdback is released only after the final report is accepted', new.agreement_id using errcode = 'check_violation';
    end if;
    return new;
  end if;
  select id, total_cents, holdback_cents into v from agreement_version where agreement_id = a.id and version = a.current_version;
  select coalesce(sum(amount_cents), 0) into year_amount from agreement_fiscal_year where version_id = v.id and fiscal_year = new.fiscal_year;
  select coalesce(sum(amount_cents) filter (where fiscal_year = new.fiscal_year), 0), coalesce(sum(amount_cents), 0)
    into paid_year, paid_total
    from ledger_entry where agreement_id = a.id and kind in ('advance_paid', 'reimbursement_paid');
  if paid_year + new.amount_cents > year_amount then
    raise exception 'payment to agreement %: % would exceed the % amount of %', a.id, paid_year + new.amount_cents, new.fiscal_year, year_amount
      using errcode = 'check_violation', hint = 'fiscal_year_limit';
  end if;
  ceiling := v.total_cents;
  if a.final_report_accepted_at is null then
    ceiling := ceiling - v.holdback_cents;
  end if;
  if paid_total + new.amount_cents > ceiling then
    raise exception 'payment to agreement %: % would exceed the total less the holdback', a.id, paid_total + new.amount_cents
      using errcode = 'check_violation', hint = 'total_limit';
  end if;
  return new;
end
$$;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
