/**
 * Small-number suppression on real figures: a recipient files counts of 1 and 2, the officer
 * accepts the report; the analyst sees them, the officer (and every export) sees "<5".
 */
import { GBA_CATEGORIES } from '@tp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, seedDemoActivity } from '../src';
import { gbaSheet } from '../src/results/results-exports';
import { createHarness, type Harness } from './harness';

let h: Harness;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('GBA Plus small counts', () => {
  it('a report with counts of 1 and 2 shows them to the analyst and "<5" to the officer', async () => {
    // Windsor reports three youth reached (one, then two, in each category it breaks them into).
    const windsor = (await h.signInAs('recipient.windsor@example.ca')).api;
    const due = (await windsor.reports.due()).find((r) => r.status === 'not_started' && r.periodEnd < TODAY)!;
    await windsor.reports.open({ periodId: due.periodId });
    const reportId = (await h.t.db.selectFrom('progressReport').select('id').where('periodId', '=', due.periodId).executeTakeFirstOrThrow()).id;
    const report = await windsor.reports.get({ reportId });
    const dims = await h.t.db.selectFrom('indicator').select(['id', 'unit', 'gbaDimensions']).where('id', 'in', report.plan.indicators.map((i: { id: string }) => i.id)).execute();
    const content = {
      ...report.draft!,
      activities: report.draft!.activities.map((a) => ({ ...a, status: 'in_progress' as const })),
      indicators: dims.map((d) => ({
        indicatorId: d.id,
        value: d.unit === 'percent' ? '50' : '3',
        breakdown: d.unit === 'count' ? d.gbaDimensions.flatMap((dimension) => [{ dimension, category: 'not_disclosed', count: 1 }, { dimension, category: GBA_CATEGORIES[dimension][0]!, count: 2 }]) : [],
      })),
      progress: 'Three youth reached this quarter.',
    };
    await windsor.reports.saveDraft({ reportId, content });
    await windsor.reports.submit({ reportId, revision: 0 });
    const officer = (await h.signInAs('officer@example.ca')).api;
    await officer.reports.review({ reportId, revision: 1, outcome: 'accepted', comments: {}, approveMilestones: [] });
    const program = await h.t.db.selectFrom('agreement').select('agreement.programId').innerJoin('reportingPeriod', 'reportingPeriod.agreementId', 'agreement.id').where('reportingPeriod.id', '=', due.periodId).executeTakeFirstOrThrow();
    const countIndicator = dims.find((d) => d.unit === 'count' && d.gbaDimensions.length > 0)!;
    const dimension = countIndicator.gbaDimensions[0]!;
    const cellsOf = async (api: typeof officer) =>
      (await api.results.gba({ programId: program.programId, fiscalYear: due.periodEnd >= '2026-04-01' ? '2026-27' : '2025-26' })).indicators
        .find((i) => i.id === countIndicator.id)!
        .dimensions.find((d) => d.dimension === dimension)!.categories;
    const analyst = (await h.signInAs('analyst@example.ca')).api;
    const seen = await cellsOf(analyst);
    const hidden = await cellsOf(officer);
    expect(seen.find((c) => c.category === 'not_disclosed')?.count).toBeGreaterThanOrEqual(1);
    const small = seen.filter((c) => c.count! > 0 && c.count! < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const c of small) expect(hidden.find((x) => x.category === c.category)!.count).toBeNull();
    // The export never shows them, whoever asks.
    const sheet = await gbaSheet(h.t.db, { programId: program.programId, fiscalYear: due.periodEnd >= '2026-04-01' ? '2026-27' : '2025-26' });
    expect(sheet.rows.some((r) => r.count === '<5')).toBe(true);
    expect(sheet.rows.every((r) => !['1', '2', '3', '4'].includes(String(r.count)))).toBe(true);
  });
});
