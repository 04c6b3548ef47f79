/**
 * What the agreement commands and reads share: who counts as agreement staff and who may read an
 * agreement, the row lock and the status checks and moves of its lifecycle, the delegated authority
 * of the signer, the current version, what was paid in each fiscal year, the people to tell by
 * email, and the schedules of a version's terms.
 */
import { recordAudit, type Db, type Tx } from '@tp/db';
import { advanceSchedule, AGREEMENT_STAFF, agreementLifecycle, type AgreementStatus, type AgreementTerms, type DecidingRole, delegatedAuthority, DomainError, holdbackCents, holds, isoDateIn, reportingSchedule } from '@tp/domain';
import { positionsOf } from '../delegation/positions';
import { translate } from '@tp/i18n';
import type { RequestMeta } from '../context';
import { queueMail, type MailDeps } from '../mail/mailer';
import { type Viewer } from '../auth/resolve-session';
import { VERSION_COLUMNS } from './terms';

/** Writes one message per active person of the recipient organisation, in each person's language. */
export async function mailRecipients(
  tx: Tx,
  deps: MailDeps,
  a: { id: string; organisationId: string; referenceNumber: string },
  template: 'agreementSent' | 'agreementActive',
  params: (lang: 'en' | 'fr') => Record<string, string>,
): Promise<void> {
  const people = await tx
    .selectFrom('membership')
    .innerJoin('appUser', 'appUser.id', 'membership.userId')
    .select(['appUser.email', 'appUser.displayName', 'appUser.preferredLanguage'])
    .where('membership.organisationId', '=', a.organisationId)
    .where('membership.role', '=', 'recipient')
    .where('appUser.status', '=', 'active')
    .execute();
  for (const p of people) {
    await queueMail(tx, {
      to: p.email,
      lang: p.preferredLanguage,
      template,
      params: { name: p.displayName, reference: a.referenceNumber, link: `${deps.config.appUrl}/agreements/${a.id}`, ...params(p.preferredLanguage) },
    });
  }
}

export type Reader = Db | Tx;

export async function lockAgreement(tx: Tx, id: string) {
  const a = await tx.selectFrom('agreement').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  return a;
}

export function isAgreementStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, AGREEMENT_STAFF);
}

/** Staff (not reviewers) read every agreement; a recipient reads its own once it has been sent. */
export function assertCanRead(user: Viewer, a: { organisationId: string; status: AgreementStatus }): 'staff' | 'recipient' {
  if (isAgreementStaff(user)) return 'staff';
  if (user.organisationIds.includes(a.organisationId) && a.status !== 'draft') return 'recipient';
  throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
}

function statusParam(status: AgreementStatus) {
  return { status: { en: translate('en', `status.agreement.${status}`), fr: translate('fr', `status.agreement.${status}`) } };
}

export function assertStatus(a: { status: AgreementStatus }, ...allowed: AgreementStatus[]): void {
  if (!allowed.includes(a.status)) throw new DomainError('CONFLICT', 'error.agreement.wrongStatus', 'agreementId', statusParam(a.status));
}

export async function moveAgreement(tx: Tx, user: { id: string }, meta: RequestMeta, a: { id: string; status: AgreementStatus }, to: AgreementStatus, set: Record<string, unknown> = {}): Promise<void> {
  if (!agreementLifecycle.can(a.status, to)) throw new DomainError('CONFLICT', 'error.agreement.wrongStatus', 'agreementId', statusParam(a.status));
  await tx.updateTable('agreement').set({ status: to, updatedAt: new Date(), ...set }).where('id', '=', a.id).execute();
  await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: a.id, action: `status.${to}`, before: { status: a.status }, after: { status: to, ...set }, requestId: meta.requestId });
}

export async function authorityFor(db: Reader, user: Viewer, programId: string): Promise<{ role: DecidingRole; maxAmountCents: bigint } | null> {
  const limits = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  return delegatedAuthority(await positionsOf(db, user, isoDateIn(new Date(), 'America/Toronto')), limits);
}

export async function currentVersionRow(db: Reader, agreementId: string, version: number) {
  return db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', agreementId).where('version', '=', version).executeTakeFirstOrThrow();
}

/** Paid per fiscal year, from the journal (advances and reimbursements). */
export async function paidByFiscalYear(db: Reader, agreementId: string): Promise<Map<string, bigint>> {
  const rows = await db
    .selectFrom('ledgerEntry')
    .select(['fiscalYear', (eb) => eb.fn.sum<string>('amountCents').as('paid')])
    .where('agreementId', '=', agreementId)
    .where('kind', 'in', ['advance_paid', 'reimbursement_paid'])
    .groupBy('fiscalYear')
    .execute();
  return new Map(rows.map((r) => [r.fiscalYear, BigInt(r.paid)]));
}

export function schedules(terms: AgreementTerms) {
  const holdback = holdbackCents(terms.totalCents, terms.holdback);
  return {
    holdbackCents: holdback,
    reporting: reportingSchedule(terms.startDate, terms.endDate, terms.reportingFrequency),
    advances:
      terms.paymentBasis === 'advance' && terms.advanceFrequency
        ? advanceSchedule({ startDate: terms.startDate, endDate: terms.endDate, fiscalYears: terms.fiscalYears, holdbackCents: holdback, advanceFrequency: terms.advanceFrequency })
        : [],
  };
}

/** Writes the commitment of each fiscal year whose amount is not zero (a signature's amounts, or an amendment's changes). */
export async function journalCommitments(tx: Tx, a: { id: string }, version: number, amounts: readonly { fiscalYear: string; amountCents: bigint }[], memo: 'signature' | 'amendment', createdBy: string): Promise<void> {
  const entries = amounts.filter((y) => y.amountCents !== 0n);
  if (entries.length === 0) return;
  await tx
    .insertInto('ledgerEntry')
    .values(entries.map((y) => ({ agreementId: a.id, fiscalYear: y.fiscalYear, kind: 'commitment' as const, amountCents: y.amountCents, agreementVersion: version, memo, createdBy })))
    .execute();
}
