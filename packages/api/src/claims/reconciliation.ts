/**
 * The reconciliation (finance): per agreement and fiscal year, budget, committed, claimed, certified,
 * paid, advances outstanding, holdback, lapsed and available, derived from the journal in SQL; the
 * whole of it for exports and a filtered, sorted page of it for the screen.
 */
import { sql } from 'kysely';
import { type Db } from '@tp/db';
import { balancesOf, type CostCategory, holdbackKeptIn, type LedgerKind, sum } from '@tp/domain';

export interface ReconciliationRow {
  agreementId: string;
  referenceNumber: string;
  organisationNameEn: string;
  organisationNameFr: string;
  programId: string;
  programNameEn: string;
  programNameFr: string;
  fiscalYear: string;
  costCategory: CostCategory | null;
  budgetCents: bigint;
  committedCents: bigint;
  claimedCents: bigint;
  certifiedCents: bigint;
  paidCents: bigint;
  advancesOutstandingCents: bigint;
  holdbackCents: bigint;
  lapsedCents: bigint;
  availableCents: bigint;
}

/**
 * Per agreement and fiscal year (and, with `byCategory`, per cost category): the budget in the
 * terms in force, then committed, claimed, certified, paid, advances outstanding, holdback,
 * lapsed and available, every figure from the journal or the claims.
 */
/** The agreements a reconciliation shows: in force, or ended after having been. */
const IN_FORCE_STATUSES = ['active', 'closed', 'terminated'] as const;

const KIND_COLUMNS = {
  commitment: 'commitmentCents',
  advance_paid: 'advancePaidCents',
  expenditure_reported: 'expenditureReportedCents',
  advance_reconciled: 'advanceReconciledCents',
  reimbursement_paid: 'reimbursementPaidCents',
  holdback_retained: 'holdbackRetainedCents',
  holdback_released: 'holdbackReleasedCents',
  overpayment_established: 'overpaymentEstablishedCents',
  recovery_received: 'recoveryReceivedCents',
  lapse: 'lapseCents',
} as const satisfies Record<LedgerKind, string>;

type KindColumn = (typeof KIND_COLUMNS)[LedgerKind];

/** The balances of a year from its journal summed by kind, by the one rule (balancesOf). */
function balancesOfKinds(sums: Record<KindColumn, bigint>) {
  return balancesOf(Object.entries(KIND_COLUMNS).map(([kind, column]) => ({ kind: kind as LedgerKind, amountCents: sums[column] })));
}

/** An agreement's rows of one year (terms or journal there), as the database keeps them. */
function moneyOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }) {
  return db
    .selectFrom('agreementYearMoney as m')
    .where('m.fiscalYear', '=', fiscalYear)
    .where((eb) => eb.or([eb('m.inTerms', '=', true), eb('m.entries', '>', 0)]))
    .where('m.agreementStatus', 'in', IN_FORCE_STATUSES)
    .$if(Boolean(filters.programId), (q) => q.where('m.programId', '=', filters.programId!))
    .$if(Boolean(filters.pillarId), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('agreement as a')
            .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'a.id').onRef('v.version', '=', 'a.currentVersion'))
            .innerJoin('agreementVersionPillar as vp', 'vp.versionId', 'v.id')
            .select('vp.pillarId')
            .whereRef('a.id', '=', 'm.agreementId')
            .where('vp.pillarId', '=', filters.pillarId!),
        ),
      ),
    );
}

/** Rows of one year in agreement order, with names: all of them, or one page. */
async function moneyRowsOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }, page?: { limit: number; offset: number }): Promise<ReconciliationRow[]> {
  const lines = await moneyOfYear(db, fiscalYear, filters)
    .innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .innerJoin('program as p', 'p.id', 'm.programId')
    .selectAll('m')
    .select(['o.legalNameEn', 'o.legalNameFr', 'p.nameEn as programNameEn', 'p.nameFr as programNameFr'])
    .orderBy('m.referenceNumber')
    .$if(page !== undefined, (q) => q.limit(page!.limit).offset(page!.offset))
    .execute();
  return lines.map((m) => {
    const b = balancesOfKinds(m);
    return {
      agreementId: m.agreementId,
      referenceNumber: m.referenceNumber,
      organisationNameEn: m.legalNameEn,
      organisationNameFr: m.legalNameFr,
      programId: m.programId,
      programNameEn: m.programNameEn,
      programNameFr: m.programNameFr,
      fiscalYear,
      costCategory: null,
      budgetCents: m.budgetCents,
      committedCents: b.committed,
      claimedCents: m.claimedCents,
      certifiedCents: m.certifiedCents,
      paidCents: b.paid,
      advancesOutstandingCents: b.advancesOutstanding,
      holdbackCents: holdbackKeptIn(fiscalYear, m.termsLastYear, m.holdbackCents, m.holdbackReleasedTotalCents),
      lapsedCents: b.lapsed,
      availableCents: b.available,
    };
  });
}

/**
 * How many rows a year has and their totals to the cent, summed by the database: the journal's
 * kinds summed, then turned into balances by the same rule as each row (balances are sums of
 * entries, so the balances of the sums are the sums of the balances).
 */
async function moneyTotalsOfYear(db: Db, fiscalYear: string, filters: { programId?: string | null; pillarId?: string | null }) {
  const total = (column: string) => sql<bigint>`coalesce(sum(${sql.ref(column)}), 0)::bigint`;
  const t = await moneyOfYear(db, fiscalYear, filters)
    .select((eb) => [
      eb.fn.countAll<number>().as('rows'),
      total('m.budgetCents').as('budgetCents'),
      total('m.claimedCents').as('claimedCents'),
      total('m.certifiedCents').as('certifiedCents'),
      // holdbackKeptIn, summed by the database (a test holds the two equal).
      sql<bigint>`coalesce(sum(case when m.fiscal_year = m.terms_last_year then m.holdback_cents - m.holdback_released_total_cents else 0 end), 0)::bigint`.as('holdbackCents'),
      ...Object.values(KIND_COLUMNS).map((column) => total(`m.${column}`).as(column)),
    ])
    .executeTakeFirstOrThrow();
  const b = balancesOfKinds(t as unknown as Record<KindColumn, bigint>);
  const totals: Record<MoneyFigure, bigint> = {
    budgetCents: t.budgetCents,
    committedCents: b.committed,
    claimedCents: t.claimedCents,
    certifiedCents: t.certifiedCents,
    paidCents: b.paid,
    advancesOutstandingCents: b.advancesOutstanding,
    holdbackCents: t.holdbackCents,
    lapsedCents: b.lapsed,
    availableCents: b.available,
  };
  return { rows: Number(t.rows), totals };
}

export async function reconciliation(db: Db, filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean }) {
  // One year without categories (the screen, and the exports of a year): one row per agreement
  // read from the money the database keeps per agreement and year; a test holds it equal to the
  // general path.
  if (filters.fiscalYear && !filters.byCategory) return moneyRowsOfYear(db, filters.fiscalYear, filters);
  return reconciliationOfAll(db, filters);
}

/** Every year, or by cost category: the rows worked out from the terms, journal and claims. */
async function reconciliationOfAll(db: Db, filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean }) {
  let agreements = db
    .selectFrom('agreement')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('program', 'program.id', 'agreement.programId')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .select(['agreement.id', 'agreement.referenceNumber', 'organisation.legalNameEn', 'organisation.legalNameFr', 'program.id as programId', 'program.nameEn as programNameEn', 'program.nameFr as programNameFr', 'v.id as versionId', 'v.holdbackCents'])
    .where('agreement.status', 'in', IN_FORCE_STATUSES);
  if (filters.programId) agreements = agreements.where('agreement.programId', '=', filters.programId);
  if (filters.pillarId) {
    const pillarId = filters.pillarId;
    agreements = agreements.where((eb) => eb.exists(eb.selectFrom('agreementVersionPillar').select('pillarId').whereRef('agreementVersionPillar.versionId', '=', 'v.id').where('pillarId', '=', pillarId)));
  }
  if (filters.fiscalYear) {
    // Only the agreements with money in that year (in their terms or in the journal).
    const fiscalYear = filters.fiscalYear;
    agreements = agreements.where('agreement.id', 'in', (eb) =>
      eb
        // Years in any version of the terms, as the database keeps them per agreement (agreement_term_year).
        .selectFrom('agreementTermYear as y')
        .select('y.agreementId')
        .where('y.fiscalYear', '=', fiscalYear)
        .$if(Boolean(filters.programId), (q) => q.where('y.programId', '=', filters.programId!))
        .union(
          eb
            .selectFrom('ledgerYearTotal as t')
            .select('t.agreementId')
            .where('t.fiscalYear', '=', fiscalYear)
            .$if(Boolean(filters.programId), (q) => q.where('t.programId', '=', filters.programId!)),
        ),
    );
  }
  const list = await agreements.orderBy('agreement.referenceNumber').execute();
  if (list.length === 0) return [];
  const ids = list.map((a) => a.id);
  const versionIds = list.map((a) => a.versionId);
  // With a fiscal year asked for, only that year's rows travel (the journal summed by kind and
  // category in the database), plus what each agreement's holdback release and last year need.
  const fy = filters.fiscalYear ?? null;
  // The lists travel as one array parameter (= any($1)), so each statement is prepared once
  // however many agreements there are, instead of planned afresh with hundreds of parameters.
  const idList = sql<string>`any(${ids}::uuid[])`;
  const versionList = sql<string>`any(${versionIds}::uuid[])`;
  const [entries, budget, years, claims, lastYears, releasedHoldbacks] = await Promise.all([
    fy
      ? // The year's journal as the database keeps it summed (ledger_year_total), read by year and program.
        db
          .selectFrom('ledgerYearTotal')
          .select(['agreementId', 'fiscalYear', 'kind', 'costCategory', 'amountCents'])
          .where('fiscalYear', '=', fy)
          .$if(Boolean(filters.programId), (q) => q.where('programId', '=', filters.programId!))
          .execute()
          .then((rows) => rows.map((r) => ({ ...r, costCategory: r.costCategory === '' ? null : r.costCategory })))
      : db.selectFrom('ledgerEntry').select(['agreementId', 'fiscalYear', 'kind', 'amountCents', 'costCategory']).where('agreementId', '=', idList).execute(),
    // Budget lines by category are shown only in the by-category view.
    filters.byCategory
      ? db.selectFrom('agreementBudgetLine').select(['versionId', 'fiscalYear', 'costCategory', 'amountCents']).where('versionId', '=', versionList).$if(fy !== null, (q) => q.where('fiscalYear', '=', fy!)).execute()
      : [],
    db.selectFrom('agreementFiscalYear').select(['versionId', 'fiscalYear', 'amountCents']).where('versionId', '=', versionList).$if(fy !== null, (q) => q.where('fiscalYear', '=', fy!)).execute(),
    db
      .selectFrom('claim')
      .leftJoin('claimExpenditure', 'claimExpenditure.claimId', 'claim.id')
      .select(['claim.id', 'claim.agreementId', 'claim.fiscalYear', 'claim.status', 'claim.requestedCents', 'claim.certifiedCents', 'claimExpenditure.costCategory', 'claimExpenditure.amountCents as spentCents'])
      .where('claim.agreementId', '=', idList)
      .where('claim.status', '<>', 'rejected')
      .$if(fy !== null, (q) => q.where('claim.fiscalYear', '=', fy!))
      .execute(),
    db.selectFrom('agreementFiscalYear').select(['versionId', (eb) => eb.fn.max('fiscalYear').as('lastYear')]).where('versionId', '=', versionList).groupBy('versionId').execute(),
    db
      .selectFrom('ledgerEntry')
      .select(['agreementId', (eb) => eb.fn.sum<string>('amountCents').as('released')])
      .where('agreementId', '=', idList)
      .where('kind', '=', 'holdback_released')
      .groupBy('agreementId')
      .execute(),
  ]);
  const lastYearOf = new Map(lastYears.map((r) => [r.versionId, String(r.lastYear)]));
  const holdbackReleasedOf = new Map(releasedHoldbacks.map((r) => [r.agreementId, BigInt(r.released)]));
  // Grouped once, so the work grows with the rows, not with their square.
  const groupBy = <T, K>(items: readonly T[], key: (item: T) => K) => {
    const map = new Map<K, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const entriesOf = groupBy(entries, (e) => e.agreementId);
  const yearsOf = groupBy(years, (y) => y.versionId);
  const budgetOf = groupBy(budget, (l) => l.versionId);
  const claimsOf = groupBy(claims, (c) => c.agreementId);
  const rows: ReconciliationRow[] = [];
  for (const a of list) {
    const agreementEntries = entriesOf.get(a.id) ?? [];
    const agreementYears = yearsOf.get(a.versionId) ?? [];
    const agreementBudget = budgetOf.get(a.versionId) ?? [];
    const agreementClaims = claimsOf.get(a.id) ?? [];
    const labels = new Set(agreementYears.map((y) => y.fiscalYear));
    for (const e of agreementEntries) labels.add(e.fiscalYear);
    for (const fiscalYear of [...labels].sort()) {
      if (filters.fiscalYear && fiscalYear !== filters.fiscalYear) continue;
      const yearEntries = agreementEntries.filter((e) => e.fiscalYear === fiscalYear);
      const yearClaims = agreementClaims.filter((c) => c.fiscalYear === fiscalYear);
      const uniqueClaims = [...new Map(yearClaims.map((c) => [c.id, c])).values()];
      const base = {
        agreementId: a.id,
        referenceNumber: a.referenceNumber,
        organisationNameEn: a.legalNameEn,
        organisationNameFr: a.legalNameFr,
        programId: a.programId,
        programNameEn: a.programNameEn,
        programNameFr: a.programNameFr,
        fiscalYear,
      };
      if (!filters.byCategory) {
        const b = balancesOf(yearEntries);
        rows.push({
          ...base,
          costCategory: null,
          budgetCents: agreementYears.find((y) => y.fiscalYear === fiscalYear)?.amountCents ?? 0n,
          committedCents: b.committed,
          claimedCents: sum(uniqueClaims.map((c) => c.requestedCents)),
          certifiedCents: sum(uniqueClaims.map((c) => c.certifiedCents ?? 0n)),
          paidCents: b.paid,
          advancesOutstandingCents: b.advancesOutstanding,
          holdbackCents: holdbackKeptIn(fiscalYear, lastYearOf.get(a.versionId) ?? null, a.holdbackCents, holdbackReleasedOf.get(a.id) ?? 0n),
          lapsedCents: b.lapsed,
          availableCents: b.available,
        });
        continue;
      }
      const categories = new Set<CostCategory>(agreementBudget.filter((l) => l.fiscalYear === fiscalYear).map((l) => l.costCategory));
      for (const c of yearClaims) if (c.costCategory) categories.add(c.costCategory);
      for (const costCategory of [...categories].sort()) {
        const spent = yearClaims.filter((c) => c.costCategory === costCategory);
        const reported = yearEntries.filter((e) => e.kind === 'expenditure_reported' && e.costCategory === costCategory);
        rows.push({
          ...base,
          costCategory,
          budgetCents: agreementBudget.find((l) => l.fiscalYear === fiscalYear && l.costCategory === costCategory)?.amountCents ?? 0n,
          committedCents: 0n,
          claimedCents: sum(spent.map((c) => c.spentCents ?? 0n)),
          certifiedCents: sum(reported.map((e) => e.amountCents)),
          paidCents: 0n,
          advancesOutstandingCents: 0n,
          holdbackCents: 0n,
          lapsedCents: 0n,
          availableCents: 0n,
        });
      }
    }
  }
  return rows;
}

export const RECONCILIATION_PAGE_SIZE = 50;

const MONEY_FIGURES = ['budgetCents', 'committedCents', 'claimedCents', 'certifiedCents', 'paidCents', 'advancesOutstandingCents', 'holdbackCents', 'lapsedCents', 'availableCents'] as const;

type MoneyFigure = (typeof MONEY_FIGURES)[number];

/** Lower case without accents, so "montreal" finds "Montréal". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The rows a search keeps: agreement number or organisation name, either language, accents and case ignored. */
export function matchingSearch<R extends { referenceNumber: string; organisationNameEn: string; organisationNameFr: string }>(rows: R[], search: string): R[] {
  const needle = folded(search.trim());
  return needle ? rows.filter((r) => folded(`${r.referenceNumber} ${r.organisationNameEn} ${r.organisationNameFr}`).includes(needle)) : rows;
}

/**
 * The reconciliation as the screen reads it: the rows matching `search` (agreement number or
 * organisation name, either language), one page of them, how many there are and their totals to
 * the cent. A program's year is hundreds of rows; the exports give them all.
 */
export async function reconciliationPage(
  db: Db,
  filters: { programId?: string | null; fiscalYear?: string | null; pillarId?: string | null; byCategory?: boolean; search: string; page: number },
  pageSize = RECONCILIATION_PAGE_SIZE,
) {
  const needle = folded(filters.search.trim());
  if (filters.fiscalYear && !filters.byCategory && !needle) {
    // A year unsearched: the database counts and totals the rows and reads one page of them.
    const { rows: total, totals } = await moneyTotalsOfYear(db, filters.fiscalYear, filters);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(filters.page, pages);
    const rows = await moneyRowsOfYear(db, filters.fiscalYear, filters, { limit: pageSize, offset: (page - 1) * pageSize });
    return { rows, total, page, pageSize, totals };
  }
  const all = await reconciliation(db, filters);
  const matching = matchingSearch(all, filters.search);
  const totals = Object.fromEntries(MONEY_FIGURES.map((f) => [f, matching.reduce((sum, r) => sum + r[f], 0n)])) as Record<MoneyFigure, bigint>;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(filters.page, pages);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize, totals };
}
