/**
 * Results: the rollup of accepted progress reports to a program's performance measurement
 * framework and to the departmental results framework, for one fiscal year; the reports behind
 * each figure; what is missing; and a recipient's own indicators.
 *
 * Only accepted reports count, each at its accepted version. The arithmetic per unit lives in
 * the domain (`@tp/domain` results): this file only fetches, groups and labels.
 */
import type { Db } from '@tp/db';
import { aggregate, aggregateTotals, aggregationMethod, compareWithTarget, DomainError, type IndicatorDirection, type IndicatorUnit, type IsoDate, type LogicModelLevel, type ProgramYearInput } from '@tp/domain';
import { sql } from 'kysely';
import type { Viewer } from '../auth/resolve-session';
import { frameworkOf, programOf, trimDecimal } from './framework';

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
