/**
 * The journal read by fiscal year (the reconciliation and spending of one year, the year-end
 * close): an index that starts with the year. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index ledger_entry_fiscal_year_idx on ledger_entry (fiscal_year, agreement_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
