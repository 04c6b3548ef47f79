import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  applicationLifecycle,
  applicationReference,
  budgetTotals,
  durationInMonths,
  projectSection,
  saveSectionInput,
  sniffAttachmentType,
  stackingCheck,
  submissionIssues,
  type ApplicationContent,
  type CallRules,
} from '../src/applications';
import { looksLikeDuplicate, organisationProfileInput } from '../src/organisations';

const q1 = '00000000-0000-4000-8000-000000000001';
const ind = '00000000-0000-4000-8000-000000000002';

const call: CallRules = {
  status: 'published',
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2027-01-31T23:59:00Z'),
  minAmountCents: 1_000_000n,
  maxAmountCents: 25_000_000n,
  maxDurationMonths: 24,
  firstFiscalYear: '2026-27',
  lastFiscalYear: '2027-28',
  eligibleRecipientTypes: ['non_profit'],
  eligibleProvinces: ['ON'],
  indicatorIds: [ind],
  eligibilityQuestions: [{ id: q1, expectedAnswer: true }],
  stackingLimitBp: 7500,
};

const app: ApplicationContent = {
  project: {
    title: 'Youth outreach',
    summary: 'Summary',
    objectives: 'Objectives',
    targetPopulations: 'Youth at risk',
    regionsServed: ['ON'],
    startDate: '2027-04-01',
    endDate: '2028-03-31',
  },
  workPlan: { activities: [{ title: 'Workshops', description: '', deliverables: '40 workshops', startDate: '2027-04-01', endDate: '2028-03-31' }] },
  budget: {
    lines: [
      { fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: 8_000_000n, justification: 'Two facilitators' },
      { fiscalYear: '2027-28', category: 'travel', amountCents: 2_000_000n, justification: 'Travel to schools' },
    ],
  },
  otherFunding: { sources: [{ source: 'Ontario', kind: 'provincial_territorial', amountCents: 1_000_000n, status: 'confirmed' }, { source: 'Own', kind: 'own_contribution', amountCents: 4_000_000n, status: 'confirmed' }] },
  expectedResults: { results: [{ indicatorId: ind, targetValue: '400', notes: '' }] },
  gbaPlus: { populationsServed: 'Indigenous youth', barriers: ['remoteness'], howAddressed: 'Online sessions' },
  eligibility: { answers: [{ questionId: q1, answer: true }] },
  attachmentCount: 0,
};
const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const org = { type: 'non_profit' as const, provinceOrTerritory: 'ON' as const };
const now = new Date('2026-12-01T12:00:00Z');
const fields = (a: ApplicationContent, c: CallRules = call, when = now) => submissionIssues(a, c, org, when).map((i) => `${i.field}:${i.messageKey}`);

describe('application lifecycle', () => {
  it('allows exactly the designed moves and refuses every other', () => {
    const allowed = new Set([
      'draft>submitted',
      'submitted>screened_in',
      'submitted>screened_out',
      'submitted>withdrawn',
      'screened_in>under_review',
      'screened_in>withdrawn',
      'under_review>recommended',
      'under_review>withdrawn',
      'recommended>approved',
      'recommended>approved_with_changes',
      'recommended>declined',
      'recommended>withdrawn',
    ]);
    let refused = 0;
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        expect(applicationLifecycle.can(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
        if (!allowed.has(`${from}>${to}`)) {
          expect(() => applicationLifecycle.assert(from, to)).toThrow();
          refused++;
        }
      }
    }
    expect(refused).toBe(100 - allowed.size);
    for (const end of ['withdrawn', 'screened_out', 'approved', 'approved_with_changes', 'declined'] as const) expect(applicationLifecycle.isFinal(end)).toBe(true);
  });
});

describe('budget totals', () => {
  it('adds up per fiscal year, per category and overall, exactly', () => {
    const t = budgetTotals([
      { fiscalYear: '2027-28', category: 'travel', amountCents: 150n },
      { fiscalYear: '2026-27', category: 'travel', amountCents: 1n },
      { fiscalYear: '2027-28', category: 'rent', amountCents: 99_999_999_999n },
    ]);
    expect(t.byFiscalYear).toEqual({ '2026-27': 1n, '2027-28': 100_000_000_149n });
    expect(Object.keys(t.byFiscalYear)).toEqual(['2026-27', '2027-28']);
    expect(t.byCategory).toEqual({ travel: 151n, rent: 99_999_999_999n });
    expect(t.total).toBe(100_000_000_150n);
  });

  it('the per-year totals and the per-category totals both add back to the overall total', () => {
    const line = fc.record({
      fiscalYear: fc.constantFrom('2026-27', '2027-28', '2028-29'),
      category: fc.constantFrom('travel' as const, 'rent' as const, 'other' as const),
      amountCents: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const t = budgetTotals(lines);
        const add = (r: Record<string, bigint | undefined>) => Object.values(r).reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
        expect(add(t.byFiscalYear)).toBe(t.total);
        expect(add(t.byCategory)).toBe(t.total);
      }),
    );
  });
});

describe('stacking', () => {
  it('counts the requested amount and every government source over the total project cost', () => {
    const r = stackingCheck({ requestedCents: 7_000_000n, otherSources: [{ kind: 'municipal', amountCents: 500_000n }, { kind: 'private', amountCents: 2_500_000n }], limitBp: 7500 });
    expect(r).toMatchObject({ governmentCents: 7_500_000n, totalProjectCostCents: 10_000_000n, governmentShareBp: 7500n, withinLimit: true });
    const over = stackingCheck({ requestedCents: 7_000_001n, otherSources: [{ kind: 'municipal', amountCents: 500_000n }, { kind: 'private', amountCents: 2_500_000n }], limitBp: 7500 });
    expect(over.withinLimit).toBe(false);
    expect(stackingCheck({ requestedCents: 0n, otherSources: [], limitBp: 0 }).withinLimit).toBe(true);
    expect(stackingCheck({ requestedCents: 1n, otherSources: [], limitBp: 10_000 }).withinLimit).toBe(true);
  });

  it('agrees with exact rational arithmetic for every input', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.record({ kind: fc.constantFrom('federal' as const, 'private' as const, 'own_contribution' as const, 'indigenous_government' as const), amountCents: fc.bigInt({ min: 0n, max: 10n ** 12n }) }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 10_000 }),
        (requested, sources, limit) => {
          const r = stackingCheck({ requestedCents: requested, otherSources: sources, limitBp: limit });
          const gov = requested + sources.filter((s) => s.kind === 'federal' || s.kind === 'indigenous_government').reduce((a, s) => a + s.amountCents, 0n);
          const total = requested + sources.reduce((a, s) => a + s.amountCents, 0n);
          expect(r.withinLimit).toBe(total === 0n || gov * 10_000n <= BigInt(limit) * total);
          expect(r.governmentCents <= r.totalProjectCostCents).toBe(true);
        },
      ),
    );
  });
});

describe('submission against the call', () => {
  it('accepts a complete application that keeps the call’s rules', () => {
    expect(fields(app)).toEqual([]);
  });

  it('refuses after the close time, on the server clock, to the millisecond', () => {
    expect(fields(app, call, call.closesAt)).toEqual(['callId:error.application.callClosed']);
    expect(fields(app, call, new Date(call.closesAt.getTime() - 1))).toEqual([]);
    expect(fields(app, { ...call, status: 'closed' })).toEqual(['callId:error.application.callClosed']);
  });

  it('refuses an amount over the maximum or under the minimum, a project too long, years outside the call', () => {
    const big = { ...app, budget: { lines: [{ fiscalYear: '2027-28', category: 'rent' as const, amountCents: 25_000_001n, justification: 'x' }] } };
    expect(fields(big)).toContain('budget.lines:error.application.aboveMaximum');
    const small = { ...app, budget: { lines: [{ fiscalYear: '2027-28', category: 'rent' as const, amountCents: 999_999n, justification: 'x' }] } };
    expect(fields(small)).toContain('budget.lines:error.application.belowMinimum');
    const long = { ...app, project: { ...app.project, startDate: '2026-12-01', endDate: '2028-12-01' } };
    expect(fields(long)).toContain('project.endDate:error.application.tooLong');
    expect(fields(long)).toContain('project.endDate:error.application.outsideCallYears');
    const outside = { ...app, budget: { lines: [...app.budget.lines, { fiscalYear: '2028-29', category: 'rent' as const, amountCents: 1n, justification: 'x' }] } };
    expect(fields(outside)).toContain('budget.lines.2.fiscalYear:error.application.outsideCallYears');
  });

  it('refuses an answer that does not meet eligibility, and stacking over the limit, naming the field', () => {
    expect(fields({ ...app, eligibility: { answers: [{ questionId: q1, answer: false }] } })).toEqual(['eligibility.answers.0:error.application.ineligibleAnswer']);
    const stacked = { ...app, otherFunding: { sources: [{ source: 'Ontario', kind: 'provincial_territorial' as const, amountCents: 5_000_000n, status: 'pending' as const }] } };
    expect(fields(stacked)).toEqual(['otherFunding.sources:error.application.stackingExceeded']);
  });

  it('lists what is missing', () => {
    const empty: ApplicationContent = {
      project: { title: '', summary: '', objectives: '', targetPopulations: '', regionsServed: [], startDate: null, endDate: null },
      workPlan: { activities: [] },
      budget: { lines: [] },
      otherFunding: { sources: [] },
      expectedResults: { results: [] },
      gbaPlus: { populationsServed: '', barriers: [], howAddressed: '' },
      eligibility: { answers: [] },
      attachmentCount: 0,
    };
    expect(fields(empty)).toEqual(
      [
        'project.title', 'project.summary', 'project.objectives', 'project.targetPopulations', 'project.regionsServed', 'project.startDate', 'project.endDate',
        'workPlan.activities', 'budget.lines', 'expectedResults.results', 'gbaPlus.populationsServed', 'gbaPlus.barriers', 'gbaPlus.howAddressed', 'eligibility.answers.0',
      ].map((f) => (f === 'expectedResults.results' ? `${f}:error.application.indicatorTargetMissing` : `${f}:error.application.missing`)),
    );
  });

  it('the organisation must be of an eligible type and province', () => {
    expect(submissionIssues(app, call, { type: 'academic', provinceOrTerritory: 'ON' }, now).map((i) => i.field)).toEqual(['organisationId']);
  });
});

describe('sections refuse what is wrong even in a draft', () => {
  const issues = (input: unknown) => {
    const r = saveSectionInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };
  it('dates out of order, negative or non-numeric amounts, unknown fiscal years', () => {
    expect(issues({ section: 'project', data: { ...app.project, startDate: '2027-05-01', endDate: '2027-04-01' } })).toEqual(['data.endDate:error.dates.endBeforeStart']);
    expect(issues({ section: 'workPlan', data: { activities: [{ ...app.workPlan.activities[0], startDate: '2028-01-01', endDate: '2027-01-01' }] } })).toEqual([
      'data.activities.0.endDate:error.dates.endBeforeStart',
    ]);
    expect(issues({ section: 'budget', data: { lines: [{ ...app.budget.lines[0], amountCents: -1n }] } })).toEqual(['data.lines.0.amountCents:error.money.negative']);
    expect(issues({ section: 'budget', data: { lines: [{ ...app.budget.lines[0], amountCents: '12abc' }] } })).toEqual(['data.lines.0.amountCents:error.money.invalid']);
    expect(issues({ section: 'budget', data: { lines: [{ ...app.budget.lines[0], fiscalYear: '2027-29' }] } })).toEqual(['data.lines.0.fiscalYear:error.fiscalYear.invalid']);
    expect(issues({ section: 'expectedResults', data: { results: [{ indicatorId: ind, targetValue: 'many', notes: '' }] } })).toEqual(['data.results.0.targetValue:error.measure.invalid']);
    expect(projectSection.safeParse({ ...app.project, startDate: '2027-02-30' }).success).toBe(false);
  });
});

describe('small rules', () => {
  it('duration in whole months', () => {
    expect(durationInMonths('2026-04-01', '2028-03-31')).toBe(24);
    expect(durationInMonths('2026-04-01', '2028-04-01')).toBe(25);
    expect(durationInMonths('2026-04-01', '2026-04-01')).toBe(1);
    expect(durationInMonths('2026-04-15', '2026-05-14')).toBe(1);
  });
  it('reference numbers', () => {
    expect(applicationReference(2026, 123)).toBe('APP-2026-000123');
  });
  it('sniffs the file’s bytes, not its name', () => {
    const pdf = bytes('%PDF-1.7\n');
    expect(sniffAttachmentType(pdf, 'plan.pdf')).toBe('application/pdf');
    expect(sniffAttachmentType(pdf, 'renamed.exe')).toBe('application/pdf');
    expect(sniffAttachmentType(bytes('MZ\x90\x00'), 'plan.pdf')).toBeNull();
    expect(sniffAttachmentType(Uint8Array.from([0x50, 0x4b, 3, 4, 0]), 'budget.xlsx')).toContain('spreadsheetml');
    expect(sniffAttachmentType(Uint8Array.from([0x50, 0x4b, 3, 4, 0]), 'archive.zip')).toBeNull();
    expect(sniffAttachmentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'photo.jpg')).toBe('image/jpeg');
    expect(sniffAttachmentType(new Uint8Array(), 'empty.pdf')).toBeNull();
  });
  it('duplicate organisations: same business number root, or same name in the same province', () => {
    const a = { legalNameEn: 'White Ribbon', provinceOrTerritory: 'ON', businessNumber: '100000006RR0001' };
    expect(looksLikeDuplicate(a, { legalNameEn: 'Other', provinceOrTerritory: 'BC', businessNumber: '100000006RC0001' })).toBe(true);
    expect(looksLikeDuplicate(a, { legalNameEn: 'white  ribbon.', provinceOrTerritory: 'ON', businessNumber: null })).toBe(true);
    expect(looksLikeDuplicate(a, { legalNameEn: 'White Ribbon', provinceOrTerritory: 'QC', businessNumber: null })).toBe(false);
  });
  it('organisation profile: postal code normalised, bad values named', () => {
    const base = {
      legalNameEn: 'A', legalNameFr: 'A', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: null, isIndigenousLed: false, isSurvivorLed: false,
      officialLanguage: 'fr', addressLine: '1 rue Principale', city: 'Windsor', postalCode: 'n9a6j3', contactName: 'Sam', contactEmail: 'Sam@Example.ca', contactPhone: '519-555-0100',
    };
    const r = organisationProfileInput.parse(base);
    expect(r.postalCode).toBe('N9A 6J3');
    expect(r.contactEmail).toBe('sam@example.ca');
    const bad = organisationProfileInput.safeParse({ ...base, postalCode: '12345' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['postalCode']);
  });
});
