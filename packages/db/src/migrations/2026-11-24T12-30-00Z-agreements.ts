/**
 * Contribution agreements and their versions (the original terms and every amendment), the
 * cost categories each program funds, and the money journal (commitments now; payments,
 * advances and holdbacks join it with claims). The database refuses what the rules forbid:
 * a status outside the lifecycle, a change to terms that are out for signature or in force,
 * fiscal-year amounts or a budget that do not add up, a cost category the program does not
 * fund, a signature by an unverified organisation or above the signer's delegated authority,
 * an amendment approved by its author or that moves paid money out of its fiscal year.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
-- The cost categories a program funds. A new program funds every category until told otherwise.
create table program_cost_category (
  program_id uuid not null references program (id),
  cost_category text not null check (cost_category in (
    'salaries_benefits', 'travel', 'equipment', 'materials_supplies', 'rent',
    'professional_services', 'evaluation', 'administration', 'other')),
  primary key (program_id, cost_category)
);
insert into program_cost_category (program_id, cost_category)
  select p.id, c from program p cross join unnest(array['salaries_benefits', 'travel', 'equipment', 'materials_supplies',
    'rent', 'professional_services', 'evaluation', 'administration', 'other']) as c;
create function program_default_cost_categories() returns trigger language plpgsql as $$
begin
  insert into program_cost_category (program_id, cost_category)
    select new.id, c from unnest(array['salaries_benefits', 'travel', 'equipment', 'materials_supplies',
      'rent', 'professional_services', 'evaluation', 'administration', 'other']) as c;
  return new;
end
$$;
create trigger program_default_cost_categories after insert on program
  for each row execute function program_default_cost_categories();

create sequence agreement_reference_seq;

create table agreement (
  id uuid primary key default gen_random_uuid(),
  reference_number text not null unique check (reference_number ~ '^AGR-[0-9]{4}-[0-9]{6,}$'),
  program_id uuid not null references program (id),
  organisation_id uuid not null references organisation (id),
  application_id uuid unique references application (id),
  template text not null check (template in ('standard', 'province_territory')),
  status text not null default 'draft' check (status in (
    'draft', 'sent_for_signature', 'recipient_signed', 'active', 'closed', 'terminated')),
  -- The version in force (or, before signature, the version being drafted or signed).
  current_version integer not null default 1 check (current_version > 0),
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  sent_by uuid references app_user (id),
  recipient_signed_at timestamptz,
  recipient_signed_by uuid references app_user (id),
  recipient_signer_name text check (length(trim(recipient_signer_name)) between 1 and 120),
  recipient_signer_title text check (length(trim(recipient_signer_title)) between 1 and 120),
  department_signed_at timestamptz,
  department_signed_by uuid references app_user (id),
  department_signer_role text check (department_signer_role in ('program_officer', 'program_manager')),
  department_signer_limit_cents bigint check (department_signer_limit_cents >= 0),
  ended_at timestamptz,
  ended_by uuid references app_user (id),
  end_reason text check (length(end_reason) <= 5000),
  check ((status = 'draft') or sent_at is not null),
  check ((status in ('recipient_signed', 'active', 'closed', 'terminated')) = (recipient_signed_at is not null)),
  check ((recipient_signed_at is null) = (recipient_signed_by is null)
     and (recipient_signed_at is null) = (recipient_signer_name is null)
     and (recipient_signed_at is null) = (recipient_signer_title is null)),
  check ((status in ('active', 'closed', 'terminated')) = (department_signed_at is not null)),
  check ((department_signed_at is null) = (department_signed_by is null)
     and (department_signed_at is null) = (department_signer_role is null)
     and (department_signed_at is null) = (department_signer_limit_cents is null)),
  check (department_signed_by is null or department_signed_by <> created_by),
  check ((status in ('closed', 'terminated')) = (ended_at is not null)),
  check (status <> 'terminated' or length(trim(end_reason)) > 0)
);
create index agreement_program_idx on agreement (program_id, status);
create index agreement_organisation_idx on agreement (organisation_id);

create table agreement_version (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreement (id),
  version integer not null check (version > 0),
  status text not null check (status in ('draft', 'proposed', 'in_force', 'superseded', 'rejected')),
  stream_id uuid references funding_stream (id),
  title text not null check (length(trim(title)) between 1 and 300),
  description text not null default '' check (length(description) <= 10000),
  start_date date not null,
  end_date date not null,
  total_cents bigint not null check (total_cents > 0),
  payment_basis text not null check (payment_basis in ('advance', 'reimbursement')),
  advance_frequency text check (advance_frequency in ('monthly', 'quarterly', 'semi_annual', 'annual')),
  holdback_cents bigint not null check (holdback_cents >= 0),
  holdback_bp integer check (holdback_bp between 0 and 10000),
  risk_level text not null check (risk_level in ('low', 'medium', 'high')),
  risk_reasons text not null check (length(trim(risk_reasons)) between 1 and 5000),
  reporting_frequency text not null check (reporting_frequency in ('monthly', 'quarterly', 'semi_annual', 'annual')),
  special_conditions text not null default '' check (length(special_conditions) <= 10000),
  -- An amendment: why, and from which version.
  reason text check (length(reason) <= 5000),
  based_on_version integer,
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  decider_role text check (decider_role in ('program_officer', 'program_manager')),
  decider_limit_cents bigint check (decider_limit_cents >= 0),
  decision_note text not null default '' check (length(decision_note) <= 5000),
  unique (agreement_id, version),
  check (end_date >= start_date),
  check (holdback_cents <= total_cents),
  check ((advance_frequency is null) = (payment_basis = 'reimbursement')),
  check ((version = 1) = (based_on_version is null)),
  check (version = 1 or (based_on_version < version and length(trim(reason)) > 0)),
  check ((decided_at is null) = (decided_by is null)),
  check (version = 1 or (status in ('in_force', 'superseded', 'rejected')) = (decided_at is not null)),
  check (decided_by is null or decided_by <> created_by),
  check (decider_limit_cents is null or status = 'rejected' or total_cents <= decider_limit_cents)
);
-- At most one version being drafted or awaiting approval, and exactly one in force at a time.
create unique index agreement_version_one_open on agreement_version (agreement_id) where status in ('draft', 'proposed');
create unique index agreement_version_one_in_force on agreement_version (agreement_id) where status = 'in_force';

create function agreement_version_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'proposed'), ('proposed', 'draft'), ('proposed', 'in_force'), ('proposed', 'rejected'),
    ('in_force', 'superseded'))) then
    raise exception 'agreement version %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if old.status <> 'draft' and (
    (to_jsonb(new) - array['status', 'decided_by', 'decided_at', 'decider_role', 'decider_limit_cents', 'decision_note'])
    is distinct from (to_jsonb(old) - array['status', 'decided_by', 'decided_at', 'decider_role', 'decider_limit_cents', 'decision_note'])
  ) then
    raise exception 'agreement version %: terms out of draft cannot change', old.id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger agreement_version_guard before update on agreement_version
  for each row execute function agreement_version_guard();
create function agreement_version_refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception 'agreement version %: versions are never deleted', old.id using errcode = 'restrict_violation';
end
$$;
create trigger agreement_version_no_delete before delete on agreement_version
  for each row execute function agreement_version_refuse_delete();

create table agreement_version_pillar (
  version_id uuid not null references agreement_version (id),
  pillar_id uuid not null references pillar (id),
  primary key (version_id, pillar_id)
);

create table agreement_fiscal_year (
  version_id uuid not null references agreement_version (id),
  fiscal_year text not null references fiscal_year (label),
  amount_cents bigint not null check (amount_cents >= 0),
  primary key (version_id, fiscal_year)
);

create table agreement_budget_line (
  version_id uuid not null references agreement_version (id),
  fiscal_year text not null,
  cost_category text not null,
  amount_cents bigint not null check (amount_cents >= 0),
  primary key (version_id, fiscal_year, cost_category),
  foreign key (version_id, fiscal_year) references agreement_fiscal_year (version_id, fiscal_year)
);

create table agreement_milestone (
  version_id uuid not null references agreement_version (id),
  -- The same milestone keeps its key from version to version.
  key uuid not null,
  position integer not null check (position > 0),
  title text not null check (length(trim(title)) between 1 and 300),
  deliverables text not null default '' check (length(deliverables) <= 2000),
  due_date date not null,
  payment_cents bigint check (payment_cents >= 0),
  primary key (version_id, key),
  unique (version_id, position)
);

-- Only a ready indicator can be part of an agreement (same rule as a call's indicators).
create table agreement_indicator (
  version_id uuid not null references agreement_version (id),
  indicator_id uuid not null,
  indicator_ready boolean not null default true check (indicator_ready),
  target_value numeric(16, 4) not null check (target_value >= 0),
  primary key (version_id, indicator_id),
  foreign key (indicator_id, indicator_ready) references indicator (id, is_ready)
);

create table agreement_other_funding (
  version_id uuid not null references agreement_version (id),
  position integer not null check (position > 0),
  source text not null check (length(trim(source)) between 1 and 300),
  kind text not null check (kind in (
    'federal', 'provincial_territorial', 'municipal', 'indigenous_government', 'private', 'own_contribution', 'other')),
  amount_cents bigint not null check (amount_cents >= 0),
  status text not null check (status in ('confirmed', 'pending')),
  primary key (version_id, position)
);

-- The parts of a version change only while it is a draft.
create function agreement_version_part_frozen() returns trigger language plpgsql as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
  current_status text;
begin
  select status into current_status from agreement_version where id = target;
  if current_status is distinct from 'draft' then
    raise exception 'agreement version %: terms out of draft cannot change', target using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger agreement_version_pillar_frozen before insert or update or delete on agreement_version_pillar
  for each row execute function agreement_version_part_frozen();
create trigger agreement_fiscal_year_frozen before insert or update or delete on agreement_fiscal_year
  for each row execute function agreement_version_part_frozen();
create trigger agreement_budget_line_frozen before insert or update or delete on agreement_budget_line
  for each row execute function agreement_version_part_frozen();
create trigger agreement_milestone_frozen before insert or update or delete on agreement_milestone
  for each row execute function agreement_version_part_frozen();
create trigger agreement_indicator_frozen before insert or update or delete on agreement_indicator
  for each row execute function agreement_version_part_frozen();
create trigger agreement_other_funding_frozen before insert or update or delete on agreement_other_funding
  for each row execute function agreement_version_part_frozen();

-- A budget line's category must be one the agreement's program funds.
create function agreement_budget_line_category() returns trigger language plpgsql as $$
begin
  if not exists (
    select 1 from agreement_version v join agreement a on a.id = v.agreement_id
      join program_cost_category c on c.program_id = a.program_id and c.cost_category = new.cost_category
    where v.id = new.version_id
  ) then
    raise exception 'agreement version %: the program does not fund %', new.version_id, new.cost_category using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger agreement_budget_line_category before insert or update on agreement_budget_line
  for each row execute function agreement_budget_line_category();

-- The money journal. Append-only: a correction is a new entry. A commitment may be negative
-- (an amendment that lowers a fiscal year); every other entry is a positive amount.
create table ledger_entry (
  id bigint generated always as identity primary key,
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  cost_category text check (cost_category in (
    'salaries_benefits', 'travel', 'equipment', 'materials_supplies', 'rent',
    'professional_services', 'evaluation', 'administration', 'other')),
  kind text not null check (kind in (
    'commitment', 'advance_paid', 'expenditure_reported', 'advance_reconciled', 'reimbursement_paid',
    'holdback_retained', 'holdback_released', 'overpayment_established', 'recovery_received', 'lapse')),
  amount_cents bigint not null check (amount_cents <> 0),
  agreement_version integer,
  memo text not null default '' check (length(memo) <= 2000),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  check (kind = 'commitment' or amount_cents > 0)
);
create index ledger_entry_agreement_idx on ledger_entry (agreement_id, fiscal_year, kind);
create trigger ledger_entry_append_only before update or delete on ledger_entry
  for each row execute function refuse_change();

-- Checked when a version leaves draft (and at commit, once all its parts are written): the
-- amounts per fiscal year add up to the total, each year lies in the term, each year's budget
-- adds up to its amount, and no fiscal year holds less than what was paid in it.
create function agreement_version_consistent() returns trigger language plpgsql as $$
declare
  v record;
  bad text;
begin
  select * into v from agreement_version where id = new.id;
  if v.status = 'draft' or v.status = 'rejected' or v.status = 'superseded' then
    return null;
  end if;
  if coalesce((select sum(amount_cents) from agreement_fiscal_year where version_id = v.id), 0) <> v.total_cents then
    raise exception 'agreement version %: fiscal-year amounts do not add up to the total', v.id using errcode = 'check_violation';
  end if;
  select y.fiscal_year into bad from agreement_fiscal_year y join fiscal_year f on f.label = y.fiscal_year
    where y.version_id = v.id and (f.end_date < v.start_date or f.start_date > v.end_date) limit 1;
  if bad is not null then
    raise exception 'agreement version %: fiscal year % is outside the term', v.id, bad using errcode = 'check_violation';
  end if;
  select y.fiscal_year into bad from agreement_fiscal_year y
    where y.version_id = v.id
      and y.amount_cents <> coalesce((select sum(b.amount_cents) from agreement_budget_line b
                                      where b.version_id = v.id and b.fiscal_year = y.fiscal_year), 0)
    limit 1;
  if bad is not null then
    raise exception 'agreement version %: the budget of % does not add up', v.id, bad using errcode = 'check_violation';
  end if;
  select p.fiscal_year into bad from (
      select fiscal_year, sum(amount_cents) as paid from ledger_entry
        where agreement_id = v.agreement_id and kind in ('advance_paid', 'reimbursement_paid')
        group by fiscal_year) p
    left join agreement_fiscal_year y on y.version_id = v.id and y.fiscal_year = p.fiscal_year
    where coalesce(y.amount_cents, 0) < p.paid limit 1;
  if bad is not null then
    raise exception 'agreement version %: money paid in % cannot leave it', v.id, bad using errcode = 'check_violation';
  end if;
  return null;
end
$$;
create constraint trigger agreement_version_consistent after insert or update on agreement_version
  deferrable initially deferred for each row execute function agreement_version_consistent();

-- An amendment comes into force only by someone other than its author who holds authority for
-- its total; the department signs an agreement only within the signer's delegated authority.
create function agreement_version_authority() returns trigger language plpgsql as $$
begin
  if new.status = 'in_force' and new.version > 1 and not exists (
    select 1 from agreement a
      join program_approval_limit l on l.program_id = a.program_id and l.role = new.decider_role
      join membership m on m.user_id = new.decided_by and m.role = new.decider_role
    where a.id = new.agreement_id and l.max_amount_cents = new.decider_limit_cents and new.total_cents <= l.max_amount_cents
  ) then
    raise exception 'amendment %: % holds no % authority for %', new.id, new.decided_by, new.decider_role, new.total_cents
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger agreement_version_authority before update on agreement_version
  for each row execute function agreement_version_authority();

create function agreement_guard() returns trigger language plpgsql as $$
declare
  total bigint;
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'sent_for_signature'), ('sent_for_signature', 'draft'), ('sent_for_signature', 'recipient_signed'),
    ('recipient_signed', 'active'), ('recipient_signed', 'draft'),
    ('active', 'closed'), ('active', 'terminated'))) then
    raise exception 'agreement %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if new.program_id <> old.program_id or new.organisation_id <> old.organisation_id
     or new.reference_number <> old.reference_number or new.application_id is distinct from old.application_id then
    raise exception 'agreement %: its parties and reference never change', old.id using errcode = 'check_violation';
  end if;
  if new.status = 'recipient_signed' and old.status = 'sent_for_signature' then
    if not exists (select 1 from organisation o where o.id = new.organisation_id and o.verified_at is not null) then
      raise exception 'agreement %: an unverified organisation cannot sign', old.id using errcode = 'check_violation';
    end if;
    if not exists (select 1 from membership m where m.user_id = new.recipient_signed_by and m.role = 'recipient'
                   and m.organisation_id = new.organisation_id) then
      raise exception 'agreement %: the signer is not a person of the recipient', old.id using errcode = 'check_violation';
    end if;
  end if;
  if new.status = 'active' and old.status = 'recipient_signed' then
    select total_cents into total from agreement_version where agreement_id = new.id and version = new.current_version;
    if not exists (
      select 1 from program_approval_limit l
        join membership m on m.user_id = new.department_signed_by and m.role = new.department_signer_role
      where l.program_id = new.program_id and l.role = new.department_signer_role
        and l.max_amount_cents = new.department_signer_limit_cents and total <= l.max_amount_cents
    ) then
      raise exception 'agreement %: % holds no % authority for %', old.id, new.department_signed_by, new.department_signer_role, total
        using errcode = 'check_violation';
    end if;
  end if;
  return new;
end
$$;
create trigger agreement_guard before update on agreement
  for each row execute function agreement_guard();
create trigger agreement_no_delete before delete on agreement
  for each row execute function refuse_change();
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
