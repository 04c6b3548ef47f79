/**
 * Issue 4, staff side, on the demo data: Legal Assistance of Windsor's submitted application to
 * the demo call is screened in by the officer, a reviewer is assigned by the manager, the reviewer
 * declares no conflict and scores it, the officer recommends funding, and the manager (whose
 * delegated authority is $5,000,000) is refused above that limit, then approves; the letter shows.
 * The manager's account prefers French, so the manager's pages are read in French.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, fieldError, launchBrowser, newVisitor, screenshot, seriousA11yViolations, signIn, text } from './browser';

const DEMO_CALL = 'Youth at risk pilot projects: 2027 intake';
const WINDSOR = 'Legal Assistance of Windsor';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string, home: RegExp): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await newVisitor(browser);
  await signIn(page, email);
  await page.waitForURL(home);
  return { page, close: () => context.close() };
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), name).toEqual([]);
}

describe('assessment of an application, from intake to decision', () => {
  it('screens, assigns, scores, recommends and decides, refusing a decision above the delegated limit', async () => {
    // Officer: the intake queue, filtered by the demo call, with the call's ranking and standards.
    const officer = await as('officer@example.ca', /\/officer$/);
    let page = officer.page;
    await page.goto('/intake');
    await expectHeading(page, text('en', 'assess.intake.title'));
    await page.locator('#filter-call').selectOption({ label: DEMO_CALL });
    const row = page.locator('[data-testid="intake-queue"] tr', { hasText: WINDSOR });
    await row.waitFor();
    await page.locator('[data-testid="service-standards"]').waitFor();
    await expectAccessible(page, '/intake');
    await screenshot(page, 'assessment-intake');
    const href = await row.getByRole('link').getAttribute('href');
    const applicationId = /\/intake\/([\w-]+)$/.exec(href ?? '')?.[1];
    expect(applicationId, href ?? '').toBeTruthy();

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/intake/${applicationId}$`));
    await page.getByTestId('budget-total').getByText('152,000.00', { exact: false }).waitFor();
    await expectAccessible(page, '/intake/$id');

    // Not eligible without a reason: the form says so next to the reason.
    for (const id of ['organisation_type_eligible', 'province_eligible', 'eligibility_answers_met', 'application_complete', 'amount_and_duration_within_limits', 'activities_within_mandate']) {
      await page.locator(`#check-${id}`).selectOption('yes');
    }
    await page.locator('#screen-eligible').selectOption('no');
    await page.getByRole('button', { name: text('en', 'assess.screenSubmit') }).click();
    await page.getByText(text('en', 'error.screening.reasonRequired')).first().waitFor();
    await page.locator('#screen-eligible').selectOption('yes');
    await page.getByRole('button', { name: text('en', 'assess.screenSubmit') }).click();
    await page.getByTestId('screening-result').waitFor();
    await page.getByTestId('application-status').getByText(text('en', 'status.application.screened_in')).waitFor();
    await officer.close();

    // Manager (in French): assigns the demo reviewer.
    const manager = await as('manager@example.ca', /\/manager$/);
    page = manager.page;
    await page.goto(`/intake/${applicationId}`);
    await page.locator('#assign-reviewer').waitFor();
    const reviewerOption = page.locator('#assign-reviewer option', { hasText: 'reviewer@example.ca' });
    const reviewerId = await reviewerOption.first().getAttribute('value');
    await page.locator('#assign-reviewer').selectOption(reviewerId!);
    await page.getByRole('button', { name: text('fr', 'assess.assignSubmit') }).click();
    await page.getByText(text('fr', 'assess.assigned', { name: 'Rina Singh' })).waitFor();
    await page.locator('[data-reviewer="Rina Singh"]').getByText(text('fr', 'assess.conflict.pending')).waitFor();
    await manager.close();

    // Reviewer: declares no conflict, then scores every criterion and submits.
    const reviewer = await as('reviewer@example.ca', /\/reviewer$/);
    page = reviewer.page;
    await page.goto('/assessments');
    await expectHeading(page, text('en', 'assess.mine.title'));
    const assignment = page.locator(`[data-testid="my-assignments"] tr[data-application-id="${applicationId}"]`);
    await assignment.getByText(text('en', 'assess.state.declare')).waitFor();
    await expectAccessible(page, '/assessments');
    await assignment.getByRole('link').click();
    await page.locator('#coi-choice').selectOption('none');
    await page.getByRole('button', { name: text('en', 'assess.coiSubmit') }).click();
    await page.locator('#score-2').waitFor();
    await page.locator('[data-criterion="Need and population served"] legend').getByText(text('en', 'assess.criterionLegend', { name: 'Need and population served', weight: 40 })).waitFor();
    // A score out of range is refused next to its field.
    await page.locator('#score-0').fill('11');
    await page.locator('#score-1').fill('7');
    await page.getByRole('button', { name: text('en', 'assess.saveScores') }).click();
    expect(await fieldError(page, 'score-0')).toContain(text('en', 'error.score.invalid'));
    expect(await page.locator('#score-1').inputValue()).toBe('7');
    const scores = ['8', '7', '9'];
    for (const [i, score] of scores.entries()) {
      await page.locator(`#score-${i}`).fill(score);
      await page.locator(`#comment-${i}`).fill(`Comment on criterion ${i + 1}`);
    }
    await page.getByRole('button', { name: text('en', 'assess.saveScores') }).click();
    await page.getByText(text('en', 'assess.scoresSaved')).waitFor();
    await expectAccessible(page, '/assessments/$id');
    await page.getByRole('button', { name: text('en', 'assess.submitReview') }).click();
    // (8 x 40 + 7 x 35 + 9 x 25) / 10 = 79
    await page.getByText(text('en', 'assess.reviewSubmitted', { score: 79 })).waitFor();
    await page.getByTestId('review-submitted').waitFor();
    await screenshot(page, 'assessment-reviewer');
    await reviewer.close();

    // Officer: sees the scores, recommends funding the amount requested.
    const officer2 = await as('officer@example.ca', /\/officer$/);
    page = officer2.page;
    // The call's ranking now has the application first, with its average weighted score.
    await page.goto('/intake');
    await page.locator('#filter-call').selectOption({ label: DEMO_CALL });
    const ranked = page.locator(`[data-testid="ranking"] tr[data-ranked-id="${applicationId}"]`);
    await ranked.getByText(text('en', 'assess.score100', { score: 79 })).waitFor();
    expect((await ranked.locator('td').first().innerText()).trim()).toBe('1');
    await screenshot(page, 'assessment-ranking');
    await page.goto(`/intake/${applicationId}`);
    await page.getByTestId('scores-summary').getByText(text('en', 'assess.score100', { score: 79 }), { exact: false }).waitFor();
    await page.getByText('Comment on criterion 2').waitFor();
    await page.locator('#recommend-outcome').selectOption('fund');
    await page.locator('#recommend-amount').fill('152,000');
    await page.locator('#recommend-rationale').fill('Strong need, sound plan, ranked first.');
    await page.getByRole('button', { name: text('en', 'assess.recommendSubmit') }).click();
    await page.getByTestId('recommendation-result').waitFor();
    await officer2.close();

    // Manager: above the delegated limit is refused next to the amount; then approves.
    const manager2 = await as('manager@example.ca', /\/manager$/);
    page = manager2.page;
    await page.goto(`/intake/${applicationId}`);
    await page.locator('#decide-amount').fill('6000000');
    await page.locator('#decide-rationale').fill('Recommended and within the call’s limits.');
    await page.getByRole('button', { name: text('fr', 'assess.decideSubmit') }).click();
    expect(await fieldError(page, 'decide-amount')).toContain(text('fr', 'error.decision.aboveLimit').split('{limit}')[0]!.trim());
    // What was typed stays, so the person sees the amount the message is about.
    expect(await page.locator('#decide-amount').inputValue()).toBe('6000000');
    await screenshot(page, 'assessment-above-limit');
    await page.locator('#decide-amount').fill('152000');
    await page.getByRole('button', { name: text('fr', 'assess.decideSubmit') }).click();
    await page.getByTestId('decision-result').waitFor();
    const letter = page.getByTestId('decision-letter');
    await letter.waitFor();
    expect(await letter.innerText()).toContain(WINDSOR);
    await page.getByTestId('application-status').getByText(text('fr', 'status.application.approved')).waitFor();
    await screenshot(page, 'assessment-decided');
    await manager2.close();
  });

  it('lists organisations with their verification and possible duplicates', async () => {
    const officer = await as('officer@example.ca', /\/officer$/);
    const page = officer.page;
    await page.goto('/organisations');
    await expectHeading(page, text('en', 'assess.orgs.title'));
    await page.locator(`[data-testid="organisations"] tr[data-organisation="${WINDSOR}"]`).waitFor();
    await expectAccessible(page, '/organisations');
    await screenshot(page, 'assessment-organisations');
    // Each Verify button names its organisation for screen readers.
    const whiteRibbon = page.locator('[data-testid="organisations"] tr[data-organisation="White Ribbon"]');
    await page.getByRole('button', { name: `${text('en', 'assess.orgs.verify')} White Ribbon` }).click();
    await page.getByText(text('en', 'assess.orgs.verifiedNow', { name: 'White Ribbon' })).waitFor();
    await whiteRibbon.getByText(text('en', 'assess.orgs.verifiedOn', { date: '' }).trim()).waitFor();
    expect(await whiteRibbon.getByRole('button').count()).toBe(0);
    await officer.close();
  });
});
