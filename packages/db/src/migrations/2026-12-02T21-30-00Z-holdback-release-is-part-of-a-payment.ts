/**
 * One meaning for `holdback_released`: it marks how much of a payment (the `advance_paid` or
 * `reimbursement_paid` of the same claim) was the holdback set free by the accepted final report;
 * it is never a payment of its own. The live release always wrote it that way. The history
 * generator, until now, wrote it alone, as the payment itself (with no claim), so those agreements
 * showed the holdback as unpaid ("available") in the reconciliation and as paid in results.
 *
 * The journal is append-only, so the correction is new entries: for each such marker, the payment
 * it stands for, in the same fiscal year, at the same instant, by the same person. The limits
 * trigger is set aside for this one statement only (the agreements are closed by now, and the
 * amounts were already within their limits: they are the holdback of an accepted final report);
 * the derived tables' triggers still run, so they count the new payments. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ledger_entry disable trigger ledger_entry_limits`.execute(db);
  await sql`
    insert into ledger_entry (agreement_id, fiscal_year, cost_category, kind, amount_cents, agreement_version, memo, created_by, created_at)
    select h.agreement_id, h.fiscal_year, null, 'reimbursement_paid', h.amount_cents, h.agreement_version,
           'Holdback paid after the final report (journal corrected)', h.created_by, h.created_at
      from ledger_entry h
     where h.kind = 'holdback_released' and h.claim_id is null
     order by h.id`.execute(db);
  await sql`alter table ledger_entry enable trigger ledger_entry_limits`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
