/**
 * A strategy's annual progress report for one fiscal year, printable, in English or French, in
 * the manner of the national strategy's published reports (seed 002): the investment and what was
 * spent by pillar, who was funded, each program's results against its targets, GBA Plus
 * coverage, and where data are missing. Every figure comes from the same services as the screens.
 */
import type { Db } from '@tp/db';
import { DomainError, formatLongDate, formatMoney, parseFiscalYearLabel, type IsoDate } from '@tp/domain';
import { translate, type Lang, type MessageKey } from '@tp/i18n';
import { fundedProfile, gbaProfile } from './profiles';
import { programRollup } from './rollup';
import { spending } from './spending';
import { createPdfLayout, winAnsi } from '../documents/pdf-layout';

export async function annualReportData(db: Db, input: { strategyId: string; fiscalYear: string }, today: IsoDate) {
  const strategy = await db.selectFrom('strategy').select(['id', 'code', 'nameEn', 'nameFr']).where('id', '=', input.strategyId).executeTakeFirst();
  if (!strategy) throw new DomainError('NOT_FOUND', 'error.notFound');
  const programs = await db.selectFrom('program').select(['id', 'nameEn', 'nameFr']).where('strategyId', '=', strategy.id).orderBy('code').execute();
  const perProgram = await Promise.all(
    programs.map(async (p) => ({
      program: p,
      rollup: await programRollup(db, { programId: p.id, fiscalYear: input.fiscalYear }, today),
      gba: await gbaProfile(db, { programId: p.id, fiscalYear: input.fiscalYear }, { suppress: true }),
      spending: await spending(db, { programId: p.id, fromFiscalYear: input.fiscalYear, toFiscalYear: input.fiscalYear }),
      funded: await fundedProfile(db, { fiscalYear: input.fiscalYear, programId: p.id }),
    })),
  );
  return { strategy, fiscalYear: input.fiscalYear, programs: perProgram };
}

export type AnnualReport = Awaited<ReturnType<typeof annualReportData>>;

export function renderAnnualReportPdf(report: AnnualReport, lang: Lang): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => winAnsi(translate(lang, key as MessageKey, params));
  const pick = (en: string, fr: string) => winAnsi(lang === 'fr' ? fr : en);
  const money = (c: bigint) => winAnsi(formatMoney(c, lang));
  const number = (v: string | null, unit: string | null) =>
    v === null ? '-' : `${winAnsi(new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 2 }).format(Number(v)))}${unit === 'percent' || unit === 'yes_no' ? ' %' : ''}`;
  const fy = parseFiscalYearLabel(report.fiscalYear);
  const date = (iso: string) => winAnsi(formatLongDate(new Date(`${iso}T12:00:00Z`), lang, 'UTC'));
  const { pdf, heading, para, table, finish } = createPdfLayout({ title: `${pick(report.strategy.nameEn, report.strategy.nameFr)} ${report.fiscalYear}` });

  pdf.font('Helvetica-Bold').fontSize(18).text(pick(report.strategy.nameEn, report.strategy.nameFr));
  pdf.moveDown(0.2).font('Helvetica').fontSize(13).text(t('pdf.results.subtitle', { year: report.fiscalYear }));
  heading(t('pdf.results.introduction'));
  para(t('pdf.results.introText', { start: date(fy.start), end: date(fy.end), programs: report.programs.length }));

  // Investment: planned and actual spending by pillar, all programs of the strategy.
  heading(t('pdf.results.investment'));
  const pillars = new Map<string, { name: string; planned: bigint; committed: bigint; actual: bigint }>();
  for (const p of report.programs) {
    for (const r of p.spending) {
      const cur = pillars.get(r.pillarId) ?? { name: pick(r.pillarNameEn, r.pillarNameFr), planned: 0n, committed: 0n, actual: 0n };
      cur.planned += r.plannedCents;
      cur.committed += r.committedCents;
      cur.actual += r.actualCents;
      pillars.set(r.pillarId, cur);
    }
  }
  const totals = [...pillars.values()].reduce((s, r) => ({ planned: s.planned + r.planned, committed: s.committed + r.committed, actual: s.actual + r.actual }), { planned: 0n, committed: 0n, actual: 0n });
  table(
    [t('results.col.pillar'), t('results.col.planned'), t('results.col.committed'), t('results.col.actualSpending')],
    [...[...pillars.values()].map((r) => [r.name, money(r.planned), money(r.committed), money(r.actual)]), [t('results.spending.total'), money(totals.planned), money(totals.committed), money(totals.actual)]],
    [0.4, 0.2, 0.2, 0.2],
    [false, true, true, true],
    [...[...pillars.values()].map(() => false), true],
  );
  const funded = report.programs.reduce((s, p) => ({ agreements: s.agreements + p.funded.total.agreements, organisations: s.organisations + p.funded.total.organisations }), { agreements: 0, organisations: 0 });
  para(t('pdf.results.funded', { agreements: funded.agreements, organisations: funded.organisations }));

  // Results, program by program.
  for (const p of report.programs) {
    heading(pick(p.program.nameEn, p.program.nameFr), 14);
    const c = p.rollup.completeness;
    para(t('results.completeness.summary', { accepted: c.reportsAccepted, due: c.reportsDue, complete: c.agreementsComplete, agreements: c.agreementsDue }));
    const indicators = p.rollup.outcomes.flatMap((o) => o.indicators);
    if (indicators.length > 0) {
      table(
        [t('results.col.indicator'), t('results.col.baseline'), t('results.col.target'), t('results.col.actual'), t('results.col.status')],
        indicators.map((i) => [pick(i.nameEn, i.nameFr), number(i.baselineValue, i.unit), number(i.targetValue, i.unit), number(i.actual, i.unit), t(`results.status.${i.comparison.status}`)]),
        [0.44, 0.14, 0.14, 0.14, 0.14],
        [false, true, true, true, false],
      );
    }
    for (const g of p.gba.indicators) {
      const shares = g.dimensions.map((d) => `${t(`gba.dimension.${d.dimension}`)} ${d.sharePercent === null ? '-' : `${d.sharePercent} %`}`).join('; ');
      para(t('pdf.results.gba', { indicator: pick(g.nameEn, g.nameFr), shares }));
    }
    if (c.indicatorsMissingData.length > 0) {
      para(t('pdf.results.missing', { indicators: c.indicatorsMissingData.map((i) => pick(i.nameEn, i.nameFr)).join('; ') }));
    }
  }
  heading(t('pdf.results.privacy'), 11);
  para(t('pdf.results.privacyText'));
  return finish((n) => `${pick(report.strategy.nameEn, report.strategy.nameFr)} ${report.fiscalYear} · ${t('pdf.page', { n })}`);
}
