/**
 * Results: the rollup of accepted progress reports to a program's performance measurement
 * framework and to the departmental results framework, for one fiscal year; the reports behind
 * each figure; what is missing; spending against plans by program, pillar and year; who was
 * funded; and GBA Plus counts with small numbers suppressed for those who do not need them.
 *
 * Only accepted reports count, each at its accepted version. The arithmetic per unit lives in
 * the domain (`@tp/domain` results): this file only fetches, groups and labels.
 */
import type { Db } from '@tp/db';
import { actualSpending, aggregate, aggregateTotals, aggregationMethod, allocate, balancesOf, compareWithTarget, DomainError, GBA_DIMENSIONS, type GbaDimension, holds, type IndicatorDirection, type IndicatorUnit, type IsoDate, type JournalEntry, type LogicModelLevel, type ProgramYearInput, SMALL_COUNT_READERS, type SpendingInput, spendingVariance, suppressCount } from '@tp/domain';
import { sql } from 'kysely';
import type { Viewer } from '../auth/resolve-session';

/** Who reads results; recipients read only their own agreements' figures (recipientIndicators). */
/** Who sees GBA Plus counts under the suppression threshold on screen (exports always suppress). */

export function seesSmallCounts(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, SMALL_COUNT_READERS);
}

const LEVEL_ORDER: Record<LogicModelLevel, number> = { ultimate: 0, intermediate: 1, immediate: 2, output: 3 };

async function programOf(db: Db, programId: string) {
  const program = await db
    .selectFrom('program')
    .select(['id', 'code', 'nameEn', 'nameFr', 'strategyId'])
    .where('id', '=', programId)
    .executeTakeFirst();
  if (!program) throw new DomainError('NOT_FOUND', 'error.notFound');
  return program;
}

/** The program's framework: its strategy's results (common or the program's own) and their indicators. */
async function frameworkOf(db: Db, program: { id: string; strategyId: string | null }) {
  if (!program.strategyId) return [];
  const strategyId = program.strategyId;
  const rows = await db
    .selectFrom('logicModelResult as r')
    .innerJoin('indicator as i', 'i.resultId', 'r.id')
    .leftJoin('departmentalResultIndicator as dri', 'dri.id', 'i.departmentalResultIndicatorId')
    .leftJoin('departmentalResult as dr', 'dr.id', 'dri.departmentalResultId')
    .select([
      'r.id as resultId',
      'r.code as resultCode',
      'r.level',
      'r.position',
      'r.nameEn as resultNameEn',
      'r.nameFr as resultNameFr',
      'i.id',
      'i.code',
      'i.nameEn',
      'i.nameFr',
      'i.unit',
      'i.direction',
      'i.baselineValue',
      'i.baselineYear',
      'i.targetValue',
      'i.targetDate',
      'i.isReady',
      'i.gbaDimensions',
      'dri.id as driId',
      'dri.code as driCode',
      'dri.nameEn as driNameEn',
      'dri.nameFr as driNameFr',
      'dr.nameEn as drNameEn',
      'dr.nameFr as drNameFr',
    ])
    .where('r.strategyId', '=', strategyId)
    .where((eb) => eb.or([eb('r.programId', 'is', null), eb('r.programId', '=', program.id)]))
    .execute();
  return rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.position - b.position || a.code.localeCompare(b.code));
}

/**
 * Per indicator, the program's totals for the year as the database keeps them on acceptance
 * (program_indicator_year): one row per indicator, however many agreements and years there are.
 */
async function indicatorTotals(db: Db, input: ProgramYearInput) {
  const rows = await db
    .selectFrom('programIndicatorYear')
    .select(['indicatorId', 'agreements', 'reports', 'total', 'latestTotal', 'latestPositive'])
    .where('programId', '=', input.programId)
    .where('fiscalYear', '=', input.fiscalYear)
    .execute();
  return new Map(rows.map((r) => [r.indicatorId, { ...r, total: String(r.total), latestTotal: String(r.latestTotal) }]));
}

/**
 * Agreements of the program that owe reports for periods of the year already due, read from the
 * tallies the database keeps per agreement and year (reporting_year_tally). Where every period of
 * the year is due, the tally is the answer; where only some are (the year under way), those
 * agreements' periods are counted here, up to today.
 */
async function agreementsDue(db: Db, input: ProgramYearInput, today: IsoDate) {
  const { rows } = await sql<{
    agreementId: string;
    referenceNumber: string;
    organisationNameEn: string;
    organisationNameFr: string;
    due: number;
    accepted: number;
    inReview: number;
    notFiled: number;
    maxDaysLate: number | null;
  }>`
    with year as (
      select t.* from reporting_year_tally t
      where t.program_id = ${input.programId} and t.fiscal_year = ${input.fiscalYear} and t.periods > 0 and t.first_due_date < ${today}::date
    ), counted as (
      select agreement_id, periods as due, accepted, in_review, not_filed, ${today}::date - first_open_due_date as max_days_late
      from year where last_due_date < ${today}::date
      union all
      select rp.agreement_id, count(*)::int,
             (count(*) filter (where pr.status = 'accepted'))::int,
             (count(*) filter (where pr.status in ('submitted', 'returned')))::int,
             (count(*) filter (where pr.id is null or pr.status = 'draft'))::int,
             max(${today}::date - rp.due_date) filter (where pr.status is distinct from 'accepted')
      from year y
        join reporting_period rp on rp.agreement_id = y.agreement_id and rp.fiscal_year = y.fiscal_year
        left join progress_report pr on pr.period_id = rp.id
      where y.last_due_date >= ${today}::date and rp.cancelled_at is null and rp.due_date < ${today}::date
      group by rp.agreement_id
    )
    select a.id as "agreementId", a.reference_number as "referenceNumber",
           o.legal_name_en as "organisationNameEn", o.legal_name_fr as "organisationNameFr",
           c.due, c.accepted, c.in_review as "inReview", c.not_filed as "notFiled", c.max_days_late as "maxDaysLate"
    from counted c
      join agreement a on a.id = c.agreement_id
      join organisation o on o.id = a.organisation_id
    where a.status in ('active', 'closed', 'terminated')
    order by a.reference_number`.execute(db);
  return rows;
}

/**
 * Per indicator, how many agreements in force in the year carry it (what could have reported):
 * the agreements in force by year and indicator as the database keeps them (agreement_year_indicator).
 */
async function agreementsCarrying(db: Db, input: ProgramYearInput) {
  const { rows } = await sql<{ indicatorId: string; agreements: number; targetTotal: string | null }>`
    select indicator_id as "indicatorId", count(*)::int as agreements, sum(target_value)::text as "targetTotal"
    from agreement_year_indicator
    where program_id = ${input.programId} and fiscal_year = ${input.fiscalYear}
    group by indicator_id`.execute(db);
  return new Map(rows.map((r) => [r.indicatorId, r]));
}

export interface IndicatorRollup {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  unit: IndicatorUnit | null;
  direction: IndicatorDirection;
  method: ReturnType<typeof aggregationMethod>;
  baselineValue: string | null;
  baselineYear: string | null;
  targetValue: string | null;
  targetDate: string | null;
  isReady: boolean;
  actual: string | null;
  agreementsReporting: number;
  agreementsCarrying: number;
  reports: number;
  comparison: ReturnType<typeof compareWithTarget>;
  departmentalIndicator: { id: string; code: string; nameEn: string; nameFr: string; resultNameEn: string | null; resultNameFr: string | null } | null;
  missing: ('baseline' | 'target' | 'ready')[];
}

export async function programRollup(db: Db, input: ProgramYearInput, today: IsoDate) {
  const program = await programOf(db, input.programId);
  const [framework, totals, carrying, due] = await Promise.all([
    frameworkOf(db, program),
    indicatorTotals(db, input),
    agreementsCarrying(db, input),
    agreementsDue(db, input, today),
  ]);

  const outcomes: { id: string; code: string; level: LogicModelLevel; nameEn: string; nameFr: string; indicators: IndicatorRollup[] }[] = [];
  for (const row of framework) {
    let outcome = outcomes.find((o) => o.id === row.resultId);
    if (!outcome) {
      outcome = { id: row.resultId, code: row.resultCode, level: row.level, nameEn: row.resultNameEn, nameFr: row.resultNameFr, indicators: [] };
      outcomes.push(outcome);
    }
    const method = aggregationMethod(row.unit);
    const figure = totals.get(row.id) ?? null;
    const actual = aggregateTotals(row.unit, figure);
    outcome.indicators.push({
      id: row.id,
      code: row.code,
      nameEn: row.nameEn,
      nameFr: row.nameFr,
      unit: row.unit,
      direction: row.direction,
      method,
      baselineValue: row.baselineValue === null ? null : trimDecimal(row.baselineValue),
      baselineYear: row.baselineYear,
      targetValue: row.targetValue === null ? null : trimDecimal(row.targetValue),
      targetDate: row.targetDate === null ? null : String(row.targetDate).slice(0, 10),
      isReady: row.isReady,
      actual,
      agreementsReporting: figure?.agreements ?? 0,
      agreementsCarrying: carrying.get(row.id)?.agreements ?? 0,
      reports: figure?.reports ?? 0,
      comparison: compareWithTarget(actual, row.baselineValue === null ? null : trimDecimal(row.baselineValue), row.targetValue === null ? null : trimDecimal(row.targetValue), row.direction),
      departmentalIndicator: row.driId
        ? { id: row.driId, code: row.driCode!, nameEn: row.driNameEn!, nameFr: row.driNameFr!, resultNameEn: row.drNameEn, resultNameFr: row.drNameFr }
        : null,
      missing: [...(row.baselineValue === null ? (['baseline'] as const) : []), ...(row.targetValue === null ? (['target'] as const) : []), ...(row.isReady ? [] : (['ready'] as const))],
    });
  }

  // The departmental results framework: each mapped indicator's figure under its departmental
  // indicator; a total only where every contributing figure is a count of the same kind.
  const departmental = new Map<string, { id: string; code: string; nameEn: string; nameFr: string; resultNameEn: string | null; resultNameFr: string | null; indicators: IndicatorRollup[]; total: string | null }>();
  for (const ind of outcomes.flatMap((o) => o.indicators)) {
    if (!ind.departmentalIndicator) continue;
    const entry = departmental.get(ind.departmentalIndicator.id) ?? { ...ind.departmentalIndicator, indicators: [], total: null };
    // A copy: the same figure under its outcome and here, not one object shared by both places.
    entry.indicators.push(structuredClone(ind));
    departmental.set(entry.id, entry);
  }
  for (const entry of departmental.values()) {
    const sums = entry.indicators.every((i) => i.method === 'sum' && i.unit === entry.indicators[0]!.unit);
    const actuals = entry.indicators.flatMap((i) => (i.actual === null ? [] : [i.actual]));
    entry.total = sums ? aggregate(entry.indicators[0]!.unit, actuals) : null;
  }

  const late = due.filter((d) => d.accepted < d.due);
  return {
    program: { id: program.id, code: program.code, nameEn: program.nameEn, nameFr: program.nameFr, strategyId: program.strategyId },
    fiscalYear: input.fiscalYear,
    outcomes,
    departmental: [...departmental.values()],
    completeness: {
      agreementsDue: due.length,
      agreementsComplete: due.length - late.length,
      reportsDue: due.reduce((s, d) => s + d.due, 0),
      reportsAccepted: due.reduce((s, d) => s + d.accepted, 0),
      agreementsMissing: late,
      indicatorsMissingData: outcomes.flatMap((o) => o.indicators).filter((i) => i.missing.length > 0).map((i) => ({ id: i.id, code: i.code, nameEn: i.nameEn, nameFr: i.nameFr, missing: [...i.missing] })),
    },
  };
}

function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** The accepted reports behind one indicator's figure for the year, with each one's value. */
export async function indicatorReports(db: Db, input: ProgramYearInput & { indicatorId: string }) {
  await programOf(db, input.programId);
  const indicator = await db.selectFrom('indicator').select(['id', 'code', 'nameEn', 'nameFr', 'unit']).where('id', '=', input.indicatorId).executeTakeFirst();
  if (!indicator) throw new DomainError('NOT_FOUND', 'error.notFound');
  const { rows } = await sql<{
    reportId: string;
    revision: number;
    agreementId: string;
    referenceNumber: string;
    organisationNameEn: string;
    organisationNameFr: string;
    periodStart: string;
    periodEnd: string;
    value: string;
    acceptedAt: Date;
  }>`
    select x.report_id as "reportId", x.revision, a.id as "agreementId", a.reference_number as "referenceNumber",
           o.legal_name_en as "organisationNameEn", o.legal_name_fr as "organisationNameFr",
           to_char(rp.period_start, 'YYYY-MM-DD') as "periodStart", to_char(rp.period_end, 'YYYY-MM-DD') as "periodEnd",
           x.value::text as value, pr.accepted_at as "acceptedAt"
    from accepted_indicator_value x
      join progress_report pr on pr.id = x.report_id
      join reporting_period rp on rp.id = pr.period_id
      join agreement a on a.id = x.agreement_id
      join organisation o on o.id = a.organisation_id
    where x.program_id = ${input.programId} and x.fiscal_year = ${input.fiscalYear} and x.indicator_id = ${input.indicatorId}
    order by a.reference_number, rp.period_end`.execute(db);
  return { indicator: { ...indicator, method: aggregationMethod(indicator.unit) }, reports: rows.map((r) => ({ ...r, value: trimDecimal(r.value) })) };
}

// ---------------------------------------------------------------------------------------------
// Money beside results

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

/** Agreements, organisations and money in force in a fiscal year, by province, type and priority. */
export async function fundedProfile(db: Db, input: { fiscalYear: string; programId?: string }) {
  const programFilter = input.programId ? sql`and a.program_id = ${input.programId}` : sql``;
  const { rows } = await sql<{
    province: string;
    type: string;
    indigenousLed: boolean;
    survivorLed: boolean;
    agreements: number;
    organisationIds: string[];
    amountCents: string;
  }>`
    select o.province_or_territory as province, o.type, o.is_indigenous_led as "indigenousLed", o.is_survivor_led as "survivorLed",
           count(*)::int as agreements, array_agg(distinct o.id) as "organisationIds", sum(fy.amount_cents)::text as "amountCents"
    from agreement a
      join organisation o on o.id = a.organisation_id
      join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
      join agreement_fiscal_year fy on fy.version_id = v.id and fy.fiscal_year = ${input.fiscalYear}
    where a.status in ('active', 'closed', 'terminated') ${programFilter}
    group by 1, 2, 3, 4`.execute(db);
  const by = (keyOf: (r: (typeof rows)[number]) => string) => {
    const groups = new Map<string, { key: string; agreements: number; organisations: Set<string>; amountCents: bigint }>();
    for (const r of rows) {
      const key = keyOf(r);
      const g = groups.get(key) ?? { key, agreements: 0, organisations: new Set<string>(), amountCents: 0n };
      g.agreements += r.agreements;
      for (const id of r.organisationIds) g.organisations.add(id);
      g.amountCents += BigInt(r.amountCents);
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ key: g.key, agreements: g.agreements, organisations: g.organisations.size, amountCents: g.amountCents })).sort((a, b) => b.agreements - a.agreements || a.key.localeCompare(b.key));
  };
  return {
    fiscalYear: input.fiscalYear,
    byProvince: by((r) => r.province),
    byType: by((r) => r.type),
    byPriority: [
      ...by((r) => (r.indigenousLed ? 'indigenous_led' : '')).filter((g) => g.key !== ''),
      ...by((r) => (r.survivorLed ? 'survivor_led' : '')).filter((g) => g.key !== ''),
    ],
    total: by(() => 'total')[0] ?? { key: 'total', agreements: 0, organisations: 0, amountCents: 0n },
  };
}

// ---------------------------------------------------------------------------------------------
// GBA Plus

/**
 * Participants and reach by GBA Plus dimension for the program's year: the counts per category
 * (from accepted reports), and the share of the agreements reporting the indicator that gave
 * the dimension (anything but "not disclosed"). Counts under the threshold are null ("<5")
 * unless the viewer's role needs them.
 */
export async function gbaProfile(db: Db, input: ProgramYearInput, options: { suppress: boolean }) {
  const program = await programOf(db, input.programId);
  const [counts, reporting, indicators] = await Promise.all([
    sql<{ indicatorId: string; dimension: GbaDimension; category: string; count: number }>`
      select b.indicator_id as "indicatorId", b.dimension, b.category, sum(b.count)::int as count
      from reporting_period rp
        join agreement a on a.id = rp.agreement_id
        join progress_report pr on pr.period_id = rp.id and pr.status = 'accepted'
        join report_indicator_breakdown b on b.report_id = pr.id and b.revision = pr.revision
      where rp.fiscal_year = ${input.fiscalYear} and a.program_id = ${input.programId} and rp.cancelled_at is null
      group by 1, 2, 3`.execute(db),
    sql<{ indicatorId: string; dimension: GbaDimension | null; agreements: number }>`
      select v.indicator_id as "indicatorId", b.dimension, count(distinct a.id)::int as agreements
      from reporting_period rp
        join agreement a on a.id = rp.agreement_id
        join progress_report pr on pr.period_id = rp.id and pr.status = 'accepted'
        join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision
        left join report_indicator_breakdown b on b.report_id = v.report_id and b.revision = v.revision and b.indicator_id = v.indicator_id
          and b.category <> 'not_disclosed' and b.count > 0
      where rp.fiscal_year = ${input.fiscalYear} and a.program_id = ${input.programId} and rp.cancelled_at is null
      group by grouping sets ((v.indicator_id), (v.indicator_id, b.dimension))`.execute(db),
    frameworkOf(db, program),
  ]);
  const totals = new Map(reporting.rows.filter((r) => r.dimension === null).map((r) => [r.indicatorId, r.agreements]));
  const out = [];
  for (const ind of indicators) {
    if (ind.gbaDimensions.length === 0) continue;
    const agreements = totals.get(ind.id) ?? 0;
    out.push({
      id: ind.id,
      code: ind.code,
      nameEn: ind.nameEn,
      nameFr: ind.nameFr,
      agreementsReporting: agreements,
      dimensions: GBA_DIMENSIONS.filter((d) => ind.gbaDimensions.includes(d)).map((dimension) => {
        const rows = counts.rows.filter((c) => c.indicatorId === ind.id && c.dimension === dimension);
        const gave = reporting.rows.find((r) => r.indicatorId === ind.id && r.dimension === dimension)?.agreements ?? 0;
        return {
          dimension,
          agreementsGiving: gave,
          sharePercent: agreements === 0 ? null : Math.round((gave * 100) / agreements),
          categories: rows
            .sort((a, b) => a.category.localeCompare(b.category))
            .map((c) => ({ category: c.category, count: options.suppress ? suppressCount(c.count) : c.count })),
        };
      }),
    });
  }
  return { program: { id: program.id, nameEn: program.nameEn, nameFr: program.nameFr }, fiscalYear: input.fiscalYear, suppressed: options.suppress, indicators: out };
}

// ---------------------------------------------------------------------------------------------
// A recipient's own figures

/** For each of the recipient's agreements in force: its indicators, targets and actuals to date. */
export async function recipientIndicators(db: Db, user: Pick<Viewer, 'organisationIds'>) {
  if (user.organisationIds.length === 0) return [];
  const { rows } = await sql<{
    agreementId: string;
    referenceNumber: string;
    title: string;
    indicatorId: string;
    nameEn: string;
    nameFr: string;
    unit: IndicatorUnit | null;
    direction: IndicatorDirection;
    targetValue: string;
    total: string | null;
    latest: string | null;
    reports: number;
  }>`
    select a.id as "agreementId", a.reference_number as "referenceNumber", v.title, i.id as "indicatorId", i.name_en as "nameEn", i.name_fr as "nameFr", i.unit, i.direction,
           ai.target_value::text as "targetValue", sum(x.value)::text as total,
           (array_agg(x.value::text order by x.period_end desc) filter (where x.value is not null))[1] as latest,
           count(x.value)::int as reports
    from agreement a
      join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
      join agreement_indicator ai on ai.version_id = v.id
      join indicator i on i.id = ai.indicator_id
      left join lateral (
        select rv.value, rp.period_end from reporting_period rp
          join progress_report pr on pr.period_id = rp.id and pr.status = 'accepted'
          join report_indicator_value rv on rv.report_id = pr.id and rv.revision = pr.revision and rv.indicator_id = i.id
        where rp.agreement_id = a.id
      ) x on true
    where a.organisation_id in (${sql.join(user.organisationIds)}) and a.status = 'active'
    group by a.id, v.title, i.id, ai.target_value
    order by a.reference_number, i.code`.execute(db);
  return rows.map((r) => {
    const method = aggregationMethod(r.unit);
    const actual = r.reports === 0 ? null : trimDecimal((method === 'sum' ? r.total : r.latest) ?? '0');
    return { ...r, targetValue: trimDecimal(r.targetValue), actual, comparison: compareWithTarget(actual, null, trimDecimal(r.targetValue), r.direction) };
  });
}
