/**
 * Issue 4 end to end, on ONE application: the officer publishes a call of its own (through the
 * API, so this file depends on nothing another file did); Legal Assistance of Windsor fills and
 * submits an application to it in French, with a PDF attached; the officer screens it in; the
 * manager assigns the reviewer; the reviewer declares no conflict and scores it; the officer
 * recommends funding; the manager approves; the letter shows; the recipient sees it approved.
 */
import { formatMoney } from '@tp/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text, toggleLanguage } from './browser';

const WINDSOR = 'Legal Assistance of Windsor';
const STAMP = Date.now();
const TITLE_EN = `Journey test call ${STAMP}`;
const TITLE_FR = `Appel du test de parcours ${STAMP}`;
const PROJECT_TITLE = `Parcours sûrs ${STAMP}`;

/** A small valid PDF, made here. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fr = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text('fr', key, params);
const en = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text('en', key, params);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** GCDS checkboxes and radios: their label covers the box, so the test clicks the label. */
const tick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click();

async function as(email: string, home: RegExp): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const { context, page } = await newVisitor(browser);
  await signIn(page, email);
  await page.waitForURL(home);
  return { context, page, close: () => context.close() };
}

/** A tRPC query (GET, superjson-encoded input) with the context's session. */
async function query<T>(context: BrowserContext, proc: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await context.request.get(`/trpc/${proc}${qs}`);
  expect(response.status(), `${proc}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}

/** A tRPC mutation (POST, body exactly `{json, meta}`) with the context's session. */
async function mutate<T>(context: BrowserContext, proc: string, input: unknown): Promise<T> {
  const response = await context.request.post(`/trpc/${proc}`, { data: superjson.serialize(input), headers: { 'content-type': 'application/json' } });
  expect(response.status(), `${proc}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}

/** The officer creates and publishes a call of this test's own, like the demo's. */
async function publishOwnCall(): Promise<string> {
  const officer = await as('officer@example.ca', /\/officer$/);
  const programs = await query<{ id: string; code: string }[]>(officer.context, 'program.list');
  const programId = programs.find((p) => p.code === 'serious-organized-crime')?.id;
  expect(programId).toBeTruthy();
  const program = await query<{ strategyPillars: { id: string; code: string }[]; streams: { id: string; code: string }[] }>(officer.context, 'program.get', { id: programId });
  const prevention = program.strategyPillars.find((p) => p.code === 'prevention')?.id;
  expect(prevention).toBeTruthy();
  const indicators = await query<{ id: string; code: string }[]>(officer.context, 'performance.indicators', { readyOnly: true });
  const indicatorId = indicators.find((i) => i.code === 'youth-at-risk-reached')?.id;
  expect(indicatorId).toBeTruthy();
  const day = 86_400_000;
  const now = Date.now();
  const call = await mutate<{ id: string }>(officer.context, 'calls.create', {
    programId,
    streamId: program.streams.find((s) => s.code === 'youth-at-risk-pilots')?.id ?? null,
    pillarIds: [prevention],
    titleEn: TITLE_EN,
    titleFr: TITLE_FR,
    descriptionEn: 'A call made by the journey browser test.',
    descriptionFr: 'Un appel créé par le test de parcours.',
    eligibleRecipientTypes: ['non_profit', 'indigenous_organisation', 'academic'],
    eligibleProvinces: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
    priorities: ['youth'],
    minAmountCents: 5_000_000n,
    maxAmountCents: 25_000_000n,
    maxDurationMonths: 24,
    firstFiscalYear: '2026-27',
    lastFiscalYear: '2028-29',
    opensAt: new Date(now - 7 * day),
    closesAt: new Date(now + 60 * day),
    indicatorIds: [indicatorId],
    eligibilityQuestions: [
      { textEn: 'Is your organisation incorporated as a not-for-profit?', textFr: 'Votre organisation est-elle constituée en organisme sans but lucratif?', expectedAnswer: true },
    ],
    criteria: [
      { nameEn: 'Need', nameFr: 'Besoin', weight: 50 },
      { nameEn: 'Design', nameFr: 'Conception', weight: 30 },
      { nameEn: 'Capacity', nameFr: 'Capacité', weight: 20 },
    ],
  });
  expect(call.id).toMatch(/^[0-9a-f-]{36}$/);
  await mutate(officer.context, 'calls.publish', { id: call.id });
  await officer.close();
  return call.id;
}

describe('one application, from the call to the decision', () => {
  it('is submitted in French with an attachment, screened, scored, recommended and approved', async () => {
    await publishOwnCall();

    // Recipient (Windsor), in French: finds the call, applies, fills every section, attaches a PDF, submits.
    const recipient = await as('recipient.windsor@example.ca', /\/recipient$/);
    let page = recipient.page;
    await toggleLanguage(page, 'fr');
    await page.getByRole('link', { name: fr('nav.calls'), exact: true }).click();
    await expectHeading(page, fr('calls.title'));
    const card = page.locator('article.tp-card', { has: page.getByRole('link', { name: TITLE_FR }) });
    await card.waitFor();
    await card.getByRole('link', { name: TITLE_FR }).click();
    await expectHeading(page, TITLE_FR);
    await page.getByRole('link', { name: fr('calls.apply') }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const applicationId = /\/applications\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.locator('#project-summary').waitFor();

    await page.locator('#project-title').fill(PROJECT_TITLE);
    await page.locator('#project-summary').fill('Ateliers sur le leurre en ligne dans les écoles de Windsor-Essex.');
    await page.locator('#project-objectives').fill('Joindre 300 jeunes; former 20 intervenants.');
    await page.locator('#project-targetPopulations').fill('Jeunes de 13 à 24 ans, dont les jeunes nouveaux arrivants.');
    await tick(page, 'project-regions-ON');
    await page.locator('#project-startDate').fill('2027-04-01');
    await page.locator('#project-endDate').fill('2028-03-31');

    await button(page, fr('apply.workPlan.add')).click();
    await page.locator('#activity-0-title').fill('Ateliers dans les écoles');
    await page.locator('#activity-0-description').fill('Vingt ateliers dans les écoles secondaires.');
    await page.locator('#activity-0-deliverables').fill('Présences (nombres agrégés)');
    await page.locator('#activity-0-startDate').fill('2027-04-01');
    await page.locator('#activity-0-endDate').fill('2028-03-31');

    await button(page, fr('apply.budget.add')).click();
    await page.locator('#line-0-fiscalYear').selectOption('2027-28');
    await page.locator('#line-0-category').selectOption('salaries_benefits');
    await page.locator('#line-0-amount').fill('90000');
    await page.locator('#line-0-justification').fill('Coordonnateur, 0,8 ETP');
    await button(page, fr('apply.budget.add')).click();
    await page.locator('#line-1-fiscalYear').selectOption('2027-28');
    await page.locator('#line-1-category').selectOption('evaluation');
    await page.locator('#line-1-amount').fill('10 000,50');
    await page.locator('#line-1-justification').fill('Évaluation externe');
    await expect.poll(() => page.getByTestId('budget-total').innerText()).toBe(formatMoney(10_000_050n, 'fr'));

    await button(page, fr('apply.otherFunding.add')).click();
    await page.locator('#source-0-source').fill('Contribution de l’organisme');
    await page.locator('#source-0-kind').selectOption('own_contribution');
    await page.locator('#source-0-amount').fill('5000');
    await page.locator('#source-0-status').selectOption('confirmed');

    await page.locator('#result-0-target').fill('300');
    await page.locator('#gba-populations').fill('Jeunes nouveaux arrivants et jeunes pris en charge (nombres agrégés seulement).');
    await tick(page, 'gba-barriers-language');
    await page.locator('#gba-how').fill('Ateliers en français, en anglais et en arabe.');
    await tick(page, 'question-0-yes');

    await page.locator('#attachment-file').setInputFiles({ name: 'plan-de-travail.pdf', mimeType: 'application/pdf', buffer: PDF });
    await button(page, fr('apply.attachments.upload')).click();
    await page.getByTestId('attachment-done').getByText(fr('apply.attachments.uploaded', { name: 'plan-de-travail.pdf' })).waitFor();
    await page.getByTestId('attachments').getByRole('link', { name: 'plan-de-travail.pdf' }).waitFor();

    await page.getByTestId('saved-eligibility').getByText(/Enregistré à/).waitFor();
    await expect.poll(() => page.locator('[data-testid="completeness"] > li[data-complete="false"]').count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'journey-form-fr');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await button(page, fr('apply.submit')).click();
    const confirmation = page.getByTestId('submitted-confirmation');
    await confirmation.waitFor({ timeout: 20_000 });
    const message = await confirmation.innerText();
    const reference = /APP-\d{4}-\d{6}/.exec(message)?.[0];
    expect(reference, message).toBeTruthy();
    expect(message).toBe(fr('apply.submitted', { reference: reference! }));
    await page.getByTestId('application-status').getByText(fr('status.application.submitted')).waitFor();
    await screenshot(page, 'journey-submitted-fr');
    await recipient.close();

    // Officer: finds it in the intake queue under the new call, by its reference number, and screens it in.
    const officer = await as('officer@example.ca', /\/officer$/);
    page = officer.page;
    await page.goto('/intake');
    await expectHeading(page, en('assess.intake.title'));
    await page.locator('#filter-call').selectOption({ label: TITLE_EN });
    const row = page.locator(`[data-testid="intake-queue"] tr[data-application-id="${applicationId}"]`);
    await row.getByText(WINDSOR).waitFor();
    await row.getByRole('link', { name: reference! }).click();
    await page.waitForURL(new RegExp(`/intake/${applicationId}$`));
    await page.getByTestId('budget-total').getByText(formatMoney(10_000_050n, 'en'), { exact: false }).waitFor();
    await page.getByRole('link', { name: 'plan-de-travail.pdf' }).waitFor();
    for (const id of ['organisation_type_eligible', 'province_eligible', 'eligibility_answers_met', 'application_complete', 'amount_and_duration_within_limits', 'activities_within_mandate']) {
      await page.locator(`#check-${id}`).selectOption('yes');
    }
    await page.locator('#screen-eligible').selectOption('yes');
    await page.getByRole('button', { name: en('assess.screenSubmit') }).click();
    await page.getByTestId('screening-result').waitFor();
    await page.getByTestId('application-status').getByText(en('status.application.screened_in')).waitFor();
    await officer.close();

    // Manager (prefers French): assigns the demo reviewer.
    const manager = await as('manager@example.ca', /\/manager$/);
    page = manager.page;
    await page.goto(`/intake/${applicationId}`);
    await page.locator('#assign-reviewer').waitFor();
    const reviewerId = await page.locator('#assign-reviewer option', { hasText: 'reviewer@example.ca' }).first().getAttribute('value');
    await page.locator('#assign-reviewer').selectOption(reviewerId!);
    await page.getByRole('button', { name: fr('assess.assignSubmit') }).click();
    await page.getByText(fr('assess.assigned', { name: 'Rina Singh' })).waitFor();
    await page.locator('[data-reviewer="Rina Singh"]').getByText(fr('assess.conflict.pending')).waitFor();
    await manager.close();

    // Reviewer: no conflict; scores every criterion; submits. (8 x 50 + 7 x 30 + 9 x 20) / 10 = 79
    const reviewer = await as('reviewer@example.ca', /\/reviewer$/);
    page = reviewer.page;
    await page.goto('/assessments');
    await expectHeading(page, en('assess.mine.title'));
    const assignment = page.locator(`[data-testid="my-assignments"] tr[data-application-id="${applicationId}"]`);
    await assignment.getByText(en('assess.state.declare')).waitFor();
    await assignment.getByRole('link').click();
    await page.locator('#coi-choice').selectOption('none');
    await page.getByRole('button', { name: en('assess.coiSubmit') }).click();
    await page.locator('#score-2').waitFor();
    expect(await page.locator('#score-3').count()).toBe(0);
    await page.locator('[data-criterion="Need"] legend').getByText(en('assess.criterionLegend', { name: 'Need', weight: 50 })).waitFor();
    for (const [i, score] of ['8', '7', '9'].entries()) {
      await page.locator(`#score-${i}`).fill(score);
      await page.locator(`#comment-${i}`).fill(`Journey comment ${i + 1}`);
    }
    await page.getByRole('button', { name: en('assess.saveScores') }).click();
    await page.getByText(en('assess.scoresSaved')).waitFor();
    await page.getByRole('button', { name: en('assess.submitReview') }).click();
    await page.getByText(en('assess.reviewSubmitted', { score: 79 })).waitFor();
    await page.getByTestId('review-submitted').waitFor();
    await screenshot(page, 'journey-reviewer');
    await reviewer.close();

    // Officer: sees the score, recommends funding $100,000 (the request is $100,000.50).
    const officer2 = await as('officer@example.ca', /\/officer$/);
    page = officer2.page;
    await page.goto(`/intake/${applicationId}`);
    await page.getByTestId('scores-summary').getByText(en('assess.score100', { score: 79 }), { exact: false }).waitFor();
    await page.getByText('Journey comment 2').waitFor();
    await page.locator('#recommend-outcome').selectOption('fund');
    await page.locator('#recommend-amount').fill('100,000');
    await page.locator('#recommend-rationale').fill('Clear need and a sound plan.');
    await page.getByRole('button', { name: en('assess.recommendSubmit') }).click();
    await page.getByTestId('recommendation-result').waitFor();
    await page.getByTestId('application-status').getByText(en('status.application.recommended')).waitFor();
    await officer2.close();

    // Manager: approves; the letter names the organisation, the reference and the project.
    const manager2 = await as('manager@example.ca', /\/manager$/);
    page = manager2.page;
    await page.goto(`/intake/${applicationId}`);
    await page.locator('#decide-amount').fill('100000');
    await page.locator('#decide-rationale').fill('Recommandée et dans les limites de l’appel.');
    await page.getByRole('button', { name: fr('assess.decideSubmit') }).click();
    await page.getByTestId('decision-result').waitFor();
    const letter = page.getByTestId('decision-letter');
    await letter.waitFor();
    const letterText = await letter.innerText();
    expect(letterText).toContain(WINDSOR);
    expect(letterText).toContain(reference!);
    expect(letterText).toContain(PROJECT_TITLE);
    await page.getByTestId('application-status').getByText(fr('status.application.approved')).waitFor();
    await screenshot(page, 'journey-decided');
    await manager2.close();

    // Recipient: the application shows as approved in their list (in French, which they chose).
    const recipient2 = await as('recipient.windsor@example.ca', /\/recipient$/);
    page = recipient2.page;
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'fr') await toggleLanguage(page, 'fr');
    await page.goto('/applications');
    await expectHeading(page, fr('applications.title'));
    const mine = page.locator(`[data-testid="applications"] tr[data-application-id="${applicationId}"]`);
    await mine.getByRole('cell', { name: fr('status.application.approved'), exact: true }).waitFor();
    await mine.getByText(reference!).waitFor();
    await mine.getByRole('link', { name: PROJECT_TITLE }).waitFor();
    await screenshot(page, 'journey-recipient-approved-fr');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Give the demo account its English back (other browser tests sign in with it), and wait
    // until the server has saved it: closing the page before the request lands would keep French.
    const saved = page.waitForResponse((r) => r.url().includes('auth.setLanguage') && r.ok());
    await toggleLanguage(page, 'en');
    await saved;
    await recipient2.close();
  });
});
