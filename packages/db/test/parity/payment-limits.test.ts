/**
 * The limits on money going out live in the domain (`paymentRefusal`) and, again, in the
 * database (the trigger `ledger_entry_limits`, with the agreement's row locked). This file
 * holds the copy equal to the domain: journals are built entry by entry, and before every
 * entry both are asked; the database's verdict is what the trigger does with the INSERT
 * (refused with its hint `fiscal_year_limit` or `total_limit`, or written), the domain's is
 * `paymentRefusal` on the entries written so far.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdbackReleasedBy, paymentRefusal, type JournalEntry, type LedgerKind, type PaymentLimits } from '@tp/domain';
import { createTestDatabase, sqlRefusal, type SqlRefusal, type TestDatabase } from '../../src/testing';
import { buildWorld, FISCAL_YEAR, newAgreement, newVersion, rolledBack, type Tx, type World } from './world';

const NEXT_YEAR = '2027-28';
/** A fiscal year outside every agreement's terms: nothing may be paid in it. */
const YEAR_OUTSIDE = '2028-29';

interface Terms {
  years: Record<string, bigint>;
  holdbackCents: bigint;
}

/** The shapes of terms tried: one year or two, with and without a holdback, years of unequal size. */
const TERMS: Terms[] = [
  { years: { [FISCAL_YEAR]: 100_000n }, holdbackCents: 0n },
  { years: { [FISCAL_YEAR]: 100_000n }, holdbackCents: 10_000n },
  { years: { [FISCAL_YEAR]: 60_000n, [NEXT_YEAR]: 40_000n }, holdbackCents: 10_000n },
  { years: { [FISCAL_YEAR]: 1n, [NEXT_YEAR]: 99_999n }, holdbackCents: 99_999n },
  { years: { [FISCAL_YEAR]: 50_000n, [NEXT_YEAR]: 50_000n }, holdbackCents: 50_000n },
];
const STEPS = 30;
const SEEDS = [1, 2, 3, 4, 5, 6];

type Verdict = 'written' | 'error.payment.fiscalYearLimit' | 'error.payment.totalLimit' | 'marker refused' | `refused for another reason: ${string}`;

/** A small deterministic generator (the same cases on every run, on both databases). */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  return { pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}

function limitsOf(terms: Terms, finalReportAccepted: boolean): PaymentLimits {
  const totalCents = Object.values(terms.years).reduce((a, b) => a + b, 0n);
  return { fiscalYears: new Map(Object.entries(terms.years)), totalCents, holdbackCents: terms.holdbackCents, finalReportAccepted };
}

/** Amounts at the edges of what is left, where a copy that counts differently would show. */
function amountsNear(entries: JournalEntry[], limits: PaymentLimits, fiscalYear: string): bigint[] {
  const paid = (year?: string) => entries.filter((e) => (e.kind === 'advance_paid' || e.kind === 'reimbursement_paid') && (!year || e.fiscalYear === year)).reduce((a, e) => a + e.amountCents, 0n);
  const yearRoom = (limits.fiscalYears.get(fiscalYear) ?? 0n) - paid(fiscalYear);
  const ceiling = limits.finalReportAccepted ? limits.totalCents : limits.totalCents - limits.holdbackCents;
  const totalRoom = ceiling - paid();
  return [1n, yearRoom - 1n, yearRoom, yearRoom + 1n, totalRoom - 1n, totalRoom, totalRoom, totalRoom + 1n, totalRoom + 1n, limits.totalCents + 1n, 12_345n].filter((a) => a > 0n);
}

/** An active agreement whose terms in force have `terms`' fiscal-year amounts. */
async function agreementWith(tx: Tx, w: World, terms: Terms): Promise<string> {
  const agreementId = await newAgreement(tx, w, 'active');
  const totalCents = Object.values(terms.years).reduce((a, b) => a + b, 0n);
  const versionId = await newVersion(tx, w, agreementId, 'draft', totalCents);
  await sql`update agreement_version set holdback_cents = ${terms.holdbackCents} where id = ${versionId}`.execute(tx);
  for (const [fiscalYear, amount] of Object.entries(terms.years)) {
    await sql`insert into agreement_fiscal_year (version_id, fiscal_year, amount_cents) values (${versionId}, ${fiscalYear}, ${amount})`.execute(tx);
  }
  await sql`update agreement_version set status = 'proposed' where id = ${versionId}`.execute(tx);
  await sql`update agreement_version set status = 'in_force' where id = ${versionId}`.execute(tx);
  return agreementId;
}

/** Writes one journal entry in a savepoint; a refused entry leaves the journal as it was. */
async function tryEntry(tx: Tx, agreementId: string, e: JournalEntry): Promise<SqlRefusal | null> {
  await sql`savepoint entry`.execute(tx);
  const refusal = await sqlRefusal(
    sql`insert into ledger_entry (agreement_id, fiscal_year, kind, amount_cents) values (${agreementId}, ${e.fiscalYear}, ${e.kind}, ${e.amountCents})`.execute(tx),
  );
  await sql`${sql.raw(refusal ? 'rollback to savepoint entry' : 'release savepoint entry')}`.execute(tx);
  return refusal;
}

function databaseVerdict(kind: LedgerKind, refusal: SqlRefusal | null): Verdict {
  const marker = kind === 'holdback_released';
  if (refusal === null) return 'written';
  if (refusal.code === '23514' && !marker && refusal.hint === 'fiscal_year_limit') return 'error.payment.fiscalYearLimit';
  if (refusal.code === '23514' && !marker && refusal.hint === 'total_limit') return 'error.payment.totalLimit';
  if (refusal.code === '23514' && marker && /the holdback is released only after the final report is accepted$/.test(refusal.message)) return 'marker refused';
  return `refused for another reason: ${refusal.code} ${refusal.constraint ?? ''} ${refusal.message}`;
}

/**
 * The domain's verdict. A payment: `paymentRefusal`. A `holdback_released` marker is no payment
 * (the domain never limits it); `holdbackReleasedBy` sets holdback free only once the final
 * report is accepted, and that is all the database checks of a marker.
 */
function domainVerdict(entries: JournalEntry[], limits: PaymentLimits, e: JournalEntry): Verdict {
  if (e.kind === 'holdback_released') return holdbackReleasedBy(limits.totalCents - limits.holdbackCents, 1n, limits) > 0n ? 'written' : 'marker refused';
  return paymentRefusal(entries, limits, e.fiscalYear, e.amountCents)?.messageKey ?? 'written';
}

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  await sql`insert into fiscal_year (label, start_date, end_date) values ('2027-28', '2027-04-01', '2028-03-31'), ('2028-29', '2028-04-01', '2029-03-31')`.execute(t.db);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`payment limits: ledger_entry_limits equals paymentRefusal (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it(`${TERMS.length * SEEDS.length} journals of ${STEPS} entries, at the edges of each year's and the total's room, before and after the final report: the trigger refuses a payment exactly when paymentRefusal does, for the same limit`, async () => {
    const disagreements: string[] = [];
    const seen = new Map<Verdict, number>();
    let cases = 0;
    for (const [termsIndex, terms] of TERMS.entries()) {
      for (const seed of SEEDS) {
        const r = random(seed * 31 + termsIndex);
        await rolledBack(t.db, async (tx) => {
          const agreementId = await agreementWith(tx, w, terms);
          const entries: JournalEntry[] = [];
          let finalReportAccepted = false;
          for (let step = 0; step < STEPS; step++) {
            if (!finalReportAccepted && r.chance(0.08)) {
              finalReportAccepted = true;
              await sql`update agreement set final_report_accepted_at = now() where id = ${agreementId}`.execute(tx);
            }
            const limits = limitsOf(terms, finalReportAccepted);
            const fiscalYear = r.pick([FISCAL_YEAR, FISCAL_YEAR, NEXT_YEAR, NEXT_YEAR, YEAR_OUTSIDE]);
            const kind = r.pick<LedgerKind>(['advance_paid', 'reimbursement_paid', 'reimbursement_paid', 'holdback_released', 'expenditure_reported', 'advance_reconciled']);
            const entry: JournalEntry = { fiscalYear, kind, amountCents: r.pick(amountsNear(entries, limits, fiscalYear)) };
            const limited = kind === 'advance_paid' || kind === 'reimbursement_paid' || kind === 'holdback_released';
            const domain = limited ? domainVerdict(entries, limits, entry) : 'written';
            const database = databaseVerdict(kind, await tryEntry(tx, agreementId, entry));
            cases++;
            seen.set(database, (seen.get(database) ?? 0) + 1);
            if (domain !== database) disagreements.push(`${JSON.stringify({ terms: terms.years, holdback: terms.holdbackCents, finalReportAccepted, entries: entries.length, entry }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}: domain ${domain}, database ${database}`);
            if (database === 'written') entries.push(entry);
          }
        });
      }
    }
    expect(cases).toBe(TERMS.length * SEEDS.length * STEPS);
    expect(disagreements).toEqual([]);
    // Every verdict is reached often enough to mean something.
    for (const verdict of ['written', 'error.payment.fiscalYearLimit', 'error.payment.totalLimit', 'marker refused'] as const) {
      expect(seen.get(verdict) ?? 0, verdict).toBeGreaterThanOrEqual(15);
    }
  });

  describe('where the database refuses more than paymentRefusal (named exceptions: the domain leaves these to the claim service)', () => {
    const payment = (agreementId: string, fiscalYear = FISCAL_YEAR) =>
      sql`insert into ledger_entry (agreement_id, fiscal_year, kind, amount_cents) values (${agreementId}, ${fiscalYear}, 'reimbursement_paid', 1)`;

    it.each(['draft', 'sent_for_signature', 'recipient_signed', 'closed', 'terminated'] as const)(
      'NOT_ACTIVE: a payment to a %s agreement is refused, whatever its limits (submitClaim refuses error.claim.agreementNotActive)',
      async (status) => {
        const refusal = await rolledBack(t.db, async (tx) => sqlRefusal(payment(await newAgreement(tx, w, status)).execute(tx)));
        expect(refusal).toMatchObject({ code: '23514', message: expect.stringMatching(new RegExp(`^payment to agreement [0-9a-f-]+: the agreement is ${status}$`)) });
      },
    );

    it('YEAR_CLOSED: a payment in a closed fiscal year is refused, whatever its limits (submitClaim refuses error.claim.fiscalYearClosed)', async () => {
      const refusal = await rolledBack(t.db, async (tx) => {
        const agreementId = await agreementWith(tx, w, TERMS[0]!);
        // A close is dated after March 31 (year end); this one, at year end of 2026-27.
        await sql`update fiscal_year set status = 'closed', closed_at = '2027-04-02T12:00:00Z' where label = ${FISCAL_YEAR}`.execute(tx);
        return sqlRefusal(payment(agreementId).execute(tx));
      });
      expect(refusal).toMatchObject({ code: '23514', message: expect.stringMatching(/^payment to agreement [0-9a-f-]+: fiscal year 2026-27 is closed$/) });
    });

    it('YEAR_CLOSED for its program alone (program_year_end): the payment is refused', async () => {
      const refusal = await rolledBack(t.db, async (tx) => {
        const agreementId = await agreementWith(tx, w, TERMS[0]!);
        await tx.insertInto('programYearEnd').values({ programId: w.programId, fiscalYear: FISCAL_YEAR, closedAt: new Date('2027-04-02T12:00:00Z'), closedBy: w.finance, lapsedCents: 0n }).execute();
        return sqlRefusal(payment(agreementId).execute(tx));
      });
      expect(refusal).toMatchObject({ code: '23514', message: expect.stringMatching(/fiscal year 2026-27 is closed$/) });
    });
  });
});
