/**
 * The disclosure's texts can be completed after draft (issue 19, part 1). A version out of draft is
 * frozen (agreement_version_guard): its terms are what the parties signed or approved. The French
 * title and description and the expected results in both languages (2026-12-04T20-00-00Z-disclosure-fields)
 * are not terms: they are what the department publishes about the agreement, in both official
 * languages, and were never written for the versions signed before them. So the guard now leaves
 * those four columns out of its comparison, as it leaves out the decision's columns; every other
 * column stays frozen, and the transitions are unchanged. The command that writes them
 * (agreements.writeDisclosureTexts) audits each change.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create or replace function agreement_version_guard() returns trigger language plpgsql as $$
declare
  free constant text[] := array['status', 'decided_by', 'decided_at', 'decider_role', 'decider_limit_cents', 'decision_note',
                                'title_fr', 'description_fr', 'expected_results_en', 'expected_results_fr'];
begin
  if new.status <> old.status and not ((old.status, new.status) in (
    ('draft', 'proposed'), ('proposed', 'draft'), ('proposed', 'in_force'), ('proposed', 'rejected'),
    ('in_force', 'superseded'))) then
    raise exception 'agreement version %: cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if old.status <> 'draft' and ((to_jsonb(new) - free) is distinct from (to_jsonb(old) - free)) then
    raise exception 'agreement version %: terms out of draft cannot change', old.id using errcode = 'check_violation';
  end if;
  return new;
end
$$;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
