/**
 * Issue 6 in the browser, on the demo data: Legal Assistance of Windsor files its first quarterly
 * report (April to June 2026) in French, with a delayed activity and GBA Plus counts; a breakdown
 * that exceeds the total is refused next to it; the officer returns the report with a comment;
 * the recipient corrects and resubmits; the officer accepts it and approves a milestone. Both
 * versions stay readable and progress at a glance shows the figures.
 */
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

async function fillCounts(page: Page, counts: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(counts)) await page.locator(`#${id}`).fill(value);
}

describe('a quarterly progress report, from draft to acceptance', () => {
  it('is filed in French with a delayed activity and GBA Plus counts, returned, corrected and accepted', async () => {
    // Recipient, in French: the first quarter of the Windsor agreement is overdue.
    const recipient = await as('recipient.windsor@example.ca', /\/recipient$/);
    let page = recipient.page;
    await toggleLanguage(page, 'fr');
    await page.goto('/my-reports');
    await expectHeading(page, text('fr', 'rep.my.title'));
    const firstQuarter = page.locator('[data-testid="my-reports"] tr[data-period-start="2026-04-01"]');
    await firstQuarter.waitFor();
    expect(await seriousA11yViolations(page), '/my-reports').toEqual([]);
    await firstQuarter.getByRole('button').click();
    await page.waitForURL(/\/reports\/[\w-]+$/);
    const reportUrl = page.url();
    await page.getByText(text('fr', 'rep.privacy.title')).first().waitFor();

    // Activities: the first completed, the second delayed with its reason and new date.
    await page.locator('#activity-0-status').selectOption('completed');
    await page.locator('#activity-1-status').selectOption('delayed');
    await page.locator('#activity-1-reason').fill('L’évaluatrice a été embauchée en retard.');
    await page.locator('#activity-1-date').fill('2027-09-30');
    await page.locator('#deliverables').fill('Plan de sensibilisation approuvé par le comité.');
    // 40 youth, but the gender counts add up to 45: refused next to the indicator.
    await page.locator('#indicator-0-value').fill('40');
    await fillCounts(page, { 'indicator-0-gender-women': '30', 'indicator-0-gender-men': '13', 'indicator-0-gender-not_disclosed': '2' });
    await page.locator('#progress').fill('Douze séances d’information dans quatre écoles secondaires.');
    await page.locator('#progress').blur();
    await page.getByText(text('fr', 'error.report.breakdownExceedsTotal', { dimension: text('fr', 'gba.dimension.gender') })).first().waitFor();
    await screenshot(page, 'report-breakdown-refused');

    // Corrected counts; the draft saves and lists what is still missing (age and Indigenous identity).
    await fillCounts(page, { 'indicator-0-gender-men': '8' });
    await page.locator('#progress').focus();
    await page.locator('#progress').blur();
    await page.locator('[data-testid="report-needed"]').getByText(text('fr', 'error.report.breakdownMustAddUp', { dimension: text('fr', 'gba.dimension.age_group') })).waitFor();
    await fillCounts(page, {
      'indicator-0-age_group-age_12_17': '40',
      'indicator-0-indigenous_identity-first_nations': '5',
      'indicator-0-indigenous_identity-not_disclosed': '35',
    });
    await page.locator('#progress').focus();
    await page.locator('#progress').blur();
    await page.locator('[data-testid="report-saved"]').getByText(/Ébauche enregistrée/).waitFor();
    expect(await seriousA11yViolations(page), '/reports/$id (form)').toEqual([]);
    await screenshot(page, 'report-form-fr');
    await page.getByRole('button', { name: text('fr', 'rep.submit') }).click();
    await page.getByRole('alertdialog').getByText(text('fr', 'rep.submit.question')).waitFor();
    await page.getByRole('button', { name: text('fr', 'rep.submit.yes') }).click();
    await page.getByText(text('fr', 'rep.submitted')).waitFor();
    await restoreAccountLanguage(page, 'en');
    await recipient.close();

    // Officer: the report waits in the queue; return it with a comment on the indicators.
    const officer = await as('officer@example.ca', /\/officer$/);
    page = officer.page;
    await page.goto('/reports');
    await expectHeading(page, text('en', 'rep.queue.title'));
    await page.locator('[data-testid="reports-to-review"]').getByRole('link').first().click();
    await page.waitForURL(reportUrl);
    await page.locator('[data-testid="review-panel"]').waitFor();
    await page.getByText('L’évaluatrice a été embauchée en retard.').first().waitFor();
    expect(await seriousA11yViolations(page), '/reports/$id (review)').toEqual([]);
    await screenshot(page, 'report-review');
    await page.locator('#review-indicators').fill('Everyone is counted as 12 to 17: please check the ages.');
    await page.getByRole('button', { name: text('en', 'rep.review.return') }).click();
    await page.getByRole('button', { name: text('en', 'rep.review.returnYes') }).click();
    await page.getByText(text('en', 'rep.review.done.returned')).waitFor();
    await officer.close();

    // Recipient: sees the comment, corrects the ages, resubmits.
    const again = await as('recipient.windsor@example.ca', /\/recipient$/);
    page = again.page;
    await page.goto(reportUrl);
    await page.locator('[data-testid="comment-indicators"]').getByText('Everyone is counted as 12 to 17').waitFor();
    await fillCounts(page, { 'indicator-0-age_group-age_12_17': '28', 'indicator-0-age_group-age_18_24': '12' });
    await page.locator('#progress').focus();
    await page.locator('#progress').blur();
    await page.locator('[data-testid="report-saved"]').getByText(/Draft saved/).waitFor();
    await page.getByRole('button', { name: text('en', 'rep.submit') }).click();
    await page.getByRole('button', { name: text('en', 'rep.submit.yes') }).click();
    await page.getByText(text('en', 'rep.submitted')).waitFor();
    await again.close();

    // Officer: accepts and approves the first milestone; both versions stay readable.
    const review = await as('officer@example.ca', /\/officer$/);
    page = review.page;
    await page.goto(reportUrl);
    await page.locator('[data-testid="review-panel"]').waitFor();
    await page.getByText('Outreach plan approved', { exact: false }).first().waitFor();
    await page.locator('#approve-milestones input').first().check({ force: true });
    await page.getByRole('button', { name: text('en', 'rep.review.accept') }).click();
    expect(await page.getByRole('alertdialog').innerText()).toContain(text('en', 'rep.review.acceptQuestion', { count: 1 }));
    await page.getByRole('button', { name: text('en', 'rep.review.acceptYes') }).click();
    await page.getByText(text('en', 'rep.review.done.accepted')).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="report-status"]').textContent()).toBe(text('en', 'status.report.accepted'));
    const versions = page.locator('[data-testid="report-versions"] > li');
    expect(await versions.count()).toBe(2);
    expect(await versions.nth(0).locator('summary').textContent()).toContain('returned');
    expect(await versions.nth(1).locator('summary').textContent()).toContain('accepted');
    await screenshot(page, 'report-accepted');

    // Progress at a glance.
    const agreementId = await page.evaluate(async (url) => {
      const id = url.split('/').pop();
      const res = await fetch(`/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ json: { reportId: id } }))}`);
      const body = (await res.json()) as { result: { data: { json: { agreement: { id: string } } } } };
      return body.result.data.json.agreement.id;
    }, reportUrl);
    await page.goto(`/agreements/${agreementId}/progress`);
    await page.locator('[data-testid="activity-summary"]').getByText(/2 planned: 1 completed, 0 in progress, 1 delayed/).waitFor();
    expect(await page.locator('[data-testid="indicator-progress"] tbody tr').first().textContent()).toContain('40');
    expect(await seriousA11yViolations(page), '/agreements/$id/progress').toEqual([]);
    await screenshot(page, 'agreement-progress');
    await review.close();
  });
});
