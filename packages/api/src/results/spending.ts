/**
 * Spending against plans by program, pillar and year, from the journal; the variance arithmetic
 * lives in the domain.
 */
import type { Db } from '@tp/db';
import { actualSpending, allocate, balancesOf, type JournalEntry, type SpendingInput, spendingVariance } from '@tp/domain';
import { sql } from 'kysely';

export interface SpendingRow {
  programId: string;
  programNameEn: string;
  programNameFr: string;
  pillarId: string;
  pillarNameEn: string;
  pillarNameFr: string;
  fiscalYear: string;
  plannedCents: bigint;
  committedCents: bigint;
  actualCents: bigint;
  varianceCents: bigint;
  varianceBasisPoints: bigint | null;
}

/**
 * Planned (the program's budget), committed and actual spending per program, pillar and fiscal
 * year. Actual spending is what was paid (advances and reimbursements, a released holdback being
 * part of the payment that released it) less recoveries (actualSpending). An agreement under
 * several pillars is split evenly among them, to the cent.
 */
export async function spending(db: Db, input: SpendingInput): Promise<SpendingRow[]> {
  const programFilter = input.programId ? sql`and a.program_id = ${input.programId}` : sql``;
  const [journal, pillarsOf, planned, programs, pillars] = await Promise.all([
    sql<{ agreementId: string; programId: string; fiscalYear: string; kind: JournalEntry['kind']; amountCents: string }>`
      select l.agreement_id as "agreementId", a.program_id as "programId", l.fiscal_year as "fiscalYear", l.kind, sum(l.amount_cents)::text as "amountCents"
      from ledger_entry l join agreement a on a.id = l.agreement_id
      where l.fiscal_year between ${input.fromFiscalYear} and ${input.toFiscalYear} ${programFilter}
      group by 1, 2, 3, 4`.execute(db),
    sql<{ agreementId: string; pillarIds: string[] }>`
      select a.id as "agreementId", array_agg(p.pillar_id order by p.pillar_id) as "pillarIds"
      from agreement a
        join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
        join agreement_version_pillar p on p.version_id = v.id
      where a.status in ('active', 'closed', 'terminated') ${programFilter}
      group by a.id`.execute(db),
    sql<{ programId: string; pillarId: string; fiscalYear: string; amountCents: string }>`
      select b.program_id as "programId", b.pillar_id as "pillarId", b.fiscal_year as "fiscalYear", b.amount_cents::text as "amountCents"
      from program_budget b
      where b.fiscal_year between ${input.fromFiscalYear} and ${input.toFiscalYear} ${input.programId ? sql`and b.program_id = ${input.programId}` : sql``}`.execute(db),
    db.selectFrom('program').select(['id', 'nameEn', 'nameFr']).execute(),
    db.selectFrom('pillar').select(['id', 'nameEn', 'nameFr', 'position']).execute(),
  ]);
  const pillarMap = new Map(pillarsOf.rows.map((r) => [r.agreementId, r.pillarIds]));
  const cells = new Map<string, { planned: bigint; committed: bigint; actual: bigint }>();
  const cell = (programId: string, pillarId: string, fiscalYear: string) => {
    const key = `${programId}|${pillarId}|${fiscalYear}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { planned: 0n, committed: 0n, actual: 0n }));
    return c;
  };
  for (const b of planned.rows) cell(b.programId, b.pillarId, b.fiscalYear).planned += BigInt(b.amountCents);

  const perAgreementYear = new Map<string, { programId: string; agreementId: string; fiscalYear: string; entries: Pick<JournalEntry, 'kind' | 'amountCents'>[] }>();
  for (const e of journal.rows) {
    const key = `${e.agreementId}|${e.fiscalYear}`;
    const g = perAgreementYear.get(key) ?? { programId: e.programId, agreementId: e.agreementId, fiscalYear: e.fiscalYear, entries: [] };
    g.entries.push({ kind: e.kind, amountCents: BigInt(e.amountCents) });
    perAgreementYear.set(key, g);
  }
  for (const g of perAgreementYear.values()) {
    const pillarIds = pillarMap.get(g.agreementId);
    if (!pillarIds || pillarIds.length === 0) continue;
    const b = balancesOf(g.entries);
    const actual = actualSpending(b);
    const committedParts = allocate(b.committed, pillarIds.map(() => 1n));
    const actualParts = allocate(actual, pillarIds.map(() => 1n));
    pillarIds.forEach((pillarId, i) => {
      const c = cell(g.programId, pillarId, g.fiscalYear);
      c.committed += committedParts[i]!;
      c.actual += actualParts[i]!;
    });
  }
  const programById = new Map(programs.map((p) => [p.id, p]));
  const pillarById = new Map(pillars.map((p) => [p.id, p]));
  const rows: SpendingRow[] = [];
  for (const [key, c] of cells) {
    const [programId, pillarId, fiscalYear] = key.split('|') as [string, string, string];
    const program = programById.get(programId);
    const pillar = pillarById.get(pillarId);
    if (!program || !pillar) continue;
    const v = spendingVariance(c.planned, c.actual);
    rows.push({
      programId,
      programNameEn: program.nameEn,
      programNameFr: program.nameFr,
      pillarId,
      pillarNameEn: pillar.nameEn,
      pillarNameFr: pillar.nameFr,
      fiscalYear,
      plannedCents: c.planned,
      committedCents: c.committed,
      actualCents: c.actual,
      ...v,
    });
  }
  const pillarPosition = (id: string) => pillarById.get(id)?.position ?? 0;
  return rows.sort((a, b) => a.programNameEn.localeCompare(b.programNameEn) || pillarPosition(a.pillarId) - pillarPosition(b.pillarId) || a.fiscalYear.localeCompare(b.fiscalYear));
}
