/**
 * The money oracle of the parity suite: the journal (`ledger_entry`), the terms in force and the
 * claims read with plain SQL, and every figure worked out here from the journal kinds, written
 * out by hand. Nothing of the application's balance code (balancesOf, holdbackKeptIn, the
 * derived tables, the services' SQL) is used, so a view that departs from the journal cannot
 * agree with this by sharing its mistake.
 *
 * What the kinds mean (decided in packages/domain/src/claims.ts): a payment is an advance_paid or
 * a reimbursement_paid entry; holdback_released only marks part of such a payment and is never
 * added to it; actual spending is paid less recoveries; the holdback still kept shows in the last
 * fiscal year of the terms in force.
 */
import type { Db } from '@tp/db';
import { sql } from 'kysely';

const KINDS = ['commitment', 'advance_paid', 'expenditure_reported', 'advance_reconciled', 'reimbursement_paid', 'holdback_retained', 'holdback_released', 'overpayment_established', 'recovery_received', 'lapse'] as const;
type Kind = (typeof KINDS)[number];
export type KindSums = Record<Kind, bigint>;

const noKinds = (): KindSums => Object.fromEntries(KINDS.map((k) => [k, 0n])) as KindSums;

/** The figures every view shows, from the journal summed by kind. */
export function figuresOf(k: KindSums) {
  const paid = k.advance_paid + k.reimbursement_paid;
  const committed = k.commitment - k.lapse;
  return {
    committed,
    paid,
    lapsed: k.lapse,
    available: committed - paid,
    advanced: k.advance_paid,
    advancesOutstanding: k.advance_paid - k.advance_reconciled,
    expenditureReported: k.expenditure_reported,
    holdbackReleased: k.holdback_released,
    receivable: k.overpayment_established - k.recovery_received,
    recovered: k.recovery_received,
    actual: paid - k.recovery_received,
  };
}

export function addKinds(rows: readonly { kinds: KindSums }[]): KindSums {
  const out = noKinds();
  for (const r of rows) for (const k of KINDS) out[k] += r.kinds[k];
  return out;
}

export interface OracleYear {
  agreementId: string;
  referenceNumber: string;
  programId: string;
  organisationId: string;
  status: string;
  /** The current version's pillars. */
  pillarIds: string[];
  fiscalYear: string;
  yearOpen: boolean;
  /** The year's amount in the terms in force (0 when only the journal has the year). */
  budget: bigint;
  kinds: KindSums;
  /** How many journal entries the year has. */
  entries: number;
  /** Claims not rejected: requested and certified. */
  claimed: bigint;
  certified: bigint;
  /** The holdback still kept, shown in the terms' last year only. */
  holdbackKept: bigint;
}

const key = (agreementId: string, fiscalYear: string) => `${agreementId}|${fiscalYear}`;

/**
 * One row per agreement and fiscal year that its terms in force or its journal have, for every
 * agreement whatever its status (the views filter by status themselves).
 */
export async function oracleYears(db: Db): Promise<Map<string, OracleYear>> {
  const [agreements, budget, journal, claims, years] = await Promise.all([
    sql<{ id: string; referenceNumber: string; programId: string; organisationId: string; status: string; holdback: string; lastYear: string | null; released: string; pillarIds: string[] }>`
      select a.id, a.reference_number, a.program_id, a.organisation_id, a.status, v.holdback_cents::text as holdback,
             (select max(y.fiscal_year) from agreement_fiscal_year y where y.version_id = v.id) as last_year,
             (select coalesce(sum(l.amount_cents), 0) from ledger_entry l where l.agreement_id = a.id and l.kind = 'holdback_released')::text as released,
             array(select p.pillar_id::text from agreement_version_pillar p where p.version_id = v.id order by p.pillar_id) as pillar_ids
        from agreement a join agreement_version v on v.agreement_id = a.id and v.version = a.current_version`.execute(db),
    sql<{ agreementId: string; fiscalYear: string; amount: string }>`
      select v.agreement_id, y.fiscal_year, y.amount_cents::text as amount
        from agreement_fiscal_year y join agreement_version v on v.id = y.version_id
        join agreement a on a.id = v.agreement_id and a.current_version = v.version`.execute(db),
    sql<{ agreementId: string; fiscalYear: string; kind: Kind; amount: string; entries: number }>`
      select agreement_id, fiscal_year, kind, sum(amount_cents)::text as amount, count(*)::int as entries from ledger_entry group by 1, 2, 3`.execute(db),
    sql<{ agreementId: string; fiscalYear: string; requested: string; certified: string }>`
      select agreement_id, fiscal_year, sum(requested_cents)::text as requested, coalesce(sum(certified_cents), 0)::text as certified
        from claim where status <> 'rejected' group by 1, 2`.execute(db),
    sql<{ label: string; status: string }>`select label, status from fiscal_year`.execute(db),
  ]);
  const open = new Map(years.rows.map((y) => [y.label, y.status === 'open']));
  const agreementOf = new Map(agreements.rows.map((a) => [a.id, a]));
  const out = new Map<string, OracleYear>();
  const row = (agreementId: string, fiscalYear: string): OracleYear => {
    const k = key(agreementId, fiscalYear);
    let r = out.get(k);
    if (!r) {
      const a = agreementOf.get(agreementId)!;
      r = {
        agreementId,
        referenceNumber: a.referenceNumber,
        programId: a.programId,
        organisationId: a.organisationId,
        status: a.status,
        pillarIds: a.pillarIds,
        fiscalYear,
        yearOpen: open.get(fiscalYear) ?? false,
        budget: 0n,
        kinds: noKinds(),
        entries: 0,
        claimed: 0n,
        certified: 0n,
        holdbackKept: fiscalYear === a.lastYear ? BigInt(a.holdback) - BigInt(a.released) : 0n,
      };
      out.set(k, r);
    }
    return r;
  };
  for (const b of budget.rows) row(b.agreementId, b.fiscalYear).budget = BigInt(b.amount);
  for (const e of journal.rows) {
    const r = row(e.agreementId, e.fiscalYear);
    r.kinds[e.kind] += BigInt(e.amount);
    r.entries += e.entries;
  }
  for (const c of claims.rows) {
    const r = out.get(key(c.agreementId, c.fiscalYear));
    if (!r) throw new Error(`a claim in ${c.fiscalYear}, a year neither the terms nor the journal of ${c.agreementId} have`);
    r.claimed = BigInt(c.requested);
    r.certified = BigInt(c.certified);
  }
  return out;
}

/** The rows a reconciliation shows: agreements in force or ended after having been. */
export const inReconciliation = (r: OracleYear) => r.status === 'active' || r.status === 'closed' || r.status === 'terminated';

/** A reconciliation row's figures, as the oracle sees that agreement-year. */
export function reconciliationFigures(r: OracleYear) {
  const f = figuresOf(r.kinds);
  return {
    budgetCents: r.budget,
    committedCents: f.committed,
    claimedCents: r.claimed,
    certifiedCents: r.certified,
    paidCents: f.paid,
    advancesOutstandingCents: f.advancesOutstanding,
    holdbackCents: r.holdbackKept,
    lapsedCents: f.lapsed,
    availableCents: f.available,
  };
}
export type ReconciliationFigures = ReturnType<typeof reconciliationFigures>;

export function sumFigures(rows: readonly ReconciliationFigures[]): ReconciliationFigures {
  const out = { budgetCents: 0n, committedCents: 0n, claimedCents: 0n, certifiedCents: 0n, paidCents: 0n, advancesOutstandingCents: 0n, holdbackCents: 0n, lapsedCents: 0n, availableCents: 0n };
  for (const r of rows) for (const f of Object.keys(out) as (keyof ReconciliationFigures)[]) out[f] += r[f];
  return out;
}

/** The figures of a view's row, picked by the oracle's names (so toEqual compares only those). */
export function pickFigures(r: ReconciliationFigures): ReconciliationFigures {
  const { budgetCents, committedCents, claimedCents, certifiedCents, paidCents, advancesOutstandingCents, holdbackCents, lapsedCents, availableCents } = r;
  return { budgetCents, committedCents, claimedCents, certifiedCents, paidCents, advancesOutstandingCents, holdbackCents, lapsedCents, availableCents };
}

/** Spending per category of one agreement-year: the budget lines in force and what was reported. */
export async function oracleCategories(db: Db, agreementId: string, fiscalYear: string) {
  const { rows } = await sql<{ category: string; budget: string; claimed: string; reported: string }>`
    with lines as (
      select b.cost_category as category, b.amount_cents as budget from agreement_budget_line b
        join agreement_version v on v.id = b.version_id join agreement a on a.id = v.agreement_id and a.current_version = v.version
       where a.id = ${agreementId} and b.fiscal_year = ${fiscalYear}
    ), spent as (
      select e.cost_category as category, e.amount_cents as claimed from claim_expenditure e join claim c on c.id = e.claim_id
       where c.agreement_id = ${agreementId} and c.fiscal_year = ${fiscalYear} and c.status <> 'rejected'
    ), reported as (
      select cost_category as category, amount_cents as reported from ledger_entry
       where agreement_id = ${agreementId} and fiscal_year = ${fiscalYear} and kind = 'expenditure_reported'
    ), categories as (select category from lines union select category from spent)
    select k.category, (select coalesce(sum(budget), 0) from lines l where l.category = k.category)::text as budget,
           (select coalesce(sum(claimed), 0) from spent s where s.category = k.category)::text as claimed,
           (select coalesce(sum(reported), 0) from reported r where r.category = k.category)::text as reported
      from categories k order by k.category`.execute(db);
  return rows.map((r) => ({ category: r.category, budget: BigInt(r.budget), claimed: BigInt(r.claimed), reported: BigInt(r.reported) }));
}

/** Every payment entry (advance_paid, reimbursement_paid), one line each. */
export async function oraclePayments(db: Db) {
  const { rows } = await sql<{ agreementId: string; fiscalYear: string; kind: string; amount: string; claimId: string | null }>`
    select agreement_id, fiscal_year, kind, amount_cents::text as amount, claim_id::text as claim_id
      from ledger_entry where kind in ('advance_paid', 'reimbursement_paid') order by id`.execute(db);
  return rows.map((r) => ({ ...r, amount: BigInt(r.amount) }));
}

/** Sums a list by a key. */
export function totalBy<T>(items: readonly T[], keyOf: (item: T) => string, amountOf: (item: T) => bigint): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const i of items) out.set(keyOf(i), (out.get(keyOf(i)) ?? 0n) + amountOf(i));
  return out;
}
