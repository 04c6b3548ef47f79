/**
 * Programs and their money (pillars, stacking limit, delegated approval limits, budget by fiscal
 * year and pillar), the performance measurement framework (logic model, indicators with a
 * readiness flag the database computes, departmental results) and calls for proposals.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table program
  add column stacking_limit_bp integer not null default 10000 check (stacking_limit_bp between 0 and 10000);

-- The pillars a program funds; a pillar must belong to the program's strategy (checked by trigger).
create table program_pillar (
  program_id uuid not null references program (id),
  pillar_id uuid not null references pillar (id),
  primary key (program_id, pillar_id)
);

create function program_pillar_same_strategy() returns trigger language plpgsql as $$
begin
  if not exists (
    select 1 from program p join pillar pl on pl.strategy_id = p.strategy_id
    where p.id = new.program_id and pl.id = new.pillar_id
  ) then
    raise exception 'pillar % does not belong to the strategy of program %', new.pillar_id, new.program_id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger program_pillar_same_strategy before insert or update on program_pillar
  for each row execute function program_pillar_same_strategy();

-- Delegated authority: the largest agreement total each role may approve for this program.
create table program_approval_limit (
  program_id uuid not null references program (id),
  role text not null check (role in ('program_officer', 'program_manager')),
  max_amount_cents bigint not null check (max_amount_cents >= 0),
  primary key (program_id, role)
);

-- The money available to commit, by fiscal year and pillar.
create table program_budget (
  program_id uuid not null,
  pillar_id uuid not null,
  fiscal_year text not null references fiscal_year (label),
  amount_cents bigint not null check (amount_cents >= 0),
  updated_at timestamptz not null default now(),
  primary key (program_id, fiscal_year, pillar_id),
  foreign key (program_id, pillar_id) references program_pillar (program_id, pillar_id)
);

-- Departmental results framework: core responsibility > departmental result > indicator.
create table core_responsibility (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0)
);
create table departmental_result (
  id uuid primary key default gen_random_uuid(),
  core_responsibility_id uuid not null references core_responsibility (id),
  code text not null unique,
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0)
);
create table departmental_result_indicator (
  id uuid primary key default gen_random_uuid(),
  departmental_result_id uuid not null references departmental_result (id),
  code text not null unique,
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0)
);

-- The logic model: results at four levels, each contributing to results one level up.
create table logic_model_result (
  id uuid primary key default gen_random_uuid(),
  strategy_id uuid not null references strategy (id),
  program_id uuid references program (id),
  level text not null check (level in ('ultimate', 'intermediate', 'immediate', 'output')),
  pillar_id uuid references pillar (id),
  code text not null check (code ~ '^[a-z0-9-]+$'),
  position integer not null check (position > 0),
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0),
  unique (strategy_id, code),
  check (level <> 'output' or pillar_id is not null)
);

create table logic_model_link (
  from_result_id uuid not null references logic_model_result (id),
  to_result_id uuid not null references logic_model_result (id),
  primary key (from_result_id, to_result_id),
  check (from_result_id <> to_result_id)
);

create function logic_model_link_levels() returns trigger language plpgsql as $$
declare
  from_level text;
  to_level text;
begin
  select level into from_level from logic_model_result where id = new.from_result_id;
  select level into to_level from logic_model_result where id = new.to_result_id;
  if not ((from_level, to_level) in (('output', 'immediate'), ('immediate', 'intermediate'), ('intermediate', 'ultimate'))) then
    raise exception 'a % result cannot contribute to a % result', from_level, to_level using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger logic_model_link_levels before insert or update on logic_model_link
  for each row execute function logic_model_link_levels();

create table indicator (
  id uuid primary key default gen_random_uuid(),
  result_id uuid not null references logic_model_result (id),
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0),
  definition_en text,
  definition_fr text,
  unit text check (unit in ('count', 'percent', 'currency', 'days', 'yes_no')),
  direction text not null default 'higher_is_better' check (direction in ('higher_is_better', 'lower_is_better')),
  method_en text,
  method_fr text,
  source_en text,
  source_fr text,
  frequency text check (frequency in ('monthly', 'quarterly', 'semi_annual', 'annual')),
  baseline_value numeric(16, 4),
  baseline_year text references fiscal_year (label),
  target_value numeric(16, 4),
  target_date date,
  owner text,
  gba_dimensions text[] not null default '{}' check (gba_dimensions <@ array[
    'gender', 'age_group', 'indigenous_identity', 'two_slgbtqi_plus', 'disability',
    'official_language', 'urban_rural_remote', 'newcomer_or_migrant']::text[]),
  departmental_result_indicator_id uuid references departmental_result_indicator (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (unit <> 'percent' or ((baseline_value is null or baseline_value between 0 and 100) and (target_value is null or target_value between 0 and 100))),
  -- Ready: everything needed to collect it. Computed by the database, so it cannot drift.
  is_ready boolean generated always as (
    coalesce(trim(definition_en), '') <> '' and coalesce(trim(definition_fr), '') <> ''
    and unit is not null
    and coalesce(trim(method_en), '') <> '' and coalesce(trim(method_fr), '') <> ''
    and coalesce(trim(source_en), '') <> '' and coalesce(trim(source_fr), '') <> ''
    and frequency is not null
    and baseline_value is not null and baseline_year is not null
    and target_value is not null and target_date is not null
  ) stored,
  unique (id, is_ready)
);

create table call_for_proposals (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references program (id),
  stream_id uuid references funding_stream (id),
  title_en text not null check (length(trim(title_en)) > 0),
  title_fr text not null check (length(trim(title_fr)) > 0),
  description_en text not null default '',
  description_fr text not null default '',
  eligible_recipient_types text[] not null check (cardinality(eligible_recipient_types) > 0 and eligible_recipient_types <@ array[
    'province_or_territory', 'municipal_police_service', 'provincial_police_service',
    'indigenous_organisation', 'non_profit', 'academic', 'other']::text[]),
  eligible_provinces text[] not null check (cardinality(eligible_provinces) > 0 and eligible_provinces <@ array[
    'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']::text[]),
  priorities text[] not null default '{}' check (priorities <@ array[
    'indigenous_led', 'survivor_led', 'youth', 'migrant_workers', 'two_slgbtqi_plus',
    'rural_remote_northern', 'women_and_girls']::text[]),
  min_amount_cents bigint not null check (min_amount_cents >= 0),
  max_amount_cents bigint not null,
  max_duration_months integer not null check (max_duration_months between 1 and 120),
  first_fiscal_year text not null references fiscal_year (label),
  last_fiscal_year text not null references fiscal_year (label),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  status text not null default 'draft' check (status in ('draft', 'published', 'closed', 'cancelled')),
  published_at timestamptz,
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (max_amount_cents >= min_amount_cents),
  check (closes_at > opens_at),
  check (last_fiscal_year >= first_fiscal_year),
  check ((status = 'draft') = (published_at is null) or status = 'cancelled')
);
create index call_for_proposals_status_idx on call_for_proposals (status, closes_at);

create table call_pillar (
  call_id uuid not null references call_for_proposals (id),
  pillar_id uuid not null references pillar (id),
  primary key (call_id, pillar_id)
);

-- Only a ready indicator can be attached: the foreign key pairs the indicator with is_ready = true,
-- so an indicator in use cannot lose what makes it ready either.
create table call_indicator (
  call_id uuid not null references call_for_proposals (id),
  indicator_id uuid not null,
  indicator_ready boolean not null default true check (indicator_ready),
  primary key (call_id, indicator_id),
  foreign key (indicator_id, indicator_ready) references indicator (id, is_ready)
);

create table call_eligibility_question (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references call_for_proposals (id),
  position integer not null check (position > 0),
  text_en text not null check (length(trim(text_en)) > 0),
  text_fr text not null check (length(trim(text_fr)) > 0),
  expected_answer boolean not null,
  unique (call_id, position)
);

create table call_criterion (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references call_for_proposals (id),
  position integer not null check (position > 0),
  name_en text not null check (length(trim(name_en)) > 0),
  name_fr text not null check (length(trim(name_fr)) > 0),
  weight integer not null check (weight between 1 and 100),
  unique (call_id, position)
);

-- A published call's rules are frozen: only its description (and its status) may change.
create function call_rules_frozen() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' and (
    (to_jsonb(new) - array['description_en', 'description_fr', 'status', 'updated_at'])
    is distinct from (to_jsonb(old) - array['description_en', 'description_fr', 'status', 'updated_at'])
  ) then
    raise exception 'call %: the rules of a % call cannot change', old.id, old.status using errcode = 'check_violation';
  end if;
  if new.status = 'published' and old.status = 'draft' then
    if coalesce((select sum(weight) from call_criterion where call_id = new.id), 0) <> 100 then
      raise exception 'call %: criteria weights must sum to 100 to publish', new.id using errcode = 'check_violation';
    end if;
    if not exists (select 1 from call_indicator where call_id = new.id) then
      raise exception 'call %: a call needs at least one indicator to publish', new.id using errcode = 'check_violation';
    end if;
  end if;
  return new;
end
$$;
create trigger call_rules_frozen before update on call_for_proposals
  for each row execute function call_rules_frozen();

create function call_part_frozen() returns trigger language plpgsql as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.call_id else new.call_id end;
begin
  if (select status from call_for_proposals where id = target) <> 'draft' then
    raise exception 'call %: the rules of a call that is no longer a draft cannot change', target using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger call_pillar_frozen before insert or update or delete on call_pillar
  for each row execute function call_part_frozen();
create trigger call_indicator_frozen before insert or update or delete on call_indicator
  for each row execute function call_part_frozen();
create trigger call_eligibility_question_frozen before insert or update or delete on call_eligibility_question
  for each row execute function call_part_frozen();
create trigger call_criterion_frozen before insert or update or delete on call_criterion
  for each row execute function call_part_frozen();
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
