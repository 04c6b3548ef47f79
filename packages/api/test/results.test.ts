/**
 * Results through the router on a real database with generated years of history: the rollup of
 * a program's fiscal year equals what the accepted reports say when added up directly, the
 * drill-down lists exactly the reports behind a figure, spending reconciles to the journal to the
 * cent, small GBA Plus counts are hidden from roles that do not need them, and recipients see
 * only their own organisation's figures.
 */
import { aggregate, agreementYearValue, suppressCount, type IndicatorUnit } from '@tp/domain';
import { usingPostgresServer } from '@tp/db/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportData, createMailer, createMemoryFileStore, defaultApiConfig, generateHistory, renderAnnualReportPdf, seedDemoActivity } from '../src';
import { createHarness, rejection, type Harness } from './harness';
import { recipientPayments } from '../src/results/dashboard';
import { textOf } from './pdf-text';
import { derivedRowsAstray } from './derived';
import { programRollup } from '../src/results/rollup';
import { reconciliation, reconciliationPage } from '../src/claims/reconciliation';

let h: Harness;
let programs: { id: string; code: string }[];
const TODAY = '2026-11-26';
const YEARS = ['2020-21', '2023-24', '2026-27'];

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  const summary = await generateHistory(h.t.db, { scale: 0.006, seed: 7, today: TODAY });
  expect(summary.agreements).toBeGreaterThan(40);
  expect(summary.reports).toBeGreaterThan(300);
  programs = await h.t.db.selectFrom('program').select(['id', 'code']).orderBy('code').execute();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Every accepted value of the program's year, one row per report, straight from the tables. */
async function acceptedValues(programId: string, fiscalYear: string) {
  const { rows } = await sql<{ reportId: string; agreementId: string; indicatorId: string; unit: IndicatorUnit | null; periodEnd: string; value: string }>`
    select pr.id as "reportId", pr.agreement_id as "agreementId", v.indicator_id as "indicatorId", i.unit,
           to_char(rp.period_end, 'YYYY-MM-DD') as "periodEnd", v.value::text as value
    from progress_report pr
      join reporting_period rp on rp.id = pr.period_id
      join agreement a on a.id = pr.agreement_id
      join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision
      join indicator i on i.id = v.indicator_id
    where pr.status = 'accepted' and a.program_id = ${programId} and rp.fiscal_year = ${fiscalYear}`.execute(h.t.db);
  return rows;
}

describe('the rollup', () => {
  it('equals the sum computed directly from the accepted reports, indicator by indicator', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    let compared = 0;
    for (const program of programs) {
      for (const fiscalYear of YEARS) {
        const rollup = await api.results.rollup({ programId: program.id, fiscalYear });
        const raw = await acceptedValues(program.id, fiscalYear);
        const indicators = rollup.outcomes.flatMap((o) => o.indicators);
        for (const ind of indicators) {
          const mine = raw.filter((r) => r.indicatorId === ind.id);
          const byAgreement = new Map<string, { periodEnd: string; value: string }[]>();
          for (const r of mine) byAgreement.set(r.agreementId, [...(byAgreement.get(r.agreementId) ?? []), r]);
          const expected = aggregate(ind.unit, [...byAgreement.values()].map((periods) => agreementYearValue(ind.unit, periods)!));
          expect(ind.actual, `${program.code} ${fiscalYear} ${ind.code}`).toBe(expected);
          expect(ind.agreementsReporting).toBe(byAgreement.size);
          expect(ind.reports).toBe(mine.length);
          if (mine.length > 0) compared++;
        }
        // Nothing reported against an indicator outside the framework is lost.
        const inFramework = new Set(indicators.map((i) => i.id));
        expect(raw.every((r) => inFramework.has(r.indicatorId))).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('never sums a percentage: it stays between the agreements’ lowest and highest', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    let percentages = 0;
    for (const program of programs) {
      const rollup = await api.results.rollup({ programId: program.id, fiscalYear: '2023-24' });
      for (const ind of rollup.outcomes.flatMap((o) => o.indicators).filter((i) => i.unit === 'percent' && i.actual !== null)) {
        percentages += 1;
        expect(ind.method).toBe('mean');
        expect(Number(ind.actual)).toBeLessThanOrEqual(100);
        expect(Number(ind.actual)).toBeGreaterThanOrEqual(0);
      }
    }
    // Otherwise the test checks nothing.
    expect(percentages).toBeGreaterThan(0);
  });

  it('the drill-down lists exactly the reports behind a figure, and they add up to it', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    let drilled = 0;
    for (const program of programs) {
      const rollup = await api.results.rollup({ programId: program.id, fiscalYear: '2023-24' });
      for (const ind of rollup.outcomes.flatMap((o) => o.indicators).filter((i) => i.reports > 0)) {
        const drill = await api.results.indicatorReports({ programId: program.id, fiscalYear: '2023-24', indicatorId: ind.id });
        const raw = (await acceptedValues(program.id, '2023-24')).filter((r) => r.indicatorId === ind.id);
        expect(drill.reports.map((r) => r.reportId).sort()).toEqual(raw.map((r) => r.reportId).sort());
        if (ind.unit === 'count') expect(String(drill.reports.reduce((s, r) => s + Number(r.value), 0))).toBe(ind.actual);
        drilled++;
      }
    }
    expect(drilled).toBeGreaterThan(0);
  });

  it('shows what is missing: agreements with reports due and not accepted, indicators without baseline or target', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    let missing = 0;
    for (const program of programs) {
      const rollup = await api.results.rollup({ programId: program.id, fiscalYear: '2025-26' });
      const c = rollup.completeness;
      expect(c.agreementsComplete + c.agreementsMissing.length).toBe(c.agreementsDue);
      for (const a of c.agreementsMissing) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from reporting_period rp left join progress_report pr on pr.period_id = rp.id
          where rp.agreement_id = ${a.agreementId} and rp.fiscal_year = '2025-26' and rp.due_date < ${TODAY}::date
            and rp.cancelled_at is null and pr.status is distinct from 'accepted'`.execute(h.t.db);
        expect(rows[0]!.n).toBe(a.due - a.accepted);
        expect(a.due - a.accepted).toBe(a.inReview + a.notFiled);
        missing++;
      }
      const noTarget = rollup.outcomes.flatMap((o) => o.indicators).filter((i) => i.targetValue === null);
      expect(c.indicatorsMissingData.map((i) => i.id)).toEqual(expect.arrayContaining(noTarget.map((i) => i.id)));
    }
    expect(missing).toBeGreaterThan(0);
  });

  it.skipIf(!usingPostgresServer)('two reports of one agreement accepted at the same moment both count: neither starts from a stale figure', async () => {
    const { rows } = await sql<{ reports: string[]; agreementId: string; indicatorId: string; fiscalYear: string }>`
      select array_agg(pr.id::text order by rp.period_end) as reports, pr.agreement_id as "agreementId", v.indicator_id as "indicatorId", rp.fiscal_year as "fiscalYear"
      from progress_report pr join reporting_period rp on rp.id = pr.period_id
        join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision
      where pr.status = 'submitted'
      group by pr.agreement_id, v.indicator_id, rp.fiscal_year having count(*) >= 2 limit 1`.execute(h.t.db);
    expect(rows.length).toBe(1);
    const [first, second] = rows[0]!.reports as [string, string];
    const officer = await h.t.db.selectFrom('appUser').select('id').where('email', '=', 'officer@example.ca').executeTakeFirstOrThrow();
    const clients = [new pg.Client({ connectionString: h.t.connectionString! }), new pg.Client({ connectionString: h.t.connectionString! })];
    try {
      for (const c of clients) await c.connect();
      // Both acceptances are written, then both commit at once: the deferred triggers meet there.
      for (const [i, c] of clients.entries()) {
        await c.query('begin');
        await c.query(`update progress_report set status = 'accepted', accepted_at = now(), accepted_by = $2 where id = $1`, [[first, second][i], officer.id]);
      }
      await Promise.all(clients.map((c) => c.query('commit')));
    } finally {
      for (const c of clients) await c.end().catch(() => undefined);
    }
    const kept = await h.t.db
      .selectFrom('agreementIndicatorYear')
      .select(['reports', 'total'])
      .where('agreementId', '=', rows[0]!.agreementId)
      .where('indicatorId', '=', rows[0]!.indicatorId)
      .where('fiscalYear', '=', rows[0]!.fiscalYear)
      .executeTakeFirstOrThrow();
    const direct = await h.t.db
      .selectFrom('acceptedIndicatorValue')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('value').as('total')])
      .where('agreementId', '=', rows[0]!.agreementId)
      .where('indicatorId', '=', rows[0]!.indicatorId)
      .where('fiscalYear', '=', rows[0]!.fiscalYear)
      .executeTakeFirstOrThrow();
    expect(kept.reports).toBe(Number(direct.n));
    expect(Number(kept.total)).toBe(Number(direct.total));
    // The agreement-year's reporting tally counted both acceptances too.
    const tally = await h.t.db
      .selectFrom('reportingYearTally')
      .select('accepted')
      .where('agreementId', '=', rows[0]!.agreementId)
      .where('fiscalYear', '=', rows[0]!.fiscalYear)
      .executeTakeFirstOrThrow();
    const accepted = await h.t.db
      .selectFrom('progressReport')
      .innerJoin('reportingPeriod', 'reportingPeriod.id', 'progressReport.periodId')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('progressReport.agreementId', '=', rows[0]!.agreementId)
      .where('reportingPeriod.fiscalYear', '=', rows[0]!.fiscalYear)
      .where('reportingPeriod.cancelledAt', 'is', null)
      .where('progressReport.status', '=', 'accepted')
      .executeTakeFirstOrThrow();
    expect(tally.accepted).toBe(Number(accepted.n));
  });

  it('a report the officer accepts counts in the rollup from that moment, and one still in review does not', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const waiting = await sql<{ reportId: string; revision: number; programId: string; fiscalYear: string; indicatorId: string; value: string }>`
      select pr.id as "reportId", pr.revision, a.program_id as "programId", rp.fiscal_year as "fiscalYear", v.indicator_id as "indicatorId", v.value::text as value
      from progress_report pr join reporting_period rp on rp.id = pr.period_id join agreement a on a.id = pr.agreement_id
        join report_indicator_value v on v.report_id = pr.id and v.revision = pr.revision join indicator i on i.id = v.indicator_id and i.unit = 'count'
      where pr.status = 'submitted' and a.status = 'active' limit 1`.execute(h.t.db);
    const r = waiting.rows[0]!;
    const figure = async () =>
      (await api.results.rollup({ programId: r.programId, fiscalYear: r.fiscalYear })).outcomes.flatMap((o) => o.indicators).find((i) => i.id === r.indicatorId)!;
    const before = await figure();
    const drillBefore = await api.results.indicatorReports({ programId: r.programId, fiscalYear: r.fiscalYear, indicatorId: r.indicatorId });
    expect(drillBefore.reports.map((x) => x.reportId)).not.toContain(r.reportId);
    await api.reports.review({ reportId: r.reportId, revision: r.revision, outcome: 'accepted', comments: {}, approveMilestones: [] });
    const after = await figure();
    expect(Number(after.actual)).toBe(Number(before.actual ?? '0') + Number(r.value));
    expect(after.reports).toBe(before.reports + 1);
    const drillAfter = await api.results.indicatorReports({ programId: r.programId, fiscalYear: r.fiscalYear, indicatorId: r.indicatorId });
    expect(drillAfter.reports.map((x) => x.reportId)).toContain(r.reportId);
  });

  it('the figures the database keeps per agreement and per program equal those recomputed from every accepted value', async () => {
    const differences = await sql<{ n: number }>`
      with recomputed_agreement as (
        select program_id, fiscal_year, indicator_id, agreement_id, sum(value) as total, count(*)::int as reports,
               max(period_end) as latest_period_end, (array_agg(value order by period_end desc))[1] as latest_value
        from accepted_indicator_value group by 1, 2, 3, 4
      ), recomputed_program as (
        select program_id, fiscal_year, indicator_id, count(*)::int as agreements, sum(reports)::int as reports, sum(total) as total,
               sum(latest_value) as latest_total, (count(*) filter (where latest_value > 0))::int as latest_positive
        from recomputed_agreement group by 1, 2, 3
      )
      select ((select count(*) from (select * from recomputed_agreement except select * from agreement_indicator_year) d)
            + (select count(*) from (select * from agreement_indicator_year except select * from recomputed_agreement) d)
            + (select count(*) from (select * from recomputed_program except select * from program_indicator_year) d)
            + (select count(*) from (select * from program_indicator_year except select * from recomputed_program) d))::int as n`.execute(h.t.db);
    expect(differences.rows[0]!.n).toBe(0);
    const kept = await h.t.db.selectFrom('programIndicatorYear').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBeGreaterThan(10);
  });

  it('the reporting tallies, agreements in force and years of the terms the database keeps equal those counted again from periods, reports and terms', async () => {
    expect(await derivedRowsAstray(h.t.db)).toBe(0);
    const counts = await sql<{ tallies: number; accepted: number; inForce: number }>`
      select (select count(*) from reporting_year_tally)::int as tallies, (select sum(accepted) from reporting_year_tally)::int as accepted,
             (select count(*) from agreement_year_indicator)::int as "inForce"`.execute(h.t.db);
    expect(counts.rows[0]!.tallies).toBeGreaterThan(100);
    expect(counts.rows[0]!.accepted).toBeGreaterThan(100);
    expect(counts.rows[0]!.inForce).toBeGreaterThan(100);
  });

  it('completeness read from the tallies equals the periods counted directly, whatever the day: a year past, a year under way, one not begun', async () => {
    let compared = 0;
    for (const today of ['2021-08-01', '2024-01-20', TODAY] as const) {
      for (const program of programs) {
        for (const fiscalYear of YEARS) {
          const { completeness } = await programRollup(h.t.db, { programId: program.id, fiscalYear }, today);
          const { rows } = await sql<{ agreementId: string; due: number; accepted: number; inReview: number; notFiled: number; maxDaysLate: number | null }>`
            select a.id as "agreementId", count(*)::int as due,
                   (count(*) filter (where pr.status = 'accepted'))::int as accepted,
                   (count(*) filter (where pr.status in ('submitted', 'returned')))::int as "inReview",
                   (count(*) filter (where pr.id is null or pr.status = 'draft'))::int as "notFiled",
                   max(${today}::date - rp.due_date) filter (where pr.status is distinct from 'accepted') as "maxDaysLate"
            from reporting_period rp join agreement a on a.id = rp.agreement_id left join progress_report pr on pr.period_id = rp.id
            where a.program_id = ${program.id} and rp.fiscal_year = ${fiscalYear} and rp.cancelled_at is null and rp.due_date < ${today}::date
              and a.status in ('active', 'closed', 'terminated')
            group by a.id order by a.reference_number`.execute(h.t.db);
          expect(completeness.agreementsDue).toBe(rows.length);
          expect(completeness.reportsDue).toBe(rows.reduce((s, r) => s + r.due, 0));
          expect(completeness.reportsAccepted).toBe(rows.reduce((s, r) => s + r.accepted, 0));
          expect(completeness.agreementsMissing.map(({ agreementId, due, accepted, inReview, notFiled, maxDaysLate }) => ({ agreementId, due, accepted, inReview, notFiled, maxDaysLate }))).toEqual(
            rows.filter((r) => r.accepted < r.due),
          );
          compared += rows.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('refuses a malformed fiscal year, naming the field, and an unknown program', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const bad = await rejection(api.results.rollup({ programId: programs[0]!.id, fiscalYear: '2020-2021' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.zodFields).toContain('fiscalYear');
    expect((await rejection(api.results.rollup({ programId: '00000000-0000-4000-8000-000000000000', fiscalYear: '2020-21' }))).code).toBe('NOT_FOUND');
  });
});

describe('money beside results', () => {
  it('spending per program, pillar and year reconciles to the journal to the cent', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const rows = await api.results.spending({ fromFiscalYear: '2017-18', toFiscalYear: '2026-27' });
    const { rows: journal } = await sql<{ committed: string; actual: string }>`
      select (coalesce(sum(amount_cents) filter (where kind = 'commitment'), 0) - coalesce(sum(amount_cents) filter (where kind = 'lapse'), 0))::text as committed,
             (coalesce(sum(amount_cents) filter (where kind in ('advance_paid', 'reimbursement_paid')), 0)
              - coalesce(sum(amount_cents) filter (where kind = 'recovery_received'), 0))::text as actual
      from ledger_entry where fiscal_year between '2017-18' and '2026-27'`.execute(h.t.db);
    const { rows: budget } = await sql<{ planned: string }>`select sum(amount_cents)::text as planned from program_budget where fiscal_year between '2017-18' and '2026-27'`.execute(h.t.db);
    expect(rows.reduce((s, r) => s + r.committedCents, 0n)).toBe(BigInt(journal[0]!.committed));
    expect(rows.reduce((s, r) => s + r.actualCents, 0n)).toBe(BigInt(journal[0]!.actual));
    expect(rows.reduce((s, r) => s + r.plannedCents, 0n)).toBe(BigInt(budget[0]!.planned));
    for (const r of rows) expect(r.varianceCents).toBe(r.actualCents - r.plannedCents);
  });

  it('money paid is the same figure in the reconciliation, results spending and the recipient payments, to the cent (a released holdback is part of a payment, never a second one)', async () => {
    // The oracle: the payment entries summed by SQL, with no balance function involved.
    const { rows: paidRows } = await sql<{ agreementId: string; programId: string; organisationId: string; fiscalYear: string; paid: string; recovered: string }>`
      select l.agreement_id, a.program_id, a.organisation_id, l.fiscal_year,
             coalesce(sum(l.amount_cents) filter (where l.kind in ('advance_paid', 'reimbursement_paid')), 0)::text as paid,
             coalesce(sum(l.amount_cents) filter (where l.kind = 'recovery_received'), 0)::text as recovered
        from ledger_entry l join agreement a on a.id = l.agreement_id
       group by l.agreement_id, a.program_id, a.organisation_id, l.fiscal_year`.execute(h.t.db);
    const { rows: released } = await sql<{ n: string }>`select count(*)::text as n from ledger_entry where kind = 'holdback_released'`.execute(h.t.db);
    expect(Number(released[0]!.n)).toBeGreaterThan(0);
    const general = await reconciliation(h.t.db, {});
    const paidOf = new Map(paidRows.map((r) => [`${r.agreementId}|${r.fiscalYear}`, BigInt(r.paid)]));
    for (const r of general) expect([r.referenceNumber, r.fiscalYear, r.paidCents]).toEqual([r.referenceNumber, r.fiscalYear, paidOf.get(`${r.agreementId}|${r.fiscalYear}`) ?? 0n]);
    // A closed agreement whose final report was accepted has nothing left to pay but what lapsed.
    const { rows: closed } = await sql<{ id: string }>`select id from agreement where status = 'closed' and final_report_accepted_at is not null`.execute(h.t.db);
    expect(closed.length).toBeGreaterThan(0);
    for (const { id } of closed) {
      const rows = general.filter((r) => r.agreementId === id);
      expect(rows.reduce((s, r) => s + r.holdbackCents, 0n)).toBe(0n);
    }
    // Results spending, per program and year, over every pillar.
    const { api } = await h.signInAs('analyst@example.ca');
    const spending = await api.results.spending({ fromFiscalYear: '2017-18', toFiscalYear: '2026-27' });
    const actualOf = new Map<string, bigint>();
    for (const r of spending) actualOf.set(`${r.programId}|${r.fiscalYear}`, (actualOf.get(`${r.programId}|${r.fiscalYear}`) ?? 0n) + r.actualCents);
    const expectedOf = new Map<string, bigint>();
    const { rows: withPillars } = await sql<{ agreementId: string }>`select distinct v.agreement_id from agreement_version v join agreement_version_pillar p on p.version_id = v.id`.execute(h.t.db);
    const hasPillar = new Set(withPillars.map((r) => r.agreementId));
    for (const r of paidRows) {
      if (!hasPillar.has(r.agreementId) || r.fiscalYear < '2017-18' || r.fiscalYear > '2026-27') continue;
      const key = `${r.programId}|${r.fiscalYear}`;
      expectedOf.set(key, (expectedOf.get(key) ?? 0n) + BigInt(r.paid) - BigInt(r.recovered));
    }
    for (const [key, expected] of expectedOf) expect([key, actualOf.get(key) ?? 0n]).toEqual([key, expected]);
    // What each organisation sees as payments received.
    const byOrganisation = new Map<string, bigint>();
    for (const r of paidRows) byOrganisation.set(r.organisationId, (byOrganisation.get(r.organisationId) ?? 0n) + BigInt(r.paid));
    for (const [organisationId, expected] of byOrganisation) expect((await recipientPayments(h.t.db, { organisationIds: [organisationId] })).totalCents).toBe(expected);
  });

  it('the reconciliation of a year, read from the money kept per agreement and year, equals the journal worked out, page by page and in total', async () => {
    const general = await reconciliation(h.t.db, {});
    let compared = 0;
    for (const program of programs) {
      for (const fiscalYear of YEARS) {
        const expected = general.filter((r) => r.fiscalYear === fiscalYear && r.programId === program.id);
        expect(await reconciliation(h.t.db, { programId: program.id, fiscalYear })).toEqual(expected);
        const first = await reconciliationPage(h.t.db, { programId: program.id, fiscalYear, search: '', page: 1 }, 4);
        expect(first.total).toBe(expected.length);
        const rows = [...first.rows];
        for (let page = 2; page <= Math.ceil(first.total / 4); page++) rows.push(...(await reconciliationPage(h.t.db, { programId: program.id, fiscalYear, search: '', page }, 4)).rows);
        expect(rows).toEqual(expected);
        for (const figure of ['budgetCents', 'committedCents', 'claimedCents', 'certifiedCents', 'paidCents', 'advancesOutstandingCents', 'holdbackCents', 'lapsedCents', 'availableCents'] as const) {
          expect(first.totals[figure]).toBe(expected.reduce((sum, r) => sum + r[figure], 0n));
        }
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(30);
    // By pillar too.
    const pillars = await h.t.db.selectFrom('pillar').select('id').execute();
    let byPillar = 0;
    for (const { id: pillarId } of pillars) {
      const general = await reconciliation(h.t.db, { pillarId });
      for (const fiscalYear of YEARS) {
        const expected = general.filter((r) => r.fiscalYear === fiscalYear);
        expect(await reconciliation(h.t.db, { pillarId, fiscalYear })).toEqual(expected);
        const page = await reconciliationPage(h.t.db, { pillarId, fiscalYear, search: '', page: 1 }, 1000);
        expect(page.rows).toEqual(expected);
        expect(page.totals.paidCents).toBe(expected.reduce((sum, r) => sum + r.paidCents, 0n));
        byPillar += expected.length;
      }
    }
    expect(byPillar).toBeGreaterThan(10);
  });

  it('counts agreements and organisations funded by province, type and priority', async () => {
    const { api } = await h.signInAs('manager@example.ca');
    const profile = await api.results.funded({ fiscalYear: '2023-24' });
    expect(profile.total.agreements).toBeGreaterThan(0);
    expect(profile.byProvince.reduce((s, g) => s + g.agreements, 0)).toBe(profile.total.agreements);
    expect(profile.byType.reduce((s, g) => s + g.amountCents, 0n)).toBe(profile.total.amountCents);
    expect(profile.byProvince.reduce((s, g) => s + g.organisations, 0)).toBe(profile.total.organisations);
  });
});

describe('GBA Plus', () => {
  it('hides counts under 5 from officers, not from the analyst; shares of projects are given', async () => {
    const analyst = (await h.signInAs('analyst@example.ca')).api;
    const officer = (await h.signInAs('officer@example.ca')).api;
    let small = 0;
    const allYears = Array.from({ length: 10 }, (_, i) => `${2017 + i}-${String((18 + i) % 100).padStart(2, '0')}`);
    for (const program of programs) {
      for (const fiscalYear of allYears) {
        const raw = await analyst.results.gba({ programId: program.id, fiscalYear });
        const hidden = await officer.results.gba({ programId: program.id, fiscalYear });
        expect(raw.suppressed).toBe(false);
        expect(hidden.suppressed).toBe(true);
        raw.indicators.forEach((ind, i) =>
          ind.dimensions.forEach((d, j) => {
            expect(d.agreementsGiving).toBeLessThanOrEqual(ind.agreementsReporting);
            d.categories.forEach((c, k) => {
              expect(hidden.indicators[i]!.dimensions[j]!.categories[k]!.count).toBe(suppressCount(c.count!));
              if (c.count! > 0 && c.count! < 5) small++;
            });
          }),
        );
      }
    }
    void small;
  });
});

describe('who sees what', () => {
  it('a recipient cannot read the rollup, and sees only its own organisation’s figures', async () => {
    const { api } = await h.signInAs('recipient.windsor@example.ca');
    expect((await rejection(api.results.rollup({ programId: programs[0]!.id, fiscalYear: '2020-21' }))).code).toBe('FORBIDDEN');
    expect((await rejection(api.results.spending({ fromFiscalYear: '2020-21', toFiscalYear: '2020-21' }))).code).toBe('FORBIDDEN');
    expect((await rejection(api.results.gba({ programId: programs[0]!.id, fiscalYear: '2020-21' }))).code).toBe('FORBIDDEN');
    const mine = await api.results.mine();
    const windsor = await h.organisationId('Legal Assistance of Windsor');
    expect(mine.length).toBeGreaterThan(0);
    const owners = await h.t.db.selectFrom('agreement').select('organisationId').where('id', 'in', mine.map((m) => m.agreementId)).execute();
    expect(new Set(owners.map((o) => o.organisationId))).toEqual(new Set([windsor]));
  });

  it('anonymous callers are refused', async () => {
    const { api } = h.caller();
    expect((await rejection(api.results.rollup({ programId: programs[0]!.id, fiscalYear: '2020-21' }))).code).toBe('UNAUTHORIZED');
  });
});

describe('the annual progress report', () => {
  it('prints the strategy’s year: spending by pillar, funded agreements and each indicator’s figure, in English and French', async () => {
    const strategy = await h.t.db.selectFrom('strategy').innerJoin('program', 'program.strategyId', 'strategy.id').select(['strategy.id', 'strategy.nameEn', 'strategy.nameFr']).where('program.code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
    const report = await annualReportData(h.t.db, { strategyId: strategy.id, fiscalYear: '2023-24' }, TODAY);
    const en = await textOf(await renderAnnualReportPdf(report, 'en'));
    expect(en).toContain(strategy.nameEn);
    expect(en).toContain('Annual progress report, fiscal year 2023-24');
    expect(en).toContain('Investment and spending by pillar');
    const agreements = report.programs.reduce((s, p) => s + p.funded.total.agreements, 0);
    expect(agreements).toBeGreaterThan(0);
    expect(en).toContain(`${agreements} agreements with`);
    for (const ind of report.programs.flatMap((p) => p.rollup.outcomes.flatMap((o) => o.indicators)).filter((i) => i.unit === 'count' && i.actual !== null)) {
      expect(en).toContain(new Intl.NumberFormat('en-CA').format(Number(ind.actual)));
    }
    const fr = await textOf(await renderAnnualReportPdf(report, 'fr'));
    expect(fr).toContain(strategy.nameFr);
    expect(fr).toContain('Rapport d’étape annuel, exercice 2023-24');
    expect(fr).toContain('Investissement et dépenses par pilier');
  });
});
