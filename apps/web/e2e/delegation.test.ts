/**
 * Above a manager's limit, the agreement goes to the deputy head: the manager is told who can sign
 * it and the deputy head signs it from her queue. The delegation of authority as two administrators
 * use it: one proposes raising a program manager's limit (the form says what is missing first), the other approves it after being told
 * what it will do, and the limit in force changes only then. Checked at a phone's width, by
 * keyboard for the confirmation, with axe, in English then in French.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, fieldError, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** French figures are spaced with no-break spaces; compared as plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const PROGRAM = 'Contributions for the Protection of Children from Online Sexual Exploitation';

describe('delegation of authority', () => {
  // First: the next test raises the manager's limit in this program above this agreement.
  it('above the manager’s limit: the manager is told who can sign, and the deputy head finds it in her queue and signs it', async () => {
    const manager = await newVisitor(browser);
    await signIn(manager.page, 'manager@example.ca');
    await manager.page.waitForURL(/\/manager$/);
    const managerQueue = manager.page.locator('[data-testid="signature-queue"]');
    // Nothing is routed to a program manager in the demo: not the Centre's agreement, above the manager's limit.
    await managerQueue.getByText(text('fr', 'queue.none')).waitFor();
    // The Centre's agreement is among the portfolio's obligations, waiting for the department.
    await manager.page.goto('/agreements');
    const obligation = manager.page.locator('[data-testid="obligations"] tbody tr', { hasText: 'Centre canadien de protection de l’enfance' });
    await obligation.getByRole('link').first().click();
    const signers = manager.page.locator('[data-testid="department-signers"]');
    await signers.waitFor();
    expect(plain(await signers.innerText())).toContain('8 280 000,00 $');
    expect(await signers.innerText()).toContain('Nathalie Bouchard (Administrateur général');
    // No signature button that would only be refused.
    expect(await manager.page.getByRole('button', { name: text('fr', 'ca.department.submit') }).count()).toBe(0);
    await screenshot(manager.page, 'signature-routed-fr');
    await manager.context.close();

    // The deputy head, on a phone, by keyboard from her queue.
    const deputy = await newVisitor(browser);
    await deputy.page.setViewportSize({ width: 390, height: 844 });
    await signIn(deputy.page, 'deputy@example.ca');
    await deputy.page.waitForURL(/\/manager$/);
    const row = deputy.page.locator('[data-testid="signature-queue"] tbody tr', { hasText: 'Centre canadien de protection de l’enfance' });
    expect(plain(await row.innerText())).toContain('8 280 000,00 $');
    expect(await seriousA11yViolations(deputy.page), '/manager (deputy head)').toEqual([]);
    await screenshot(deputy.page, 'signature-queue-deputy-fr');
    await row.getByRole('link').first().focus();
    await deputy.page.keyboard.press('Enter');
    const sign = deputy.page.getByRole('button', { name: text('fr', 'ca.department.submit') });
    await sign.waitFor();
    expect(await deputy.page.locator('[data-testid="department-panel"]').innerText()).toContain(text('fr', 'position.deputy_head'));
    await sign.click();
    expect(plain(await deputy.page.getByRole('alertdialog').innerText())).toContain('8 280 000,00 $ sont engagés');
    await deputy.page.getByRole('button', { name: text('fr', 'ca.department.yes') }).click();
    await deputy.page.getByText(text('fr', 'ca.department.done')).waitFor();
    await screenshot(deputy.page, 'signature-signed-deputy-fr');
    await deputy.page.goto('/manager');
    await deputy.page.locator('[data-testid="signature-queue"]').getByText(text('fr', 'queue.none')).waitFor();
    await deputy.context.close();
  });

  it('one administrator proposes, a second approves, and only then is the limit in force', async () => {
    const first = await newVisitor(browser);
    await first.page.setViewportSize({ width: 390, height: 844 });
    await signIn(first.page, 'admin@example.ca');
    await first.page.waitForURL(/\/admin$/);
    await first.page.goto('/delegation');
    await expectHeading(first.page, text('en', 'delegation.title'));
    const limits = first.page.locator('[data-testid="delegation-limits"] tbody tr', { hasText: PROGRAM });
    const before = await limits.innerText();
    expect(before).toContain('$5,000,000.00');

    await first.page.getByRole('button', { name: text('en', 'delegation.proposeSubmit') }).click();
    expect(await fieldError(first.page, 'field-maxAmountCents')).toContain(text('en', 'error.money.invalid'));
    // The error summary takes the focus, lists each problem, and its link moves to the field.
    const summary = first.page.locator('[data-testid="error-summary"]');
    await expect.poll(() => first.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([text('en', 'error.delegation.program'), text('en', 'error.delegation.role'), text('en', 'error.money.invalid'), text('en', 'error.delegation.rationale')]);
    expect(await summary.locator('gcds-notice').evaluate((el) => (el as HTMLElement & { noticeTitle: string }).noticeTitle)).toBe(text('en', 'common.errorSummary', { count: 4 }));
    await summary.getByRole('link', { name: text('en', 'error.money.invalid') }).click();
    await expect.poll(() => first.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id ?? document.activeElement?.id)).toBe('field-maxAmountCents');
    await first.page.locator('#field-programId').selectOption({ label: PROGRAM });
    await first.page.locator('#field-role').selectOption('program_manager');
    await first.page.locator('#field-maxAmountCents').fill('8,280,000.00');
    await first.page.locator('#field-rationale').fill('Instrument signed by the deputy head on November 30, 2026.');
    await first.page.getByRole('button', { name: text('en', 'delegation.proposeSubmit') }).click();
    await first.page.getByText(text('en', 'delegation.waitsForSecond')).waitFor();
    expect(await limits.innerText()).toBe(before);
    expect(await seriousA11yViolations(first.page), '/delegation').toEqual([]);
    await screenshot(first.page, 'delegation-proposed-en');
    await first.context.close();

    // The second administrator prefers French.
    const second = await newVisitor(browser);
    await signIn(second.page, 'admin2@example.ca');
    await second.page.waitForURL(/\/admin$/);
    await second.page.goto('/delegation');
    await expectHeading(second.page, text('fr', 'delegation.title'));
    await second.page.getByRole('button', { name: text('fr', 'delegation.approve'), exact: true }).click();
    const question = second.page.getByRole('alertdialog');
    expect(plain(await question.innerText())).toContain('8 280 000,00 $');
    // By keyboard: the confirmation's first button is the approval.
    await second.page.getByRole('button', { name: text('fr', 'delegation.approveYes') }).focus();
    await second.page.keyboard.press('Enter');
    // The result where the user is looking (the appointments' statuses also say "approuvée": wait for the notice itself).
    await second.page.locator('[data-testid="delegation-waiting"]').getByText('Approuvée : la limite d’approbation du gestionnaire de programme', { exact: false }).waitFor();
    const row = second.page.locator('[data-testid="delegation-limits"] tbody tr', { hasText: 'Contributions pour la protection des enfants' });
    await expect.poll(async () => plain(await row.innerText())).toContain('8 280 000,00 $');
    expect(await second.page.locator('[data-testid="delegation-history"] tbody tr').first().innerText()).toContain(text('fr', 'delegation.status.approved'));
    await screenshot(second.page, 'delegation-approved-fr');
    await second.context.close();
  });

  // Marc Gagnon as acting director: no program gives a director a limit, so no other test's authority changes.
  it('an acting appointment: proposed by one administrator (its last day required), in force once a second approves it', async () => {
    const first = await newVisitor(browser);
    await signIn(first.page, 'admin@example.ca');
    await first.page.waitForURL(/\/admin$/);
    await first.page.goto('/delegation');
    await first.page.locator('#field-userId').selectOption({ label: 'Marc Gagnon (manager@example.ca)' });
    await first.page.locator('#field-position').selectOption('director');
    await first.page.getByText(text('en', 'delegation.actingLabel')).first().click();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
    await first.page.locator('#field-startsOn').fill(today);
    await first.page.locator('#field-appointment-rationale').fill('Acting director during the director’s leave.');
    await first.page.getByRole('button', { name: text('en', 'delegation.appointSubmit') }).click();
    expect(await fieldError(first.page, 'field-endsOn')).toContain(text('en', 'error.appointment.actingEnds'));
    const last = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await first.page.locator('#field-endsOn').fill(last);
    await first.page.getByRole('button', { name: text('en', 'delegation.appointSubmit') }).click();
    await first.page.getByText(text('en', 'delegation.appointProposedDone', { person: 'Marc Gagnon', position: 'director' })).waitFor();
    await first.context.close();

    const second = await newVisitor(browser);
    await second.page.setViewportSize({ width: 390, height: 844 });
    await signIn(second.page, 'admin2@example.ca');
    await second.page.waitForURL(/\/admin$/);
    await second.page.goto('/delegation');
    const card = second.page.locator('[data-testid="delegation-waiting"] .tp-card', { hasText: 'Marc Gagnon' });
    await card.getByRole('button', { name: text('fr', 'delegation.approve'), exact: true }).click();
    expect(await second.page.getByRole('alertdialog').innerText()).toContain('Marc Gagnon occupera le poste « directeur »');
    await second.page.getByRole('button', { name: text('fr', 'delegation.approveYes') }).click();
    const row = second.page.locator('[data-testid="delegation-appointments"] tbody tr', { hasText: 'Marc Gagnon' });
    await row.getByText(text('fr', 'delegation.inForceNow'), { exact: false }).waitFor();
    expect(await seriousA11yViolations(second.page), '/delegation (fr, 390 px)').toEqual([]);
    await screenshot(second.page, 'delegation-appointment-fr');
    await second.context.close();
  });
});
