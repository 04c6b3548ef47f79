/**
 * Money parity: every view that shows a money figure (the agreement page, the ledger listing, the
 * reconciliation by year and by category, results spending by pillar, each role's dashboard, the
 * export sheets) equals the journal replayed independently, to the cent. The journal is written
 * by the real flows through the router (advance, reimbursement, milestone, reprofiling, year end,
 * overpayment and recovery, final report and holdback release) on top of generated history; the
 * expected figures come from the amounts the test submitted, worked out by hand, and from plain
 * SQL over ledger_entry (money-oracle.ts), never from the application's own balance code.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, disclosureSheet, generateHistory, paymentsSheet, programDetailsSheet, reconciliationSheet, seedDemoActivity, writeSheet } from '../src';
import type { Sheet } from '../src/claims/finance-exports';
import { reconciliation, reconciliationPage } from '../src/claims/reconciliation';
import { financeDashboard } from '../src/results/dashboard';
import { createHarness, rejection, type Harness } from './harness';
import { addKinds, figuresOf, inReconciliation, oracleCategories, oraclePayments, oracleYears, pickFigures, reconciliationFigures, sumFigures, totalBy } from './money-oracle';
import { AMOUNT, claimInput, draftTerms, EXPECTED, EXPECTED_ACTUAL, EXPECTED_TOTALS, fileAndAcceptReport, release, reprofile, signedAgreement, submitAndCertify, Y1, Y2 } from './money-scenario';
import { expectFinanceDashboard, expectPaymentsSheet, expectReconciliationRows, expectSpending } from './money-views';

let h: Harness;
let draft: Awaited<ReturnType<typeof draftTerms>>;
let agreementId: string;
let referenceNumber: string;
const claims: Record<'advance' | 'reimbursement' | 'milestone' | 'second' | 'final', string> = { advance: '', reimbursement: '', milestone: '', second: '', final: '' };

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  await generateHistory(h.t.db, { scale: 0.006, seed: 11, today: '2026-11-26' });
  draft = await draftTerms(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const journalOf = (kind: string) => h.t.db.selectFrom('ledgerEntry').select(['fiscalYear', 'amountCents', 'claimId']).where('agreementId', '=', agreementId).where('kind', '=', kind as never).orderBy('id').execute();
const certifiedWaiting = async () => BigInt((await sql<{ n: string }>`select coalesce(sum(certified_cents), 0)::text as n from claim where status = 'certified'`.execute(h.t.db)).rows[0]!.n);
/** The oracle's rows of the scenario's agreement. */
const mine = async () => {
  const all = await oracleYears(h.t.db);
  return { all, y1: all.get(`${agreementId}|${Y1}`)!, y2: all.get(`${agreementId}|${Y2}`)! };
};

describe('the money of one agreement, driven through the flows', () => {
  it('commits $100,000 in each year when the recipient and the department sign', async () => {
    agreementId = await signedAgreement(h, draft);
    referenceNumber = (await h.t.db.selectFrom('agreement').select('referenceNumber').where('id', '=', agreementId).executeTakeFirstOrThrow()).referenceNumber;
    expect((await journalOf('commitment')).map((e) => [e.fiscalYear, e.amountCents])).toEqual([[Y1, AMOUNT.total / 2n], [Y2, AMOUNT.total / 2n]]);
  });

  it('an advance waits in the officer’s count to certify, then in finance’s sum to release, and is paid once', async () => {
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { api: finance } = await h.signInAs('finance@example.ca');
    const { id } = await recipient.claims.submit(claimInput(agreementId, 'advance', Y1, AMOUNT.advance));
    const submitted = (await sql<{ n: number }>`select count(*)::int as n from claim where status = 'submitted'`.execute(h.t.db)).rows[0]!.n;
    expect((await officer.dashboard.officer()).claimsToCertify).toBe(submitted);
    const before = (await finance.dashboard.finance()).claimsToReleaseCents;
    await officer.claims.certify({ claimId: id, certifiedCents: AMOUNT.advance, adjustmentReason: '' });
    expect((await finance.dashboard.finance()).claimsToReleaseCents).toBe(before + AMOUNT.advance);
    expect(before + AMOUNT.advance).toBe(await certifiedWaiting());
    await release(h, id);
    expect((await finance.dashboard.finance()).claimsToReleaseCents).toBe(before);
    claims.advance = id;
    expect((await journalOf('advance_paid')).map((e) => [e.fiscalYear, e.amountCents, e.claimId])).toEqual([[Y1, AMOUNT.advance, id]]);
  });

  it('a reimbursement’s spending accounts for the advance first; it is paid at the amount certified', async () => {
    claims.reimbursement = await submitAndCertify(h, claimInput(agreementId, 'reimbursement', Y1, AMOUNT.reimbursementRequested, [['salaries_benefits', AMOUNT.reimbursementSpent]]), AMOUNT.reimbursementCertified);
    await release(h, claims.reimbursement);
    expect((await journalOf('advance_reconciled')).map((e) => e.amountCents)).toEqual([AMOUNT.advance]);
    expect((await journalOf('reimbursement_paid')).map((e) => e.amountCents)).toEqual([AMOUNT.reimbursementCertified]);
  });

  it('a milestone is paid once the report approving it is accepted', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const milestoneKey = (await officer.agreements.get({ agreementId })).terms.milestones[0]!.key!;
    await fileAndAcceptReport(h, agreementId, Y1, [milestoneKey]);
    claims.milestone = await submitAndCertify(h, claimInput(agreementId, 'milestone', Y1, AMOUNT.milestone, [], milestoneKey));
    await release(h, claims.milestone);
    expect((await journalOf('reimbursement_paid')).map((e) => e.amountCents)).toEqual([AMOUNT.reimbursementCertified, AMOUNT.milestone]);
  });

  it('a reprofiling moves $40,000 of commitment into the second year and keeps what was paid in the first', async () => {
    await reprofile(h, agreementId);
    const moved = (await journalOf('commitment')).slice(2).map((e) => [e.fiscalYear, e.amountCents]);
    expect(moved).toEqual([[Y1, AMOUNT.y1After - AMOUNT.total / 2n], [Y2, AMOUNT.y2After - AMOUNT.total / 2n]]);
  });

  it('closing 2024-25 lapses what the year committed and did not pay', async () => {
    const { api: finance } = await h.signInAs('finance@example.ca');
    const closed = await finance.claims.closeFiscalYear({ fiscalYear: Y1, programId: null, confirmation: Y1 });
    expect(closed.lapses.find((l) => l.agreementId === agreementId)?.lapsedCents).toBe(EXPECTED[Y1].lapsedCents);
    expect((await journalOf('lapse')).map((e) => [e.fiscalYear, e.amountCents])).toEqual([[Y1, EXPECTED[Y1].lapsedCents]]);
  });

  it('an overpayment becomes a receivable, and what is paid back reduces actual spending, not what was paid', async () => {
    claims.second = await submitAndCertify(h, claimInput(agreementId, 'reimbursement', Y2, AMOUNT.secondClaim, [['salaries_benefits', AMOUNT.secondClaim]]));
    await release(h, claims.second);
    const { api: finance } = await h.signInAs('finance@example.ca');
    await finance.claims.recordOverpayment({ agreementId, fiscalYear: Y2, amountCents: AMOUNT.overpayment, kind: 'overpayment_established', memo: 'Ineligible travel' });
    await finance.claims.recordOverpayment({ agreementId, fiscalYear: Y2, amountCents: AMOUNT.recovery, kind: 'recovery_received', memo: 'First instalment' });
    expect((await finance.claims.ledger({ agreementId })).balances).toMatchObject({ receivable: EXPECTED_TOTALS.receivable, recovered: AMOUNT.recovery });
  });

  it('the holdback cannot be paid before the final report; after it, the last payment carries its release inside', async () => {
    const last = claimInput(agreementId, 'reimbursement', Y2, AMOUNT.finalClaim, [['salaries_benefits', AMOUNT.finalClaim]]);
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    expect(await rejection(recipient.claims.submit(last))).toMatchObject({ messageKey: 'error.payment.totalLimit', field: 'requestedCents' });
    await fileAndAcceptReport(h, agreementId, Y2);
    claims.final = await submitAndCertify(h, { ...last, clientKey: randomUUID() });
    await release(h, claims.final);
    expect((await journalOf('holdback_released')).map((e) => [e.fiscalYear, e.amountCents, e.claimId])).toEqual([[Y2, EXPECTED_TOTALS.holdbackReleased, claims.final]]);
    // The payment itself is the whole claim, not the claim less the release.
    expect((await journalOf('reimbursement_paid')).at(-1)?.amountCents).toBe(AMOUNT.finalClaim);
  });

  it('the journal replayed by plain SQL gives the figures worked out by hand', async () => {
    const { y1, y2 } = await mine();
    expect(reconciliationFigures(y1)).toEqual(EXPECTED[Y1]);
    expect(reconciliationFigures(y2)).toEqual(EXPECTED[Y2]);
    expect([figuresOf(y1.kinds).actual, figuresOf(y2.kinds).actual]).toEqual([EXPECTED_ACTUAL[Y1], EXPECTED_ACTUAL[Y2]]);
  });
});

describe('every view of the agreement equals the journal, to the cent', () => {
  it('the agreement page: each year’s amount and paid, the total and the holdback', async () => {
    for (const email of ['officer@example.ca', 'recipient@example.ca']) {
      const { api } = await h.signInAs(email);
      const page = await api.agreements.get({ agreementId });
      expect(page.terms.totalCents).toBe(AMOUNT.total);
      expect(page.schedules.holdbackCents).toBe(AMOUNT.holdback);
      expect(page.terms.fiscalYears.map((y) => [y.fiscalYear, y.amountCents])).toEqual([[Y1, EXPECTED[Y1].budgetCents], [Y2, EXPECTED[Y2].budgetCents]]);
      expect(page.paidByFiscalYear).toEqual({ [Y1]: EXPECTED[Y1].paidCents, [Y2]: EXPECTED[Y2].paidCents });
      expect(page.versions.map((v) => [v.version, v.status, v.totalCents])).toEqual([[1, 'superseded', AMOUNT.total], [2, 'in_force', AMOUNT.total]]);
    }
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    expect((await recipient.agreements.mine()).agreements.find((x) => x.id === agreementId)?.totalCents).toBe(AMOUNT.total);
  });

  it('the ledger listing: its entries are the journal, its balances in all and per year are the journal replayed', async () => {
    const { api } = await h.signInAs('finance@example.ca');
    const listing = await api.claims.ledger({ agreementId });
    const { rows: raw } = await sql<{ kind: string; amount: string }>`select kind, amount_cents::text as amount from ledger_entry where agreement_id = ${agreementId} order by id`.execute(h.t.db);
    expect(listing.entries.map((e) => [e.kind, e.amountCents])).toEqual(raw.map((r) => [r.kind, BigInt(r.amount)]));
    const { y1, y2 } = await mine();
    const { actual: _actual, ...balances } = figuresOf(addKinds([y1, y2]));
    expect(listing.balances).toEqual(balances);
    expect(listing.balances).toMatchObject({ paid: EXPECTED_TOTALS.paid, holdbackReleased: EXPECTED_TOTALS.holdbackReleased, expenditureReported: EXPECTED_TOTALS.expenditureReported });
    for (const y of [y1, y2]) {
      const { actual: _a, ...f } = figuresOf(y.kinds);
      expect(listing.byFiscalYear.find((b) => b.fiscalYear === y.fiscalYear)).toEqual({ fiscalYear: y.fiscalYear, amountCents: y.budget, ...f });
    }
    expect(listing.holdbackCents).toBe(AMOUNT.holdback);
  });

  it('the reconciliation of each year (screen, kept-money and general paths) and by cost category', async () => {
    const { api } = await h.signInAs('finance@example.ca');
    for (const fiscalYear of [Y1, Y2] as const) {
      const screen = (await api.claims.reconciliation({ programId: draft.programId, fiscalYear, search: referenceNumber })).rows;
      const kept = (await reconciliation(h.t.db, { programId: draft.programId, fiscalYear })).filter((r) => r.agreementId === agreementId);
      const general = (await reconciliation(h.t.db, { programId: draft.programId })).filter((r) => r.agreementId === agreementId && r.fiscalYear === fiscalYear);
      for (const rows of [screen, kept, general]) expect(rows.map(pickFigures)).toEqual([EXPECTED[fiscalYear]]);
      const byCategory = (await api.claims.reconciliation({ programId: draft.programId, fiscalYear, byCategory: true, search: referenceNumber })).rows;
      const categories = await oracleCategories(h.t.db, agreementId, fiscalYear);
      expect(byCategory.map((r) => [r.costCategory, r.budgetCents, r.claimedCents, r.certifiedCents])).toEqual(categories.map((c) => [c.category, c.budget, c.claimed, c.reported]));
    }
    // By hand: the reprofiled budget lines, and the spending the certified claims reported.
    const y1 = (await api.claims.reconciliation({ fiscalYear: Y1, byCategory: true, search: referenceNumber })).rows;
    expect(y1.map((r) => [r.costCategory, r.budgetCents, r.certifiedCents])).toEqual([['rent', 1_000_000n, 0n], ['salaries_benefits', AMOUNT.y1After - 1_000_000n, AMOUNT.reimbursementSpent]]);
  });

  it('results spending by pillar: committed, and actual as paid less recovered (a released holdback is not paid twice)', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const rows = await api.results.spending({ fromFiscalYear: Y1, toFiscalYear: Y2, programId: draft.programId });
    const { all } = await mine();
    await expectSpending(h.t.db, rows, [...all.values()], { from: Y1, to: Y2, programId: draft.programId });
    // This agreement's share of its pillar, by hand: the pillar's figure less every other agreement's.
    for (const fiscalYear of [Y1, Y2] as const) {
      const cell = rows.find((r) => r.pillarId === draft.pillarId && r.fiscalYear === fiscalYear)!;
      const others = [...all.values()].filter((r) => r.agreementId !== agreementId && r.fiscalYear === fiscalYear && inReconciliation(r) && r.pillarIds.includes(draft.pillarId));
      expect(cell.actualCents - others.reduce((s, r) => s + figuresOf(r.kinds).actual, 0n)).toBe(EXPECTED_ACTUAL[fiscalYear]);
    }
  });

  it('the dashboards: finance’s advances and unpaid commitments, the manager’s spending, the recipient’s payments and claim form', async () => {
    const { all } = await mine();
    const { api: finance } = await h.signInAs('finance@example.ca');
    expectFinanceDashboard(await finance.dashboard.finance(), [...all.values()], (await sql<{ label: string }>`select label from fiscal_year where current_date between start_date and end_date`.execute(h.t.db)).rows[0]!.label);
    expectFinanceDashboard(await financeDashboard(h.t.db, Y2), [...all.values()], Y2);
    const { api: manager } = await h.signInAs('manager@example.ca');
    await expectSpending(h.t.db, await manager.results.spending({ fromFiscalYear: '2022-23', toFiscalYear: '2025-26' }), [...all.values()], { from: '2022-23', to: '2025-26' });
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const payments = (await oraclePayments(h.t.db)).filter((p) => all.get(`${p.agreementId}|${p.fiscalYear}`)!.organisationId === draft.organisationId);
    const home = await recipient.dashboard.payments();
    expect(home.totalCents).toBe(payments.reduce((s, p) => s + p.amount, 0n));
    expect(home.totalCents).toBe(EXPECTED_TOTALS.paid);
    expect(home.recent.map((r) => r.amountCents)).toEqual(payments.reverse().slice(0, 10).map((p) => p.amount));
    const form = await recipient.claims.options({ agreementId });
    expect(form.fiscalYears.map((y) => [y.label, y.amountCents, y.paidCents])).toEqual([[Y1, EXPECTED[Y1].budgetCents, EXPECTED[Y1].paidCents], [Y2, EXPECTED[Y2].budgetCents, EXPECTED[Y2].paidCents]]);
    expect(form.balances).toMatchObject({ paid: EXPECTED_TOTALS.paid, holdbackReleased: EXPECTED_TOTALS.holdbackReleased, recovered: AMOUNT.recovery });
    const finalClaim = await recipient.claims.get({ claimId: claims.final });
    expect(finalClaim.fiscalYearBalances).toMatchObject({ paid: EXPECTED[Y2].paidCents, committed: EXPECTED[Y2].committedCents, available: EXPECTED[Y2].availableCents });
  });

  it('the export sheets: reconciliation (by year and category), payments, disclosure and program details, cell by cell', async () => {
    const { all } = await mine();
    for (const fiscalYear of [Y1, Y2] as const) {
      const sheet = await reconciliationSheet(h.t.db, { programId: draft.programId, fiscalYear });
      const line = sheet.rows.find((r) => r.agreement === referenceNumber)!;
      const e = EXPECTED[fiscalYear];
      const want = { budget: e.budgetCents, committed: e.committedCents, claimed: e.claimedCents, certified: e.certifiedCents, paid: e.paidCents, advancesOutstanding: e.advancesOutstandingCents, holdback: e.holdbackCents, lapsed: e.lapsedCents, available: e.availableCents };
      expect(line).toMatchObject(want);
      // The file itself, read back: each money cell is the cents as dollars.
      const cells = await xlsxRows(sheet);
      expect(cells.find((r) => r.agreement === referenceNumber)).toMatchObject(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, Number(v) / 100])));
      expectReconciliationRows(sheet.rows.map((r) => ({ agreementId: String(r.agreement), fiscalYear: String(r.fiscalYear), figures: sheetFigures(r) })), [...all.values()].filter((r) => r.programId === draft.programId && r.fiscalYear === fiscalYear), (r) => r.referenceNumber);
      const byCategory = await reconciliationSheet(h.t.db, { programId: draft.programId, fiscalYear, byCategory: true });
      const categories = await oracleCategories(h.t.db, agreementId, fiscalYear);
      expect(byCategory.rows.filter((r) => r.agreement === referenceNumber).map((r) => [r.costCategory, r.budget, r.claimed, r.certified])).toEqual(categories.map((c) => [c.category, c.budget, c.claimed, c.reported]));
      const payments = await paymentsSheet(h.t.db, { fiscalYear });
      expectPaymentsSheet(payments, await oraclePayments(h.t.db), all, fiscalYear);
      const program = await programDetailsSheet(h.t.db, { programId: draft.programId, fiscalYear });
      const total = program.rows.at(-1)!;
      // The sheet names each pillar; names are unique within the program's strategy.
      const pillarOf = new Map((await h.t.db.selectFrom('pillar').innerJoin('programPillar', 'programPillar.pillarId', 'pillar.id').select(['pillar.id', 'pillar.nameEn']).where('programPillar.programId', '=', draft.programId).execute()).map((p) => [p.nameEn, p.id]));
      const lines = program.rows.slice(0, -1).map((r) => ({ programId: draft.programId, pillarId: pillarOf.get(String(r.pillar))!, fiscalYear, plannedCents: r.planned as bigint, committedCents: r.committed as bigint, actualCents: r.actual as bigint, varianceCents: r.variance as bigint }));
      await expectSpending(h.t.db, lines, [...all.values()], { from: fiscalYear, to: fiscalYear, programId: draft.programId });
      const programYear = [...all.values()].filter((r) => r.programId === draft.programId && r.fiscalYear === fiscalYear && inReconciliation(r) && r.pillarIds.length > 0);
      expect([total.committed, total.actual]).toEqual([programYear.reduce((s, r) => s + figuresOf(r.kinds).committed, 0n), programYear.reduce((s, r) => s + figuresOf(r.kinds).actual, 0n)]);
    }
    const everyPayment = await paymentsSheet(h.t.db, {});
    const mineOnly = everyPayment.rows.filter((r) => r.agreement === referenceNumber);
    expect((await xlsxRows(everyPayment)).filter((r) => r.agreement === referenceNumber).map((r) => r.amount)).toEqual(mineOnly.map((r) => Number(r.amount) / 100));
    expect(mineOnly.map((r) => [r.fiscalYear, r.paymentType, r.amount])).toEqual([
      [Y1, 'advance', AMOUNT.advance],
      [Y1, 'reimbursement', AMOUNT.reimbursementCertified],
      [Y1, 'milestone', AMOUNT.milestone],
      [Y2, 'reimbursement', AMOUNT.secondClaim],
      [Y2, 'reimbursement', AMOUNT.finalClaim],
    ]);
    // Disclosure: each version in force or superseded, at the agreement's value (the reprofiling keeps the total).
    const disclosure = await disclosureSheet(h.t.db, defaultApiConfig.disclosureDepartmentCode);
    expect(disclosure.rows.filter((r) => r.alternate_agreement_number === referenceNumber).map((r) => [r.amendment_number, r.agreement_value])).toEqual([[0, AMOUNT.total], [1, AMOUNT.total]]);
    const { rows: versions } = await sql<{ reference: string; version: number; total: string; amended: string | null }>`
      select a.reference_number as reference, v.version, v.total_cents::text as total,
             case when v.version > 1 then to_char(v.decided_at at time zone 'America/Toronto', 'YYYY-MM-DD') end as amended
        from agreement_version v join agreement a on a.id = v.agreement_id
       where v.status in ('in_force', 'superseded') and v.total_cents > 2500000 order by 1, 2`.execute(h.t.db);
    // (A terminated agreement adds one more amendment, its termination, at the last version's value.)
    const versionRows = disclosure.rows.filter((r) => r.agreement_termination_date === null);
    expect(versionRows.map((r) => [r.alternate_agreement_number, r.amendment_number, r.agreement_value, r.amendment_date])).toEqual(versions.map((v) => [v.reference, v.version - 1, BigInt(v.total), v.amended]));
  });

  it('each year’s program totals: the reconciliation screen’s totals and row count equal the journal summed', async () => {
    const { all } = await mine();
    for (const fiscalYear of [Y1, Y2] as const) {
      const expected = [...all.values()].filter((r) => r.programId === draft.programId && r.fiscalYear === fiscalYear && inReconciliation(r)); // every oracle row has terms or entries
      const page = await reconciliationPage(h.t.db, { programId: draft.programId, fiscalYear, search: '', page: 1 });
      expect(page.total).toBe(expected.length);
      expect(page.totals).toEqual(sumFigures(expected.map(reconciliationFigures)));
    }
  });
});

describe('the same parity over generated history', () => {
  it('the reconciliation: every figure of every agreement-year equals the journal summed', async () => {
    const all = [...(await oracleYears(h.t.db)).values()];
    const rows = await reconciliation(h.t.db, {});
    expect(rows.length).toBeGreaterThan(100);
    expectReconciliationRows(rows.map((r) => ({ agreementId: r.agreementId, fiscalYear: r.fiscalYear, figures: pickFigures(r) })), all, (r) => r.agreementId);
  });

  it('the agreement page and the ledger listing of every agreement', async () => {
    const all = [...(await oracleYears(h.t.db)).values()];
    const { api } = await h.signInAs('finance@example.ca');
    const ids = [...new Set(all.filter((r) => r.entries > 0).map((r) => r.agreementId))];
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const years = all.filter((r) => r.agreementId === id && r.entries > 0);
      const listing = await api.claims.ledger({ agreementId: id });
      expect(listing.byFiscalYear.map((b) => [b.fiscalYear, b.committed, b.paid, b.advancesOutstanding, b.lapsed, b.available])).toEqual(
        years.sort((x, y) => x.fiscalYear.localeCompare(y.fiscalYear)).map((r) => { const f = figuresOf(r.kinds); return [r.fiscalYear, f.committed, f.paid, f.advancesOutstanding, f.lapsed, f.available]; }),
      );
      const page = await api.agreements.get({ agreementId: id });
      expect(page.paidByFiscalYear).toEqual(Object.fromEntries(years.filter((r) => figuresOf(r.kinds).paid !== 0n).map((r) => [r.fiscalYear, figuresOf(r.kinds).paid])));
    }
  });

  it('results spending per program, pillar and year, and the program details sheet of each program-year', async () => {
    const all = [...(await oracleYears(h.t.db)).values()];
    const { api } = await h.signInAs('analyst@example.ca');
    await expectSpending(h.t.db, await api.results.spending({ fromFiscalYear: '2017-18', toFiscalYear: '2030-31' }), all, { from: '2017-18', to: '2030-31' });
    const programs = await h.t.db.selectFrom('program').select('id').execute();
    for (const { id: programId } of programs) {
      for (const fiscalYear of ['2020-21', Y1, '2026-27']) {
        const total = (await programDetailsSheet(h.t.db, { programId, fiscalYear })).rows.at(-1)!;
        const cells = all.filter((r) => r.programId === programId && r.fiscalYear === fiscalYear && inReconciliation(r) && r.pillarIds.length > 0);
        expect([total.committed, total.actual]).toEqual([cells.reduce((s, r) => s + figuresOf(r.kinds).committed, 0n), cells.reduce((s, r) => s + figuresOf(r.kinds).actual, 0n)]);
      }
    }
  });

  it('the finance dashboard from any year on, and the payments sheet of every year', async () => {
    const oracle = await oracleYears(h.t.db);
    const all = [...oracle.values()];
    for (const from of ['2017-18', '2023-24', '2026-27']) expectFinanceDashboard(await financeDashboard(h.t.db, from), all, from);
    const payments = await oraclePayments(h.t.db);
    const years = [...new Set(payments.map((p) => p.fiscalYear))];
    expect(years.length).toBeGreaterThan(5);
    for (const fiscalYear of years) expectPaymentsSheet(await paymentsSheet(h.t.db, { fiscalYear }), payments, oracle, fiscalYear);
    const whole = await paymentsSheet(h.t.db, {});
    expect(whole.rows.reduce((s, r) => s + (r.amount as bigint), 0n)).toBe(payments.reduce((s, p) => s + p.amount, 0n));
    expect(totalBy(whole.rows, (r) => String(r.agreement), (r) => r.amount as bigint)).toEqual(totalBy(payments, (p) => oracle.get(`${p.agreementId}|${p.fiscalYear}`)!.referenceNumber, (p) => p.amount));
  });
});

function sheetFigures(r: Sheet['rows'][number]) {
  const c = (k: string) => r[k] as bigint;
  return { budgetCents: c('budget'), committedCents: c('committed'), claimedCents: c('claimed'), certifiedCents: c('certified'), paidCents: c('paid'), advancesOutstandingCents: c('advancesOutstanding'), holdbackCents: c('holdback'), lapsedCents: c('lapsed'), availableCents: c('available') };
}

/** A sheet written as XLSX and read back with exceljs: one object per line, by column key. */
async function xlsxRows(sheet: Sheet): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSheet(sheet, 'xlsx')) as unknown as ArrayBuffer);
  const out: Record<string, unknown>[] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(sheet.columns.map((c, i) => [c.key, row.getCell(i + 1).value])));
  });
  return out;
}
