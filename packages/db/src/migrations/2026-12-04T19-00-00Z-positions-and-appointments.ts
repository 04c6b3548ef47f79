/**
 * Positions above the program manager, and who holds them (issue 17, parts 1 and 2). The
 * instrument had limits for two roles only, so nobody could sign an agreement above a program
 * manager's limit. Now:
 * - A limit, and the role an act of authority was taken under (a funding decision, the
 *   department's signature, an amendment in force), is one of seven positions: program officer,
 *   program manager, director, director general, assistant deputy minister, deputy head, minister.
 * - `position_appointment`: who holds a position from which day to which (an acting appointment
 *   always ends), proposed by an administrator outside the delegation and in force once a second
 *   approves it; never deleted, decided once. Program officers and managers hold their own
 *   position by their role as before.
 * - `holds_position(person, position, day)`: the one database copy of positionsHeld; the three
 * *   authority checks now ask it for the day of the act (in Toronto, as the service reckons days), so an acting appointment stops conferring
 *   authority the day after it ends.
 * - `delegation_administrator` also excludes anyone appointed to a position that has not ended.
 * - Limits are in order over all seven positions: a higher one is never below a lower one.
 * The same rules as packages/domain/src/delegation.ts, held equal by
 * packages/db/test/parity/delegation.test.ts and authority.test.ts. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

const POSITIONS = `'program_officer', 'program_manager', 'director', 'director_general', 'assistant_deputy_minister', 'deputy_head', 'minister'`;
const BLANK = `[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table program_approval_limit drop constraint program_approval_limit_role_check;
alter table program_approval_limit add constraint program_approval_limit_role_check check (role in (${POSITIONS}));
alter table delegation_change drop constraint delegation_change_role_check;
alter table delegation_change add constraint delegation_change_role_check check (role in (${POSITIONS}));
alter table application_decision drop constraint application_decision_decider_role_check;
alter table application_decision add constraint application_decision_decider_role_check check (decider_role in (${POSITIONS}));
alter table agreement drop constraint agreement_department_signer_role_check;
alter table agreement add constraint agreement_department_signer_role_check check (department_signer_role in (${POSITIONS}));
alter table agreement_version drop constraint agreement_version_decider_role_check;
alter table agreement_version add constraint agreement_version_decider_role_check check (decider_role in (${POSITIONS}));

create table position_appointment (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  position text not null check (position in (${POSITIONS})),
  acting boolean not null,
  starts_on date not null,
  ends_on date,
  rationale text not null check (length(regexp_replace(rationale, '^${BLANK}+|${BLANK}+$', '', 'g')) between 1 and 2000),
  proposed_by uuid not null references app_user (id),
  proposed_at timestamptz not null default now(),
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  check (not acting or ends_on is not null),
  check (ends_on is null or ends_on >= starts_on),
  check ((status = 'proposed') = (decided_by is null)),
  check ((decided_by is null) = (decided_at is null)),
  check (decided_by is null or decided_by <> proposed_by),
  check (user_id <> proposed_by and (decided_by is null or user_id <> decided_by))
);
create index position_appointment_user_idx on position_appointment (user_id, position) where status = 'approved';

create function holds_position(person uuid, pos text, on_day date) returns boolean language sql stable as $$
  select exists (select 1 from membership m where m.user_id = holds_position.person and m.role = holds_position.pos
                 and holds_position.pos in ('program_officer', 'program_manager'))
      or exists (select 1 from position_appointment a where a.user_id = holds_position.person and a.position = holds_position.pos
                 and a.status = 'approved' and a.starts_on <= holds_position.on_day
                 and (a.ends_on is null or holds_position.on_day <= a.ends_on))
$$;

create or replace function delegation_administrator(person uuid) returns boolean language sql stable as $$
  select exists (select 1 from membership m where m.user_id = delegation_administrator.person and m.role = 'administrator')
     and not exists (select 1 from membership m where m.user_id = delegation_administrator.person and m.role in ('program_officer', 'program_manager'))
     and not exists (select 1 from position_appointment a where a.user_id = delegation_administrator.person and a.status = 'approved'
                     and (a.ends_on is null or a.ends_on >= (now() at time zone 'America/Toronto')::date))
$$;

create function position_appointment_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'appointment %: the instrument''s history is never deleted', old.id using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'proposed' then
      raise exception 'appointment: an appointment is proposed first' using errcode = 'check_violation';
    end if;
    if not delegation_administrator(new.proposed_by) then
      raise exception 'appointment: % is not an administrator outside the delegation', new.proposed_by using errcode = 'check_violation', hint = 'delegation_not_administrator';
    end if;
    return new;
  end if;
  if old.status <> 'proposed' or new.status = 'proposed'
     or (to_jsonb(new) - array['status', 'decided_by', 'decided_at']) is distinct from (to_jsonb(old) - array['status', 'decided_by', 'decided_at']) then
    raise exception 'appointment %: only a proposed appointment is decided, once, and nothing else of it changes', old.id using errcode = 'check_violation';
  end if;
  if not delegation_administrator(new.decided_by) then
    raise exception 'appointment %: % is not an administrator outside the delegation', old.id, new.decided_by using errcode = 'check_violation', hint = 'delegation_not_administrator';
  end if;
  return new;
end
$$;
create trigger position_appointment_guard before insert or update or delete on position_appointment
  for each row execute function position_appointment_guard();

-- In order over the seven positions, checked at the end of the transaction.
create or replace function program_approval_limit_order() returns trigger language plpgsql as $$
declare
  positions text[] := array[${POSITIONS}];
  lower_role text;
  higher_role text;
begin
  select l.role, h.role into lower_role, higher_role
    from program_approval_limit l join program_approval_limit h on h.program_id = l.program_id
   where l.program_id = new.program_id and array_position(positions, h.role) > array_position(positions, l.role)
     and h.max_amount_cents < l.max_amount_cents
   limit 1;
  if lower_role is not null then
    raise exception 'approval limits of program %: the % limit is below the % limit', new.program_id, higher_role, lower_role
      using errcode = 'check_violation', hint = 'approval_limits_order';
  end if;
  return null;
end
$$;

create or replace function application_decision_authority() returns trigger language plpgsql as $$
begin
  if not exists (
    select 1 from application a
      join call_for_proposals c on c.id = a.call_id
      join program_approval_limit l on l.program_id = c.program_id and l.role = new.decider_role
    where a.id = new.application_id and l.max_amount_cents = new.decider_limit_cents
      and holds_position(new.decided_by, new.decider_role, (now() at time zone 'America/Toronto')::date)
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

create or replace function agreement_version_authority() returns trigger language plpgsql as $$
begin
  if new.status = 'in_force' and new.version > 1 and not exists (
    select 1 from agreement a
      join program_approval_limit l on l.program_id = a.program_id and l.role = new.decider_role
    where a.id = new.agreement_id and l.max_amount_cents = new.decider_limit_cents and new.total_cents <= l.max_amount_cents
      and holds_position(new.decided_by, new.decider_role, (now() at time zone 'America/Toronto')::date)
  ) then
    raise exception 'amendment %: % holds no % authority for %', new.id, new.decided_by, new.decider_role, new.total_cents
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create or replace function agreement_guard() returns trigger language plpgsql as $$
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
      where l.program_id = new.program_id and l.role = new.department_signer_role
        and l.max_amount_cents = new.department_signer_limit_cents and total <= l.max_amount_cents
        and holds_position(new.department_signed_by, new.department_signer_role, (now() at time zone 'America/Toronto')::date)
    ) then
      raise exception 'agreement %: % holds no % authority for %', old.id, new.department_signed_by, new.department_signer_role, total
        using errcode = 'check_violation';
    end if;
  end if;
  return new;
end
$$;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
