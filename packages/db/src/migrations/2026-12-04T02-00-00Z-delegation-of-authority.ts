/**
 * The delegation of authority binds the people it limits (issue 17, part 1). The officer's and
 * manager's approval limits of a program were set with the program's terms, so a program officer
 * could raise the limit that binds them and then approve what it forbade. Now:
 * - `delegation_change` holds each change of one role's limit in one program: proposed by an
 *   administrator who holds no delegated role (program officer or manager), in force once a
 *   second such administrator approves it, never by its proposer; never deleted, and once decided
 *   never changed. Its rows are the instrument's history.
 * - `program_approval_limit` is changed only by an approved change: every row written from now on
 *   names the change it comes from (`delegation_change_id`, same program, role and amount), and no
 *   row is deleted. Rows already there are the instrument's first state.
 * - A manager's limit is never below the officer's.
 * The same rules as packages/domain/src/delegation.ts, held equal by
 * packages/db/test/parity/delegation.test.ts. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table delegation_change (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references program (id),
  role text not null check (role in ('program_officer', 'program_manager')),
  max_amount_cents bigint not null check (max_amount_cents >= 0),
  previous_cents bigint check (previous_cents >= 0),
  -- Blank is what JavaScript's trim() removes, as in every required text (packages/db/test/parity/blank.test.ts).
  rationale text not null check (length(regexp_replace(rationale, '^[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+|[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+$', '', 'g')) between 1 and 2000),
  proposed_by uuid not null references app_user (id),
  proposed_at timestamptz not null default now(),
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  check ((status = 'proposed') = (decided_by is null)),
  check ((decided_by is null) = (decided_at is null)),
  check (decided_by is null or decided_by <> proposed_by)
);
create index delegation_change_program_idx on delegation_change (program_id, proposed_at);
-- At most one proposal waits per program and role.
create unique index delegation_change_one_waiting on delegation_change (program_id, role) where status = 'proposed';

-- An administrator who holds no delegated role: the only person who may propose or decide a change.
create function delegation_administrator(person uuid) returns boolean language sql stable as $$
  select exists (select 1 from membership m where m.user_id = delegation_administrator.person and m.role = 'administrator')
     and not exists (select 1 from membership m where m.user_id = delegation_administrator.person and m.role in ('program_officer', 'program_manager'))
$$;

create function delegation_change_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'delegation change %: the instrument''s history is never deleted', old.id using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'proposed' then
      raise exception 'delegation change: a change is proposed first' using errcode = 'check_violation';
    end if;
    if not delegation_administrator(new.proposed_by) then
      raise exception 'delegation change: % is not an administrator outside the delegation', new.proposed_by using errcode = 'check_violation', hint = 'delegation_not_administrator';
    end if;
    return new;
  end if;
  if old.status <> 'proposed' or new.status = 'proposed'
     or (new.program_id, new.role, new.max_amount_cents, new.previous_cents, new.rationale, new.proposed_by, new.proposed_at)
        is distinct from (old.program_id, old.role, old.max_amount_cents, old.previous_cents, old.rationale, old.proposed_by, old.proposed_at) then
    raise exception 'delegation change %: only a proposed change is decided, once, and nothing else of it changes', old.id using errcode = 'check_violation';
  end if;
  if not delegation_administrator(new.decided_by) then
    raise exception 'delegation change %: % is not an administrator outside the delegation', old.id, new.decided_by using errcode = 'check_violation', hint = 'delegation_not_administrator';
  end if;
  return new;
end
$$;
create trigger delegation_change_guard before insert or update or delete on delegation_change
  for each row execute function delegation_change_guard();

alter table program_approval_limit add column delegation_change_id uuid references delegation_change (id);

create function program_approval_limit_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'approval limit of program %: a limit is changed, never deleted', old.program_id using errcode = 'check_violation';
  end if;
  if tg_op = 'UPDATE' or new.delegation_change_id is not null then
    if tg_op = 'UPDATE' and new.delegation_change_id is not distinct from old.delegation_change_id then
      raise exception 'approval limit of program %: changed only by an approved delegation change', new.program_id using errcode = 'check_violation', hint = 'delegation_change_required';
    end if;
    if not exists (select 1 from delegation_change c where c.id = new.delegation_change_id and c.status = 'approved'
                   and c.program_id = new.program_id and c.role = new.role and c.max_amount_cents = new.max_amount_cents) then
      raise exception 'approval limit of program %: changed only by an approved delegation change', new.program_id using errcode = 'check_violation', hint = 'delegation_change_required';
    end if;
  end if;
  return new;
end
$$;
create trigger program_approval_limit_guard before insert or update or delete on program_approval_limit
  for each row execute function program_approval_limit_guard();

-- Checked at the end of the transaction, when both limits are written.
create function program_approval_limit_order() returns trigger language plpgsql as $$
declare
  officer bigint;
  manager bigint;
begin
  select max(max_amount_cents) filter (where role = 'program_officer'), max(max_amount_cents) filter (where role = 'program_manager')
    into officer, manager from program_approval_limit where program_id = new.program_id;
  if manager is not null and manager < coalesce(officer, 0) then
    raise exception 'approval limits of program %: the manager''s limit % is below the officer''s %', new.program_id, manager, officer
      using errcode = 'check_violation', hint = 'approval_limits_order';
  end if;
  return null;
end
$$;
create constraint trigger program_approval_limit_order after insert or update on program_approval_limit
  deferrable initially deferred for each row execute function program_approval_limit_order();
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
