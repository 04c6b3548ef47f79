/**
 * The department's view of agreements: the portfolio, filtered and summed, and the obligations
 * coming due (reports, claims and the end of agreements).
 */
import { type Db } from '@tp/db';
import { type AgreementPortfolioInput, reportingSchedule } from '@tp/domain';

export async function agreementPortfolio(db: Db, filters: AgreementPortfolioInput) {
  let q = db
    .selectFrom('agreement')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('program', 'program.id', 'agreement.programId');
  if (filters.programId) q = q.where('agreement.programId', '=', filters.programId);
  if (filters.streamId) q = q.where('v.streamId', '=', filters.streamId);
  if (filters.pillarId) {
    const pillarId = filters.pillarId;
    q = q.where((eb) => eb.exists(eb.selectFrom('agreementVersionPillar').select('pillarId').whereRef('agreementVersionPillar.versionId', '=', 'v.id').where('pillarId', '=', pillarId)));
  }
  if (filters.province) q = q.where('organisation.provinceOrTerritory', '=', filters.province as never);
  if (filters.riskLevel) q = q.where('v.riskLevel', '=', filters.riskLevel);
  if (filters.status) q = q.where('agreement.status', '=', filters.status);
  if (filters.fiscalYear) {
    const fiscalYear = filters.fiscalYear;
    q = q.where((eb) => eb.exists(eb.selectFrom('agreementFiscalYear').select('fiscalYear').whereRef('agreementFiscalYear.versionId', '=', 'v.id').where('fiscalYear', '=', fiscalYear)));
  }
  const offset = (filters.page - 1) * 50;
  const [rows, count] = await Promise.all([
    q
      .select([
        'agreement.id', 'agreement.referenceNumber', 'agreement.status', 'agreement.currentVersion', 'agreement.updatedAt',
        'organisation.legalNameEn', 'organisation.legalNameFr', 'organisation.provinceOrTerritory',
        'program.nameEn as programNameEn', 'program.nameFr as programNameFr',
        'v.title', 'v.totalCents', 'v.startDate', 'v.endDate', 'v.riskLevel',
      ])
      .orderBy('agreement.updatedAt', 'desc')
      .orderBy('agreement.id')
      .limit(50)
      .offset(offset)
      .execute(),
    // The count joins only what the filters need: by program and status alone it reads one index.
    filters.streamId || filters.pillarId || filters.province || filters.riskLevel || filters.fiscalYear
      ? q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      : db
          .selectFrom('agreement')
          .$if(Boolean(filters.programId), (c) => c.where('programId', '=', filters.programId!))
          .$if(Boolean(filters.status), (c) => c.where('status', '=', filters.status!))
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), page: filters.page, pageSize: 50 };
}

export interface Obligation {
  kind: 'recipient_signature' | 'department_signature' | 'amendment_approval' | 'report_due' | 'milestone_due';
  agreementId: string;
  referenceNumber: string;
  organisationNameEn: string;
  organisationNameFr: string;
  dueDate: string | null;
  label: string;
}

/** What is coming: signatures and amendment approvals pending, reports and milestones due within `days`. */
export async function upcomingObligations(db: Db, options: { organisationIds?: string[]; today: string; days: number }): Promise<Obligation[]> {
  let q = db
    .selectFrom('agreement')
    .innerJoin('organisation', 'organisation.id', 'agreement.organisationId')
    .innerJoin('agreementVersion as v', (j) => j.onRef('v.agreementId', '=', 'agreement.id').onRef('v.version', '=', 'agreement.currentVersion'))
    .select(['agreement.id', 'agreement.referenceNumber', 'agreement.status', 'organisation.legalNameEn', 'organisation.legalNameFr', 'v.id as versionId', 'v.startDate', 'v.endDate', 'v.reportingFrequency'])
    .where('agreement.status', 'in', ['sent_for_signature', 'recipient_signed', 'active']);
  if (options.organisationIds) {
    if (options.organisationIds.length === 0) return [];
    q = q.where('agreement.organisationId', 'in', options.organisationIds);
  }
  const agreements = await q.execute();
  const horizon = addDaysIso(options.today, options.days);
  const activeIds = agreements.filter((a) => a.status === 'active').map((a) => a.id);
  const [milestones, pendingAmendments] = await Promise.all([
    activeIds.length > 0
      ? db
          .selectFrom('agreementMilestone as m')
          .innerJoin('agreementVersion as v', 'v.id', 'm.versionId')
          .innerJoin('agreement', (j) => j.onRef('agreement.id', '=', 'v.agreementId').onRef('agreement.currentVersion', '=', 'v.version'))
          .select(['agreement.id as agreementId', 'm.title', 'm.dueDate'])
          .where('agreement.id', 'in', activeIds)
          .where('m.dueDate', '>=', options.today)
          .where('m.dueDate', '<=', horizon)
          .execute()
      : [],
    options.organisationIds || activeIds.length === 0
      ? []
      : db.selectFrom('agreementVersion').select(['agreementId', 'version']).where('agreementId', 'in', activeIds).where('status', '=', 'proposed').execute(),
  ]);
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const out: Obligation[] = [];
  for (const a of agreements) {
    const base = { agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr };
    if (a.status === 'sent_for_signature') out.push({ ...base, kind: 'recipient_signature', dueDate: null, label: '' });
    if (a.status === 'recipient_signed') out.push({ ...base, kind: 'department_signature', dueDate: null, label: '' });
    if (a.status === 'active') {
      for (const p of reportingSchedule(a.startDate, a.endDate, a.reportingFrequency)) {
        if (p.dueDate >= options.today && p.dueDate <= horizon) out.push({ ...base, kind: 'report_due', dueDate: p.dueDate, label: `${p.start}/${p.end}${p.final ? '/final' : ''}` });
      }
    }
  }
  for (const m of milestones) {
    const a = byId.get(m.agreementId);
    if (a) out.push({ agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr, kind: 'milestone_due', dueDate: m.dueDate, label: m.title });
  }
  for (const p of pendingAmendments) {
    const a = byId.get(p.agreementId);
    if (a) out.push({ agreementId: a.id, referenceNumber: a.referenceNumber, organisationNameEn: a.legalNameEn, organisationNameFr: a.legalNameFr, kind: 'amendment_approval', dueDate: null, label: String(p.version) });
  }
  return out.sort((x, y) => (x.dueDate ?? '').localeCompare(y.dueDate ?? '') || x.referenceNumber.localeCompare(y.referenceNumber));
}

function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
