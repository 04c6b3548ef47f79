import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, fieldError, launchBrowser, newVisitor, screenshot, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sign-in', () => {
  it('sends a signed-out visitor of a protected page to the sign-in page', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/admin');
    await page.waitForURL(/\/sign-in/);
    await expectHeading(page, text('en', 'signIn.title'));
    await screenshot(page, 'sign-in-en');
    await context.close();
  });

  it('shows a wrong password next to the email field, in English then in French', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'officer@example.ca', 'not-the-password');
    expect(await fieldError(page, 'field-email')).toContain(text('en', 'error.signIn.invalid'));
    expect(page.url()).toMatch(/\/sign-in$/);
    await screenshot(page, 'sign-in-wrong-password-en');
    await context.close();
  });
});
