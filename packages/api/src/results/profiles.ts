/**
 * Who was funded, and the GBA Plus counts of the people reached, with small numbers suppressed for
 * those who do not need them.
 */
import type { Db } from '@tp/db';
import { GBA_DIMENSIONS, type GbaDimension, type ProgramYearInput, suppressCount } from '@tp/domain';
import { sql } from 'kysely';
import { frameworkOf, programOf } from './framework';

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
