/**
 * The smallest world the parity tests need, committed once per test file: a fiscal year, a
 * program with its delegated limits, a verified recipient organisation, a ready indicator, and
 * one person per duty. Each case then builds its own rows inside a transaction that is rolled
 * back, so no case sees another's.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { AgreementStatus, AgreementVersionStatus, CallStatus } from '@tp/domain';
import type { Database } from '../../src';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface World {
  programId: string;
  organisationId: string;
  indicatorId: string;
  /** The logic-model result the indicator measures. */
  resultId: string;
  /** A published call, for applications to answer. */
  callId: string;
  /** The recipient who submits (applications, reports, claims). */
  recipient: string;
  /** Program officer: certifies, rejects, reviews reports. */
  officer: string;
  /** Program manager: signs for the department, within the program's limit. */
  manager: string;
  /** Finance officer: releases payments. */
  finance: string;
}

export const FISCAL_YEAR = '2026-27';
export const AT = new Date('2026-06-01T12:00:00Z');

export async function buildWorld(db: Db): Promise<World> {
  await db.insertInto('fiscalYear').values({ label: FISCAL_YEAR, startDate: '2026-04-01', endDate: '2027-03-31' }).execute();
  const person = async (email: string) =>
    (await db.insertInto('appUser').values({ email, displayName: email.split('@')[0]! }).returning('id').executeTakeFirstOrThrow()).id;
  const [recipient, officer, manager, finance] = [
    await person('recipient@parity.test'),
    await person('officer@parity.test'),
    await person('manager@parity.test'),
    await person('finance@parity.test'),
  ];
  const { id: strategyId } = await db.insertInto('strategy').values({ code: 'parity', nameEn: 'Parity', nameFr: 'Parité' }).returning('id').executeTakeFirstOrThrow();
  const { id: pillarId } = await db.insertInto('pillar').values({ strategyId, code: 'protect', position: 1, nameEn: 'Protect', nameFr: 'Protéger' }).returning('id').executeTakeFirstOrThrow();
  const { id: programId } = await db
    .insertInto('program')
    .values({ code: 'parity', strategyId, nameEn: 'Parity', nameFr: 'Parité', transferPaymentType: 'contribution' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('programPillar').values({ programId, pillarId }).execute();
  await db
    .insertInto('programApprovalLimit')
    .values([
      { programId, role: 'program_officer', maxAmountCents: 10_000_000n },
      { programId, role: 'program_manager', maxAmountCents: 1_000_000_000n },
    ])
    .execute();
  const { id: organisationId } = await db
    .insertInto('organisation')
    .values({ legalNameEn: 'Parity Society', legalNameFr: 'Société Parité', type: 'non_profit', provinceOrTerritory: 'MB', verifiedAt: AT, verifiedBy: officer })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values([
      { userId: recipient, role: 'recipient', organisationId },
      { userId: officer, role: 'program_officer', organisationId: null },
      { userId: manager, role: 'program_manager', organisationId: null },
      { userId: finance, role: 'finance_officer', organisationId: null },
    ])
    .execute();
  const { id: resultId } = await db
    .insertInto('logicModelResult')
    .values({ strategyId, programId, level: 'output', pillarId, code: 'sessions', position: 1, nameEn: 'Sessions held', nameFr: 'Séances tenues' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: indicatorId } = await db
    .insertInto('indicator')
    .values({ resultId, code: 'sessions-held', nameEn: 'Sessions', nameFr: 'Séances', ...READY_INDICATOR })
    .returning('id')
    .executeTakeFirstOrThrow();
  const callId = await newCall(db, { programId, officer }, 'published');
  return { programId, organisationId, indicatorId, resultId, callId, recipient, officer, manager, finance };
}

/** Every field readiness asks for, filled. */
export const READY_INDICATOR = {
  definitionEn: 'Sessions held',
  definitionFr: 'Séances tenues',
  unit: 'count',
  methodEn: 'Count',
  methodFr: 'Compte',
  sourceEn: 'Reports',
  sourceFr: 'Rapports',
  frequency: 'quarterly',
  baselineValue: '0',
  baselineYear: FISCAL_YEAR,
  targetValue: '12',
  targetDate: '2027-03-31',
} as const;

class RolledBack<T> {
  constructor(readonly value: T) {}
}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
export async function rolledBack<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.transaction().execute(async (tx) => {
      throw new RolledBack(await work(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error('unreachable');
}

/** An agreement in `status`, with version 1 of its terms (in force unless said otherwise). */
export async function newAgreement(tx: Tx, w: World, status: AgreementStatus = 'active') {
  const signed = status !== 'draft' && status !== 'sent_for_signature';
  const countersigned = signed && status !== 'recipient_signed';
  const ended = status === 'closed' || status === 'terminated';
  const { id } = await tx
    .insertInto('agreement')
    .values({
      referenceNumber: 'AGR-2026-000001',
      programId: w.programId,
      organisationId: w.organisationId,
      template: 'standard',
      status,
      createdBy: w.officer,
      ...(status !== 'draft' ? { sentAt: AT, sentBy: w.officer } : {}),
      ...(signed ? { recipientSignedAt: AT, recipientSignedBy: w.recipient, recipientSignerName: 'R. Signer', recipientSignerTitle: 'Director' } : {}),
      ...(countersigned ? { departmentSignedAt: AT, departmentSignedBy: w.manager, departmentSignerRole: 'program_manager', departmentSignerLimitCents: 1_000_000_000n } : {}),
      ...(ended ? { endedAt: AT, endedBy: w.officer, endReason: 'Ended early' } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A version of an agreement's terms (1 unless `amendment` says), in `status`, with no parts (checks deferred to commit never run: every case rolls back). */
export async function newVersion(
  tx: Tx,
  w: World,
  agreementId: string,
  status: AgreementVersionStatus,
  totalCents = 1_000_000n,
  amendment: { version: number; createdBy: string } | null = null,
) {
  const { id } = await tx
    .insertInto('agreementVersion')
    .values({
      agreementId,
      version: amendment?.version ?? 1,
      ...(amendment ? { basedOnVersion: amendment.version - 1, reason: 'Amended budget' } : {}),
      status,
      title: 'Healing circles',
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      totalCents,
      paymentBasis: 'reimbursement',
      holdbackCents: 0n,
      riskLevel: 'low',
      riskReasons: 'Known recipient',
      reportingFrequency: 'quarterly',
      createdBy: amendment?.createdBy ?? w.officer,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A call for proposals in `status`; a draft also gets what publishing needs (criteria weighing 100, a ready indicator). */
export async function newCall(db: Db | Tx, w: Pick<World, 'programId' | 'officer'> & Partial<Pick<World, 'indicatorId'>>, status: CallStatus) {
  const { id } = await db
    .insertInto('callForProposals')
    .values({
      programId: w.programId,
      titleEn: 'Youth at risk',
      titleFr: 'Jeunes à risque',
      eligibleRecipientTypes: ['non_profit'],
      eligibleProvinces: ['MB'],
      minAmountCents: 0n,
      maxAmountCents: 10_000_000n,
      maxDurationMonths: 24,
      firstFiscalYear: FISCAL_YEAR,
      lastFiscalYear: FISCAL_YEAR,
      opensAt: AT,
      closesAt: new Date('2026-09-01T12:00:00Z'),
      status,
      publishedAt: status === 'draft' || status === 'cancelled' ? null : AT,
      createdBy: w.officer,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (status === 'draft' && w.indicatorId) {
    await db.insertInto('callCriterion').values({ callId: id, position: 1, nameEn: 'Merit', nameFr: 'Mérite', weight: 100 }).execute();
    await db.insertInto('callIndicator').values({ callId: id, indicatorId: w.indicatorId }).execute();
  }
  return id;
}

/** Columns by their SQL names, for raw inserts and updates. */
export type Columns = Record<string, unknown>;

/** `column = value` for each column, to join in an UPDATE's SET. */
export function assignments(columns: Columns): RawBuilder<unknown>[] {
  return Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
}

/** Inserts one row by raw SQL and returns its id ('' for a table keyed otherwise, `keyed` false). */
export async function insert(tx: Tx, table: string, columns: Columns, keyed = true): Promise<string> {
  const names = Object.keys(columns).map((c) => sql.ref(c));
  const values = Object.values(columns).map((v) => sql`${v}`);
  const { rows } = await sql<{ id: string }>`insert into ${sql.table(table)} (${sql.join(names)}) values (${sql.join(values)}) ${sql.raw(keyed ? 'returning id' : '')}`.execute(tx);
  return keyed ? rows[0]!.id : '';
}

/** Updates the rows `where` picks (raw SQL, SQL column names). */
export function update(tx: Tx, table: string, columns: Columns, where: RawBuilder<unknown>) {
  return sql`update ${sql.table(table)} set ${sql.join(assignments(columns))} where ${where}`.execute(tx);
}
