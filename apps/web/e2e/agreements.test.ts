/**
 * Issue 5 in the browser, on the demo data: the officer drafts the agreement of Ka Ni
 * Kanichihk's approved application and sends it; the recipient signs it in English; the manager
 * (whose account prefers French) signs for the department; the officer proposes a reprofiling,
 * the manager approves it and reads it beside the original; the PDF, downloaded as a person would,
 * names the recipient and holds the total and the schedule.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

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

const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' '));
  return pages.join(' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

describe('a contribution agreement, from approved application to amendment', () => {
  it('is drafted, sent, signed on both sides, reprofiled and printed', async () => {
    // Officer: draft from the approved application and send it.
    const officer = await as('officer@example.ca', /\/officer$/);
    let page = officer.page;
    await page.goto('/agreements');
    await expectHeading(page, text('en', 'ca.portfolio.title'));
    expect(await seriousA11yViolations(page), '/agreements').toEqual([]);
    await page.locator('[data-testid="awaiting-agreement"] tr', { hasText: 'Ka Ni Kanichihk' }).getByRole('link').click();
    await page.waitForURL(/\/agreements\/new\?applicationId=/);
    await expect.poll(() => page.locator('#terms-title').inputValue()).toContain('Healing Circles');
    expect(await page.locator('#terms-total').inputValue()).toBe('160000.00');
    await page.locator('#terms-riskReasons').fill('Indigenous-led organisation with ten years of federal funding; first project of this size.');
    // What the proactive disclosure publishes in both languages, written by the officer.
    await page.locator('#terms-title-fr').fill('Cercles de guérison');
    await page.locator('#terms-expected-results-en').fill('Survivors heal in community and stay connected to support.');
    expect(await seriousA11yViolations(page), '/agreements/new').toEqual([]);
    await screenshot(page, 'agreement-draft');
    await page.getByRole('button', { name: text('en', 'ca.form.saveDraft') }).click();
    await page.waitForURL(/\/agreements\/[\w-]+$/);
    const agreementUrl = page.url();
    const disclosure = page.locator('[data-testid="agreement-disclosure"]');
    await expect.poll(() => disclosure.innerText()).toContain('Cercles de guérison');
    expect(await disclosure.innerText()).toContain('Survivors heal in community');
    expect(await disclosure.innerText()).toContain(text('en', 'ca.view.notWritten'));
    await page.getByRole('button', { name: text('en', 'ca.action.send') }).click();
    await page.getByText(text('en', 'ca.action.sent')).waitFor();
    await officer.close();

    // Recipient, in English: reads and signs.
    const recipient = await as('recipient@example.ca', /\/recipient$/);
    page = recipient.page;
    await page.goto('/my-agreements');
    await page.locator('[data-testid="my-agreements"] a').first().click();
    await page.locator('[data-testid="sign-panel"]').waitFor();
    await page.locator('#sign-name').fill('Léa Cardinal');
    await page.locator('#sign-title').fill('Executive Director');
    await page.locator('#sign-confirm').check({ force: true });
    expect(await seriousA11yViolations(page), '/agreements/$id (recipient)').toEqual([]);
    await page.getByRole('button', { name: text('en', 'ca.sign.submit') }).click();
    await page.getByText(text('en', 'ca.sign.done')).waitFor();
    await recipient.close();

    // Manager, in French: signs for the department within delegated authority.
    const manager = await as('manager@example.ca', /\/manager$/);
    page = manager.page;
    await page.goto(agreementUrl);
    await page.locator('[data-testid="department-panel"]').waitFor();
    await page.getByRole('button', { name: text('fr', 'ca.department.submit') }).click();
    await page.getByRole('button', { name: text('fr', 'ca.department.yes') }).click();
    await page.getByText(text('fr', 'ca.department.done')).waitFor();
    await expect.poll(() => page.locator('[data-testid="agreement-status"]').textContent()).toContain(text('fr', 'status.agreement.active'));
    await manager.close();

    // Officer: reprofile $10,000 from 2026-27 to 2027-28.
    const amending = await as('officer@example.ca', /\/officer$/);
    page = amending.page;
    await page.goto(agreementUrl);
    // Signed, so frozen; the disclosure's French description is not a term and is completed here.
    await page.locator('#disclosure-descriptionFr').fill('Cercles de guérison hebdomadaires menés par des survivantes et des Aînées.');
    await page.getByRole('button', { name: text('en', 'ca.disclosure.save') }).click();
    await page.getByText(text('en', 'ca.disclosure.saved')).waitFor();
    await expect.poll(() => page.locator('[data-testid="agreement-disclosure"]').innerText()).toContain('menés par des survivantes');
    expect(await seriousA11yViolations(page), '/agreements/$id (disclosure form)').toEqual([]);
    await page.getByRole('link', { name: text('en', 'ca.amend.link') }).click();
    await page.waitForURL(/\/amend$/);
    await expect.poll(() => page.locator('#terms-year-2026-27').inputValue()).toBe('40000.00');
    await page.locator('#terms-year-2026-27').fill('30000.00');
    await page.locator('#terms-year-2027-28').fill('90000.00');
    expect(await page.locator('#terms-budget-1-amount').inputValue()).toBe('36000.00');
    await page.locator('#terms-budget-1-amount').fill('26000.00');
    expect(await page.locator('#terms-budget-2-amount').inputValue()).toBe('72000.00');
    await page.locator('#terms-budget-2-amount').fill('82000.00');
    await page.locator('#amend-reason').fill('Start delayed by one quarter; spending moves to 2027-28.');
    await page.getByRole('button', { name: text('en', 'ca.form.proposeAmendment') }).click();
    await page.waitForURL(agreementUrl);
    await page.locator('[data-testid="pending-amendment"]').waitFor();
    await amending.close();

    // Manager approves; the comparison shows what changed.
    const approving = await as('manager@example.ca', /\/manager$/);
    page = approving.page;
    await page.goto(agreementUrl);
    await page.getByRole('button', { name: text('fr', 'ca.amend.approve') }).click();
    await page.getByText(text('fr', 'ca.amend.approved')).waitFor();
    await page.goto(`${agreementUrl}/versions/2`);
    const fiscalYears = page.locator('[data-testid="version-comparison"] tr', { hasText: text('fr', 'ca.section.fiscalYears') });
    await expect.poll(() => fiscalYears.getAttribute('data-changed')).toBe('yes');
    expect(await page.locator('[data-testid="version-comparison"] tr', { hasText: text('fr', 'ca.section.totalCents') }).getAttribute('data-changed')).toBe('no');
    expect(await page.getByText(text('fr', 'ca.version.kind.reprofiling')).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page), '/agreements/$id/versions/2').toEqual([]);
    await screenshot(page, 'agreement-version');

    // The PDF of the version in force, in the recipient's language (English).
    await page.goto(agreementUrl);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="agreement-pdf"]').click()]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const pdf = await pdfText(Buffer.concat(chunks));
    expect(pdf).toContain('Ka Ni Kanichihk Inc.');
    expect(pdf).toContain('$160,000.00');
    expect(pdf).toContain('$90,000.00');
    expect(pdf).toContain('2027-28');
    expect(pdf).toContain('Progress reports (quarterly)');
    expect(pdf).toContain('Signed by Léa Cardinal, Executive Director');
    await screenshot(page, 'agreement-active');
    await approving.close();
  });
});
