/**
 * The database's copy of indicator readiness (`indicator.is_ready`) disagreed with the domain's
 * `isIndicatorReady` on blank text (packages/db/test/parity/readiness.test.ts): PostgreSQL's
 * trim() removes only spaces, JavaScript's trim() every white space and line end, so a
 * definition, method or source of only a tab, a line break or a no-break space was "ready" to
 * the database and missing to the domain. A text now counts as given when it holds a character
 * other than those JavaScript's trim() removes (U+0009-U+000D, U+0020, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
 *
 * A generated column's expression cannot be altered on PostgreSQL 15, so the column is made
 * again, with the unique key and the two foreign keys that pair a call's or an agreement's
 * indicator with is_ready = true (same names). Indicators in use were ready by the old rule;
 * the application never stores blank text (its inputs trim to null), so they stay ready.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

const given = (column: string) => `(coalesce(${column}, '') !~ '^[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*$')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table indicator drop column is_ready cascade;
alter table indicator add column is_ready boolean generated always as (
  ${sql.raw(given('definition_en'))} and ${sql.raw(given('definition_fr'))}
  and unit is not null
  and ${sql.raw(given('method_en'))} and ${sql.raw(given('method_fr'))}
  and ${sql.raw(given('source_en'))} and ${sql.raw(given('source_fr'))}
  and frequency is not null
  and baseline_value is not null and baseline_year is not null
  and target_value is not null and target_date is not null
) stored;
alter table indicator add constraint indicator_id_is_ready_key unique (id, is_ready);
alter table call_indicator add constraint call_indicator_indicator_id_indicator_ready_fkey
  foreign key (indicator_id, indicator_ready) references indicator (id, is_ready);
alter table agreement_indicator add constraint agreement_indicator_indicator_id_indicator_ready_fkey
  foreign key (indicator_id, indicator_ready) references indicator (id, is_ready);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
