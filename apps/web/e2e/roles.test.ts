import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, expectHeading, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('each role lands on its home page', () => {
  it('has no serious accessibility problem on the sign-in page', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/sign-in');
    await expectHeading(page, text('en', 'signIn.title'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('has an accessibility check that does catch a problem', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/sign-in');
    await expectHeading(page, text('en', 'signIn.title'));
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<input type="text">'));
    expect((await seriousA11yViolations(page)).map((v) => v.id)).toContain('label');
    await context.close();
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.email} lands on ${account.home}, accessible`, async () => {
      const { context, page } = await newVisitor(browser);
      await signIn(page, account.email);
      await page.waitForURL((url) => url.pathname === account.home);
      await expectHeading(page, text(account.lang, account.heading));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(account.lang);
      // Wait for the page's data before checking it.
      await page.getByRole('status').waitFor({ state: 'detached' }).catch(() => undefined);
      await screenshot(page, `home-${account.home.slice(1)}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('shows the organisation of a recipient in its language', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'recipient.windsor@example.ca');
    await page.waitForURL(/\/recipient$/);
    await page.getByRole('heading', { level: 3, name: 'Legal Assistance of Windsor' }).waitFor();
    await page.getByText(text('en', 'organisationType.non_profit')).waitFor();
    expect(await page.getByText('Ka Ni Kanichihk').count()).toBe(0);
    await context.close();
  });

  it('tells a user plainly when a page belongs to another role', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'officer@example.ca');
    await page.waitForURL(/\/officer$/);
    await page.goto('/admin');
    await expectHeading(page, text('en', 'noAccess.title'));
    await page.goto('/no-such-page');
    await expectHeading(page, text('en', 'notFound.title'));
    await context.close();
  });

  it('marks the current fiscal year and writes dates in the user’s language', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'finance@example.ca');
    await page.waitForURL(/\/finance$/);
    await expectHeading(page, text('fr', 'finance.title'));
    const current = page.locator('tr[aria-current="date"]');
    await current.waitFor();
    expect(await current.innerText()).toContain(text('fr', 'finance.current'));
    expect(await current.innerText()).toMatch(/1er avril/);
    await context.close();
  });

  it('signs out', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'reviewer@example.ca');
    await page.waitForURL(/\/reviewer$/);
    await page.getByRole('button', { name: text('en', 'shell.signOut') }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto('/reviewer');
    await page.waitForURL(/\/sign-in\?redirect=/);
    await context.close();
  });
});
