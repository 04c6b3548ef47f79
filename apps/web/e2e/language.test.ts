import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launchBrowser, newVisitor, screenshot, restoreAccountLanguage, signIn, text, toggleLanguage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('language', () => {
  it('switches the page to French and back at once, and remembers the choice in a cookie', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/sign-in');
    await expectHeading(page, text('en', 'signIn.title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await toggleLanguage(page, 'fr');
    await expectHeading(page, text('fr', 'signIn.title'));
    await page.getByText(text('fr', 'signIn.email')).first().waitFor();
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'tp_lang')?.value).toBe('fr');
    await screenshot(page, 'sign-in-fr');

    await page.reload();
    await expectHeading(page, text('fr', 'signIn.title'));

    await toggleLanguage(page, 'en');
    await expectHeading(page, text('en', 'signIn.title'));
    expect((await context.cookies()).find((c) => c.name === 'tp_lang')?.value).toBe('en');
    await context.close();
  });

  it('saves a signed-in user’s choice on the account, for the next sign-in from anywhere', async () => {
    const first = await newVisitor(browser);
    await signIn(first.page, 'analyst@example.ca');
    await expectHeading(first.page, text('en', 'results.title'));
    await toggleLanguage(first.page, 'fr');
    await expectHeading(first.page, text('fr', 'results.title'));
    await screenshot(first.page, 'results-fr');
    await first.context.close();

    // A new browser (no language cookie): the account's language applies after sign-in.
    const second = await newVisitor(browser);
    await signIn(second.page, 'analyst@example.ca');
    await expectHeading(second.page, text('fr', 'results.title'));
    expect(await second.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await restoreAccountLanguage(second.page, 'en'); // put the demo account back as it was
    await expectHeading(second.page, text('en', 'results.title'));
    await second.context.close();
  });
});

describe('language of the GCDS components', () => {
  it('relabels the header toggle, the footer and the field markers when the language changes', async () => {
    const browser2 = await launchBrowser();
    try {
      const { page } = await newVisitor(browser2);
      await page.goto('/sign-in');
      await expectHeading(page, text('en', 'signIn.title'));
      const shadowText = (selector: string) =>
        page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);
      expect(await shadowText('gcds-lang-toggle')).toContain('Français');
      expect(await shadowText('gcds-input')).toContain('required');
      await toggleLanguage(page, 'fr');
      await expect.poll(() => shadowText('gcds-lang-toggle')).toContain('English');
      await expect.poll(() => shadowText('gcds-input')).toContain('obligatoire');
      await expect.poll(() => shadowText('gcds-footer')).toContain('Médias sociaux');
      await screenshot(page, 'sign-in-fr-components');
    } finally {
      await browser2.close();
    }
  });
});
