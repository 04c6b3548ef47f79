import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, fieldError, launchBrowser, newVisitor, screenshot, signIn, text, toggleLanguage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sign-in', () => {
  it('sends a signed-out visitor of a protected page to the sign-in page, then back to it', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/officer');
    await page.waitForURL(/\/sign-in\?redirect=/);
    await expectHeading(page, text('en', 'signIn.title'));
    await screenshot(page, 'sign-in-en');
    await signIn(page, 'officer@example.ca', undefined, { navigate: false });
    await page.waitForURL(/\/officer$/);
    await expectHeading(page, text('en', 'programs.officerTitle'));
    // The tab names the page, and after the move focus is on the main content (not left on the form that is gone).
    await expect.poll(() => page.title()).toBe(`${text('en', 'programs.officerTitle')} - ${text('en', 'app.title')}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('main-content');
    await context.close();
  });

  it('checks the form in the browser before sending it', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'not-an-email', '');
    expect(await fieldError(page, 'field-email')).toContain(text('en', 'error.email.invalid'));
    expect(await fieldError(page, 'field-password')).toContain(text('en', 'error.password.required'));
    await context.close();
  });

  it('shows a wrong password next to the email field, in English then in French', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'officer@example.ca', 'not-the-password');
    expect(await fieldError(page, 'field-email')).toContain(text('en', 'error.signIn.invalid'));
    expect(page.url()).toMatch(/\/sign-in$/);
    await screenshot(page, 'sign-in-wrong-password-en');

    // A fresh page in French (the choice is kept in the cookie), so the error must be the server's new answer.
    await toggleLanguage(page, 'fr');
    await page.reload();
    await expectHeading(page, text('fr', 'signIn.title'));
    await signIn(page, 'officer@example.ca', 'pas-le-bon-mot-de-passe', { navigate: false });
    expect(await fieldError(page, 'field-email')).toContain(text('fr', 'error.signIn.invalid'));
    await screenshot(page, 'sign-in-wrong-password-fr');
    await context.close();
  });

  it('always confirms a password reset request the same way', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/sign-in');
    await expect.poll(() => page.title()).toBe(`${text('en', 'signIn.title')} - ${text('en', 'app.title')}`);
    await page.getByRole('link', { name: text('en', 'signIn.forgot') }).click();
    await expectHeading(page, text('en', 'forgot.title'));
    await expect.poll(() => page.title()).toBe(`${text('en', 'forgot.title')} - ${text('en', 'app.title')}`);
    await page.locator('#field-email').fill('nobody@example.ca');
    await page.locator('main form').getByRole('button').click();
    await page.getByText(text('en', 'forgot.sent')).waitFor();
    await context.close();
  });

  it('says clearly when a reset link is not valid', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto(`/reset-password?token=${'x'.repeat(40)}`);
    await expectHeading(page, text('en', 'reset.title'));
    await page.locator('#field-password').fill('a long enough password');
    await page.locator('#field-confirmPassword').fill('a long enough password');
    await page.locator('main form').getByRole('button').click();
    await page.getByText(text('en', 'error.token.invalid')).waitFor();
    await context.close();
  });
});
