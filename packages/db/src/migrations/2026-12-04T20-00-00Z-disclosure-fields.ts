/**
 * What the proactive disclosure needs (issue 19, part 1), for the grants template version 3
 * (open-data/ckanext-canada, ckanext/canada/tables/grants.yaml; rules in packages/domain/src/disclosure.ts):
 * - on each agreement version, the title and description in French beside the English ones
 *   (`title`, `description`), and the expected results in both languages. The template requires
 *   both titles and both expected results for agreements starting on or after 2025-12-01.
 * - on the organisation, the federal riding where known (names in both languages, the 5-digit
 *   number), optional. The 9-digit business number is the first nine digits of the one we hold,
 *   derived when the file is written, not stored twice.
 *
 * Backfill: none. Existing versions keep NULL French texts and expected results: nobody wrote
 * them, a copy of the English is not a translation, and a version out of draft is frozen
 * (agreement_version_guard), so the disclosure check lists them as violations to fix with an
 * amendment. A blank text is stored as NULL (the application trims blanks to null); a given one
 * holds a character other than white space (the rule of 2026-12-03T11-00-00Z-required-text-blank-is-any-whitespace).
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

const BLANK = `'^[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*$'`;
const givenOrNull = (column: string) => `check (${column} is null or ${column} !~ ${BLANK})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table agreement_version
  add column title_fr text constraint agreement_version_title_fr_given ${sql.raw(givenOrNull('title_fr'))},
  add column description_fr text constraint agreement_version_description_fr_given ${sql.raw(givenOrNull('description_fr'))},
  add column expected_results_en text constraint agreement_version_expected_results_en_given ${sql.raw(givenOrNull('expected_results_en'))},
  add column expected_results_fr text constraint agreement_version_expected_results_fr_given ${sql.raw(givenOrNull('expected_results_fr'))};

alter table organisation
  add column federal_riding_name_en text,
  add column federal_riding_name_fr text,
  -- The template's format: five digits, not starting with 0 (Elections Canada's electoral district number).
  add column federal_riding_number text constraint organisation_federal_riding_number_format check (federal_riding_number ~ '^[1-9][0-9]{4}$');
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
