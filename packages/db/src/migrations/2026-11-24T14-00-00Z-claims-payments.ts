/**
 * Claims and payments. A recipient claims for a period (expenditures by cost category, other
 * revenues, and a request: an advance with its cash-flow forecast, the reimbursement of
 * expenditures, or a milestone's payment); a program officer certifies it (FAA section 34) and a
 * finance officer releases the payment (section 33). The journal is the truth about money, and
 * the database refuses what the rules forbid even if every line of application code were wrong:
 * the same person certifying and releasing, a claim paid twice, a payment beyond a fiscal year's
 * amount or (until the final report is accepted) beyond the total less the holdback, a payment
 * in a closed fiscal year, a milestone payment before the milestone is approved. Payments to one
 * agreement are serialised by a lock on the agreement's row, so racing releases cannot overdraw.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table program
  -- A new advance waits until all but this share of earlier advances is accounted for.
  add column advance_tolerance_bp integer not null default 1000 check (advance_tolerance_bp between 0 and 10000),
  -- Spending that departs from a budget line by more than this share must be explained.
  add column variance_threshold_bp integer not null default 1000 check (variance_threshold_bp between 0 and 10000);

create sequence claim_reference_seq;

create table claim (
  id uuid primary key default gen_random_uuid(),
  reference_number text not null unique check (reference_number ~ '^CLM-[0-9]{4}-[0-9]{6,}$'),
  agreement_id uuid not null references agreement (id),
  -- The key the recipient's browser sent: a retried submission finds the claim it made.
  client_key uuid not null,
  fiscal_year text not null references fiscal_year (label),
  period_start date not null,
  period_end date not null,
  kind text not null check (kind in ('advance', 'reimbursement', 'milestone')),
  milestone_key uuid,
  status text not null default 'submitted' check (status in ('submitted', 'certified', 'paid', 'rejected')),
  requested_cents bigint not null check (requested_cents > 0),
  forecast jsonb not null default '[]',
  explanation text not null default '' check (length(explanation) <= 5000),
  submitted_by uuid not null references app_user (id),
  submitted_at timestamptz not null default now(),
  certified_cents bigint check (certified_cents > 0),
  certified_by uuid references app_user (id),
  certified_at timestamptz,
  adjustment_reason text not null default '' check (length(adjustment_reason) <= 5000),
  released_by uuid references app_user (id),
  released_at timestamptz,
  release_key uuid unique,
  rejected_by uuid references app_user (id),
  rejected_at timestamptz,
  rejection_reason text not null default '' check (length(rejection_reason) <= 5000),
  unique (agreement_id, client_key),
  check (period_end >= period_start),
  check ((kind = 'milestone') = (milestone_key is not null)),
  check ((status in ('certified', 'paid')) = (certified_at is not null)),
  check ((certified_at is null) = (certified_by is null) and (certified_at is null) = (certified_cents is null)),
  check ((status = 'paid') = (released_at is not null)),
  check ((released_at is null) = (released_by is null) and (released_at is null) = (release_key is null)),
  check ((status = 'rejected') = (rejected_at is not null)),
  check (certified_cents is null or certified_cents <= requested_cents),
  check (certified_cents is null or certified_cents = requested_cents or length(trim(adjustment_reason)) > 0),
  -- Segregation of duties (FAA sections 33 and 34): three different people.
  check (certified_by is null or certified_by <> submitted_by),
  check (released_by is null or (released_by <> certified_by and released_by <> submitted_by)),
  check (rejected_by is null or rejected_by <> submitted_by),
  -- A milestone's payment is claimed only once the milestone is approved.
  foreign key (agreement_id, milestone_key) references milestone_approval (agreement_id, milestone_key)
);
create index claim_agreement_idx on claim (agreement_id, status);
create index claim_status_idx on claim (status, submitted_at);
-- A milestone is paid once.
create unique index claim_one_per_milestone on claim (agreement_id, milestone_key) where milestone_key is not null and status <> 'rejected';

create function claim_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('submitted', 'certified'), ('submitted', 'rejected'), ('certified', 'paid'), ('certified', 'rejected'))) then
    raise exception 'claim %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if (to_jsonb(new) - array['status', 'certified_cents', 'certified_by', 'certified_at', 'adjustment_reason', 'released_by', 'released_at',
        'release_key', 'rejected_by', 'rejected_at', 'rejection_reason'])
     is distinct from (to_jsonb(old) - array['status', 'certified_cents', 'certified_by', 'certified_at', 'adjustment_reason', 'released_by',
        'released_at', 'release_key', 'rejected_by', 'rejected_at', 'rejection_reason']) then
    raise exception 'claim %: what was claimed never changes', old.id using errcode = 'check_violation';
  end if;
  if old.certified_at is not null and (new.certified_cents is distinct from old.certified_cents or new.certified_by is distinct from old.certified_by) then
    raise exception 'claim %: a certification is final', old.id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger claim_guard before update on claim for each row execute function claim_guard();
create trigger claim_no_delete before delete on claim for each row execute function refuse_change();

create table claim_expenditure (
  claim_id uuid not null references claim (id),
  cost_category text not null check (cost_category in (
    'salaries_benefits', 'travel', 'equipment', 'materials_supplies', 'rent',
    'professional_services', 'evaluation', 'administration', 'other')),
  amount_cents bigint not null check (amount_cents >= 0),
  explanation text not null default '' check (length(explanation) <= 2000),
  primary key (claim_id, cost_category)
);
create table claim_other_revenue (
  claim_id uuid not null references claim (id),
  position integer not null check (position > 0),
  source text not null check (length(trim(source)) between 1 and 300),
  kind text not null check (kind in (
    'federal', 'provincial_territorial', 'municipal', 'indigenous_government', 'private', 'own_contribution', 'other')),
  amount_cents bigint not null check (amount_cents >= 0),
  primary key (claim_id, position)
);
create trigger claim_expenditure_final before update or delete on claim_expenditure for each row execute function refuse_change();
create trigger claim_other_revenue_final before update or delete on claim_other_revenue for each row execute function refuse_change();

alter table ledger_entry add column claim_id uuid references claim (id);
-- A claim is paid once, whoever clicks and however often.
create unique index ledger_entry_one_payment_per_claim on ledger_entry (claim_id) where kind in ('advance_paid', 'reimbursement_paid');
create index ledger_entry_claim_idx on ledger_entry (claim_id);

-- The limits on money going out, checked on every payment with the agreement's row locked.
create function ledger_entry_limits() returns trigger language plpgsql as $$
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
  select id, status, current_version, final_report_accepted_at into a from agreement where id = new.agreement_id for update;
  if a.status <> 'active' then
    raise exception 'payment to agreement %: the agreement is %', new.agreement_id, a.status using errcode = 'check_violation';
  end if;
  if exists (select 1 from fiscal_year where label = new.fiscal_year and status = 'closed') then
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
create trigger ledger_entry_limits before insert on ledger_entry for each row execute function ledger_entry_limits();

-- Year end: what was committed in a fiscal year and not paid lapses when the year is closed.
alter table fiscal_year
  add column closed_at timestamptz,
  add column closed_by uuid references app_user (id),
  add constraint fiscal_year_closed_both check ((status = 'closed') = (closed_at is not null));
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
