import { formatMoney } from '@tp/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectHeading, fieldError, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROGRAM = 'Contributions for the Protection of Children from Online Sexual Exploitation';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

describe('programs and performance measurement', () => {
  it('an officer sets a program’s terms (refused above 100 %) and a year’s budget, whose total reconciles to the cent', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'officer@example.ca');
    await page.waitForURL(/\/officer$/);
    await page.goto('/programs');
    await expectHeading(page, text('en', 'prog.title'));
    await expectNoSeriousViolations(page, '/programs');
    await screenshot(page, 'programs-list');

    await page.getByRole('link', { name: PROGRAM }).click();
    await expectHeading(page, PROGRAM);
    await page.locator('#field-stackingLimitBp').fill('150');
    await page.getByRole('button', { name: text('en', 'prog.saveTerms') }).click();
    expect(await fieldError(page, 'field-stackingLimitBp')).toContain(text('en', 'error.stackingLimit.invalid'));
    await page.locator('#field-stackingLimitBp').fill('75');
    await page.getByRole('button', { name: text('en', 'prog.saveTerms') }).click();
    await page.getByText(text('en', 'prog.saved')).waitFor();

    const row = page.locator('tr[data-fiscal-year]').first();
    const year = (await row.getAttribute('data-fiscal-year'))!;
    const inputs = row.locator('input');
    const count = await inputs.count();
    let total = 0n;
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).fill(`1,000,000.${String(i + 1).padStart(2, '0')}`);
      total += 100_000_000n + BigInt(i + 1);
    }
    await row.getByRole('button', { name: text('en', 'prog.saveRow', { year }) }).click();
    await page.getByText(text('en', 'prog.budgetSaved', { year })).waitFor();
    await expect.poll(() => page.getByTestId(`total-${year}`).innerText()).toBe(formatMoney(total, 'en'));
    await expectNoSeriousViolations(page, '/programs/$programId');
    await screenshot(page, 'program-terms-budget');
    await page.locator('section[aria-labelledby="budget"]').screenshot({ path: `${ARTIFACTS}/program-budget-table.png` });
    await context.close();
  });

  it('a manager reads a program’s terms and budget but cannot change them', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'manager@example.ca');
    await page.waitForURL(/\/manager$/);
    await page.goto('/programs');
    await expectHeading(page, text('fr', 'prog.title'));
    await page.getByRole('link', { name: 'Contributions pour la protection des enfants contre l’exploitation sexuelle en ligne' }).click();
    await page.getByRole('heading', { level: 2, name: text('fr', 'prog.budget') }).waitFor();
    expect(await page.locator('main input, main gcds-input').count()).toBe(0);
    expect(await page.getByRole('button', { name: text('fr', 'prog.saveTerms') }).count()).toBe(0);
    await expectNoSeriousViolations(page, '/programs/$programId (manager)');
    await context.close();
  });

  it('an analyst sees which indicators are not ready and what they lack, and a bad baseline is refused next to its field', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'analyst@example.ca');
    await page.waitForURL(/\/results$/);
    await page.goto('/performance');
    await expectHeading(page, text('en', 'perf.title'));
    await page.locator('#perf-strategy').selectOption('child-exploitation-online');
    await page.getByRole('heading', { level: 2, name: text('en', 'perf.level.ultimate') }).waitFor();
    expect(await page.getByText(text('en', 'perf.notReady'), { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(text('en', 'perf.ready'), { exact: true }).count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, '/performance');
    await screenshot(page, 'performance');
    await page.locator('[data-result-code="providers-remove-images"]').screenshot({ path: `${ARTIFACTS}/performance-result.png` });

    const name = 'Share of companies removing abuse images within a day';
    await page.getByRole('button', { name: text('en', 'perf.edit', { name }) }).click();
    await page.locator('#field-ind-removal-within-a-day-baselineValue').fill('twenty-eight');
    await page.getByRole('button', { name: text('en', 'perf.save') }).click();
    expect(await fieldError(page, 'field-ind-removal-within-a-day-baselineValue')).toContain(text('en', 'error.measure.invalid'));
    await page.locator('#field-ind-removal-within-a-day-baselineValue').fill('28');
    await page.getByRole('button', { name: text('en', 'perf.save') }).click();
    await page.getByRole('button', { name: text('en', 'perf.edit', { name }) }).waitFor();
    await context.close();
  });
});
