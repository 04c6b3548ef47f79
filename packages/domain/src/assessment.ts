/**
 * Screening, reviewer scoring, ranking, recommendation and decision. Scores are whole numbers
 * from 0 to 10 per criterion; a reviewer's weighted score is sum(score x weight) / 10, a number
 * from 0 to 100 because the call's weights sum to 100. Averages and rankings compare exact
 * fractions (cross-multiplication), so two applications tie only when they really are equal.
 */
import { z } from 'zod';
import type { Cents } from './money';
import type { DelegationPosition } from './delegation';

export const MAX_CRITERION_SCORE = 10;

export const SCREENING_CHECKLIST = [
  'organisation_type_eligible',
  'province_eligible',
  'eligibility_answers_met',
  'application_complete',
  'amount_and_duration_within_limits',
  'activities_within_mandate',
] as const;
export type ScreeningItem = (typeof SCREENING_CHECKLIST)[number];

export const screeningInput = z
  .object({
    applicationId: z.uuid({ message: 'error.id.invalid' }),
    /** Every item answered (zod requires each key of the list). */
    checklist: z.record(z.enum(SCREENING_CHECKLIST), z.boolean({ message: 'error.screening.checklistItem' })),
    eligible: z.boolean(),
    reason: z.string().trim().max(5000, { message: 'error.text.tooLong' }),
  })
  .refine((s) => s.eligible || s.reason !== '', { message: 'error.screening.reasonRequired', path: ['reason'] })
  .refine((s) => !s.eligible || SCREENING_CHECKLIST.every((k) => s.checklist[k] === true), {
    message: 'error.screening.checklistFailed',
    path: ['eligible'],
  });
export type ScreeningInput = z.infer<typeof screeningInput>;

export const CONFLICT_DECLARATIONS = ['none', 'conflict'] as const;
export type ConflictDeclaration = (typeof CONFLICT_DECLARATIONS)[number];

export const criterionScoreInput = z.object({
  criterionId: z.uuid({ message: 'error.id.invalid' }),
  score: z
    .number({ message: 'error.score.invalid' })
    .int({ message: 'error.score.invalid' })
    .min(0, { message: 'error.score.invalid' })
    .max(MAX_CRITERION_SCORE, { message: 'error.score.invalid' }),
  comment: z.string().trim().max(5000, { message: 'error.text.tooLong' }),
});

export const RECOMMENDATION_OUTCOMES = ['fund', 'fund_with_changes', 'do_not_fund'] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

const amount = z.bigint({ message: 'error.money.invalid' }).min(1n, { message: 'error.money.positive' }).max(10n ** 13n, { message: 'error.money.tooLarge' });

export const recommendationInput = z
  .object({
    applicationId: z.uuid({ message: 'error.id.invalid' }),
    outcome: z.enum(RECOMMENDATION_OUTCOMES, { message: 'error.invalid' }),
    amountCents: amount.nullable(),
    rationale: z.string().trim().min(1, { message: 'error.rationale.required' }).max(5000, { message: 'error.text.tooLong' }),
  })
  .refine((r) => r.outcome !== 'fund_with_changes' || r.amountCents !== null, { message: 'error.recommendation.amountRequired', path: ['amountCents'] })
  .refine((r) => r.outcome !== 'do_not_fund' || r.amountCents === null, { message: 'error.recommendation.noAmount', path: ['amountCents'] });
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const DECISION_OUTCOMES = ['approved', 'approved_with_changes', 'declined'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const decisionInput = z
  .object({
    applicationId: z.uuid({ message: 'error.id.invalid' }),
    outcome: z.enum(DECISION_OUTCOMES, { message: 'error.invalid' }),
    amountCents: amount.nullable(),
    rationale: z.string().trim().min(1, { message: 'error.rationale.required' }).max(5000, { message: 'error.text.tooLong' }),
  })
  .refine((d) => d.outcome === 'declined' || d.amountCents !== null, { message: 'error.decision.amountRequired', path: ['amountCents'] })
  .refine((d) => d.outcome !== 'declined' || d.amountCents === null, { message: 'error.recommendation.noAmount', path: ['amountCents'] });
export type DecisionInput = z.infer<typeof decisionInput>;

/** A reviewer's weighted score in tenths of a percent point: sum(score x weight), 0..1000. */
export function weightedPoints(scores: readonly { score: number; weight: number }[]): number {
  let points = 0;
  for (const s of scores) {
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > MAX_CRITERION_SCORE) throw new RangeError(`score ${s.score}`);
    points += s.score * s.weight;
  }
  return points;
}

/** An exact average: numerator over denominator (weighted points summed over reviewers). */
export interface Fraction {
  num: number;
  den: number;
}

export function compareFractions(a: Fraction, b: Fraction): number {
  return a.num * b.den - b.num * a.den;
}

/** Percent (0..100) rounded to two decimals, for display only. */
export function fractionToPercent(f: Fraction): number {
  return Math.round((f.num * 10) / f.den) / 100;
}

export interface ApplicationScores {
  applicationId: string;
  /** Each submitted reviewer's weighted points (0..1000). */
  reviewerPoints: readonly number[];
}

export interface RankedApplication {
  applicationId: string;
  reviewers: number;
  /** Average weighted score, 0..100, two decimals; null when nobody has scored yet. */
  averageScore: number | null;
  /** Highest minus lowest reviewer score, in points out of 100. */
  spread: number | null;
  /** 1 for the best; ties share a rank and the next rank skips (1, 1, 3). Null when unscored. */
  rank: number | null;
}

/** Rank applications by their average weighted score; ties share a rank. Unscored come last, unranked. */
export function rankApplications(apps: readonly ApplicationScores[]): RankedApplication[] {
  const scored = apps
    .filter((a) => a.reviewerPoints.length > 0)
    .map((a) => ({ a, avg: { num: a.reviewerPoints.reduce((x, y) => x + y, 0), den: a.reviewerPoints.length } }))
    .sort((x, y) => compareFractions(y.avg, x.avg) || (x.a.applicationId < y.a.applicationId ? -1 : 1));
  const out: RankedApplication[] = [];
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    const rank = prev && compareFractions(prev.avg, s.avg) === 0 ? out[i - 1]!.rank : i + 1;
    out.push({
      applicationId: s.a.applicationId,
      reviewers: s.a.reviewerPoints.length,
      averageScore: fractionToPercent(s.avg),
      spread: (Math.max(...s.a.reviewerPoints) - Math.min(...s.a.reviewerPoints)) / 10,
      rank,
    });
  });
  for (const a of apps) {
    if (a.reviewerPoints.length === 0) out.push({ applicationId: a.applicationId, reviewers: 0, averageScore: null, spread: null, rank: null });
  }
  return out;
}

/** Reviewers disagree enough to discuss when their scores lie this many points apart (out of 100). */
export const SPREAD_ALERT_POINTS = 20;

/** The position an act of authority is taken under (a decision, a signature, an amendment). */
export type DecidingRole = DelegationPosition;

/**
 * The delegated authority a decider brings: of the positions they hold that day (positionsHeld),
 * the one with the highest limit for this program. Null when they hold none with a limit.
 */
export function delegatedAuthority(
  positions: readonly DelegationPosition[],
  limits: readonly { role: DelegationPosition; maxAmountCents: Cents }[],
): { role: DecidingRole; maxAmountCents: Cents } | null {
  let best: { role: DecidingRole; maxAmountCents: Cents } | null = null;
  for (const l of limits) {
    if (positions.includes(l.role) && (best === null || l.maxAmountCents > best.maxAmountCents)) best = { role: l.role, maxAmountCents: l.maxAmountCents };
  }
  return best;
}

/** May someone with these roles decide on this amount? Declining costs nothing and needs a deciding role only. */
export function withinDelegatedLimit(amountCents: Cents | null, authority: { maxAmountCents: Cents } | null): boolean {
  if (authority === null) return false;
  return amountCents === null || amountCents <= authority.maxAmountCents;
}

/** Published service standards, in calendar days from submission. */
export const SERVICE_STANDARDS = { acknowledgementDays: 2, decisionDays: 112 } as const;

/** Whole calendar days between two instants (rounded down), never negative. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}
