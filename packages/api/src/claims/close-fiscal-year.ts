/**
 * Year end (finance): closing a fiscal year, for one program or for all, lapses what each
 * agreement committed in it and did not pay, and no payment can be made in it for those programs
 * afterwards. It is allowed only after March 31 of that year (`canCloseFiscalYear`), after a
 * preview of what will lapse agreement by agreement, with the fiscal year typed as confirmation.
 * The preview and the close compute the lapses with the same query (`lapsesOf`), so what the
 * preview shows is what the close writes.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { balancesOf, canCloseFiscalYear, DomainError, type JournalEntry, parseFiscalYearLabel, sum, yearEndConfirmationMatches, yearEndOpensOn } from '@tp/domain';
import type { RequestMeta } from '../context';
import type { Viewer } from '../auth/resolve-session';

type Reader = Db | Tx;

export interface YearEndScope {
  fiscalYear: string;
  /** One program, or null for every program not yet closed for that year. */
  programId: string | null;
}

export interface YearEndLapse {
  agreementId: string;
  referenceNumber: string;
  programId: string;
  organisationNameEn: string;
  organisationNameFr: string;
  committedCents: bigint;
  paidCents: bigint;
  lapsedCents: bigint;
}

async function fiscalYearRow(db: Reader, label: string) {
  const fy = await db.selectFrom('fiscalYear').selectAll().where('label', '=', label).executeTakeFirst();
  if (!fy) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', 'fiscalYear');
  return fy;
}

/** The programs a close of `scope` covers: those not yet closed for that year. */
async function programsOf(db: Reader, scope: YearEndScope, closedForAll: boolean) {
  if (closedForAll) return [];
  let q = db
    .selectFrom('program')
    .select(['id', 'nameEn', 'nameFr'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('programYearEnd').select('programId').whereRef('programYearEnd.programId', '=', 'program.id').where('programYearEnd.fiscalYear', '=', scope.fiscalYear))))
    .orderBy('nameEn');
  if (scope.programId) q = q.where('id', '=', scope.programId);
  return q.execute();
}

/** What each agreement of these programs committed in the year and did not pay: what a close lapses. */
async function lapsesOf(db: Reader, fiscalYear: string, programIds: string[], lock: boolean): Promise<YearEndLapse[]> {
  if (programIds.length === 0) return [];
  let q = db
    .selectFrom('ledgerEntry as e')
    .innerJoin('agreement as a', 'a.id', 'e.agreementId')
    .innerJoin('organisation as o', 'o.id', 'a.organisationId')
    .select(['e.agreementId', 'e.fiscalYear', 'e.kind', 'e.amountCents', 'a.referenceNumber', 'a.programId', 'o.legalNameEn', 'o.legalNameFr'])
    .where('e.fiscalYear', '=', fiscalYear)
    .where('a.programId', 'in', programIds)
    .orderBy('a.referenceNumber')
    .orderBy('e.id');
  if (lock) q = q.forUpdate('e');
  const rows = await q.execute();
  const byAgreement = new Map<string, { row: (typeof rows)[number]; entries: JournalEntry[] }>();
  for (const r of rows) {
    const held = byAgreement.get(r.agreementId) ?? { row: r, entries: [] };
    held.entries.push({ fiscalYear: r.fiscalYear, kind: r.kind, amountCents: r.amountCents });
    byAgreement.set(r.agreementId, held);
  }
  const lapses: YearEndLapse[] = [];
  for (const [agreementId, { row, entries }] of byAgreement) {
    const b = balancesOf(entries);
    if (b.available > 0n) {
      lapses.push({ agreementId, referenceNumber: row.referenceNumber, programId: row.programId, organisationNameEn: row.legalNameEn, organisationNameFr: row.legalNameFr, committedCents: b.committed, paidCents: b.paid, lapsedCents: b.available });
    }
  }
  return lapses;
}

async function claimsWaiting(db: Reader, fiscalYear: string, programIds: string[]): Promise<number> {
  if (programIds.length === 0) return 0;
  const r = await db
    .selectFrom('claim')
    .innerJoin('agreement', 'agreement.id', 'claim.agreementId')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('claim.fiscalYear', '=', fiscalYear)
    .where('agreement.programId', 'in', programIds)
    .where('claim.status', 'in', ['submitted', 'certified'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What closing `scope` on `today` would do: the programs it closes, what lapses agreement by agreement, and whether it can be done now. */
export async function yearEndPreview(db: Db, scope: YearEndScope, today: string) {
  const fy = await fiscalYearRow(db, scope.fiscalYear);
  if (scope.programId && !(await db.selectFrom('program').select('id').where('id', '=', scope.programId).executeTakeFirst())) {
    throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
  }
  const programs = await programsOf(db, scope, fy.status === 'closed');
  const ids = programs.map((p) => p.id);
  const [lapses, waiting] = await Promise.all([lapsesOf(db, scope.fiscalYear, ids, false), claimsWaiting(db, scope.fiscalYear, ids)]);
  return {
    fiscalYear: scope.fiscalYear,
    programId: scope.programId,
    programs,
    alreadyClosed: programs.length === 0,
    opensOn: yearEndOpensOn(scope.fiscalYear),
    canCloseToday: canCloseFiscalYear(scope.fiscalYear, today),
    claimsWaiting: waiting,
    lapses,
    lapsedCents: sum(lapses.map((l) => l.lapsedCents)),
  };
}

/**
 * Closes `scope`: refused before April 1 after the year, without the fiscal year typed as
 * confirmation, when already closed, or while claims of the year in scope wait for certification
 * or payment. Writes the lapses, one close per program (and, for all programs, the fiscal year's
 * own close) and the audit record, in one transaction.
 */
export async function closeFiscalYear(db: Db, user: Viewer, meta: RequestMeta, scope: YearEndScope & { confirmation: string }, now: Date, today: string) {
  if (!yearEndConfirmationMatches(scope.fiscalYear, scope.confirmation)) throw new DomainError('BAD_INPUT', 'error.yearEnd.confirmation', 'confirmation', { fiscalYear: scope.fiscalYear });
  if (!canCloseFiscalYear(scope.fiscalYear, today)) {
    throw new DomainError('CONFLICT', 'error.fiscalYear.tooEarly', 'fiscalYear', { fiscalYear: scope.fiscalYear, year: parseFiscalYearLabel(scope.fiscalYear).startYear + 1 });
  }
  return inTransaction(db, async ({ tx }) => {
    const fy = await tx.selectFrom('fiscalYear').selectAll().where('label', '=', scope.fiscalYear).forUpdate().executeTakeFirst();
    if (!fy) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', 'fiscalYear');
    if (scope.programId && !(await tx.selectFrom('program').select('id').where('id', '=', scope.programId).executeTakeFirst())) {
      throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
    }
    const programs = await programsOf(tx, scope, fy.status === 'closed');
    if (programs.length === 0) throw new DomainError('CONFLICT', 'error.fiscalYear.alreadyClosed', 'fiscalYear', { fiscalYear: scope.fiscalYear });
    const ids = programs.map((p) => p.id);
    const waiting = await claimsWaiting(tx, scope.fiscalYear, ids);
    if (waiting > 0) throw new DomainError('CONFLICT', 'error.fiscalYear.claimsWaiting', 'fiscalYear', { count: waiting });
    const lapses = await lapsesOf(tx, scope.fiscalYear, ids, true);
    if (lapses.length > 0) {
      await tx
        .insertInto('ledgerEntry')
        .values(lapses.map((l) => ({ agreementId: l.agreementId, fiscalYear: scope.fiscalYear, kind: 'lapse' as const, amountCents: l.lapsedCents, createdBy: user.id, memo: `year end ${scope.fiscalYear}` })))
        .execute();
    }
    await tx
      .insertInto('programYearEnd')
      .values(programs.map((p) => ({ programId: p.id, fiscalYear: scope.fiscalYear, closedAt: now, closedBy: user.id, lapsedCents: sum(lapses.filter((l) => l.programId === p.id).map((l) => l.lapsedCents)) })))
      .execute();
    if (!scope.programId) {
      await tx.updateTable('fiscalYear').set({ status: 'closed', closedAt: now, closedBy: user.id }).where('label', '=', scope.fiscalYear).execute();
    }
    const lapsedCents = sum(lapses.map((l) => l.lapsedCents));
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'fiscal_year',
      entityId: scope.fiscalYear,
      action: 'close',
      after: { scope: scope.programId ?? 'all_programs', programs: ids, lapsedCents, lapses: lapses.map((l) => ({ agreementId: l.agreementId, lapsedCents: l.lapsedCents })) },
      requestId: meta.requestId,
    });
    return { fiscalYear: scope.fiscalYear, programs, lapses, lapsedCents };
  });
}
