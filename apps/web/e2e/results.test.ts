/**
 * Issue 8 in the browser, on the demo data with its generated history: the analyst opens the
 * rollup from her dashboard, chooses 2020-21, drills into an indicator (the reports behind the
 * figure add up to it), comes back, and downloads the XLSX: the figures in the file equal those
 * on screen. The spending page shows its chart and the same figures as a table.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, expectHeading, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the results rollup', () => {
  it('an analyst opens 2020-21, drills into an indicator and exports what she sees', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'analyst@example.ca');
    await page.waitForURL(/\/results$/);
    await page.locator('[data-testid="dash-spending-chart"] table tbody tr').first().waitFor();
    await page.getByRole('link', { name: text('en', 'dash.openRollup') }).click();
    await expectHeading(page, text('en', 'results.rollup.title'));
    await page.locator('#rollup-fiscalYear').selectOption('2020-21');
    await page.waitForURL(/fiscalYear=2020-21/);
    await page.getByText(/of \d+ reports due in the year are accepted/).waitFor();

    // Every indicator's figure on screen, by its code.
    const onScreen = new Map<string, string>();
    for (const row of await page.locator('tr[data-indicator]').all()) {
      onScreen.set((await row.getAttribute('data-indicator'))!, (await row.locator('[data-column="actual"]').getAttribute('data-value'))!);
    }
    const reported = [...onScreen].filter(([, v]) => v !== '');
    expect(reported.length).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page), '/results/rollup').toEqual([]);
    await screenshot(page, 'results-rollup-2020-21');

    // Drill into the first count indicator with a figure: its reports add up to it.
    const countRow = page.locator('tr[data-indicator]').filter({ has: page.locator('[data-column="actual"] a') }).filter({ hasText: `(${text('en', 'results.unit.count')})` }).first();
    const code = (await countRow.getAttribute('data-indicator'))!;
    await countRow.locator('[data-column="actual"] a').click();
    await page.waitForURL(/\/results\/rollup\/indicator\?/);
    await page.locator('[data-testid="drill-reports"] tbody tr').first().waitFor();
    const values = await page.locator('[data-testid="drill-reports"] tbody td[data-value]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    expect(String(values.reduce((s, v) => s + v, 0))).toBe(onScreen.get(code));
    expect(await page.locator('[data-testid="drill-figure"]').getAttribute('data-value')).toBe(onScreen.get(code));
    expect(await seriousA11yViolations(page), '/results/rollup/indicator').toEqual([]);
    await screenshot(page, 'results-drill');
    await page.getByRole('link', { name: text('en', 'results.back') }).click();
    await page.waitForURL(/\/results\/rollup\?/);

    // The XLSX holds the same figures for 2020-21.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-indicators-xlsx"]').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await download.createReadStream()).toArray()).reduce((a: Buffer, b: Buffer) => Buffer.concat([a, b]), Buffer.alloc(0)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const indicatorColumn = header.findIndex((h) => h.startsWith('Indicator / Indicateur'));
    const actualColumn = header.findIndex((h) => h.startsWith('Actual 2020-21 / Réel 2020-21'));
    expect(indicatorColumn).toBeGreaterThan(0);
    expect(actualColumn).toBeGreaterThan(0);
    const names = new Map<string, string>();
    for (const row of await page.locator('tr[data-indicator]').all()) {
      names.set((await row.locator('th').innerText()).replace(/\s*\([^)]*\)\s*$/, ''), (await row.getAttribute('data-indicator'))!);
    }
    let matched = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const code = names.get(String(row.getCell(indicatorColumn).value));
      if (!code) return;
      const cell = row.getCell(actualColumn).value;
      expect(cell === null || cell === undefined ? '' : String(cell), code).toBe(onScreen.get(code));
      matched++;
    });
    expect(matched).toBe(onScreen.size);
    await context.close();
  });

  it('spending by pillar has a chart and the same figures as a table', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'analyst@example.ca');
    await page.waitForURL(/\/results$/);
    await page.goto('/results/spending');
    await expectHeading(page, text('en', 'results.spending.title'));
    await page.locator('[data-testid="spending-chart"] canvas').waitFor();
    await page.locator('[data-testid="spending-chart"] table tbody tr').first().waitFor();
    await page.getByText(/agreements with \d+ organisations/).waitFor();
    expect(await cspViolations(page), '/results/spending').toEqual([]);
    expect(await seriousA11yViolations(page), '/results/spending').toEqual([]);
    await screenshot(page, 'results-spending');
    await context.close();
  });

  it('each role finds its dashboard at home, every chart with its table', async () => {
    for (const [email, home, testIds] of [
      ['officer@example.ca', /\/officer$/, ['dash-overdue', 'dash-delayed', 'dash-at-risk', 'dash-to-certify']],
      ['finance@example.ca', /\/finance$/, ['dash-to-release', 'dash-finance-chart']],
      ['recipient.windsor@example.ca', /\/recipient$/, ['dash-due', 'dash-paid', 'dash-indicators']],
      ['manager@example.ca', /\/manager$/, ['dash-overdue', 'dash-spending-chart']],
    ] as const) {
      const { context, page } = await newVisitor(browser);
      await signIn(page, email);
      await page.waitForURL(home);
      for (const id of testIds) await page.locator(`[data-testid="${id}"]`).first().waitFor();
      for (const chart of await page.locator('figure.tp-chart').all()) expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
      // Pages, charts and design-system components all run under the Content-Security-Policy
      // (checked before axe, whose templates compile with eval and would be reported).
      expect(await cspViolations(page), email).toEqual([]);
      expect(await seriousA11yViolations(page), email).toEqual([]);
      await screenshot(page, `dashboard-${email.split('@')[0]}`);
      await context.close();
    }
  });
});
