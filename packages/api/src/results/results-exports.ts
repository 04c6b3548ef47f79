/**
 * Departmental results reporting tables, written by exceljs with bilingual headers: the
 * program's indicator results for a fiscal year (with the two years before, as the
 * departmental results report shows them), the transfer payment program details (planned
 * versus actual spending by pillar, results against targets), and GBA Plus counts, where
 * counts under the threshold are always shown as "<5".
 */
import type { Db } from '@tp/db';
import { parseFiscalYearLabel, fiscalYear as fiscalYearOf, suppressedLabel } from '@tp/domain';
import { translate, type MessageKey } from '@tp/i18n';
import { gbaProfile } from './profiles';
import { programRollup } from './rollup';
import { spending } from './spending';
import type { Sheet } from '../claims/finance-exports';

const both = (key: MessageKey, params?: Record<string, string>) => `${translate('en', key, params)} / ${translate('fr', key, params)}`;
const label = (key: MessageKey) => `${translate('en', key)} / ${translate('fr', key)}`;

function previousYears(label: string, n: number): string[] {
  const start = parseFiscalYearLabel(label).startYear;
  return Array.from({ length: n }, (_, i) => fiscalYearOf(start - (n - 1 - i)).label);
}

/** Indicator results for the year and the two before, outcome by outcome, as on the rollup screen. */
export async function indicatorResultsSheet(db: Db, input: { programId: string; fiscalYear: string }, today: string): Promise<Sheet> {
  const years = previousYears(input.fiscalYear, 3);
  const rollups = await Promise.all(years.map((fiscalYear) => programRollup(db, { programId: input.programId, fiscalYear }, today)));
  const current = rollups[rollups.length - 1]!;
  const rows: Sheet['rows'] = [];
  for (const outcome of current.outcomes) {
    for (const ind of outcome.indicators) {
      const actualIn = (i: number) => rollups[i]!.outcomes.flatMap((o) => o.indicators).find((x) => x.id === ind.id)?.actual ?? null;
      rows.push({
        program: current.program.nameEn,
        outcome: outcome.nameEn,
        indicator: ind.nameEn,
        departmental: ind.departmentalIndicator?.nameEn ?? '',
        unit: ind.unit ?? '',
        method: translate('en', `results.method.${ind.method}`),
        baseline: ind.baselineValue,
        target: ind.targetValue,
        targetDate: ind.targetDate,
        actual0: actualIn(0),
        actual1: actualIn(1),
        actual2: actualIn(2),
        status: translate('en', `results.status.${ind.comparison.status}`),
        agreements: ind.agreementsReporting,
        reports: ind.reports,
      });
    }
  }
  return {
    name: `Indicators ${input.fiscalYear}`,
    columns: [
      { key: 'program', header: label('results.program'), width: 30 },
      { key: 'outcome', header: label('results.col.outcome'), width: 40 },
      { key: 'indicator', header: label('results.col.indicator'), width: 40 },
      { key: 'departmental', header: label('results.col.departmentalIndicator'), width: 30 },
      { key: 'unit', header: label('results.col.unit') },
      { key: 'method', header: label('results.col.method'), width: 24 },
      { key: 'baseline', header: label('results.col.baseline'), type: 'number' },
      { key: 'target', header: label('results.col.target'), type: 'number' },
      { key: 'targetDate', header: label('results.col.targetDate'), type: 'date' },
      { key: 'actual0', header: both('results.col.fiscalYearActual', { year: years[0]! }), type: 'number' },
      { key: 'actual1', header: both('results.col.fiscalYearActual', { year: years[1]! }), type: 'number' },
      { key: 'actual2', header: both('results.col.fiscalYearActual', { year: years[2]! }), type: 'number' },
      { key: 'status', header: label('results.col.status') },
      { key: 'agreements', header: label('results.col.agreements'), type: 'number' },
      { key: 'reports', header: label('results.col.reports'), type: 'number' },
    ],
    rows,
  };
}

/** Transfer payment program details: planned, committed and actual spending by pillar for the year. */
export async function programDetailsSheet(db: Db, input: { programId: string; fiscalYear: string }): Promise<Sheet> {
  const rows = await spending(db, { programId: input.programId, fromFiscalYear: input.fiscalYear, toFiscalYear: input.fiscalYear });
  const total = rows.reduce((s, r) => ({ planned: s.planned + r.plannedCents, committed: s.committed + r.committedCents, actual: s.actual + r.actualCents }), { planned: 0n, committed: 0n, actual: 0n });
  return {
    name: `Program ${input.fiscalYear}`,
    columns: [
      { key: 'program', header: label('results.program'), width: 30 },
      { key: 'pillar', header: label('results.col.pillar'), width: 30 },
      { key: 'fiscalYear', header: label('results.fiscalYear') },
      { key: 'planned', header: label('results.col.planned'), money: true },
      { key: 'committed', header: label('results.col.committed'), money: true },
      { key: 'actual', header: label('results.col.actualSpending'), money: true },
      { key: 'variance', header: label('results.col.spendingVariance'), money: true },
    ],
    rows: [
      ...rows.map((r) => ({ program: r.programNameEn, pillar: r.pillarNameEn, fiscalYear: r.fiscalYear, planned: r.plannedCents, committed: r.committedCents, actual: r.actualCents, variance: r.varianceCents })),
      { program: rows[0]?.programNameEn ?? '', pillar: label('results.spending.total'), fiscalYear: input.fiscalYear, planned: total.planned, committed: total.committed, actual: total.actual, variance: total.actual - total.planned },
    ],
  };
}

/** GBA Plus counts by indicator, dimension and category; counts from 1 to 4 always "<5". */
export async function gbaSheet(db: Db, input: { programId: string; fiscalYear: string }): Promise<Sheet> {
  const profile = await gbaProfile(db, input, { suppress: true });
  const rows: Sheet['rows'] = [];
  for (const ind of profile.indicators) {
    for (const d of ind.dimensions) {
      for (const c of d.categories) {
        rows.push({
          indicator: ind.nameEn,
          dimension: translate('en', `gba.dimension.${d.dimension}`),
          category: translate('en', `gba.category.${c.category}`),
          count: c.count === null ? suppressedLabel() : c.count,
          share: d.sharePercent === null ? null : `${d.sharePercent}%`,
        });
      }
    }
  }
  return {
    name: `GBA Plus ${input.fiscalYear}`,
    columns: [
      { key: 'indicator', header: label('results.col.indicator'), width: 40 },
      { key: 'dimension', header: label('results.col.dimension'), width: 24 },
      { key: 'category', header: label('results.col.category'), width: 28 },
      { key: 'count', header: label('results.col.count'), type: 'number' },
      { key: 'share', header: label('results.col.share'), type: 'percent' },
    ],
    rows,
  };
}
