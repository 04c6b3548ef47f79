/**
 * Calls for proposals: their lifecycle and the rules a call must satisfy before publication.
 */
import { centsInputSchema } from './money';
import { z } from 'zod';
import { fiscalYearLabelSchema, parseFiscalYearLabel } from './fiscal-year';
import { ORGANISATION_TYPES, PROVINCES_AND_TERRITORIES } from './reference';
import { stateMachine } from './state-machine';

export const CALL_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const callLifecycle = stateMachine<CallStatus>('call', {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
});

export const CALL_PRIORITIES = [
  'indigenous_led',
  'survivor_led',
  'youth',
  'migrant_workers',
  'two_slgbtqi_plus',
  'rural_remote_northern',
  'women_and_girls',
] as const;
export type CallPriority = (typeof CALL_PRIORITIES)[number];

/** Whether a published call takes submissions at `now`: on the server clock, to the second. */
export function isCallOpen(call: { status: CallStatus; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return call.status === 'published' && call.opensAt <= now && now < call.closesAt;
}

/** Criteria weights are whole percentages that sum to exactly 100. */
export function weightsSumTo100(weights: readonly number[]): boolean {
  return weights.length > 0 && weights.every((w) => Number.isInteger(w) && w > 0) && weights.reduce((a, b) => a + b, 0) === 100;
}

/**
 * What stops a draft call from being published, or null: criteria weighing exactly 100 and at
 * least one indicator (each indicator's readiness is its own rule). The database checks the same
 * at publication (call_rules_frozen), held equal by packages/db/test/parity/call-publication.test.ts.
 */
export function publicationRefusal(call: { weights: readonly number[]; indicators: number }): 'error.weights.sum' | 'error.indicators.required' | null {
  if (!weightsSumTo100(call.weights)) return 'error.weights.sum';
  return call.indicators > 0 ? null : 'error.indicators.required';
}

const bilingualRequired = (field: string) =>
  z
    .string({ message: `error.${field}.required` })
    .trim()
    .min(1, { message: `error.${field}.required` })
    .max(300, { message: 'error.text.tooLong' });

export const criterionInput = z.object({
  nameEn: bilingualRequired('criterionNameEn'),
  nameFr: bilingualRequired('criterionNameFr'),
  weight: z.number({ message: 'error.weight.invalid' }).int({ message: 'error.weight.invalid' }).min(1, { message: 'error.weight.invalid' }).max(100, { message: 'error.weight.invalid' }),
});

export const eligibilityQuestionInput = z.object({
  textEn: bilingualRequired('questionEn'),
  textFr: bilingualRequired('questionFr'),
  expectedAnswer: z.boolean(),
});

/** Everything a call's draft holds. Rules checked here hold for a draft too; publication adds readiness. */
export const callInput = z
  .object({
    programId: z.uuid({ message: 'error.program.required' }),
    streamId: z.uuid({ message: 'error.id.invalid' }).nullable(),
    pillarIds: z.array(z.uuid({ message: 'error.id.invalid' })).min(1, { message: 'error.pillars.required' }),
    titleEn: bilingualRequired('titleEn'),
    titleFr: bilingualRequired('titleFr'),
    descriptionEn: z.string().trim().max(10_000, { message: 'error.text.tooLong' }),
    descriptionFr: z.string().trim().max(10_000, { message: 'error.text.tooLong' }),
    eligibleRecipientTypes: z.array(z.enum(ORGANISATION_TYPES)).min(1, { message: 'error.eligibleTypes.required' }),
    eligibleProvinces: z.array(z.enum(PROVINCES_AND_TERRITORIES)).min(1, { message: 'error.eligibleProvinces.required' }),
    priorities: z.array(z.enum(CALL_PRIORITIES)),
    minAmountCents: centsInputSchema,
    maxAmountCents: centsInputSchema,
    maxDurationMonths: z.number().int({ message: 'error.duration.invalid' }).min(1, { message: 'error.duration.invalid' }).max(120, { message: 'error.duration.invalid' }),
    firstFiscalYear: fiscalYearLabelSchema,
    lastFiscalYear: fiscalYearLabelSchema,
    opensAt: z.date({ message: 'error.dateTime.invalid' }),
    closesAt: z.date({ message: 'error.dateTime.invalid' }),
    indicatorIds: z.array(z.uuid({ message: 'error.id.invalid' })).min(1, { message: 'error.indicators.required' }),
    eligibilityQuestions: z.array(eligibilityQuestionInput).max(30),
    criteria: z.array(criterionInput).min(1, { message: 'error.criteria.required' }).max(20),
  })
  .refine((c) => c.maxAmountCents >= c.minAmountCents, { message: 'error.amount.maxBelowMin', path: ['maxAmountCents'] })
  .refine((c) => c.closesAt > c.opensAt, { message: 'error.closesAt.beforeOpens', path: ['closesAt'] })
  .refine(
    (c) => {
      try {
        return parseFiscalYearLabel(c.lastFiscalYear).startYear >= parseFiscalYearLabel(c.firstFiscalYear).startYear;
      } catch {
        return true; // the label itself is reported by its own schema
      }
    },
    { message: 'error.fiscalYears.order', path: ['lastFiscalYear'] },
  )
  .refine((c) => weightsSumTo100(c.criteria.map((k) => k.weight)), { message: 'error.weights.sum', path: ['criteria'] });
export type CallInput = z.infer<typeof callInput>;
