/**
 * What the agreement PDF shows (agreement-pdf.ts draws it): the version's terms and schedules, for
 * those who may read the agreement.
 */
import { type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import { type Viewer } from '../auth/resolve-session';
import { loadTerms, VERSION_COLUMNS } from './terms';
import { assertCanRead, schedules } from './access';

/** Everything the printed agreement shows, in one language, for one version. */
export async function agreementDocumentData(db: Db, user: Viewer, input: { agreementId: string; version?: number | undefined; lang?: 'en' | 'fr' | undefined }) {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', input.agreementId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'agreementId');
  const access = assertCanRead(user, a);
  // The recipient's official language unless the other one is asked for.
  const lang = input.lang ?? (await db.selectFrom('organisation').select('officialLanguage').where('id', '=', a.organisationId).executeTakeFirstOrThrow()).officialLanguage;
  const versionNumber = input.version ?? a.currentVersion;
  const v = await db.selectFrom('agreementVersion').select(VERSION_COLUMNS).where('agreementId', '=', a.id).where('version', '=', versionNumber).executeTakeFirst();
  if (!v || (access === 'recipient' && (v.status === 'draft' || v.status === 'rejected' || (v.status === 'proposed' && v.version > 1)))) {
    throw new DomainError('NOT_FOUND', 'error.agreement.notFound', 'version');
  }
  const terms = await loadTerms(db, v.id);
  const [org, program, stream, pillars, indicators, departmentSigner] = await Promise.all([
    db.selectFrom('organisation').selectAll().where('id', '=', a.organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('program').select(['nameEn', 'nameFr']).where('id', '=', a.programId).executeTakeFirstOrThrow(),
    terms.streamId ? db.selectFrom('fundingStream').select(['nameEn', 'nameFr']).where('id', '=', terms.streamId).executeTakeFirst() : undefined,
    terms.pillarIds.length > 0 ? db.selectFrom('pillar').select(['id', 'nameEn', 'nameFr', 'position']).where('id', 'in', terms.pillarIds).orderBy('position').execute() : [],
    terms.indicators.length > 0 ? db.selectFrom('indicator').select(['id', 'code', 'nameEn', 'nameFr']).where('id', 'in', terms.indicators.map((i) => i.indicatorId)).execute() : [],
    a.departmentSignedBy ? db.selectFrom('appUser').select('displayName').where('id', '=', a.departmentSignedBy).executeTakeFirst() : undefined,
  ]);
  const pick = (r: { nameEn: string; nameFr: string }) => (lang === 'fr' ? r.nameFr : r.nameEn);
  const s = schedules(terms);
  const signedVersion = versionNumber === 1 || v.status !== 'proposed';
  const document = {
    referenceNumber: a.referenceNumber,
    version: v.version,
    template: a.template,
    status: a.status,
    recipient: {
      legalName: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
      provinceOrTerritory: org.provinceOrTerritory,
      addressLine: org.addressLine,
      city: org.city,
      postalCode: org.postalCode,
      businessNumber: org.businessNumber,
    },
    program: { name: pick(program), stream: stream ? pick(stream) : null, pillars: pillars.map(pick) },
    project: { title: terms.title, description: terms.description, startDate: terms.startDate, endDate: terms.endDate },
    totalCents: terms.totalCents,
    fiscalYearAmounts: terms.fiscalYears,
    budget: terms.budget,
    paymentBasis: terms.paymentBasis,
    advanceSchedule: s.advances.map((i) => ({ fiscalYear: i.fiscalYear, periodStart: i.start, periodEnd: i.end, amountCents: i.amountCents })),
    holdbackCents: s.holdbackCents,
    holdbackBasisPoints: terms.holdback.kind === 'percent' ? terms.holdback.basisPoints : null,
    riskLevel: terms.riskLevel,
    riskReasons: terms.riskReasons,
    reportingFrequency: terms.reportingFrequency,
    reportingSchedule: s.reporting.map((p) => ({ periodStart: p.start, periodEnd: p.end, dueDate: p.dueDate, final: p.final })),
    milestones: terms.milestones.map((m) => ({ title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })),
    indicators: terms.indicators.map((i) => {
      const ind = indicators.find((x) => x.id === i.indicatorId);
      return { code: ind?.code ?? '', name: ind ? pick(ind) : '', targetValue: i.targetValue };
    }),
    otherFunding: terms.otherFunding,
    specialConditions: terms.specialConditions,
    recipientSignature:
      signedVersion && a.recipientSignedAt && a.recipientSignerName && a.recipientSignerTitle
        ? { name: a.recipientSignerName, title: a.recipientSignerTitle, signedOn: a.recipientSignedAt.toISOString().slice(0, 10) }
        : null,
    departmentSignature: signedVersion && a.departmentSignedAt ? { name: departmentSigner?.displayName ?? '', signedOn: a.departmentSignedAt.toISOString().slice(0, 10) } : null,
  };
  return { lang, document, fileName: `${a.referenceNumber}-v${v.version}-${lang}.pdf` };
}
