/**
 * Progress reports: one per reporting period of an agreement. A recipient reports each planned
 * activity's status, the deliverables produced, the actual value of each of the agreement's
 * indicators (with the GBA Plus breakdown the indicator asks for: counts only, never anything
 * about a person), a narrative, risks, and for the final report the results against targets.
 * A draft may be incomplete but never wrong (no negative count, no text in a number); submission
 * checks completeness and consistency and freezes the version. The officer accepts it or returns
 * it with comments per section; every submitted version stays readable.
 */
import { z } from 'zod';
import type { IsoDate } from './fiscal-year';
import { isoDateSchema } from './fiscal-year';
import { GBA_DIMENSIONS, type GbaDimension } from './performance';
import { stateMachine } from './state-machine';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Submitted reports are reviewed; a returned report is corrected and submitted again. */
export const reportLifecycle = stateMachine<ReportStatus>('progress report', {
  draft: ['submitted'],
  submitted: ['returned', 'accepted'],
  returned: ['submitted'],
  accepted: [],
});

export const ACTIVITY_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * The categories each GBA Plus dimension is counted in. Every dimension has "not disclosed",
 * so that nobody is ever pressed to say, and the categories always add up to the total.
 */
export const GBA_CATEGORIES: Record<GbaDimension, readonly string[]> = {
  gender: ['women', 'men', 'gender_diverse', 'not_disclosed'],
  age_group: ['under_12', 'age_12_17', 'age_18_24', 'age_25_64', 'age_65_plus', 'not_disclosed'],
  indigenous_identity: ['first_nations', 'metis', 'inuit', 'non_indigenous', 'not_disclosed'],
  two_slgbtqi_plus: ['two_slgbtqi_plus', 'not_two_slgbtqi_plus', 'not_disclosed'],
  disability: ['with_disability', 'without_disability', 'not_disclosed'],
  official_language: ['english', 'french', 'other_language', 'not_disclosed'],
  urban_rural_remote: ['urban', 'rural', 'remote', 'not_disclosed'],
  newcomer_or_migrant: ['newcomer_or_migrant', 'not_newcomer_or_migrant', 'not_disclosed'],
};

export const REPORT_SECTIONS = ['activities', 'deliverables', 'indicators', 'narrative', 'risks', 'finalResults'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const text = (max: number) => z.string({ message: 'error.invalid' }).trim().max(max, { message: 'error.text.tooLong' });

/** A count typed into a form: a whole number, never negative. */
export const countSchema = z
  .number({ message: 'error.count.invalid' })
  .int({ message: 'error.count.invalid' })
  .min(0, { message: 'error.count.negative' })
  .max(1_000_000_000, { message: 'error.count.tooLarge' });

/** An actual value as a decimal string ("120", "12.5"), never negative; its unit decides what else holds. */
export const actualValueSchema = z
  .string({ message: 'error.measure.invalid' })
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,4})?$/, { message: 'error.measure.invalid' })
  .refine((v) => !v.startsWith('-'), { message: 'error.value.negative' });

export const activityReportInput = z.object({
  milestoneKey: z.uuid({ message: 'error.id.invalid' }),
  status: z.enum(ACTIVITY_STATUSES, { message: 'error.report.activityStatus' }).nullable(),
  reason: text(2000),
  newExpectedDate: isoDateSchema.nullable(),
});

export const breakdownInput = z.object({
  dimension: z.enum(GBA_DIMENSIONS, { message: 'error.indicator.gbaDimension' }),
  category: z.string().max(40),
  count: countSchema,
});

export const indicatorReportInput = z.object({
  indicatorId: z.uuid({ message: 'error.id.invalid' }),
  value: actualValueSchema.nullable(),
  breakdown: z.array(breakdownInput).max(80, { message: 'error.list.tooLong' }),
});

export const reportContentInput = z.object({
  activities: z.array(activityReportInput).max(100, { message: 'error.list.tooLong' }),
  deliverables: text(5000),
  indicators: z.array(indicatorReportInput).max(50, { message: 'error.list.tooLong' }),
  progress: text(10_000),
  challenges: text(10_000),
  lessons: text(10_000),
  risks: z.array(z.object({ description: text(2000), mitigation: text(2000) })).max(30, { message: 'error.list.tooLong' }),
  finalResults: text(10_000),
});
export type ReportContent = z.infer<typeof reportContentInput>;

export function emptyReportContent(milestoneKeys: readonly string[], indicatorIds: readonly string[]): ReportContent {
  return {
    activities: milestoneKeys.map((milestoneKey) => ({ milestoneKey, status: null, reason: '', newExpectedDate: null })),
    deliverables: '',
    indicators: indicatorIds.map((indicatorId) => ({ indicatorId, value: null, breakdown: [] })),
    progress: '',
    challenges: '',
    lessons: '',
    risks: [],
    finalResults: '',
  };
}

export interface ReportIssue {
  path: (string | number)[];
  messageKey: string;
  params?: Record<string, string>;
}

export interface ReportRules {
  /** The agreement's milestones in force (their keys). */
  milestoneKeys: readonly string[];
  /** The agreement's indicators, with the unit and the GBA Plus dimensions each asks for. */
  indicators: readonly { id: string; unit: string | null; gbaDimensions: readonly GbaDimension[] }[];
  isFinal: boolean;
}

/**
 * What a draft may never hold, even unfinished: a breakdown category unknown for its dimension,
 * a dimension the indicator does not ask for, a percentage outside 0 to 100, a negative count,
 * a breakdown whose categories add up to more than the total.
 */
export function reportContentErrors(content: ReportContent, rules: ReportRules): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const byId = new Map(rules.indicators.map((i) => [i.id, i]));
  content.indicators.forEach((ind, i) => {
    const rule = byId.get(ind.indicatorId);
    if (!rule) {
      issues.push({ path: ['indicators', i, 'indicatorId'], messageKey: 'error.report.indicatorNotInAgreement' });
      return;
    }
    if (ind.value !== null) {
      const v = Number(ind.value);
      if (v < 0) issues.push({ path: ['indicators', i, 'value'], messageKey: 'error.count.negative' });
      if (rule.unit === 'percent' && (v < 0 || v > 100)) issues.push({ path: ['indicators', i, 'value'], messageKey: 'error.report.percentRange' });
      if (rule.unit === 'count' && !/^\d+$/.test(ind.value)) issues.push({ path: ['indicators', i, 'value'], messageKey: 'error.count.invalid' });
      if (rule.unit === 'yes_no' && ind.value !== '0' && ind.value !== '1') issues.push({ path: ['indicators', i, 'value'], messageKey: 'error.measure.invalid' });
    }
    const sums = new Map<GbaDimension, number>();
    ind.breakdown.forEach((b, j) => {
      if (!rule.gbaDimensions.includes(b.dimension)) {
        issues.push({ path: ['indicators', i, 'breakdown', j, 'dimension'], messageKey: 'error.report.dimensionNotAsked' });
        return;
      }
      if (!GBA_CATEGORIES[b.dimension].includes(b.category)) {
        issues.push({ path: ['indicators', i, 'breakdown', j, 'category'], messageKey: 'error.report.categoryUnknown' });
        return;
      }
      sums.set(b.dimension, (sums.get(b.dimension) ?? 0) + b.count);
    });
    if (ind.value !== null && rule.unit === 'count') {
      const total = Number(ind.value);
      for (const [dimension, s] of sums) {
        if (s > total) issues.push({ path: ['indicators', i, 'breakdown'], messageKey: 'error.report.breakdownExceedsTotal', params: { dimension } });
      }
    }
  });
  content.activities.forEach((a, i) => {
    if (!rules.milestoneKeys.includes(a.milestoneKey)) issues.push({ path: ['activities', i, 'milestoneKey'], messageKey: 'error.report.activityNotInAgreement' });
  });
  return issues;
}

/**
 * What submission needs on top: every activity has a status, a delayed or cancelled one its
 * reason and a delayed one its new expected date; every indicator a value; each breakdown the
 * indicator asks for adds up exactly to the total; a narrative of progress; the final report
 * the results against targets.
 */
export function reportSubmissionIssues(content: ReportContent, rules: ReportRules): ReportIssue[] {
  const issues = reportContentErrors(content, rules);
  const reported = new Map(content.activities.map((a, i) => [a.milestoneKey, { a, i }]));
  rules.milestoneKeys.forEach((key) => {
    const entry = reported.get(key);
    if (!entry || entry.a.status === null) {
      issues.push({ path: ['activities', entry?.i ?? 0, 'status'], messageKey: 'error.report.activityStatusRequired' });
      return;
    }
    const { a, i } = entry;
    if ((a.status === 'delayed' || a.status === 'cancelled') && a.reason === '') issues.push({ path: ['activities', i, 'reason'], messageKey: 'error.report.reasonRequired' });
    if (a.status === 'delayed' && a.newExpectedDate === null) issues.push({ path: ['activities', i, 'newExpectedDate'], messageKey: 'error.report.newDateRequired' });
  });
  const values = new Map(content.indicators.map((ind, i) => [ind.indicatorId, { ind, i }]));
  for (const rule of rules.indicators) {
    const entry = values.get(rule.id);
    if (!entry || entry.ind.value === null) {
      issues.push({ path: ['indicators', entry?.i ?? 0, 'value'], messageKey: 'error.report.valueRequired' });
      continue;
    }
    if (rule.unit !== 'count') continue;
    const total = Number(entry.ind.value);
    for (const dimension of rule.gbaDimensions) {
      const s = entry.ind.breakdown.filter((b) => b.dimension === dimension).reduce((acc, b) => acc + b.count, 0);
      if (s !== total) issues.push({ path: ['indicators', entry.i, 'breakdown'], messageKey: 'error.report.breakdownMustAddUp', params: { dimension } });
    }
  }
  if (content.progress === '') issues.push({ path: ['progress'], messageKey: 'error.report.progressRequired' });
  if (rules.isFinal && content.finalResults === '') issues.push({ path: ['finalResults'], messageKey: 'error.report.finalResultsRequired' });
  return issues;
}

/** A period can be reported on once it has ended: the day after its last day. */
export function periodHasEnded(periodEnd: IsoDate, today: IsoDate): boolean {
  return today > periodEnd;
}

/** Days a report is late (0 when not yet due). */
export function daysLate(dueDate: IsoDate, today: IsoDate): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/** Reminder thresholds: two weeks before, three days before, and once overdue. */
export const REMINDER_THRESHOLDS = ['due_in_14_days', 'due_in_3_days', 'overdue'] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

/** The thresholds a not-yet-submitted report has reached by `today` (the most urgent last). */
export function reachedThresholds(dueDate: IsoDate, today: IsoDate): ReminderThreshold[] {
  const daysTo = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const out: ReminderThreshold[] = [];
  if (daysTo <= 14 && daysTo > 3) out.push('due_in_14_days');
  if (daysTo <= 3 && daysTo >= 0) out.push('due_in_3_days');
  if (daysTo < 0) out.push('overdue');
  return out;
}

export const saveReportDraftInput = z.object({ reportId: z.uuid({ message: 'error.id.invalid' }), content: reportContentInput });
export const submitReportInput = z.object({ reportId: z.uuid({ message: 'error.id.invalid' }), revision: z.number().int().min(0) });
export const reviewReportInput = z.object({
  reportId: z.uuid({ message: 'error.id.invalid' }),
  revision: z.number().int().min(1),
  outcome: z.enum(['accepted', 'returned'], { message: 'error.invalid' }),
  comments: z.partialRecord(z.enum(REPORT_SECTIONS), text(5000)),
  /** Milestones the officer approves with this report (their tied payments become claimable). */
  approveMilestones: z.array(z.uuid({ message: 'error.id.invalid' })).max(100),
});

/** Progress at a glance: how many activities are planned, completed, under way, delayed. */
export function activitySummary(statuses: readonly (ActivityStatus | null)[]) {
  const count = (s: ActivityStatus) => statuses.filter((x) => x === s).length;
  const planned = statuses.length;
  const completed = count('completed');
  const inProgress = count('in_progress');
  const delayed = count('delayed');
  return {
    planned,
    completed,
    inProgress,
    delayed,
    cancelled: count('cancelled'),
    notStarted: count('not_started') + statuses.filter((x) => x === null).length,
    /** Completed or under way, in whole percent (the evaluation's "80% completed or under way"). */
    completedOrUnderWayPercent: planned === 0 ? 0 : Math.round(((completed + inProgress) * 100) / planned),
  };
}
