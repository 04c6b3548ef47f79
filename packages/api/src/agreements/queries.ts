/**
 * Reading agreements: one agreement (with what the caller may do next, from agreementActions in the
 * domain), the differences between two of its versions, and a recipient's own agreements.
 */
import { type Db } from '@tp/db';
import { agreementActions, amendmentKind, changedSections, DomainError } from '@tp/domain';
import { type Viewer } from '../auth/resolve-session';
import { loadTerms, VERSION_COLUMNS } from './terms';
import { assertCanRead, authorityFor, paidByFiscalYear, schedules } from './access';
import { upcomingObligations } from './portfolio';
import { whoCanAct } from '../delegation/who-can-act';

export async function getAgreement(db: Db, user: Viewer, id: string) {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  const [organisation, program, versions, paid, creator, recipientSigner, departmentSigner] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'legalNameEn', 'legalNameFr', 'type', 'provinceOrTerritory', 'officialLanguage', 'verifiedAt', 'city']).where('id', '=', a.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('program').select(['id', 'code', 'nameEn', 'nameFr', 'stackingLimitBp']).where('id', '=', a.programId).executeTakeFirstOrThrow(),
    db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', id).orderBy('version').execute(),
    paidByFiscalYear(db, id),
    db.selectFrom('appUser').select('displayName').where('id', '=', a.createdBy).executeTakeFirst(),
    a.recipientSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.recipientSignedBy).executeTakeFirst() : undefined,
    a.departmentSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.departmentSignedBy).executeTakeFirst() : undefined,
  ]);
  const current = versions.find((v) => v.version === a.currentVersion);
  if (!current) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const terms = await loadTerms(db, current.id);
  // Recipients see the versions that were in force and the one out for their signature; not drafts or rejections.
  const visible = access === 'staff' ? versions : versions.filter((v) => v.status === 'in_force' || v.status === 'superseded' || (v.status === 'proposed' && v.version === 1));
  const pending = access === 'staff' ? versions.find((v) => v.version > a.currentVersion && (v.status === 'proposed' || v.status === 'draft')) : undefined;
  const authority = access === 'staff' ? await authorityFor(db, user, a.programId) : null;
  // Waiting for the department's signature above the caller's authority: who can sign it instead.
  const signers = a.status === 'recipient_signed' && access === 'staff' && (authority === null || current.totalCents > authority.maxAmountCents) ? await whoCanAct(db, a.programId, current.totalCents, user.id) : null;
  return {
    id: a.id,
    access,
    referenceNumber: a.referenceNumber,
    status: a.status,
    template: a.template,
    applicationId: a.applicationId,
    currentVersion: a.currentVersion,
    createdBy: a.createdBy,
    createdByName: creator?.displayName ?? null,
    createdAt: a.createdAt,
    sentAt: a.sentAt,
    recipientSignature: a.recipientSignedAt
      ? { name: a.recipientSignerName ?? '', title: a.recipientSignerTitle ?? '', signedAt: a.recipientSignedAt, accountName: recipientSigner?.displayName ?? null }
      : null,
    departmentSignature: a.departmentSignedAt ? { name: departmentSigner?.displayName ?? '', role: a.departmentSignerRole, signedAt: a.departmentSignedAt } : null,
    endedAt: a.endedAt,
    endReason: a.endReason,
    organisation,
    program,
    terms,
    schedules: schedules(terms),
    paidByFiscalYear: Object.fromEntries(paid),
    versions: visible.map((v) => ({
      version: v.version,
      status: v.status,
      totalCents: v.totalCents,
      reason: v.reason,
      createdAt: v.createdAt,
      decidedAt: v.decidedAt,
      decisionNote: v.decisionNote,
    })),
    pendingAmendment: pending ? { version: pending.version, createdBy: pending.createdBy, reason: pending.reason, totalCents: pending.totalCents } : null,
    /** The signed-in staff member's delegated authority for this program, to say who may sign. */
    myAuthority: authority,
    /** When the agreement waits for a signature above the caller's authority: who can sign it (both languages). */
    signers,
    /** What the caller may do next (the agreement page offers exactly these). */
    allowedActions: agreementActions({ status: a.status, createdBy: a.createdBy, access, pendingAmendment: pending ? { createdBy: pending.createdBy } : null }, user),
  };
}

/** One version's terms beside the version it amended, with the sections that changed. */
export async function compareVersions(db: Db, user: Viewer, input: { agreementId: string; version: number }) {
  const a = await db.selectFrom('agreement').select(['id', 'organisationId', 'status', 'currentVersion']).where('id', '=', input.agreementId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  const v = await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', input.version).executeTakeFirst();
  if (!v || (access === 'recipient' && (v.status === 'draft' || v.status === 'rejected' || (v.status === 'proposed' && v.version > 1)))) {
    throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'version');
  }
  const terms = await loadTerms(db, v.id);
  const basedOn = v.basedOnVersion
    ? await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', v.basedOnVersion).executeTakeFirstOrThrow()
    : null;
  const previous = basedOn ? await loadTerms(db, basedOn.id) : null;
  return {
    version: { version: v.version, status: v.status, reason: v.reason, createdAt: v.createdAt, decidedAt: v.decidedAt, decisionNote: v.decisionNote, basedOnVersion: v.basedOnVersion, createdBy: v.createdBy },
    terms,
    previous,
    changed: previous ? changedSections(previous, terms) : [],
    kind: previous ? amendmentKind(previous, terms) : null,
  };
}

/** The recipient's agreements (never drafts), each with what is due next. */
export async function myAgreements(db: Db, user: Viewer, today: string) {
  if (user.organisationIds.length === 0) return { agreements: [], obligations: [] };
  const [rows, obligations] = await Promise.all([
    db
      .selectFrom('agreement')
      .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
      .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
      .select(['agreement.id', 'agreement.referenceNumber', 'agreement.status', 'organisation.legalNameEn', 'organisation.legalNameFr', 'v.title', 'v.totalCents', 'v.startDate', 'v.endDate'])
      .where('agreement.organisationId', 'in', user.organisationIds)
      .where('agreement.status', '<>', 'draft')
      .orderBy('v.startDate', 'desc')
      .execute(),
    upcomingObligations(db, { organisationIds: user.organisationIds, today, days: 120 }),
  ]);
  return { agreements: rows, obligations: obligations.filter((o) => o.kind !== 'department_signature' && o.kind !== 'amendment_approval') };
}
