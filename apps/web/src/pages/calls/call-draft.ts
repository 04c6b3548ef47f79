/** A call as its form holds it (text as typed), and how it is checked and read into what the server takes; problems are named by field. */
import { centsOrUndefined } from '../../lib/money-input';
import { problemsFromError, type FormProblems } from '../../lib/form-problems';
import { torontoWallTimeToDate } from './toronto-time';

export interface QuestionRow {
  textEn: string;
  textFr: string;
  expectedAnswer: 'yes' | 'no';
}
export interface CriterionRow {
  nameEn: string;
  nameFr: string;
  weight: string;
}
export interface CallDraft {
  programId: string;
  streamId: string;
  pillarIds: string[];
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  eligibleRecipientTypes: string[];
  eligibleProvinces: string[];
  priorities: string[];
  minAmount: string;
  maxAmount: string;
  maxDurationMonths: string;
  firstFiscalYear: string;
  lastFiscalYear: string;
  opensAt: string;
  closesAt: string;
  indicatorIds: string[];
  eligibilityQuestions: QuestionRow[];
  criteria: CriterionRow[];
}

export const EMPTY_CALL: CallDraft = {
  programId: '',
  streamId: '',
  pillarIds: [],
  titleEn: '',
  titleFr: '',
  descriptionEn: '',
  descriptionFr: '',
  eligibleRecipientTypes: [],
  eligibleProvinces: [],
  priorities: [],
  minAmount: '',
  maxAmount: '',
  maxDurationMonths: '',
  firstFiscalYear: '',
  lastFiscalYear: '',
  opensAt: '',
  closesAt: '',
  indicatorIds: [],
  eligibilityQuestions: [],
  criteria: [{ nameEn: '', nameFr: '', weight: '' }],
};

const TOP_FIELDS = [
  'programId',
  'streamId',
  'pillarIds',
  'titleEn',
  'titleFr',
  'descriptionEn',
  'descriptionFr',
  'eligibleRecipientTypes',
  'eligibleProvinces',
  'priorities',
  'minAmountCents',
  'maxAmountCents',
  'maxDurationMonths',
  'firstFiscalYear',
  'lastFiscalYear',
  'opensAt',
  'closesAt',
  'indicatorIds',
  'eligibilityQuestions',
  'criteria',
];

/** Field paths from updateDraft carry the input's nesting ("call.criteria"): the form names them without it. */
const strip = (field: string) => field.replace(/^call\./, '');
export const isCallField = (field: string) =>
  TOP_FIELDS.includes(strip(field)) ||
  /^criteria\.\d+\.(nameEn|nameFr|weight)$/.test(strip(field)) ||
  /^eligibilityQuestions\.\d+\.(textEn|textFr|expectedAnswer)$/.test(strip(field));

export function callProblemsFromError(error: unknown): FormProblems {
  const problems = problemsFromError(error, isCallField);
  return { form: problems.form, fields: Object.fromEntries(Object.entries(problems.fields).map(([k, v]) => [strip(k), v])) };
}


const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

/** The draft as the API's input; what cannot be read is left out so that validation names it. */
export function toCandidate(draft: CallDraft): Record<string, unknown> {
  return {
    programId: draft.programId,
    streamId: draft.streamId || null,
    pillarIds: draft.pillarIds,
    titleEn: draft.titleEn,
    titleFr: draft.titleFr,
    descriptionEn: draft.descriptionEn,
    descriptionFr: draft.descriptionFr,
    eligibleRecipientTypes: draft.eligibleRecipientTypes,
    eligibleProvinces: draft.eligibleProvinces,
    priorities: draft.priorities,
    minAmountCents: centsOrUndefined(draft.minAmount),
    maxAmountCents: centsOrUndefined(draft.maxAmount),
    maxDurationMonths: wholeNumber(draft.maxDurationMonths),
    firstFiscalYear: draft.firstFiscalYear,
    lastFiscalYear: draft.lastFiscalYear,
    opensAt: torontoWallTimeToDate(draft.opensAt) ?? undefined,
    closesAt: torontoWallTimeToDate(draft.closesAt) ?? undefined,
    indicatorIds: draft.indicatorIds,
    eligibilityQuestions: draft.eligibilityQuestions.map((q) => ({ textEn: q.textEn, textFr: q.textFr, expectedAnswer: q.expectedAnswer === 'yes' })),
    criteria: draft.criteria.map((c) => ({ nameEn: c.nameEn, nameFr: c.nameFr, weight: wholeNumber(c.weight) })),
  };
}

export function criteriaTotal(criteria: readonly CriterionRow[]): number {
  return criteria.reduce((sum, c) => sum + (wholeNumber(c.weight) ?? 0), 0);
}
