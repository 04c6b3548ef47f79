import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, fieldError, launchBrowser, newVisitor, screenshot, signIn, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAsAdmin(page: Page): Promise<void> {
  await signIn(page, 'admin@example.ca');
  await page.waitForURL(/\/admin$/);
  await expectHeading(page, text('en', 'admin.title'));
  await page.locator('tr[data-user-email="officer@example.ca"]').waitFor();
}

const inviteButton = (page: Page) => page.getByRole('button', { name: text('en', 'admin.inviteSubmit') });

describe('administration', () => {
  it('invites a recipient who opens the emailed link, chooses a password and signs in', async () => {
    const admin = await newVisitor(browser);
    await signInAsAdmin(admin.page);

    // A recipient needs an organisation: the form says so next to the organisation field.
    await admin.page.locator('#field-email').fill('new.recipient@example.ca');
    await admin.page.locator('#field-displayName').fill('Nadia Recipient');
    await admin.page.locator('#invite-role-0').selectOption('recipient');
    await admin.page.locator('#invite-organisation-0').waitFor();
    await inviteButton(admin.page).click();
    expect(await fieldError(admin.page, 'invite-organisation-0')).toContain(text('en', 'error.membership.organisationRequired'));

    await admin.page.locator('#invite-organisation-0').selectOption({ label: 'Ka Ni Kanichihk Inc.' });
    await inviteButton(admin.page).click();
    await admin.page.getByText(text('en', 'admin.invited', { email: 'new.recipient@example.ca' })).waitFor();
    await admin.page.locator('tr[data-user-email="new.recipient@example.ca"]').getByText(text('en', 'admin.status.invited')).waitFor();

    // The same address again: the server's refusal appears next to the email field.
    await admin.page.locator('#field-email').fill('new.recipient@example.ca');
    await admin.page.locator('#field-displayName').fill('Nadia Again');
    await admin.page.locator('#invite-role-0').selectOption('reviewer');
    await inviteButton(admin.page).click();
    expect(await fieldError(admin.page, 'field-email')).toContain(text('en', 'error.email.taken'));

    const mail = admin.page.locator('li[data-mail-to="new.recipient@example.ca"] pre');
    await mail.waitFor();
    // The audit trail names the action in words: "admin@example.ca invited: user account".
    await admin.page
      .locator('.tp-audit li', { hasText: `admin@example.ca ${text('en', 'audit.action.invite')}: ${text('en', 'audit.entity.app_user')}` })
      .first()
      .waitFor();
    await screenshot(admin.page, 'admin-after-invite');
    const body = await mail.innerText();
    const token = /\/accept-invitation\?token=([\w-]+)/.exec(body)?.[1];
    expect(token, body).toBeTruthy();
    await admin.context.close();

    const invitee = await newVisitor(browser);
    await invitee.page.goto(`/accept-invitation?token=${token}`);
    await expectHeading(invitee.page, text('en', 'invitation.title'));
    await invitee.page.locator('#field-password').fill('a new strong passphrase');
    await invitee.page.locator('#field-confirmPassword').fill('a different passphrase');
    await invitee.page.locator('main form').getByRole('button').click();
    expect(await fieldError(invitee.page, 'field-confirmPassword')).toContain(text('en', 'error.password.mismatch'));
    await invitee.page.locator('#field-confirmPassword').fill('a new strong passphrase');
    await invitee.page.locator('main form').getByRole('button').click();
    await invitee.page.getByText(text('en', 'invitation.done')).waitFor();

    await signIn(invitee.page, 'new.recipient@example.ca', 'a new strong passphrase');
    await invitee.page.waitForURL(/\/recipient$/);
    await invitee.page.getByRole('heading', { level: 3, name: 'Ka Ni Kanichihk Inc.' }).waitFor();
    await screenshot(invitee.page, 'new-recipient-home');
    await invitee.context.close();
  });

  it('refuses to let administrators change themselves, and says why', async () => {
    const { context, page } = await newVisitor(browser);
    await signInAsAdmin(page);
    await page.getByRole('button', { name: text('en', 'admin.deactivate', { name: 'Adam Clarke' }) }).click();
    await page.getByRole('button', { name: text('en', 'admin.deactivateYes') }).click();
    await page.getByText(text('en', 'error.user.self')).waitFor();
    await context.close();
  });

  it('changes the roles of a user and deactivates then reactivates them', async () => {
    const { context, page } = await newVisitor(browser);
    await signInAsAdmin(page);
    const row = page.locator('tr[data-user-email="reviewer@example.ca"]');
    const name = (await row.locator('th').innerText()).trim();
    await page.getByRole('button', { name: text('en', 'admin.changeRoles', { name }) }).click();
    const editor = page.locator('form.tp-inline-form');
    await editor.getByRole('button', { name: text('en', 'admin.addRole') }).click();
    await editor.locator('select[id$="-role-1"]').selectOption('results_analyst');
    await editor.getByRole('button', { name: text('en', 'admin.saveRoles') }).click();
    await page.getByText(text('en', 'admin.rolesSaved', { name })).waitFor();
    await row.getByText(text('en', 'role.results_analyst')).waitFor();

    await page.getByRole('button', { name: text('en', 'admin.deactivate', { name }) }).click();
    // Asked first, saying what it does; "No" changes nothing.
    await row.getByRole('alertdialog').getByText(text('en', 'admin.deactivateQuestion', { name })).waitFor();
    await row.getByRole('button', { name: text('en', 'confirm.no') }).click();
    expect(await row.innerText()).toContain(text('en', 'admin.status.active'));
    await page.getByRole('button', { name: text('en', 'admin.deactivate', { name }) }).click();
    await row.getByRole('button', { name: text('en', 'admin.deactivateYes') }).click();
    await row.getByText(text('en', 'admin.status.deactivated')).waitFor();
    await page.getByRole('button', { name: text('en', 'admin.reactivate', { name }) }).click();
    await row.getByText(text('en', 'admin.status.active')).waitFor();

    // Put the demo account back as it was (other tests sign in as this reviewer).
    await page.getByRole('button', { name: text('en', 'admin.changeRoles', { name }) }).click();
    await editor.getByRole('button', { name: text('en', 'admin.removeRole') }).last().click();
    await editor.locator('select[id$="-role-0"]').selectOption('reviewer');
    await editor.getByRole('button', { name: text('en', 'admin.saveRoles') }).click();
    await page.getByText(text('en', 'admin.rolesSaved', { name })).waitFor();
    await expect.poll(() => row.getByText(text('en', 'role.results_analyst')).count()).toBe(0);
    await context.close();
  });
});
