import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitySummary,
  daysLate,
  emptyReportContent,
  periodHasEnded,
  reachedThresholds,
  reportContentErrors,
  reportContentInput,
  reportingSchedule,
  reportLifecycle,
  reportSubmissionIssues,
  type ReportContent,
  type ReportRules,
} from '../src';

const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';
const IND = '33333333-3333-4333-8333-333333333333';
const PCT = '44444444-4444-4444-8444-444444444444';
const rules: ReportRules = {
  milestoneKeys: [M1, M2],
  indicators: [
    { id: IND, unit: 'count', gbaDimensions: ['gender', 'age_group'] },
    { id: PCT, unit: 'percent', gbaDimensions: [] },
  ],
  isFinal: false,
};

function complete(): ReportContent {
  return {
    ...emptyReportContent([M1, M2], [IND, PCT]),
    activities: [
      { milestoneKey: M1, status: 'completed', reason: '', newExpectedDate: null },
      { milestoneKey: M2, status: 'delayed', reason: 'Staff turnover', newExpectedDate: '2027-09-30' },
    ],
    indicators: [
      {
        indicatorId: IND,
        value: '40',
        breakdown: [
          { dimension: 'gender', category: 'women', count: 30 },
          { dimension: 'gender', category: 'men', count: 10 },
          { dimension: 'age_group', category: 'age_12_17', count: 40 },
        ],
      },
      { indicatorId: PCT, value: '62.5', breakdown: [] },
    ],
    progress: 'Twelve sessions held.',
  };
}

describe('reporting schedules across fiscal years', () => {
  it.each([
    ['monthly', 16],
    ['quarterly', 6],
    ['semi_annual', 3],
    ['annual', 2],
  ] as const)('%s periods from 2026-05-15 to 2027-08-31 never span two fiscal years and cover the term', (frequency, count) => {
    const periods = reportingSchedule('2026-05-15', '2027-08-31', frequency);
    expect(periods).toHaveLength(count);
    expect(periods[0]!.start).toBe('2026-05-15');
    expect(periods.at(-1)!.end).toBe('2027-08-31');
    expect(periods.filter((p) => p.final)).toHaveLength(1);
    for (const p of periods) {
      expect(p.fiscalYear).toBe(p.start >= '2027-04-01' ? '2027-28' : '2026-27');
      expect(p.end >= '2027-04-01').toBe(p.start >= '2027-04-01');
    }
  });

  it('a report is due 30 days after its period, the final one 90 days after the end', () => {
    const periods = reportingSchedule('2026-04-01', '2027-03-31', 'semi_annual');
    expect(periods.map((p) => [p.start, p.end, p.dueDate, p.final])).toEqual([
      ['2026-04-01', '2026-09-30', '2026-10-30', false],
      ['2026-10-01', '2027-03-31', '2027-06-29', true],
    ]);
  });

  it('periods are contiguous for any term and frequency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 1500 }), fc.constantFrom('monthly', 'quarterly', 'semi_annual', 'annual' as const), (offset, length, frequency) => {
        const day = (n: number) => new Date(Date.UTC(2024, 3, 1 + n)).toISOString().slice(0, 10);
        const start = day(offset);
        const end = day(offset + length);
        const periods = reportingSchedule(start, end, frequency);
        expect(periods[0]!.start).toBe(start);
        expect(periods.at(-1)!.end).toBe(end);
        for (let i = 1; i < periods.length; i++) {
          const next = new Date(`${periods[i - 1]!.end}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(periods[i]!.start).toBe(next.toISOString().slice(0, 10));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('what a report must hold', () => {
  it('a complete report has no issue', () => {
    expect(reportSubmissionIssues(complete(), rules)).toEqual([]);
  });

  it('disaggregated counts must add up to the total: more is refused even in a draft, less only at submission', () => {
    const over = complete();
    over.indicators[0]!.breakdown[0]!.count = 31;
    expect(reportContentErrors(over, rules)).toEqual([{ path: ['indicators', 0, 'breakdown'], messageKey: 'error.report.breakdownExceedsTotal', params: { dimension: 'gender' } }]);
    const under = complete();
    under.indicators[0]!.breakdown[0]!.count = 29;
    expect(reportContentErrors(under, rules)).toEqual([]);
    expect(reportSubmissionIssues(under, rules)).toEqual([{ path: ['indicators', 0, 'breakdown'], messageKey: 'error.report.breakdownMustAddUp', params: { dimension: 'gender' } }]);
  });

  it('percentages lie between 0 and 100; a delayed activity has a reason and a new date', () => {
    const c = complete();
    c.indicators[1]!.value = '120';
    c.activities[1] = { milestoneKey: M2, status: 'delayed', reason: '', newExpectedDate: null };
    expect(reportSubmissionIssues(c, rules).map((i) => [i.path.join('.'), i.messageKey])).toEqual([
      ['indicators.1.value', 'error.report.percentRange'],
      ['activities.1.reason', 'error.report.reasonRequired'],
      ['activities.1.newExpectedDate', 'error.report.newDateRequired'],
    ]);
  });

  it('the final report needs the results against targets; every activity and indicator needs an answer', () => {
    const c = { ...emptyReportContent([M1, M2], [IND, PCT]), progress: 'x' };
    const keys = reportSubmissionIssues(c, { ...rules, isFinal: true }).map((i) => i.messageKey);
    expect(keys).toEqual(['error.report.activityStatusRequired', 'error.report.activityStatusRequired', 'error.report.valueRequired', 'error.report.valueRequired', 'error.report.finalResultsRequired']);
  });

  it('refuses negative counts and text in a number field', () => {
    const c = complete() as unknown as { indicators: { value: unknown; breakdown: { count: unknown }[] }[] };
    c.indicators[0]!.breakdown[0]!.count = -1;
    c.indicators[1]!.value = 'sixty';
    const issues = reportContentInput.safeParse(c).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['indicators.0.breakdown.0.count', 'error.count.negative'],
      ['indicators.1.value', 'error.measure.invalid'],
    ]);
  });
});

describe('dates, reminders and the lifecycle', () => {
  it('a period can be submitted the day after it ends', () => {
    expect(periodHasEnded('2026-06-30', '2026-06-30')).toBe(false);
    expect(periodHasEnded('2026-06-30', '2026-07-01')).toBe(true);
    expect(daysLate('2026-07-30', '2026-08-09')).toBe(10);
    expect(daysLate('2026-07-30', '2026-07-01')).toBe(0);
  });
  it('reminders: two weeks before, three days before, overdue', () => {
    expect(reachedThresholds('2026-07-30', '2026-07-10')).toEqual([]);
    expect(reachedThresholds('2026-07-30', '2026-07-16')).toEqual(['due_in_14_days']);
    expect(reachedThresholds('2026-07-30', '2026-07-28')).toEqual(['due_in_3_days']);
    expect(reachedThresholds('2026-07-30', '2026-07-31')).toEqual(['overdue']);
  });
  it('a submitted report is returned or accepted; an accepted one never changes', () => {
    expect(reportLifecycle.can('submitted', 'returned')).toBe(true);
    expect(reportLifecycle.can('returned', 'submitted')).toBe(true);
    expect(reportLifecycle.can('accepted', 'draft')).toBe(false);
    expect(reportLifecycle.can('draft', 'accepted')).toBe(false);
  });
  it('counts 46 planned activities the way the evaluation did (80% completed or under way)', () => {
    const statuses = [...Array(30).fill('completed'), ...Array(7).fill('in_progress'), ...Array(5).fill('delayed'), ...Array(4).fill(null)];
    expect(activitySummary(statuses)).toMatchObject({ planned: 46, completed: 30, inProgress: 7, delayed: 5, notStarted: 4, completedOrUnderWayPercent: 80 });
  });
});
