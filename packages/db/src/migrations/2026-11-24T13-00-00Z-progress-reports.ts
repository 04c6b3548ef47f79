/**
 * Progress reports: the reporting periods of each agreement (from its reporting schedule), one
 * report per period with its autosaved draft, every submitted version kept (the review's outcome
 * and comments per section written once on it), indicator actuals with their GBA Plus breakdown
 * (counts only), activity statuses, milestone approvals, reminders sent (once per period and
 * threshold) and in-app notifications. Accepting the final report makes the holdback releasable.
 * The database refuses what the rules forbid: a submitted version that changes, a breakdown that
 * does not add up to its count, a delayed activity without a reason, a review by the submitter.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table agreement
  add column final_report_accepted_at timestamptz;

create table reporting_period (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreement (id),
  fiscal_year text not null references fiscal_year (label),
  period_start date not null,
  period_end date not null,
  due_date date not null,
  is_final boolean not null default false,
  -- An amendment that changes the schedule cancels the periods nobody reported on.
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  unique (agreement_id, period_start),
  check (period_end >= period_start),
  check (due_date > period_end)
);
create unique index reporting_period_one_final on reporting_period (agreement_id) where is_final and cancelled_at is null;
create index reporting_period_due_idx on reporting_period (due_date) where cancelled_at is null;

create table progress_report (
  id uuid primary key default gen_random_uuid(),
  period_id uuid not null unique references reporting_period (id),
  agreement_id uuid not null references agreement (id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
  -- How many times it was submitted: the latest version's number.
  revision integer not null default 0 check (revision >= 0),
  draft jsonb not null,
  draft_saved_at timestamptz,
  draft_saved_by uuid references app_user (id),
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references app_user (id),
  check ((status = 'draft') = (revision = 0)),
  check ((status = 'accepted') = (accepted_at is not null)),
  check ((accepted_at is null) = (accepted_by is null))
);
create index progress_report_agreement_idx on progress_report (agreement_id, status);

create function progress_report_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'submitted'), ('submitted', 'returned'), ('submitted', 'accepted'), ('returned', 'submitted'))) then
    raise exception 'progress report %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if old.status in ('submitted', 'accepted') and new.draft is distinct from old.draft then
    raise exception 'progress report %: a submitted report cannot be edited', old.id using errcode = 'check_violation';
  end if;
  if new.period_id <> old.period_id or new.agreement_id <> old.agreement_id or new.revision < old.revision then
    raise exception 'progress report %: its period and history never change', old.id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger progress_report_guard before update on progress_report
  for each row execute function progress_report_guard();
create trigger progress_report_no_delete before delete on progress_report
  for each row execute function refuse_change();

create table progress_report_revision (
  report_id uuid not null references progress_report (id),
  revision integer not null check (revision > 0),
  content jsonb not null,
  submitted_by uuid not null references app_user (id),
  submitted_at timestamptz not null default now(),
  outcome text check (outcome in ('returned', 'accepted')),
  comments jsonb not null default '{}',
  reviewed_by uuid references app_user (id),
  reviewed_at timestamptz,
  primary key (report_id, revision),
  check ((outcome is null) = (reviewed_at is null)),
  check ((outcome is null) = (reviewed_by is null)),
  check (reviewed_by is null or reviewed_by <> submitted_by)
);

-- A submitted version is what it was: only its review is written, once.
create function progress_report_revision_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'progress report %: versions are never deleted', old.report_id using errcode = 'restrict_violation';
  end if;
  if old.outcome is not null
     or new.content is distinct from old.content or new.submitted_by <> old.submitted_by
     or new.submitted_at <> old.submitted_at or new.report_id <> old.report_id or new.revision <> old.revision then
    raise exception 'progress report %: version % is final', old.report_id, old.revision using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger progress_report_revision_guard before update or delete on progress_report_revision
  for each row execute function progress_report_revision_guard();

create table report_indicator_value (
  report_id uuid not null,
  revision integer not null,
  indicator_id uuid not null references indicator (id),
  value numeric(16, 4) not null check (value >= 0),
  primary key (report_id, revision, indicator_id),
  foreign key (report_id, revision) references progress_report_revision (report_id, revision)
);
create index report_indicator_value_indicator_idx on report_indicator_value (indicator_id);

create table report_indicator_breakdown (
  report_id uuid not null,
  revision integer not null,
  indicator_id uuid not null,
  dimension text not null check (dimension in (
    'gender', 'age_group', 'indigenous_identity', 'two_slgbtqi_plus', 'disability',
    'official_language', 'urban_rural_remote', 'newcomer_or_migrant')),
  category text not null check (category ~ '^[a-z0-9_]{1,40}$'),
  count integer not null check (count >= 0),
  primary key (report_id, revision, indicator_id, dimension, category),
  foreign key (report_id, revision, indicator_id) references report_indicator_value (report_id, revision, indicator_id)
);

create table report_activity_status (
  report_id uuid not null,
  revision integer not null,
  milestone_key uuid not null,
  status text not null check (status in ('not_started', 'in_progress', 'completed', 'delayed', 'cancelled')),
  reason text not null default '' check (length(reason) <= 2000),
  new_expected_date date,
  primary key (report_id, revision, milestone_key),
  foreign key (report_id, revision) references progress_report_revision (report_id, revision),
  check (status not in ('delayed', 'cancelled') or length(trim(reason)) > 0),
  check (status <> 'delayed' or new_expected_date is not null)
);

-- The figures of a submitted version never change either.
create trigger report_indicator_value_final before update or delete on report_indicator_value
  for each row execute function refuse_change();
create trigger report_indicator_breakdown_final before update or delete on report_indicator_breakdown
  for each row execute function refuse_change();
create trigger report_activity_status_final before update or delete on report_activity_status
  for each row execute function refuse_change();

-- For a count, each GBA Plus dimension the indicator asks for adds up to the total (at commit,
-- once every row of the version is written).
create function report_breakdown_adds_up() returns trigger language plpgsql as $$
declare
  bad record;
begin
  select v.indicator_id, d.dimension, v.value, coalesce(sum(b.count), 0) as counted into bad
  from report_indicator_value v
    join indicator i on i.id = v.indicator_id and i.unit = 'count'
    cross join lateral unnest(i.gba_dimensions) as d(dimension)
    left join report_indicator_breakdown b on b.report_id = v.report_id and b.revision = v.revision
      and b.indicator_id = v.indicator_id and b.dimension = d.dimension
  where v.report_id = new.report_id and v.revision = new.revision
  group by v.indicator_id, d.dimension, v.value
  having coalesce(sum(b.count), 0) <> v.value
  limit 1;
  if bad is not null then
    raise exception 'progress report %: % breakdown of % adds up to %, not %', new.report_id, bad.dimension, bad.indicator_id, bad.counted, bad.value
      using errcode = 'check_violation';
  end if;
  return null;
end
$$;
create constraint trigger report_breakdown_adds_up after insert on progress_report_revision
  deferrable initially deferred for each row execute function report_breakdown_adds_up();

-- An approved milestone makes the payment tied to it claimable.
create table milestone_approval (
  agreement_id uuid not null references agreement (id),
  milestone_key uuid not null,
  report_id uuid not null references progress_report (id),
  approved_by uuid not null references app_user (id),
  approved_at timestamptz not null default now(),
  primary key (agreement_id, milestone_key)
);
create trigger milestone_approval_final before update or delete on milestone_approval
  for each row execute function refuse_change();

-- One reminder per period and threshold, whatever runs the job and however often.
create table report_reminder (
  period_id uuid not null references reporting_period (id),
  threshold text not null check (threshold in ('due_in_14_days', 'due_in_3_days', 'overdue')),
  sent_at timestamptz not null default now(),
  primary key (period_id, threshold)
);

create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  kind text not null check (kind ~ '^[a-z_]{1,60}$'),
  agreement_id uuid references agreement (id),
  report_id uuid references progress_report (id),
  params jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
