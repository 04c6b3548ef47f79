/**
 * Every CHECK that measures a text after trimming it (`length(trim(x)) > 0`, `between 1 and N`)
 * trimmed only spaces, as PostgreSQL's trim() does; the domain's schemas trim every white space,
 * as JavaScript's trim() does. So a name, title, rationale or reason of only a tab, a line break
 * or a no-break space passed the database and not the domain (the same disagreement the parity
 * tests found in indicator readiness, activity reasons and adjustment reasons). Each such CHECK
 * is made again, with the same name, trimming the characters JavaScript's trim() removes
 * (U+0009-U+000D, U+0020, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF); packages/db/test/parity/blank.test.ts holds that class equal to trim() over
 * every character. The two e-mail CHECKs (stored lower-cased and trimmed) are left as they are.
 * Stored texts came through the domain's trim, so they satisfy the new CHECKs. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
do $$
declare
  blank constant text := '[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';
  c record;
  col text;
  def text;
begin
  for c in
    select conrelid::regclass::text as rel, conname, pg_get_constraintdef(oid) as def from pg_constraint
     where contype = 'c' and connamespace = 'public'::regnamespace and pg_get_constraintdef(oid) like '%length(TRIM(BOTH FROM %'
  loop
    def := c.def;
    for col in select distinct m[1] from regexp_matches(c.def, 'length\\(TRIM\\(BOTH FROM (\\w+)\\)\\)', 'g') as m loop
      def := replace(def, format('length(TRIM(BOTH FROM %s))', col),
                     format('length(regexp_replace(%s, %L, '''', ''g''))', col, '^' || blank || '+|' || blank || '+$'));
    end loop;
    execute format('alter table %s drop constraint %I', c.rel, c.conname);
    execute format('alter table %s add constraint %I %s', c.rel, c.conname, def);
  end loop;
end
$$;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
