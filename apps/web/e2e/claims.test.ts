/**
 * Issue 7 in the browser, on the demo data: Legal Assistance of Windsor asks for an advance in
 * French (an amount with three decimals is refused next to its field); the program officer
 * certifies it; finance (whose account prefers French) releases the payment; the reconciliation
 * shows it and the XLSX export, downloaded as a person would, holds the same figure.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launchBrowser, newVisitor, restoreAccountLanguage, screenshot, seriousA11yViolations, signIn, text, toggleLanguage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string, home: RegExp): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await newVisitor(browser);
  await signIn(page, email);
  await page.waitForURL(home);
  return { page, close: () => context.close() };
}

describe('an advance, from claim to payment to the reconciliation', () => {
  it('is claimed in French, certified, released, reconciled and exported', async () => {
    const recipient = await as('recipient.windsor@example.ca', /\/recipient$/);
    let page = recipient.page;
    await toggleLanguage(page, 'fr');
    await page.goto('/claims');
    await expectHeading(page, text('fr', 'claims.my.title'));
    await page.getByRole('link', { name: /Nouvelle demande sur AGR-/ }).first().click();
    await page.waitForURL(/\/claims\/new\?agreementId=/);
    await page.locator('#claim-periodStart').fill('2026-10-01');
    await page.locator('#claim-periodEnd').fill('2026-12-31');
    await page.locator('#forecast-0-month').fill('2026-10');
    await page.locator('#forecast-0-amount').fill('15 000,00');
    await page.getByRole('button', { name: text('fr', 'claims.forecast.add') }).click();
    await page.locator('#forecast-1-month').fill('2026-11');
    await page.locator('#forecast-1-amount').fill('15 000,00');
    // Three decimals: refused next to the amount, nothing sent.
    await page.locator('#claim-requested').fill('30 000,005');
    await page.getByRole('button', { name: text('fr', 'claims.submit') }).click();
    await page.getByText(text('fr', 'error.money.invalid')).first().waitFor();
    await page.locator('#claim-requested').fill('30 000,00');
    expect(await seriousA11yViolations(page), '/claims/new').toEqual([]);
    await screenshot(page, 'claim-form-fr');
    await page.getByRole('button', { name: text('fr', 'claims.submit') }).click();
    await page.getByText(/Demande CLM-\d{4}-\d{6} soumise/).waitFor();
    await restoreAccountLanguage(page, 'en');
    await recipient.close();

    // The officer certifies performance (s. 34).
    const officer = await as('officer@example.ca', /\/officer$/);
    page = officer.page;
    await page.goto('/claims');
    await page.locator('[data-testid="claims-to-certify"] a').first().click();
    await page.waitForURL(/\/claims\/[\w-]+$/);
    const claimUrl = page.url();
    await page.locator('[data-testid="certify-panel"]').waitFor();
    expect(await seriousA11yViolations(page), '/claims/$id (certify)').toEqual([]);
    await page.getByRole('button', { name: text('en', 'claims.certify.submit'), exact: true }).click();
    // Asked first, with the amount; answered by keyboard (the question has the focus, Yes is next).
    const question = page.getByRole('alertdialog');
    expect(await question.innerText()).toContain('$30,000.00 under section 34');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alertdialog');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(text('en', 'claims.certify.done')).waitFor();
    await officer.close();

    // Finance releases the payment (s. 33), in French.
    const finance = await as('finance@example.ca', /\/finance$/);
    page = finance.page;
    await page.goto(claimUrl);
    await page.locator('[data-testid="release-panel"]').waitFor();
    await page.getByRole('button', { name: text('fr', 'claims.release.submit') }).click();
    await page.getByRole('button', { name: text('fr', 'claims.release.yes') }).click();
    await page.getByText(/Paiement de 30\s000,00\s\$ libéré/).waitFor();
    await expect.poll(() => page.locator('[data-testid="claim-status"]').textContent()).toBe(text('fr', 'status.claim.paid'));
    await screenshot(page, 'claim-paid-fr');

    // The reconciliation shows the advance paid in 2026-27, and the XLSX holds the same figure.
    await page.goto('/reconciliation');
    await expectHeading(page, text('fr', 'recon.title'));
    await page.locator('#recon-fiscalYear').selectOption('2026-27');
    const row = page.locator('[data-testid="reconciliation"] tbody tr', { hasText: 'Legal Assistance of Windsor' });
    // The year's first page (read from what the database keeps per agreement and year) shows it…
    await expect.poll(async () => (await row.locator('[data-column="paidCents"]').textContent())?.replace(/\s/g, ' ')).toBe('30 000,00 $');
    // …and, a page of rows at a time, the clerk finds the organisation by name.
    await page.locator('#recon-search').fill('windsor');
    await expect.poll(() => page.locator('[data-testid="reconciliation"] tbody tr').count()).toBeLessThan(3);
    await expect.poll(async () => (await row.locator('[data-column="paidCents"]').textContent())?.replace(/\s/g, ' ')).toBe('30 000,00 $');
    expect(await seriousA11yViolations(page), '/reconciliation').toEqual([]);
    await screenshot(page, 'reconciliation-fr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-reconciliation-xlsx"]').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await download.createReadStream()).toArray()).reduce((a: Buffer, b: Buffer) => Buffer.concat([a, b]), Buffer.alloc(0)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const paidColumn = header.indexOf('Paid / Versé');
    let paidInFile: unknown = null;
    sheet.eachRow((r) => {
      const v = r.values as unknown[];
      if (v[header.indexOf('Organisation / Organisme')] === 'Legal Assistance of Windsor' && v[header.indexOf('Fiscal year / Exercice')] === '2026-27') paidInFile = v[paidColumn];
    });
    expect(paidInFile).toBe(30000);
    // The file holds what the screen shows: with the search, the Windsor rows only.
    let rowsInFile = 0;
    sheet.eachRow((r, n) => {
      if (n > 1) rowsInFile++;
    });
    expect(rowsInFile).toBe(await page.locator('[data-testid="reconciliation"] tbody tr').count());
    // The filters live in the address: away and Back, they are still there, with the same rows.
    expect(new URL(page.url()).searchParams.get('search')).toBe('windsor');
    await page.goto('/claims');
    await page.goBack();
    await expectHeading(page, text('fr', 'recon.title'));
    await expect.poll(() => page.locator('#recon-search').inputValue()).toBe('windsor');
    // The selects show the filters once their options have arrived (a GCDS select is made again then).
    await expect.poll(() => page.locator('#recon-fiscalYear').inputValue()).toBe('2026-27');
    await expect.poll(async () => (await row.locator('[data-column="paidCents"]').textContent())?.replace(/\s/g, ' ')).toBe('30 000,00 $');
    await finance.close();
  });
});
