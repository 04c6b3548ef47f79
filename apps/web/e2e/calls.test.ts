import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launchBrowser, newVisitor, screenshot, seriousA11yViolations, restoreAccountLanguage, signIn, text, toggleLanguage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROGRAM = 'Contributions for the Protection of Children from Online Sexual Exploitation';
const READY_INDICATOR = 'Reports forwarded to law enforcement';
const TITLE_EN = 'Tipline outreach in the North: 2027 intake';
const TITLE_FR = 'Sensibilisation à la centrale dans le Nord : appel 2027';

/** A Toronto wall time `days` from now ("2026-12-13 17:00"); the date is close enough for a test. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} 17:00`;
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

async function signInAs(page: Page, email: string, home: RegExp): Promise<void> {
  await signIn(page, email);
  await page.waitForURL(home);
}

describe('calls for proposals', () => {
  it('an officer builds a call with two criteria and an indicator, is refused at 90, publishes; a recipient sees it in French', async () => {
    const officer = await newVisitor(browser);
    const page = officer.page;
    await signInAs(page, 'officer@example.ca', /\/officer$/);
    await page.goto('/calls');
    await expectHeading(page, text('en', 'calls.title'));
    await page.getByRole('link', { name: text('en', 'calls.new') }).click();
    await expectHeading(page, text('en', 'calls.newTitle'));

    await page.locator('#call-programId').selectOption({ label: PROGRAM });
    await page.locator('#call-pillarIds input').first().check();
    await page.locator('#call-titleEn').fill(TITLE_EN);
    await page.locator('#call-titleFr').fill(TITLE_FR);
    await page.locator('#call-descriptionEn').fill('Projects that bring the national tipline to northern communities.');
    await page.locator('#call-descriptionFr').fill('Projets qui font connaître la centrale nationale dans les collectivités du Nord.');
    await page.locator('#call-eligibleRecipientTypes-non_profit').check();
    await page.locator('#call-eligibleRecipientTypes-indigenous_organisation').check();
    await page.locator('#call-eligibleProvinces-NU').check();
    await page.locator('#call-eligibleProvinces-NT').check();
    await page.locator('#call-priorities-youth').check();
    await page.locator('#call-minAmount').fill('10,000');
    await page.locator('#call-maxAmount').fill('150,000.00');
    await page.locator('#call-maxDurationMonths').fill('24');
    await page.locator('#call-firstFiscalYear').selectOption('2027-28');
    await page.locator('#call-lastFiscalYear').selectOption('2028-29');
    await page.locator('#call-opensAt').fill(dayFromNow(-1));
    await page.locator('#call-closesAt').fill(dayFromNow(20));

    // Only ready indicators can be chosen; one that is not ready is shown disabled with what it lacks.
    await page.getByLabel(READY_INDICATOR, { exact: true }).check();
    expect(await page.locator('#call-indicatorIds input:disabled').count()).toBeGreaterThan(0);

    await page.locator('#call-criterion-0-nameEn').fill('Reach in northern communities');
    await page.locator('#call-criterion-0-nameFr').fill('Portée dans les collectivités du Nord');
    await page.locator('#call-criterion-0-weight').fill('60');
    await page.getByRole('button', { name: text('en', 'calls.addCriterion') }).click();
    await page.locator('#call-criterion-1-nameEn').fill('Capacity of the organisation');
    await page.locator('#call-criterion-1-nameFr').fill('Capacité de l’organisme');
    await page.locator('#call-criterion-1-weight').fill('30');
    await page.getByTestId('criteria-total').getByText(text('en', 'calls.weightsTotal', { total: 90 })).waitFor();

    // 60 + 30: refused, with the message next to the criteria, and nothing saved.
    await page.getByRole('button', { name: text('en', 'calls.saveDraft') }).click();
    await page.getByTestId('criteria-error').getByText(text('en', 'error.weights.sum')).waitFor();
    expect(page.url()).toMatch(/\/calls\/new$/);
    await screenshot(page, 'calls-weights-refused');
    await expectNoSeriousViolations(page, '/calls/new');

    await page.locator('#call-criterion-1-weight').fill('40');
    await page.getByTestId('criteria-total').getByText(text('en', 'calls.weightsTotal', { total: 100 })).waitFor();
    await page.getByRole('button', { name: text('en', 'calls.saveDraft') }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await expectHeading(page, TITLE_EN);
    await page.getByTestId('call-status').getByText(text('en', 'calls.status.draft')).waitFor();

    await page.getByRole('button', { name: text('en', 'calls.publish') }).click();
    await page.getByTestId('call-status').getByText(text('en', 'calls.status.published')).waitFor();
    await page.getByRole('heading', { level: 2, name: text('en', 'calls.correctDescription') }).waitFor();
    await screenshot(page, 'calls-published');

    // A published call's description can still be corrected (its rules cannot).
    await page.locator('#call-fix-descriptionEn').fill('Projects that bring the national tipline to northern and remote communities.');
    await page.getByRole('button', { name: text('en', 'calls.correctDescription') }).click();
    await page.getByText(text('en', 'calls.corrected')).waitFor();
    await page.getByText('Projects that bring the national tipline to northern and remote communities.').first().waitFor();
    // Closing asks first; keeping the call leaves it published.
    await page.getByRole('button', { name: text('en', 'calls.close') }).click();
    await page.getByRole('button', { name: text('en', 'calls.keep') }).click();
    await page.getByTestId('call-status').getByText(text('en', 'calls.status.published')).waitFor();
    await expectNoSeriousViolations(page, 'published call');

    await page.goto('/calls');
    await page.locator(`tr[data-call-title="${TITLE_EN}"]`).getByText(text('en', 'calls.status.published')).waitFor();
    await expectNoSeriousViolations(page, '/calls (staff)');
    await officer.context.close();

    const recipient = await newVisitor(browser);
    await signInAs(recipient.page, 'recipient@example.ca', /\/recipient$/);
    await toggleLanguage(recipient.page, 'fr');
    await recipient.page.getByRole('link', { name: text('fr', 'nav.calls'), exact: true }).click();
    await expectHeading(recipient.page, text('fr', 'calls.title'));
    const card = recipient.page.locator('article.tp-card', { has: recipient.page.getByRole('link', { name: TITLE_FR }) });
    await card.waitFor();
    expect(await card.getByTestId('countdown').innerText()).toMatch(/^Il reste (19|20)\sjours et \d+\sheures?\. Clôture le .+heure de l’Est \(Toronto\)\.$/);
    await screenshot(recipient.page, 'calls-recipient-fr');
    await expectNoSeriousViolations(recipient.page, '/calls (recipient)');

    await card.getByRole('link', { name: TITLE_FR }).click();
    await expectHeading(recipient.page, TITLE_FR);
    await recipient.page.getByRole('link', { name: text('fr', 'calls.apply') }).waitFor();
    await recipient.page.getByRole('cell', { name: 'Portée dans les collectivités du Nord' }).or(recipient.page.getByRole('rowheader', { name: 'Portée dans les collectivités du Nord' })).waitFor();
    await screenshot(recipient.page, 'call-recipient-fr');
    await expectNoSeriousViolations(recipient.page, 'call (recipient)');
    await recipient.page.getByRole('link', { name: text('fr', 'calls.apply') }).click();
    // The apply page creates the draft and moves on to it at once.
    await recipient.page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    // The demo account goes back to English for the other browser tests.
    await restoreAccountLanguage(recipient.page, 'en');
    await recipient.context.close();
  });
});
