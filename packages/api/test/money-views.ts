/**
 * The parity suite's comparisons of a view with the oracle (money-oracle.ts), shared by the
 * scenario's agreement, its program and the generated history. Each lists both sides keyed the
 * same way and sorted, so a failure names the agreement-year (or cell) and the figure that differ.
 */
import type { Db } from '@tp/db';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Sheet } from '../src/claims/finance-exports';
import { figuresOf, inReconciliation, reconciliationFigures, totalBy, type OracleYear, type ReconciliationFigures } from './money-oracle';

const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));

/** Reconciliation rows (screen or sheet) against the oracle's agreement-years in force, both ways. */
export function expectReconciliationRows(view: { agreementId: string; fiscalYear: string; figures: ReconciliationFigures }[], oracle: OracleYear[], keyOf: (r: OracleYear) => string): void {
  const shown = new Map(view.map((r) => [`${r.agreementId}|${r.fiscalYear}`, r.figures]));
  expect(shown.size).toBe(view.length);
  const expected = new Map(oracle.filter(inReconciliation).map((r) => [`${keyOf(r)}|${r.fiscalYear}`, reconciliationFigures(r)]));
  expect(sorted(shown)).toEqual(sorted(expected));
}

interface SpendingCell {
  planned: bigint;
  committed: bigint;
  actual: bigint;
}

/**
 * Results spending per program, pillar and year: planned from program_budget, committed and
 * actual (paid less recovered) from the journal of the agreements in force under that pillar.
 * The generated and demo agreements each have one pillar; the oracle refuses to guess a split.
 */
export async function expectSpending(
  db: Db,
  view: { programId: string; pillarId: string; fiscalYear: string; plannedCents: bigint; committedCents: bigint; actualCents: bigint; varianceCents: bigint }[],
  oracle: OracleYear[],
  range: { from: string; to: string; programId?: string },
): Promise<void> {
  const inRange = (fiscalYear: string, programId: string) => fiscalYear >= range.from && fiscalYear <= range.to && (!range.programId || programId === range.programId);
  const expected = new Map<string, SpendingCell>();
  const cell = (k: string) => expected.get(k) ?? (expected.set(k, { planned: 0n, committed: 0n, actual: 0n }), expected.get(k)!);
  const { rows: budget } = await sql<{ programId: string; pillarId: string; fiscalYear: string; amount: string }>`
    select program_id, pillar_id, fiscal_year, amount_cents::text as amount from program_budget`.execute(db);
  for (const b of budget) if (inRange(b.fiscalYear, b.programId)) cell(`${b.programId}|${b.pillarId}|${b.fiscalYear}`).planned += BigInt(b.amount);
  for (const r of oracle) {
    if (!inReconciliation(r) || r.pillarIds.length === 0 || !inRange(r.fiscalYear, r.programId)) continue;
    if (r.pillarIds.length > 1) throw new Error(`${r.referenceNumber} has several pillars: the oracle does not split`);
    const f = figuresOf(r.kinds);
    const c = cell(`${r.programId}|${r.pillarIds[0]}|${r.fiscalYear}`);
    c.committed += f.committed;
    c.actual += f.actual;
  }
  const shown = new Map<string, SpendingCell>();
  for (const r of view) {
    expect(r.varianceCents).toBe(r.actualCents - r.plannedCents);
    shown.set(`${r.programId}|${r.pillarId}|${r.fiscalYear}`, { planned: r.plannedCents, committed: r.committedCents, actual: r.actualCents });
  }
  expect(shown.size).toBe(view.length);
  // A cell with nothing planned, committed or spent may be shown or not.
  const zero = (c: SpendingCell) => c.planned === 0n && c.committed === 0n && c.actual === 0n;
  const nonZero = (m: Map<string, SpendingCell>) => new Map([...m].filter(([, c]) => !zero(c)));
  expect(sorted(nonZero(shown))).toEqual(sorted(nonZero(expected)));
  // The manager's dashboard chart adds the cells up per year.
  const perYear = (m: Map<string, SpendingCell>, pick: (c: SpendingCell) => bigint) => totalBy([...m], ([k]) => k.split('|')[2]!, ([, c]) => pick(c));
  for (const pick of [(c: SpendingCell) => c.planned, (c: SpendingCell) => c.committed, (c: SpendingCell) => c.actual]) expect(sorted(perYear(nonZero(shown), pick))).toEqual(sorted(perYear(nonZero(expected), pick)));
}

/** The finance dashboard's years: advances not yet accounted for and what would lapse, active agreements, open years from `from`. */
export function expectFinanceDashboard(view: { years: { fiscalYear: string; advancesOutstandingCents: bigint; unpaidCommittedCents: bigint }[] }, oracle: OracleYear[], from: string): void {
  const rows = oracle.filter((r) => r.status === 'active' && r.yearOpen && r.fiscalYear >= from && r.entries > 0);
  const years = [...new Set(rows.map((r) => r.fiscalYear))].sort();
  expect(view.years).toEqual(
    years.map((fiscalYear) => {
      const f = rows.filter((r) => r.fiscalYear === fiscalYear).map((r) => figuresOf(r.kinds));
      return { fiscalYear, advancesOutstandingCents: f.reduce((s, x) => s + x.advancesOutstanding, 0n), unpaidCommittedCents: f.reduce((s, x) => s + x.committed - x.paid, 0n) };
    }),
  );
}

/** The payments file of a year: one line per payment entry, summing per agreement to what the journal paid. */
export function expectPaymentsSheet(sheet: Sheet, payments: { agreementId: string; fiscalYear: string; amount: bigint }[], oracle: Map<string, OracleYear>, fiscalYear: string): void {
  const ofYear = payments.filter((p) => p.fiscalYear === fiscalYear);
  expect(sheet.rows.every((r) => r.fiscalYear === fiscalYear)).toBe(true);
  expect(sheet.rows).toHaveLength(ofYear.length);
  const shown = totalBy(sheet.rows, (r) => String(r.agreement), (r) => r.amount as bigint);
  const paid = new Map([...oracle.values()].filter((r) => r.fiscalYear === fiscalYear && figuresOf(r.kinds).paid !== 0n).map((r) => [r.referenceNumber, figuresOf(r.kinds).paid]));
  expect(sorted(shown)).toEqual(sorted(paid));
}
