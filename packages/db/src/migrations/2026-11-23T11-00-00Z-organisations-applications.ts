/**
 * Organisation onboarding (address, contacts, official language, verification, organisation
 * administrators) and the life of an application: draft sections, submission frozen as a
 * version with a reference number, attachments, screening, reviewer assignments with conflict
 * of interest declarations, scores, recommendation, decision within delegated authority and
 * the decision letter. The database refuses what the rules forbid: a moved status outside the
 * lifecycle, a change to a submitted application, a score from a conflicted reviewer, a decision
 * above the decider's limit or by the person who recommended it. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table organisation
  add column address_line text check (length(address_line) <= 300),
  add column city text check (length(city) <= 120),
  add column postal_code text check (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
  add column contact_name text check (length(contact_name) <= 120),
  add column contact_email text check (contact_email = lower(trim(contact_email)) and contact_email like '_%@_%'),
  add column contact_phone text check (length(contact_phone) <= 20),
  add column official_language text not null default 'en' check (official_language in ('en', 'fr')),
  add column verified_at timestamptz,
  add column verified_by uuid references app_user (id),
  add column created_by uuid references app_user (id),
  add constraint organisation_verified_both check ((verified_at is null) = (verified_by is null));

-- An organisation administrator manages the organisation's profile and invites colleagues.
alter table membership
  add column is_organisation_admin boolean not null default false,
  add constraint membership_admin_is_recipient check (not is_organisation_admin or role = 'recipient');

create sequence application_reference_seq;

create table application (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references call_for_proposals (id),
  organisation_id uuid not null references organisation (id),
  created_by uuid not null references app_user (id),
  status text not null default 'draft' check (status in (
    'draft', 'submitted', 'withdrawn', 'screened_in', 'screened_out', 'under_review',
    'recommended', 'approved', 'approved_with_changes', 'declined')),
  -- Project section
  title text not null default '' check (length(title) <= 300),
  summary text not null default '' check (length(summary) <= 5000),
  objectives text not null default '' check (length(objectives) <= 5000),
  target_populations text not null default '' check (length(target_populations) <= 2000),
  regions_served text[] not null default '{}' check (regions_served <@ array[
    'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']::text[]),
  start_date date,
  end_date date,
  -- GBA Plus section
  gba_populations_served text not null default '' check (length(gba_populations_served) <= 5000),
  gba_barriers text[] not null default '{}' check (gba_barriers <@ array[
    'language', 'cultural_safety', 'remoteness', 'internet_access', 'disability', 'cost',
    'transportation', 'childcare', 'other']::text[]),
  gba_how_addressed text not null default '' check (length(gba_how_addressed) <= 5000),
  -- Submission: frozen
  reference_number text unique check (reference_number ~ '^APP-[0-9]{4}-[0-9]{6,}$'),
  requested_amount_cents bigint check (requested_amount_cents >= 0),
  submitted_at timestamptz,
  submitted_by uuid references app_user (id),
  submitted_version jsonb,
  acknowledged_at timestamptz,
  withdrawn_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date >= start_date),
  check ((status = 'draft') = (submitted_at is null)),
  check ((status = 'draft') = (reference_number is null)),
  check (status = 'draft' or (submitted_version is not null and requested_amount_cents is not null and submitted_by is not null)),
  check ((status = 'withdrawn') = (withdrawn_at is not null)),
  check ((status in ('approved', 'approved_with_changes', 'declined')) = (decided_at is not null))
);
-- One live application per organisation and call: two tabs or two clicks cannot make two.
create unique index application_one_per_call on application (call_id, organisation_id) where status <> 'withdrawn';
create index application_status_idx on application (call_id, status);
create index application_organisation_idx on application (organisation_id);

-- The lifecycle, as the domain's table has it; and a submitted application's content never changes.
create function application_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'submitted'),
    ('submitted', 'screened_in'), ('submitted', 'screened_out'), ('submitted', 'withdrawn'),
    ('screened_in', 'under_review'), ('screened_in', 'withdrawn'),
    ('under_review', 'recommended'), ('under_review', 'withdrawn'),
    ('recommended', 'approved'), ('recommended', 'approved_with_changes'), ('recommended', 'declined'),
    ('recommended', 'withdrawn'))) then
    raise exception 'application %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if old.status <> 'draft' and (
    (to_jsonb(new) - array['status', 'updated_at', 'withdrawn_at', 'decided_at', 'acknowledged_at'])
    is distinct from (to_jsonb(old) - array['status', 'updated_at', 'withdrawn_at', 'decided_at', 'acknowledged_at'])
  ) then
    raise exception 'application %: a submitted application cannot change', old.id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger application_guard before update on application
  for each row execute function application_guard();

create function application_refuse_delete() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' then
    raise exception 'application %: a submitted application cannot be deleted', old.id using errcode = 'restrict_violation';
  end if;
  return old;
end
$$;
create trigger application_no_delete before delete on application
  for each row execute function application_refuse_delete();

create table application_activity (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references application (id) on delete cascade,
  position integer not null check (position > 0),
  title text not null check (length(title) <= 300),
  description text not null default '' check (length(description) <= 5000),
  deliverables text not null default '' check (length(deliverables) <= 2000),
  start_date date,
  end_date date,
  check (end_date >= start_date),
  unique (application_id, position)
);

create table application_budget_line (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references application (id) on delete cascade,
  position integer not null check (position > 0),
  fiscal_year text not null references fiscal_year (label),
  cost_category text not null check (cost_category in (
    'salaries_benefits', 'travel', 'equipment', 'materials_supplies', 'rent',
    'professional_services', 'evaluation', 'administration', 'other')),
  amount_cents bigint not null check (amount_cents >= 0),
  justification text not null default '' check (length(justification) <= 2000),
  unique (application_id, position)
);

create table application_other_funding (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references application (id) on delete cascade,
  position integer not null check (position > 0),
  source text not null check (length(source) <= 300),
  kind text not null check (kind in (
    'federal', 'provincial_territorial', 'municipal', 'indigenous_government', 'private', 'own_contribution', 'other')),
  amount_cents bigint not null check (amount_cents >= 0),
  status text not null check (status in ('confirmed', 'pending')),
  unique (application_id, position)
);

create table application_expected_result (
  application_id uuid not null references application (id) on delete cascade,
  indicator_id uuid not null references indicator (id),
  target_value numeric(16, 4) not null check (target_value >= 0),
  notes text not null default '' check (length(notes) <= 2000),
  primary key (application_id, indicator_id)
);

create table application_eligibility_answer (
  application_id uuid not null references application (id) on delete cascade,
  question_id uuid not null references call_eligibility_question (id),
  answer boolean not null,
  primary key (application_id, question_id)
);

create table application_attachment (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references application (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in (
    'application/pdf', 'image/png', 'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid not null references app_user (id),
  uploaded_at timestamptz not null default now()
);
create index application_attachment_application_idx on application_attachment (application_id);

-- A section of a submitted application is frozen with it.
create function application_part_frozen() returns trigger language plpgsql as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.application_id else new.application_id end;
  current_status text;
begin
  select status into current_status from application where id = target;
  -- Deleting a draft cascades to its parts: the application row is already gone then.
  if current_status is not null and current_status <> 'draft' then
    raise exception 'application %: a submitted application cannot change', target using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger application_activity_frozen before insert or update or delete on application_activity
  for each row execute function application_part_frozen();
create trigger application_budget_line_frozen before insert or update or delete on application_budget_line
  for each row execute function application_part_frozen();
create trigger application_other_funding_frozen before insert or update or delete on application_other_funding
  for each row execute function application_part_frozen();
create trigger application_expected_result_frozen before insert or update or delete on application_expected_result
  for each row execute function application_part_frozen();
create trigger application_eligibility_answer_frozen before insert or update or delete on application_eligibility_answer
  for each row execute function application_part_frozen();
create trigger application_attachment_frozen before insert or update or delete on application_attachment
  for each row execute function application_part_frozen();

-- Eligibility screening by an officer: a reason whenever the application is screened out.
create table application_screening (
  application_id uuid primary key references application (id),
  checklist jsonb not null,
  eligible boolean not null,
  reason text not null default '' check (length(reason) <= 5000),
  screened_by uuid not null references app_user (id),
  screened_at timestamptz not null default now(),
  check (eligible or length(trim(reason)) > 0)
);

create table reviewer_assignment (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references application (id),
  reviewer_id uuid not null references app_user (id),
  assigned_by uuid not null references app_user (id),
  assigned_at timestamptz not null default now(),
  conflict text check (conflict in ('none', 'conflict')),
  conflict_note text not null default '' check (length(conflict_note) <= 2000),
  declared_at timestamptz,
  submitted_at timestamptz,
  unique (application_id, reviewer_id),
  check (reviewer_id <> assigned_by),
  check ((conflict is null) = (declared_at is null)),
  check (submitted_at is null or conflict = 'none')
);
create index reviewer_assignment_reviewer_idx on reviewer_assignment (reviewer_id);

create table review_score (
  assignment_id uuid not null references reviewer_assignment (id),
  criterion_id uuid not null references call_criterion (id),
  score integer not null check (score between 0 and 10),
  comment text not null default '' check (length(comment) <= 5000),
  updated_at timestamptz not null default now(),
  primary key (assignment_id, criterion_id)
);

-- Only a reviewer who declared no conflict scores, and only until the review is submitted.
create function review_score_allowed() returns trigger language plpgsql as $$
declare
  a record;
begin
  select conflict, submitted_at into a from reviewer_assignment
    where id = case when tg_op = 'DELETE' then old.assignment_id else new.assignment_id end;
  if a.conflict is distinct from 'none' or a.submitted_at is not null then
    raise exception 'review: scores refused (conflict %, submitted %)', a.conflict, a.submitted_at using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger review_score_allowed before insert or update or delete on review_score
  for each row execute function review_score_allowed();

create table application_recommendation (
  application_id uuid primary key references application (id),
  outcome text not null check (outcome in ('fund', 'fund_with_changes', 'do_not_fund')),
  amount_cents bigint check (amount_cents > 0),
  rationale text not null check (length(trim(rationale)) > 0),
  recommended_by uuid not null references app_user (id),
  recommended_at timestamptz not null default now(),
  check ((outcome = 'do_not_fund') = (amount_cents is null))
);

-- The decision records the authority it was taken under; the database checks that authority.
create table application_decision (
  application_id uuid primary key references application (id),
  outcome text not null check (outcome in ('approved', 'approved_with_changes', 'declined')),
  amount_cents bigint check (amount_cents > 0),
  rationale text not null check (length(trim(rationale)) > 0),
  decided_by uuid not null references app_user (id),
  decider_role text not null check (decider_role in ('program_officer', 'program_manager')),
  decider_limit_cents bigint not null check (decider_limit_cents >= 0),
  decided_at timestamptz not null default now(),
  check ((outcome = 'declined') = (amount_cents is null)),
  check (amount_cents is null or amount_cents <= decider_limit_cents)
);

create function application_decision_authority() returns trigger language plpgsql as $$
begin
  if not exists (
    select 1 from application a
      join call_for_proposals c on c.id = a.call_id
      join program_approval_limit l on l.program_id = c.program_id and l.role = new.decider_role
      join membership m on m.user_id = new.decided_by and m.role = new.decider_role
    where a.id = new.application_id and l.max_amount_cents = new.decider_limit_cents
  ) then
    raise exception 'decision on %: % holds no % authority of %', new.application_id, new.decided_by, new.decider_role, new.decider_limit_cents
      using errcode = 'check_violation';
  end if;
  if exists (select 1 from application_recommendation r where r.application_id = new.application_id and r.recommended_by = new.decided_by) then
    raise exception 'decision on %: the person who recommended cannot decide', new.application_id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger application_decision_authority before insert or update on application_decision
  for each row execute function application_decision_authority();

-- The letter as sent, in the organisation's official language.
create table decision_letter (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null unique references application (id),
  language text not null check (language in ('en', 'fr')),
  subject text not null,
  body text not null,
  generated_by uuid not null references app_user (id),
  generated_at timestamptz not null default now()
);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '%: % refused, the record is final', tg_table_name, tg_op using errcode = 'restrict_violation';
end
$$;
create trigger application_decision_final before update or delete on application_decision
  for each row execute function refuse_change();
create trigger decision_letter_final before update or delete on decision_letter
  for each row execute function refuse_change();
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
