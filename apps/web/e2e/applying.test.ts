import path from 'node:path';
import { formatMoney } from '@tp/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectHeading, fieldError, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text, toggleLanguage, restoreAccountLanguage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fr = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text('fr', key, params);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** GCDS checkboxes and radios: their label covers the box, so a person (and the test) clicks the label. */
const tick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click();

/** A small valid PDF, made here. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('applying to a call', () => {
  it('a recipient fills every section in French, attaches a PDF, and submits once', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'recipient@example.ca');
    await page.waitForURL(/\/recipient$/);
    await toggleLanguage(page, 'fr');

    await page.goto('/applications');
    await expectHeading(page, fr('applications.title'));
    const draftLink = page.getByRole('link', { name: 'Strong Spirits: Indigenous youth trafficking prevention in Winnipeg' });
    await draftLink.waitFor();
    await draftLink.click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const url = page.url();
    await page.locator('#project-summary').waitFor();

    // Project (title and populations come from the demo draft).
    await page.locator('#project-summary').fill('Ateliers de prévention dans les écoles et les centres jeunesse de Winnipeg.');
    await page.locator('#project-objectives').fill('Joindre 250 jeunes; former 30 intervenants.');
    await page.locator('#project-endDate').fill('2029-03-31');

    // Work plan: add two activities, remove the second.
    await button(page, fr('apply.workPlan.add')).click();
    await page.locator('#activity-0-title').fill('Cercles de conception avec des aînés');
    await page.locator('#activity-0-description').fill('Quatre cercles avec des aînés et des survivantes.');
    await page.locator('#activity-0-deliverables').fill('Programme des ateliers');
    await page.locator('#activity-0-startDate').fill('2027-04-01');
    await page.locator('#activity-0-endDate').fill('2027-09-30');
    await button(page, fr('apply.workPlan.add')).click();
    await page.locator('#activity-1-title').fill('À retirer');
    await button(page, fr('apply.workPlan.remove', { number: 2 })).click();
    await expect.poll(() => page.locator('#activity-1-title').count()).toBe(0);

    // Budget: only the call's fiscal years; a French amount with a decimal comma; totals to the cent.
    await button(page, fr('apply.budget.add')).click();
    await page.locator('#line-0-fiscalYear').selectOption('2027-28');
    await page.locator('#line-0-category').selectOption('salaries_benefits');
    await page.locator('#line-0-amount').fill('60000');
    await page.locator('#line-0-justification').fill('Coordonnatrice, 0,8 ETP');
    await button(page, fr('apply.budget.add')).click();
    const years = await page.locator('#line-1-fiscalYear option').allTextContents();
    expect(years.filter((y) => /^\d{4}-\d{2}$/.test(y.trim()))).toEqual(['2026-27', '2027-28', '2028-29']);
    await page.locator('#line-1-fiscalYear').selectOption('2028-29');
    await page.locator('#line-1-category').selectOption('evaluation');
    await page.locator('#line-1-amount').fill('15 000,50');
    await page.locator('#line-1-justification').fill('Évaluation externe');
    await expect.poll(() => page.getByTestId('budget-total').innerText()).toBe(formatMoney(7_500_050n, 'fr'));

    // Other funding, confirmed: the stacking share shows once saved.
    await button(page, fr('apply.otherFunding.add')).click();
    await page.locator('#source-0-source').fill('Contribution de l’organisme');
    await page.locator('#source-0-kind').selectOption('own_contribution');
    await page.locator('#source-0-amount').fill('5000');
    await page.locator('#source-0-status').selectOption('confirmed');

    // Expected results, GBA Plus, eligibility.
    await page.locator('#result-0-target').fill('250');
    await page.getByText(fr('apply.gba.privacy')).waitFor();
    await page.locator('#gba-populations').fill('Jeunes autochtones de 12 à 21 ans (nombres agrégés seulement).');
    await tick(page, 'gba-barriers-cultural_safety');
    await tick(page, 'gba-barriers-transportation');
    await page.locator('#gba-how').fill('Animatrices autochtones; billets d’autobus.');
    await tick(page, 'question-0-yes');
    await tick(page, 'question-1-no');

    // Attachments: a PDF is accepted; an .exe and an oversized file are refused with a message.
    await page.locator('#attachment-file').setInputFiles({ name: 'plan-de-travail.pdf', mimeType: 'application/pdf', buffer: PDF });
    await button(page, fr('apply.attachments.upload')).click();
    await page.getByTestId('attachment-done').getByText(fr('apply.attachments.uploaded', { name: 'plan-de-travail.pdf' })).waitFor();
    await page.getByTestId('attachments').getByRole('link', { name: 'plan-de-travail.pdf' }).waitFor();

    await page.locator('#attachment-file').setInputFiles({ name: 'outil.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00 not a document') });
    await button(page, fr('apply.attachments.upload')).click();
    await page.getByTestId('attachment-error').getByText(fr('error.attachment.type')).waitFor();

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    await page.locator('#attachment-file').setInputFiles({ name: 'trop-gros.pdf', mimeType: 'application/pdf', buffer: big });
    await button(page, fr('apply.attachments.upload')).click();
    await page.getByTestId('attachment-error').getByText(fr('error.attachment.tooLarge', { megabytes: 10 })).waitFor();
    expect(await page.getByTestId('attachments').locator('li').count()).toBe(1);

    // Everything saves by itself; the completeness panel ends with nothing missing.
    await page.getByTestId('saved-eligibility').getByText(/Enregistré à/).waitFor();
    await expect.poll(() => page.locator('[data-testid="completeness"] > li[data-complete="false"]').count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('stacking').waitFor();
    await screenshot(page, 'applying-form-fr');
    for (const part of ['section-budget', 'section-attachments', 'section-otherFunding']) {
      await page.locator(`#${part}`).screenshot({ path: path.join(ARTIFACTS, `applying-${part}.png`) });
    }
    await page.locator('.tp-completeness').screenshot({ path: path.join(ARTIFACTS, 'applying-completeness.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The draft survives a reload.
    await page.goto(url);
    await page.locator('#project-objectives').waitFor();
    await expect.poll(() => page.locator('#project-objectives').inputValue()).toBe('Joindre 250 jeunes; former 30 intervenants.');
    await expect.poll(() => page.locator('#line-1-amount').inputValue()).toBe('15000,50');
    await expect.poll(() => page.getByTestId('budget-total').innerText()).toBe(formatMoney(7_500_050n, 'fr'));

    // Submit with a double click: one submission, one reference number, in French.
    await button(page, fr('apply.submit')).dblclick();
    const confirmation = page.getByTestId('submitted-confirmation');
    await confirmation.waitFor({ timeout: 20_000 });
    const message = await confirmation.innerText();
    const reference = /APP-\d{4}-\d{6}/.exec(message)?.[0];
    expect(reference, message).toBeTruthy();
    expect(message).toBe(fr('apply.submitted', { reference: reference! }));
    await page.getByTestId('application-status').getByText(fr('status.application.submitted')).waitFor();
    await button(page, fr('apply.withdraw')).waitFor();
    expect(await page.locator('#project-summary').count()).toBe(0);
    await screenshot(page, 'applying-submitted-fr');

    await page.goto('/applications');
    await expectHeading(page, fr('applications.title'));
    const rows = page.getByTestId('applications').locator('tbody tr');
    await rows.first().waitFor();
    expect(await page.getByTestId('applications').getByText(reference!).count()).toBe(1);
    await screenshot(page, 'applying-list-fr');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Give the demo account its English back (other browser tests sign in with it).
    await restoreAccountLanguage(page, 'en');
    await context.close();
  });

  it('registers a person with their organisation; from the emailed link they administer its profile and invite a colleague', async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto('/register');
    await expectHeading(page, text('en', 'register.title'));
    await page.locator('main form').getByRole('button', { name: text('en', 'register.submit') }).click();
    expect(await fieldError(page, 'field-email')).not.toBe('');
    expect(await fieldError(page, 'field-organisation.city')).toBe(text('en', 'error.city.required'));

    await page.locator('#field-email').fill('new.director@example.ca');
    await page.locator('#field-displayName').fill('Noor Director');
    await page.locator('[id="field-organisation.legalNameEn"]').fill('Northern Lights Youth Collective');
    await page.locator('[id="field-organisation.legalNameFr"]').fill('Collectif jeunesse Aurores boréales');
    await page.locator('#register-type').selectOption('non_profit');
    await page.locator('#register-province').selectOption('NT');
    await page.locator('[id="field-organisation.addressLine"]').fill('12 Franklin Avenue');
    await page.locator('[id="field-organisation.city"]').fill('Yellowknife');
    await page.locator('[id="field-organisation.postalCode"]').fill('x1a 2p7');
    await page.locator('[id="field-organisation.contactName"]').fill('Noor Director');
    await page.locator('[id="field-organisation.contactEmail"]').fill('new.director@example.ca');
    await page.locator('[id="field-organisation.contactPhone"]').fill('867-555-0100');
    await tick(page, 'register-isIndigenousLed-yes');
    await tick(page, 'register-isSurvivorLed-no');
    await page.locator('main form').getByRole('button', { name: text('en', 'register.submit') }).click();
    await expectHeading(page, text('en', 'register.doneTitle'));
    await page.getByText(text('en', 'register.checkEmail', { email: 'new.director@example.ca' })).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();

    // The emailed link (read from the demo mailbox), a password, and the new organisation's profile.
    const admin = await newVisitor(browser);
    await signIn(admin.page, 'admin@example.ca');
    await admin.page.waitForURL(/\/admin$/);
    const mail = admin.page.locator('li[data-mail-to="new.director@example.ca"] pre').first();
    await mail.waitFor();
    const token = /\/accept-invitation\?token=([\w-]+)/.exec(await mail.innerText())?.[1];
    expect(token).toBeTruthy();
    await admin.context.close();

    const director = await newVisitor(browser);
    await director.page.goto(`/accept-invitation?token=${token}`);
    await director.page.locator('#field-password').fill('northern lights passphrase');
    await director.page.locator('#field-confirmPassword').fill('northern lights passphrase');
    await director.page.locator('main form').getByRole('button').click();
    await director.page.getByText(text('en', 'invitation.done')).waitFor();
    await signIn(director.page, 'new.director@example.ca', 'northern lights passphrase');
    await director.page.waitForURL(/\/recipient$/);
    await director.page.goto('/organisation');
    await director.page.getByRole('heading', { level: 2, name: 'Northern Lights Youth Collective' }).waitFor();
    await director.page.getByTestId('verification').getByText(text('en', 'organisation.notVerified')).waitFor();
    await button(director.page, text('en', 'organisation.edit')).click();
    await director.page.locator('[id="field-organisation.postalCode"]').fill('nope');
    await director.page.locator('[id="field-organisation.federalRidingNumber"]').fill('6100');
    await button(director.page, text('en', 'organisation.save')).click();
    expect(await fieldError(director.page, 'field-organisation.postalCode')).toBe(text('en', 'error.postalCode.invalid'));
    expect(await fieldError(director.page, 'field-organisation.federalRidingNumber')).toBe(text('en', 'error.federalRidingNumber.invalid'));
    await director.page.locator('[id="field-organisation.postalCode"]').fill('X1A 2P8');
    // The federal riding, for the proactive disclosure (optional; Northwest Territories is riding 61001).
    await director.page.locator('[id="field-organisation.federalRidingNameEn"]').fill('Northwest Territories');
    await director.page.locator('[id="field-organisation.federalRidingNameFr"]').fill('Territoires du Nord-Ouest');
    await director.page.locator('[id="field-organisation.federalRidingNumber"]').fill('61001');
    await button(director.page, text('en', 'organisation.save')).click();
    await director.page.getByText(text('en', 'organisation.saved')).waitFor();
    await director.page.getByText('12 Franklin Avenue, Yellowknife, X1A 2P8').waitFor();

    await director.page.locator('#field-email').fill('colleague@example.ca');
    await director.page.locator('#field-displayName').fill('Cole League');
    await button(director.page, text('en', 'organisation.inviteSubmit')).click();
    await director.page.getByText(text('en', 'organisation.invited', { email: 'colleague@example.ca' })).waitFor();
    await screenshot(director.page, 'organisation-admin');
    expect(await seriousA11yViolations(director.page)).toEqual([]);
    await director.context.close();
  });

  it('shows the organisation profile to its administrator, with the invitation form', async () => {
    const { context, page } = await newVisitor(browser);
    await signIn(page, 'recipient@example.ca');
    await page.waitForURL(/\/recipient$/);
    await page.goto('/organisation');
    // The account prefers French since the first test switched it.
    await page.getByRole('heading', { level: 1, name: new RegExp(`^(${text('en', 'organisation.title')}|${text('fr', 'organisation.title')})$`) }).waitFor();
    await page.getByTestId('verification').waitFor();
    await screenshot(page, 'organisation-profile');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
