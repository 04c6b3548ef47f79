/**
 * The platform's core: reference data (strategies, pillars, programs, streams, fiscal years),
 * organisations, users and their roles, sessions, one-time tokens, the mail outbox and the
 * append-only audit trail. Frozen once landed: never edit, add a new migration instead.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table strategy (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]+$'),
  name_en text not null check (length(name_en) between 1 and 300),
  name_fr text not null check (length(name_fr) between 1 and 300),
  first_fiscal_year text check (first_fiscal_year ~ '^[0-9]{4}-[0-9]{2}$'),
  created_at timestamptz not null default now()
);

create table pillar (
  id uuid primary key default gen_random_uuid(),
  strategy_id uuid not null references strategy (id),
  code text not null check (code ~ '^[a-z0-9-]+$'),
  position integer not null check (position > 0),
  name_en text not null check (length(name_en) between 1 and 300),
  name_fr text not null check (length(name_fr) between 1 and 300),
  unique (strategy_id, code),
  unique (strategy_id, position)
);

create table program (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]+$'),
  strategy_id uuid not null references strategy (id),
  name_en text not null check (length(name_en) between 1 and 300),
  name_fr text not null check (length(name_fr) between 1 and 300),
  description_en text not null default '',
  description_fr text not null default '',
  transfer_payment_type text not null check (transfer_payment_type in ('grant', 'contribution')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table funding_stream (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references program (id),
  code text not null check (code ~ '^[a-z0-9-]+$'),
  name_en text not null check (length(name_en) between 1 and 300),
  name_fr text not null check (length(name_fr) between 1 and 300),
  created_at timestamptz not null default now(),
  unique (program_id, code)
);

-- April 1 to March 31, named after the two calendar years it spans ("2024-25").
create table fiscal_year (
  label text primary key,
  start_date date not null unique,
  end_date date not null unique,
  status text not null default 'open' check (status in ('open', 'closed')),
  check (extract(month from start_date) = 4 and extract(day from start_date) = 1),
  check (end_date = (start_date + interval '1 year' - interval '1 day')::date),
  check (label = to_char(start_date, 'YYYY') || '-' || to_char(start_date + interval '1 year', 'YY'))
);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  legal_name_en text not null check (length(trim(legal_name_en)) between 1 and 300),
  legal_name_fr text not null check (length(trim(legal_name_fr)) between 1 and 300),
  type text not null check (type in (
    'province_or_territory', 'municipal_police_service', 'provincial_police_service',
    'indigenous_organisation', 'non_profit', 'academic', 'other')),
  province_or_territory text not null check (province_or_territory in (
    'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT')),
  business_number text check (business_number ~ '^[0-9]{9}([A-Z]{2}[0-9]{4})?$'),
  is_indigenous_led boolean not null default false,
  is_survivor_led boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Duplicates are flagged for a person to resolve, not refused, so these are plain indexes.
create index organisation_business_number_idx on organisation (business_number);
create index organisation_name_idx on organisation (lower(legal_name_en), province_or_territory);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(trim(email)) and email like '_%@_%'),
  display_name text not null check (length(trim(display_name)) between 1 and 120),
  preferred_language text not null default 'en' check (preferred_language in ('en', 'fr')),
  password_hash text,
  status text not null default 'invited' check (status in ('invited', 'active', 'deactivated')),
  failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'active' or password_hash is not null)
);

-- A user's role. A recipient role names its organisation; department roles never do.
create table membership (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  role text not null check (role in (
    'recipient', 'program_officer', 'program_manager', 'reviewer',
    'finance_officer', 'results_analyst', 'administrator')),
  organisation_id uuid references organisation (id),
  created_at timestamptz not null default now(),
  check ((role = 'recipient') = (organisation_id is not null)),
  unique nulls not distinct (user_id, role, organisation_id)
);
create index membership_organisation_idx on membership (organisation_id);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
create table user_session (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  check (expires_at > created_at)
);
create index user_session_user_idx on user_session (user_id);

-- Invitations and password resets: single use, expiring; only the token's hash is stored.
create table user_token (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index user_token_user_idx on user_token (user_id, purpose);

-- The mail outbox: written in the same transaction as the change that sends it, delivered after commit.
create table mail_message (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  language text not null check (language in ('en', 'fr')),
  template text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
create index mail_message_status_idx on mail_message (status, created_at);

-- Who did what, when, to which record: append-only.
create table audit_event (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references app_user (id),
  entity_type text not null check (entity_type ~ '^[a-z_]+$'),
  entity_id text not null,
  action text not null check (action ~ '^[a-z_.]+$'),
  before jsonb,
  after jsonb,
  request_id text
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at);
create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at);

create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
  for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_refuse_change();
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
