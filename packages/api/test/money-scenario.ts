/**
 * The money scenario of the parity suite, driven through the router as the people do it: Ka Ni
 * Kanichihk's two-year contribution (2024-25 and 2025-26, $200,000, 10% holdback), an advance,
 * a reimbursement that accounts for it, a milestone payment, a reprofiling amendment, the year
 * end of 2024-25, an overpayment and its partial recovery, the final report, then the last claim
 * that releases part of the holdback. Amounts carry odd cents so that a cent lost shows.
 */
import type { AgreementTerms, ClaimInput, ClaimKind, CostCategory } from '@tp/domain';
import { randomUUID } from 'node:crypto';
import type { Harness } from './harness';

export const Y1 = '2024-25';
export const Y2 = '2025-26';

/** What the test submits, in cents. The expected figures below are worked out from these by hand. */
export const AMOUNT = {
  total: 20_000_000n,
  holdback: 2_000_000n, // 10% of the total
  milestone: 1_000_000n,
  advance: 3_000_017n,
  reimbursementSpent: 4_250_042n,
  reimbursementRequested: 1_250_025n,
  reimbursementCertified: 1_200_025n,
  /** The reprofiling: $40,000 from 2024-25 to 2025-26. */
  y1After: 6_000_000n,
  y2After: 14_000_000n,
  secondClaim: 10_000_000n,
  overpayment: 123_456n,
  recovery: 100_001n,
  finalClaim: 3_500_000n,
} as const;

const a = AMOUNT;
const paidY1 = a.advance + a.reimbursementCertified + a.milestone; // 52,000.42
const paidY2 = a.secondClaim + a.finalClaim; // 135,000.00
const released = paidY1 + paidY2 - (a.total - a.holdback); // 7,000.42: paid beyond $180,000
const lapsedY1 = a.y1After - paidY1; // 7,999.58

/** Every figure of the agreement, per year, worked out by hand from the amounts above. */
export const EXPECTED = {
  [Y1]: {
    budgetCents: a.y1After,
    committedCents: a.y1After - lapsedY1, // $100,000 signed, $40,000 reprofiled out, the rest lapsed
    claimedCents: a.advance + a.reimbursementRequested + a.milestone,
    certifiedCents: paidY1,
    paidCents: paidY1,
    advancesOutstandingCents: 0n, // the reimbursement's spending accounted for the whole advance
    holdbackCents: 0n,
    lapsedCents: lapsedY1,
    availableCents: 0n,
  },
  [Y2]: {
    budgetCents: a.y2After,
    committedCents: a.y2After,
    claimedCents: paidY2,
    certifiedCents: paidY2,
    paidCents: paidY2,
    advancesOutstandingCents: 0n,
    holdbackCents: a.holdback - released,
    lapsedCents: 0n,
    availableCents: a.y2After - paidY2,
  },
} as const;
export const EXPECTED_ACTUAL = { [Y1]: paidY1, [Y2]: paidY2 - a.recovery } as const;
export const EXPECTED_TOTALS = { paid: paidY1 + paidY2, holdbackReleased: released, receivable: a.overpayment - a.recovery, recovered: a.recovery, expenditureReported: a.reimbursementSpent + a.secondClaim + a.finalClaim };

export async function draftTerms(h: Harness): Promise<{ programId: string; organisationId: string; pillarId: string; terms: AgreementTerms }> {
  const program = await h.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const pillar = await h.t.db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'prevention').executeTakeFirstOrThrow();
  const organisationId = await h.organisationId('Ka Ni Kanichihk Inc.');
  const terms: AgreementTerms = {
    streamId: null,
    pillarIds: [pillar.id],
    title: 'Strong Spirits: money parity',
    description: 'Workshops for Indigenous youth in Winnipeg.',
    startDate: '2024-04-01',
    endDate: '2026-03-31',
    totalCents: a.total,
    fiscalYears: [
      { fiscalYear: Y1, amountCents: a.total / 2n },
      { fiscalYear: Y2, amountCents: a.total / 2n },
    ],
    budget: [
      { fiscalYear: Y1, category: 'salaries_benefits', amountCents: 9_000_000n },
      { fiscalYear: Y1, category: 'rent', amountCents: 1_000_000n },
      { fiscalYear: Y2, category: 'salaries_benefits', amountCents: a.total / 2n },
    ],
    paymentBasis: 'advance',
    advanceFrequency: 'quarterly',
    holdback: { kind: 'percent', basisPoints: 1000n },
    riskLevel: 'medium',
    riskReasons: 'New partner.',
    reportingFrequency: 'annual',
    milestones: [{ title: 'Youth advisory circle formed', deliverables: 'Terms of reference', dueDate: '2024-09-30', paymentCents: a.milestone }],
    indicators: [],
    otherFunding: [],
    specialConditions: '',
  };
  return { programId: program.id, organisationId, pillarId: pillar.id, terms };
}

/** Drafted by the officer, signed by the recipient, then by the manager: the money is committed. */
export async function signedAgreement(h: Harness, draft: Awaited<ReturnType<typeof draftTerms>>): Promise<string> {
  const { api: officer } = await h.signInAs('officer@example.ca');
  const { id } = await officer.agreements.create({ programId: draft.programId, organisationId: draft.organisationId, applicationId: null, terms: draft.terms });
  await officer.agreements.send({ agreementId: id });
  const { api: recipient } = await h.signInAs('recipient@example.ca');
  await recipient.agreements.signAsRecipient({ agreementId: id, signerName: 'Léa Cardinal', signerTitle: 'Executive Director', confirmed: true });
  const { api: manager } = await h.signInAs('manager@example.ca');
  await manager.agreements.signForDepartment({ agreementId: id });
  return id;
}

const QUARTER = { [Y1]: ['2024-10-01', '2024-12-31'], [Y2]: ['2025-10-01', '2025-12-31'] } as const;

export function claimInput(agreementId: string, kind: ClaimKind, fiscalYear: typeof Y1 | typeof Y2, requestedCents: bigint, spent: [CostCategory, bigint][] = [], milestoneKey: string | null = null): ClaimInput {
  const [periodStart, periodEnd] = QUARTER[fiscalYear];
  return {
    agreementId,
    clientKey: randomUUID(),
    kind,
    fiscalYear,
    periodStart,
    periodEnd,
    milestoneKey,
    requestedCents,
    expenditures: spent.map(([category, amountCents]) => ({ category, amountCents, explanation: 'As planned.' })),
    otherRevenues: [],
    forecast: kind === 'advance' ? [{ month: periodStart.slice(0, 7), amountCents: requestedCents }] : [],
    explanation: '',
  };
}

/** The recipient claims, the officer certifies (s. 34); finance releases it with `release` (s. 33). */
export async function submitAndCertify(h: Harness, input: ClaimInput, certifiedCents = input.requestedCents): Promise<string> {
  const { api: recipient } = await h.signInAs('recipient@example.ca');
  const { id } = await recipient.claims.submit(input);
  const { api: officer } = await h.signInAs('officer@example.ca');
  await officer.claims.certify({ claimId: id, certifiedCents, adjustmentReason: certifiedCents === input.requestedCents ? '' : 'Receipts for $500 are missing.' });
  return id;
}

export async function release(h: Harness, claimId: string): Promise<void> {
  const { api: finance } = await h.signInAs('finance@example.ca');
  await finance.claims.release({ claimId, releaseKey: randomUUID() });
}

/** The recipient files the report of `fiscalYear` (annual periods), the officer accepts it. */
export async function fileAndAcceptReport(h: Harness, agreementId: string, fiscalYear: string, approveMilestones: string[] = []): Promise<void> {
  const { api: recipient } = await h.signInAs('recipient@example.ca');
  const period = (await recipient.reports.due()).find((d) => d.agreementId === agreementId && d.periodStart.startsWith(fiscalYear.slice(0, 4)));
  if (!period) throw new Error(`no reporting period in ${fiscalYear}`);
  const { reportId } = await recipient.reports.open({ periodId: period.periodId });
  const draft = (await recipient.reports.get({ reportId })).draft!;
  const content = {
    ...draft,
    activities: draft.activities.map((x) => ({ ...x, status: 'completed' as const, reason: '', newExpectedDate: null })),
    progress: 'Twelve workshops held.',
    finalResults: period.isFinal ? 'Target reached: 320 youth.' : '',
  };
  await recipient.reports.saveDraft({ reportId, content });
  const { revision } = await recipient.reports.submit({ reportId, revision: 0 });
  const { api: officer } = await h.signInAs('officer@example.ca');
  await officer.reports.review({ reportId, revision, outcome: 'accepted', comments: {}, approveMilestones });
}

/** The officer moves $40,000 from 2024-25 to 2025-26; the manager approves the new version. */
export async function reprofile(h: Harness, agreementId: string): Promise<void> {
  const { api: officer } = await h.signInAs('officer@example.ca');
  const current = (await officer.agreements.get({ agreementId })).terms;
  const terms: AgreementTerms = {
    ...current,
    fiscalYears: [
      { fiscalYear: Y1, amountCents: a.y1After },
      { fiscalYear: Y2, amountCents: a.y2After },
    ],
    budget: [
      { fiscalYear: Y1, category: 'salaries_benefits', amountCents: a.y1After - 1_000_000n },
      { fiscalYear: Y1, category: 'rent', amountCents: 1_000_000n },
      { fiscalYear: Y2, category: 'salaries_benefits', amountCents: a.y2After },
    ],
  };
  const { version } = await officer.agreements.proposeAmendment({ agreementId, basedOnVersion: 1, reason: 'Start delayed: work moves to the second year.', terms });
  const { api: manager } = await h.signInAs('manager@example.ca');
  await manager.agreements.decideAmendment({ agreementId, version, approve: true, note: 'Reprofiling approved.' });
}
