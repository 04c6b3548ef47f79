/**
 * Applications to a call for proposals: their lifecycle, the sections a recipient fills (each
 * saved on its own, as often as the page autosaves), budget totals, the stacking check and the
 * validation that submission runs against the call. A draft may be incomplete but never wrong:
 * a negative amount or an end before its start is refused even in a draft; what is merely
 * missing is listed by `missingForSubmission` and refused only at submission.
 */
import { centsInputSchema } from './money';
import { z } from 'zod';
import { fiscalYearLabelSchema, fiscalYearOf, isoDateSchema, parseFiscalYearLabel, type IsoDate } from './fiscal-year';
import { formatMoney, type Cents } from './money';
import type { MessageParam } from './errors';
import { PROVINCES_AND_TERRITORIES, type OrganisationType, type ProvinceOrTerritory } from './reference';
import { stateMachine } from './state-machine';

export const COST_CATEGORIES = [
  'salaries_benefits',
  'travel',
  'equipment',
  'materials_supplies',
  'rent',
  'professional_services',
  'evaluation',
  'administration',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'screened_in',
  'screened_out',
  'under_review',
  'recommended',
  'approved',
  'approved_with_changes',
  'declined',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Submission is final: a submitted application is never edited, only withdrawn (until a
 * decision is made) or moved forward by the department. Screening out, withdrawal and every
 * decision end the life of an application.
 */
export const applicationLifecycle = stateMachine<ApplicationStatus>('application', {
  draft: ['submitted'],
  submitted: ['screened_in', 'screened_out', 'withdrawn'],
  screened_in: ['under_review', 'withdrawn'],
  under_review: ['recommended', 'withdrawn'],
  recommended: ['approved', 'approved_with_changes', 'declined', 'withdrawn'],
  screened_out: [],
  withdrawn: [],
  approved: [],
  approved_with_changes: [],
  declined: [],
});

/** Only a draft can be discarded (deleted by its organisation); a submitted application is withdrawn and stays on record. */
export function isDiscardable(status: ApplicationStatus): boolean {
  return status === 'draft';
}

export const FUNDING_SOURCE_KINDS = [
  'federal',
  'provincial_territorial',
  'municipal',
  'indigenous_government',
  'private',
  'own_contribution',
  'other',
] as const;
export type FundingSourceKind = (typeof FUNDING_SOURCE_KINDS)[number];
/** Government assistance, which the stacking limit caps (the requested amount counts too). */
export const GOVERNMENT_SOURCES: readonly FundingSourceKind[] = ['federal', 'provincial_territorial', 'municipal', 'indigenous_government'];

export const FUNDING_STATUSES = ['confirmed', 'pending'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export const GBA_BARRIERS = [
  'language',
  'cultural_safety',
  'remoteness',
  'internet_access',
  'disability',
  'cost',
  'transportation',
  'childcare',
  'other',
] as const;
export type GbaBarrier = (typeof GBA_BARRIERS)[number];

export const APPLICATION_SECTIONS = ['project', 'workPlan', 'budget', 'otherFunding', 'expectedResults', 'gbaPlus', 'eligibility'] as const;
export type ApplicationSection = (typeof APPLICATION_SECTIONS)[number];

const text = (max: number) => z.string({ message: 'error.invalid' }).trim().max(max, { message: 'error.text.tooLong' });
const optionalDate = isoDateSchema.nullable();

/** An end date before its start is refused even in a draft, naming the end date. */
function datesInOrder<T extends { startDate: IsoDate | null; endDate: IsoDate | null }>(v: T): boolean {
  return v.startDate === null || v.endDate === null || v.endDate >= v.startDate;
}

export const projectSection = z
  .object({
    title: text(300),
    summary: text(5000),
    objectives: text(5000),
    targetPopulations: text(2000),
    regionsServed: z.array(z.enum(PROVINCES_AND_TERRITORIES, { message: 'error.province.invalid' })).max(PROVINCES_AND_TERRITORIES.length),
    startDate: optionalDate,
    endDate: optionalDate,
  })
  .refine(datesInOrder, { message: 'error.dates.endBeforeStart', path: ['endDate'] });
export type ProjectSection = z.infer<typeof projectSection>;

export const activityInput = z
  .object({
    title: text(300),
    description: text(5000),
    deliverables: text(2000),
    startDate: optionalDate,
    endDate: optionalDate,
  })
  .refine(datesInOrder, { message: 'error.dates.endBeforeStart', path: ['endDate'] });

export const workPlanSection = z.object({ activities: z.array(activityInput).max(100, { message: 'error.list.tooLong' }) });
export type WorkPlanSection = z.infer<typeof workPlanSection>;

export const applicationBudgetLineInput = z.object({
  fiscalYear: fiscalYearLabelSchema,
  category: z.enum(COST_CATEGORIES, { message: 'error.costCategory.invalid' }),
  amountCents: centsInputSchema,
  justification: text(2000),
});
export type ApplicationBudgetLineInput = z.infer<typeof applicationBudgetLineInput>;
export const budgetSection = z.object({ lines: z.array(applicationBudgetLineInput).max(200, { message: 'error.list.tooLong' }) });
export type BudgetSection = z.infer<typeof budgetSection>;

export const fundingSourceInput = z.object({
  source: text(300),
  kind: z.enum(FUNDING_SOURCE_KINDS, { message: 'error.fundingKind.invalid' }),
  amountCents: centsInputSchema,
  status: z.enum(FUNDING_STATUSES, { message: 'error.fundingStatus.invalid' }),
});
export const otherFundingSection = z.object({ sources: z.array(fundingSourceInput).max(50, { message: 'error.list.tooLong' }) });
export type OtherFundingSection = z.infer<typeof otherFundingSection>;

/** A target as a decimal number written with a point: "120" or "12.5" (what numeric(16,4) holds). */
export const targetValueSchema = z
  .string({ message: 'error.measure.invalid' })
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, { message: 'error.measure.invalid' });

export const expectedResultInput = z.object({
  indicatorId: z.uuid({ message: 'error.id.invalid' }),
  targetValue: targetValueSchema,
  notes: text(2000),
});
export const expectedResultsSection = z.object({ results: z.array(expectedResultInput).max(50, { message: 'error.list.tooLong' }) });
export type ExpectedResultsSection = z.infer<typeof expectedResultsSection>;

export const gbaPlusSection = z.object({
  populationsServed: text(5000),
  barriers: z.array(z.enum(GBA_BARRIERS, { message: 'error.gbaBarrier.invalid' })).max(GBA_BARRIERS.length),
  howAddressed: text(5000),
});
export type GbaPlusSection = z.infer<typeof gbaPlusSection>;

export const eligibilitySection = z.object({
  answers: z.array(z.object({ questionId: z.uuid({ message: 'error.id.invalid' }), answer: z.boolean({ message: 'error.invalid' }) })).max(30),
});
export type EligibilitySection = z.infer<typeof eligibilitySection>;

/** One section saved at a time: the page autosaves whichever section changed. */
export const saveSectionInput = z.discriminatedUnion('section', [
  z.object({ section: z.literal('project'), data: projectSection }),
  z.object({ section: z.literal('workPlan'), data: workPlanSection }),
  z.object({ section: z.literal('budget'), data: budgetSection }),
  z.object({ section: z.literal('otherFunding'), data: otherFundingSection }),
  z.object({ section: z.literal('expectedResults'), data: expectedResultsSection }),
  z.object({ section: z.literal('gbaPlus'), data: gbaPlusSection }),
  z.object({ section: z.literal('eligibility'), data: eligibilitySection }),
]);
export type SaveSectionInput = z.infer<typeof saveSectionInput>;

// ---------------------------------------------------------------------------------------------
// Budget totals and stacking

export interface BudgetTotals {
  byFiscalYear: Record<string, Cents>;
  byCategory: Partial<Record<CostCategory, Cents>>;
  total: Cents;
}

/** Totals per fiscal year (in fiscal-year order), per cost category, and overall: exact. */
export function budgetTotals(lines: readonly { fiscalYear: string; category: CostCategory; amountCents: Cents }[]): BudgetTotals {
  const byFiscalYear: Record<string, Cents> = {};
  const byCategory: Partial<Record<CostCategory, Cents>> = {};
  let total = 0n;
  const sorted = [...lines].sort((a, b) => (a.fiscalYear < b.fiscalYear ? -1 : a.fiscalYear > b.fiscalYear ? 1 : 0));
  for (const l of sorted) {
    byFiscalYear[l.fiscalYear] = (byFiscalYear[l.fiscalYear] ?? 0n) + l.amountCents;
    byCategory[l.category] = (byCategory[l.category] ?? 0n) + l.amountCents;
    total += l.amountCents;
  }
  return { byFiscalYear, byCategory, total };
}

export interface StackingResult {
  requestedCents: Cents;
  governmentCents: Cents;
  totalProjectCostCents: Cents;
  /** Government share of the project's cost in basis points, rounded down (null with no cost). */
  governmentShareBp: bigint | null;
  limitBp: bigint;
  withinLimit: boolean;
}

/**
 * Total government assistance (the amount requested plus every other government source,
 * confirmed or pending) over the total project cost (requested plus every other source) may
 * not exceed the program's stacking limit. Compared by cross-multiplication: no rounding.
 */
export function stackingCheck(input: {
  requestedCents: Cents;
  otherSources: readonly { kind: FundingSourceKind; amountCents: Cents }[];
  limitBp: number | bigint;
}): StackingResult {
  const limitBp = BigInt(input.limitBp);
  let government = input.requestedCents;
  let total = input.requestedCents;
  for (const s of input.otherSources) {
    total += s.amountCents;
    if (GOVERNMENT_SOURCES.includes(s.kind)) government += s.amountCents;
  }
  return {
    requestedCents: input.requestedCents,
    governmentCents: government,
    totalProjectCostCents: total,
    governmentShareBp: total === 0n ? null : (government * 10_000n) / total,
    limitBp,
    withinLimit: government * 10_000n <= limitBp * total,
  };
}

/** Whole months a project spans: 2026-04-01 to 2028-03-31 is 24 months, 2026-04-01 to 2026-04-01 is 1. */
export function durationInMonths(start: IsoDate, end: IsoDate): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  let months = (ey - sy) * 12 + (em - sm);
  if (ed >= sd) months += 1;
  return Math.max(months, 1);
}

// ---------------------------------------------------------------------------------------------
// Completeness and submission

export interface ApplicationContent {
  project: ProjectSection;
  workPlan: WorkPlanSection;
  budget: BudgetSection;
  otherFunding: OtherFundingSection;
  expectedResults: ExpectedResultsSection;
  gbaPlus: GbaPlusSection;
  eligibility: EligibilitySection;
  attachmentCount: number;
}

export interface CallRules {
  status: 'draft' | 'published' | 'closed' | 'cancelled';
  opensAt: Date;
  closesAt: Date;
  minAmountCents: Cents;
  maxAmountCents: Cents;
  maxDurationMonths: number;
  firstFiscalYear: string;
  lastFiscalYear: string;
  eligibleRecipientTypes: readonly OrganisationType[];
  eligibleProvinces: readonly ProvinceOrTerritory[];
  indicatorIds: readonly string[];
  eligibilityQuestions: readonly { id: string; expectedAnswer: boolean }[];
  stackingLimitBp: number;
}

export interface ApplicationIssue {
  section: ApplicationSection | 'call' | 'organisation';
  /** Dotted path from the section, e.g. "budget.lines.2.fiscalYear". */
  field: string;
  messageKey: string;
  params?: Record<string, MessageParam>;
}

/** What is missing before the application can be submitted (not what is wrong with it). */
export function missingForSubmission(app: ApplicationContent, call: Pick<CallRules, 'indicatorIds' | 'eligibilityQuestions'>): ApplicationIssue[] {
  const issues: ApplicationIssue[] = [];
  const need = (section: ApplicationSection, field: string, ok: boolean) => {
    if (!ok) issues.push({ section, field: `${section}.${field}`, messageKey: 'error.application.missing' });
  };
  const p = app.project;
  need('project', 'title', p.title.trim() !== '');
  need('project', 'summary', p.summary.trim() !== '');
  need('project', 'objectives', p.objectives.trim() !== '');
  need('project', 'targetPopulations', p.targetPopulations.trim() !== '');
  need('project', 'regionsServed', p.regionsServed.length > 0);
  need('project', 'startDate', p.startDate !== null);
  need('project', 'endDate', p.endDate !== null);
  need('workPlan', 'activities', app.workPlan.activities.length > 0);
  app.workPlan.activities.forEach((a, i) => {
    need('workPlan', `activities.${i}.title`, a.title.trim() !== '');
    need('workPlan', `activities.${i}.deliverables`, a.deliverables.trim() !== '');
    need('workPlan', `activities.${i}.startDate`, a.startDate !== null);
    need('workPlan', `activities.${i}.endDate`, a.endDate !== null);
  });
  need('budget', 'lines', app.budget.lines.some((l) => l.amountCents > 0n));
  app.budget.lines.forEach((l, i) => need('budget', `lines.${i}.justification`, l.justification.trim() !== ''));
  app.otherFunding.sources.forEach((s, i) => need('otherFunding', `sources.${i}.source`, s.source.trim() !== ''));
  call.indicatorIds.forEach((id) => {
    const i = app.expectedResults.results.findIndex((r) => r.indicatorId === id);
    if (i < 0) issues.push({ section: 'expectedResults', field: 'expectedResults.results', messageKey: 'error.application.indicatorTargetMissing' });
  });
  need('gbaPlus', 'populationsServed', app.gbaPlus.populationsServed.trim() !== '');
  need('gbaPlus', 'barriers', app.gbaPlus.barriers.length > 0);
  need('gbaPlus', 'howAddressed', app.gbaPlus.howAddressed.trim() !== '');
  call.eligibilityQuestions.forEach((q, i) => {
    need('eligibility', `answers.${i}`, app.eligibility.answers.some((a) => a.questionId === q.id));
  });
  return dedupeIssues(issues);
}

function dedupeIssues(issues: ApplicationIssue[]): ApplicationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}|${i.messageKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fyWithin(label: string, first: string, last: string): boolean {
  const y = parseFiscalYearLabel(label).startYear;
  return y >= parseFiscalYearLabel(first).startYear && y <= parseFiscalYearLabel(last).startYear;
}

/** Budget lines whose fiscal year lies outside the call's: refused even in a draft. */
export function budgetLinesOutsideCall(lines: readonly { fiscalYear: string }[], call: Pick<CallRules, 'firstFiscalYear' | 'lastFiscalYear'>): number[] {
  return lines.flatMap((l, i) => (fyWithin(l.fiscalYear, call.firstFiscalYear, call.lastFiscalYear) ? [] : [i]));
}

/**
 * Everything submission checks, in the order a person would fix it: the call is open on the
 * server's clock, the organisation may apply, nothing is missing, and the application keeps
 * the call's rules (amount, duration, fiscal years, eligibility answers, stacking).
 */
export function submissionIssues(
  app: ApplicationContent,
  call: CallRules,
  organisation: { type: OrganisationType; provinceOrTerritory: ProvinceOrTerritory },
  now: Date,
): ApplicationIssue[] {
  const issues: ApplicationIssue[] = [];
  if (!(call.status === 'published' && call.opensAt <= now && now < call.closesAt)) {
    issues.push({ section: 'call', field: 'callId', messageKey: 'error.application.callClosed' });
    return issues;
  }
  if (!call.eligibleRecipientTypes.includes(organisation.type) || !call.eligibleProvinces.includes(organisation.provinceOrTerritory)) {
    issues.push({ section: 'organisation', field: 'organisationId', messageKey: 'error.application.organisationNotEligible' });
  }
  issues.push(...missingForSubmission(app, call));

  const { project, budget } = app;
  const total = budgetTotals(budget.lines).total;
  if (total > call.maxAmountCents) {
    issues.push({ section: 'budget', field: 'budget.lines', messageKey: 'error.application.aboveMaximum', params: { max: money(call.maxAmountCents) } });
  } else if (total < call.minAmountCents && total > 0n) {
    issues.push({ section: 'budget', field: 'budget.lines', messageKey: 'error.application.belowMinimum', params: { min: money(call.minAmountCents) } });
  }
  if (project.startDate && project.endDate) {
    const months = durationInMonths(project.startDate, project.endDate);
    if (months > call.maxDurationMonths) {
      issues.push({ section: 'project', field: 'project.endDate', messageKey: 'error.application.tooLong', params: { months: call.maxDurationMonths } });
    }
    if (!fyWithin(fiscalYearOf(project.startDate).label, call.firstFiscalYear, call.lastFiscalYear)) {
      issues.push({ section: 'project', field: 'project.startDate', messageKey: 'error.application.outsideCallYears' });
    }
    if (!fyWithin(fiscalYearOf(project.endDate).label, call.firstFiscalYear, call.lastFiscalYear)) {
      issues.push({ section: 'project', field: 'project.endDate', messageKey: 'error.application.outsideCallYears' });
    }
    const first = fiscalYearOf(project.startDate).label;
    const last = fiscalYearOf(project.endDate).label;
    budget.lines.forEach((l, i) => {
      if (!fyWithin(l.fiscalYear, first, last)) {
        issues.push({ section: 'budget', field: `budget.lines.${i}.fiscalYear`, messageKey: 'error.application.lineOutsideProject' });
      }
    });
    app.workPlan.activities.forEach((a, i) => {
      if ((a.startDate && a.startDate < project.startDate!) || (a.endDate && a.endDate > project.endDate!)) {
        issues.push({ section: 'workPlan', field: `workPlan.activities.${i}.startDate`, messageKey: 'error.application.activityOutsideProject' });
      }
    });
  }
  for (const i of budgetLinesOutsideCall(budget.lines, call)) {
    issues.push({ section: 'budget', field: `budget.lines.${i}.fiscalYear`, messageKey: 'error.application.outsideCallYears' });
  }
  app.eligibility.answers.forEach((a, i) => {
    const q = call.eligibilityQuestions.find((x) => x.id === a.questionId);
    if (q && q.expectedAnswer !== a.answer) {
      issues.push({ section: 'eligibility', field: `eligibility.answers.${i}`, messageKey: 'error.application.ineligibleAnswer' });
    }
  });
  const stacking = stackingCheck({ requestedCents: total, otherSources: app.otherFunding.sources, limitBp: call.stackingLimitBp });
  if (!stacking.withinLimit) {
    issues.push({
      section: 'otherFunding',
      field: 'otherFunding.sources',
      messageKey: 'error.application.stackingExceeded',
      params: { limit: formatBasisPoints(stacking.limitBp), share: formatBasisPoints(stacking.governmentShareBp ?? 0n) },
    });
  }
  return dedupeIssues(issues);
}

const money = (c: Cents) => ({ en: formatMoney(c, 'en'), fr: formatMoney(c, 'fr') });

/** 7550 -> "75.5" (a percentage, for messages). */
export function formatBasisPoints(bp: bigint): string {
  const whole = bp / 100n;
  const frac = bp % 100n;
  return frac === 0n ? whole.toString() : `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}`;
}

/** APP-2026-000123: the year of submission and a number from a database sequence. */
export function applicationReference(year: number, n: number | bigint): string {
  return `APP-${year}-${n.toString().padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Attachments: size and type, decided by the file's first bytes, not by what the browser says.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
} as const;
export const ATTACHMENT_CONTENT_TYPES = Object.values(ATTACHMENT_TYPES);
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The content type of an allowed file, from its magic bytes (and, for Office files whose
 * container is a ZIP or an OLE compound file, from the extension too); null when not allowed.
 */
export function sniffAttachmentType(bytes: Uint8Array, fileName: string): AttachmentContentType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ATTACHMENT_TYPES.pdf; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ATTACHMENT_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ATTACHMENT_TYPES.jpeg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx' || ext === 'xlsx' || ext === 'pptx') return ATTACHMENT_TYPES[ext];
    return null; // any other ZIP archive
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'doc' || ext === 'xls' || ext === 'ppt') return ATTACHMENT_TYPES[ext];
    return null;
  }
  return null;
}

/** A file name safe to store and to send back in Content-Disposition. */
export const attachmentFileNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'error.attachment.name' })
  .max(200, { message: 'error.attachment.name' })
  .refine((n) => ![...n].some((c) => c === '/' || c === '\\' || c === '"' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), {
    message: 'error.attachment.name',
  });
