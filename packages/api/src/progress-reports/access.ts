/**
 * What the progress report commands and reads share: the agreement a report belongs to and who may
 * see it (the recipient's members, agreement staff), the report plan of the version in force, the
 * submission rules the domain checks and its issues said as errors, the report row lock, and how a
 * period is named.
 */
import { type Db, type Tx } from '@tp/db';
import { AGREEMENT_STAFF, DomainError, type GbaDimension, holds, RECIPIENTS, type ReportIssue, type ReportRules } from '@tp/domain';
import { translate } from '@tp/i18n';
import { loadTerms } from '../agreements/terms';
import { formatDate } from '../format';
import { type Viewer } from '../auth/resolve-session';

export type Reader = Db | Tx;

export async function agreementFor(db: Reader, agreementId: string) {
  return db.selectFrom('agreement').select(['id', 'organisationId', 'status', 'currentVersion', 'referenceNumber', 'createdBy', 'programId']).where('id', '=', agreementId).executeTakeFirstOrThrow();
}

export function isReportStaff(user: Pick<Viewer, 'roles'>): boolean {
  return holds(user, AGREEMENT_STAFF);
}

export function assertReportAccess(user: Viewer, organisationId: string): 'owner' | 'staff' {
  if (holds(user, RECIPIENTS) && user.organisationIds.includes(organisationId)) return 'owner';
  if (isReportStaff(user)) return 'staff';
  throw new DomainError('NOT_FOUND', 'error.report.notFound', 'reportId');
}

/** The milestones and indicators of the terms in force, with what reporting needs to know of each. */
export async function planOf(db: Reader, agreementId: string) {
  const a = await agreementFor(db, agreementId);
  const v = await db.selectFrom('agreementVersion').select('id').where('agreementId', '=', agreementId).where('version', '=', a.currentVersion).executeTakeFirstOrThrow();
  const terms = await loadTerms(db, v.id);
  const indicators = terms.indicators.length
    ? await db
        .selectFrom('indicator')
        .select(['id', 'code', 'nameEn', 'nameFr', 'unit', 'gbaDimensions', 'direction', 'baselineValue'])
        .where('id', 'in', terms.indicators.map((i) => i.indicatorId))
        .orderBy('code')
        .execute()
    : [];
  return {
    agreement: a,
    terms,
    milestones: terms.milestones.map((m) => ({ key: m.key ?? '', title: m.title, deliverables: m.deliverables, dueDate: m.dueDate, paymentCents: m.paymentCents })),
    indicators: indicators.map((i) => ({ ...i, targetValue: terms.indicators.find((t) => t.indicatorId === i.id)?.targetValue ?? null })),
  };
}

/**
 * What a draft and a submission are checked against, read directly: the milestone keys and the
 * indicators (unit, GBA Plus dimensions) of the terms in force, in two statements rather than
 * the whole plan.
 */
export async function submissionRules(db: Reader, agreementId: string, isFinal: boolean): Promise<ReportRules> {
  const [milestones, indicators] = await Promise.all([
    db
      .selectFrom('agreementMilestone as m')
      .innerJoin('agreementVersion as v', 'v.id', 'm.versionId')
      .innerJoin('agreement as a', (j) => j.onRef('a.id', '=', 'v.agreementId').onRef('a.currentVersion', '=', 'v.version'))
      .select('m.key')
      .where('a.id', '=', agreementId)
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('agreementIndicator as ai')
      .innerJoin('agreementVersion as v', 'v.id', 'ai.versionId')
      .innerJoin('agreement as a', (j) => j.onRef('a.id', '=', 'v.agreementId').onRef('a.currentVersion', '=', 'v.version'))
      .innerJoin('indicator as i', 'i.id', 'ai.indicatorId')
      .select(['i.id', 'i.unit', 'i.gbaDimensions'])
      .where('a.id', '=', agreementId)
      .orderBy('i.code')
      .execute(),
  ]);
  return {
    milestoneKeys: milestones.map((m) => m.key ?? ''),
    indicators: indicators.map((i) => ({ id: i.id, unit: i.unit, gbaDimensions: i.gbaDimensions as GbaDimension[] })),
    isFinal,
  };
}

export function issueError(issue: ReportIssue): DomainError {
  return new DomainError('BAD_INPUT', issue.messageKey, ['content', ...issue.path].join('.'), dimensionParams(issue.params));
}

function dimensionParams(params: Record<string, string> | undefined) {
  if (!params) return undefined;
  const out: Record<string, string | { en: string; fr: string }> = { ...params };
  if (params.dimension) out.dimension = { en: translate('en', `gba.dimension.${params.dimension}`), fr: translate('fr', `gba.dimension.${params.dimension}`) };
  return out;
}

export async function lockReport(tx: Tx, id: string) {
  const r = await tx.selectFrom('progressReport').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', 'error.report.notFound', 'reportId');
  return r;
}

export function periodLabel(p: { periodStart: string; periodEnd: string }, lang: 'en' | 'fr'): string {
  const f = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), lang);
  return `${f(p.periodStart)} – ${f(p.periodEnd)}`;
}
