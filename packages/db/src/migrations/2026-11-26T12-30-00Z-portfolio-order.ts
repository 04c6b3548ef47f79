/**
 * The portfolio lists a program's agreements in a status, most recently changed first, a page at
 * a time: an index in that order reads one page's rows instead of sorting all of them. Frozen
 * once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index agreement_portfolio_idx on agreement (program_id, status, updated_at desc, id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
