/**
 * Migrations are frozen once landed: src/migrations/migrations.lock.json holds the sha256 of every
 * landed migration file, and this test fails when a listed file changes or disappears, or when a
 * migration listed in src/migrations/index.ts is missing from the lock. A change to the schema is a
 * new migration, listed in index.ts and added to the lock.
 *
 * Found with `git log -p --follow` on packages/db/src/migrations, three commits edited migrations
 * after they had first landed:
 * - 329d3aa, 2026-11-26T16-00-00Z-reporting-year-tallies.ts: added agreement_term_year (table,
 *   index, trigger function agreement_term_year_changed, trigger, backfill);
 * - 1334de7, 2026-11-26T16-30-00Z-agreement-year-money.ts: added reference_number, organisation_id
 *   (foreign key to organisation) and agreement_status to agreement_year_money, reference_number to
 *   agreement_year_money_program_idx, and changed count_agreement_year_money and
 *   count_money_of_agreement (status filled, recount on a change of status);
 * - 9dba98d, 2026-11-26T16-00-00Z-reporting-year-tallies.ts: the backfills of reporting_year_tally
 *   and agreement_year_indicator run through the triggers' functions (same schema).
 * A database migrated before the first two edits differs from the current schema;
 * 2026-12-02T21-00-00Z-edited-migrations-catch-up.ts brings it to the current form (idempotent).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/migrations';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/migrations');
const lock = JSON.parse(readFileSync(path.join(folder, 'migrations.lock.json'), 'utf8')) as Record<string, string>;
const frozen = 'migrations are frozen, add a new migration (a new migration is added to migrations.lock.json)';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('migrations lock', () => {
  it.each(Object.entries(lock))('%s is unchanged', (file, hash) => {
    const full = path.join(folder, file);
    expect(existsSync(full), `${file} disappeared: ${frozen}`).toBe(true);
    expect(sha256(full), `${file} changed: ${frozen}`).toBe(hash);
  });

  it('every migration in index.ts is in the lock', () => {
    const missing = Object.keys(migrations).filter((name) => !(`${name}.ts` in lock));
    expect(missing, `not in migrations.lock.json: ${frozen}`).toEqual([]);
  });
});
