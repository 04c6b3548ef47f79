/**
 * Performance measurement: logic model levels and indicators. An indicator is ready (usable in
 * a call or an agreement) only when it can actually be collected: a definition, a unit, a data
 * collection method, a source, a frequency, a baseline and a target (the 2021 evaluation found
 * indicators lacking exactly these).
 */
import { z } from 'zod';
import { fiscalYearLabelSchema, isoDateSchema } from './fiscal-year';

export const LOGIC_MODEL_LEVELS = ['ultimate', 'intermediate', 'immediate', 'output'] as const;
export type LogicModelLevel = (typeof LOGIC_MODEL_LEVELS)[number];

/** A result at one level contributes to results one level up: output -> immediate -> intermediate -> ultimate. */
export function contributesTo(level: LogicModelLevel): LogicModelLevel | null {
  const i = LOGIC_MODEL_LEVELS.indexOf(level);
  return i > 0 ? LOGIC_MODEL_LEVELS[i - 1]! : null;
}

export const INDICATOR_UNITS = ['count', 'percent', 'currency', 'days', 'yes_no'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const COLLECTION_FREQUENCIES = ['monthly', 'quarterly', 'semi_annual', 'annual'] as const;
export type CollectionFrequency = (typeof COLLECTION_FREQUENCIES)[number];

export const GBA_DIMENSIONS = [
  'gender',
  'age_group',
  'indigenous_identity',
  'two_slgbtqi_plus',
  'disability',
  'official_language',
  'urban_rural_remote',
  'newcomer_or_migrant',
] as const;
export type GbaDimension = (typeof GBA_DIMENSIONS)[number];

/** What readiness requires, in the order the interface lists what is missing. */
export const READINESS_REQUIREMENTS = ['definition', 'unit', 'method', 'source', 'frequency', 'baseline', 'target'] as const;
export type ReadinessRequirement = (typeof READINESS_REQUIREMENTS)[number];

export interface IndicatorReadinessFields {
  definitionEn: string | null;
  definitionFr: string | null;
  unit: IndicatorUnit | null;
  methodEn: string | null;
  methodFr: string | null;
  sourceEn: string | null;
  sourceFr: string | null;
  frequency: CollectionFrequency | null;
  baselineValue: string | null;
  baselineYear: string | null;
  targetValue: string | null;
  targetDate: string | null;
}

const filled = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== '';

/** What an indicator still lacks before it can be used; empty when it is ready. Bilingual texts need both languages. */
export function missingForReadiness(i: IndicatorReadinessFields): ReadinessRequirement[] {
  const missing: ReadinessRequirement[] = [];
  if (!filled(i.definitionEn) || !filled(i.definitionFr)) missing.push('definition');
  if (!i.unit) missing.push('unit');
  if (!filled(i.methodEn) || !filled(i.methodFr)) missing.push('method');
  if (!filled(i.sourceEn) || !filled(i.sourceFr)) missing.push('source');
  if (!i.frequency) missing.push('frequency');
  if (!filled(i.baselineValue) || !filled(i.baselineYear)) missing.push('baseline');
  if (!filled(i.targetValue) || !filled(i.targetDate)) missing.push('target');
  return missing;
}

export function isIndicatorReady(i: IndicatorReadinessFields): boolean {
  return missingForReadiness(i).length === 0;
}

/** A measured value: a decimal number as text (exact, like PostgreSQL numeric). */
export const measureSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,4})?$/, { message: 'error.measure.invalid' });

const optionalText = z
  .string()
  .trim()
  .max(2000, { message: 'error.text.tooLong' })
  .nullable()
  .transform((v) => (v === '' ? null : v));

export const indicatorInput = z
  .object({
    outcomeId: z.uuid({ message: 'error.id.invalid' }),
    code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, { message: 'error.code.invalid' }),
    nameEn: z.string().trim().min(1, { message: 'error.nameEn.required' }).max(300, { message: 'error.text.tooLong' }),
    nameFr: z.string().trim().min(1, { message: 'error.nameFr.required' }).max(300, { message: 'error.text.tooLong' }),
    definitionEn: optionalText,
    definitionFr: optionalText,
    unit: z.enum(INDICATOR_UNITS, { message: 'error.indicator.unit' }).nullable(),
    direction: z.enum(INDICATOR_DIRECTIONS, { message: 'error.indicator.direction' }),
    methodEn: optionalText,
    methodFr: optionalText,
    sourceEn: optionalText,
    sourceFr: optionalText,
    frequency: z.enum(COLLECTION_FREQUENCIES, { message: 'error.indicator.frequency' }).nullable(),
    baselineValue: measureSchema.nullable(),
    baselineYear: fiscalYearLabelSchema.nullable(),
    targetValue: measureSchema.nullable(),
    targetDate: isoDateSchema.nullable(),
    owner: optionalText,
    gbaDimensions: z.array(z.enum(GBA_DIMENSIONS, { message: 'error.indicator.gbaDimension' })).max(GBA_DIMENSIONS.length),
    departmentalResultIndicatorId: z.uuid({ message: 'error.id.invalid' }).nullable(),
  })
  .refine((i) => i.unit !== 'percent' || i.baselineValue === null || (Number(i.baselineValue) >= 0 && Number(i.baselineValue) <= 100), {
    message: 'error.measure.percent',
    path: ['baselineValue'],
  })
  .refine((i) => i.unit !== 'percent' || i.targetValue === null || (Number(i.targetValue) >= 0 && Number(i.targetValue) <= 100), {
    message: 'error.measure.percent',
    path: ['targetValue'],
  });
export type IndicatorInput = z.infer<typeof indicatorInput>;
