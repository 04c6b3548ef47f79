/** Programs: what officers and administrators may set, and the money available by fiscal year and pillar. */
import { centsInputSchema } from './money';
import { z } from 'zod';
import { fiscalYearLabelSchema } from './fiscal-year';
import { TRANSFER_PAYMENT_TYPES } from './reference';

export const programInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, { message: 'error.code.invalid' }),
  strategyId: z.uuid({ message: 'error.strategy.required' }),
  nameEn: z.string().trim().min(1, { message: 'error.nameEn.required' }).max(300, { message: 'error.text.tooLong' }),
  nameFr: z.string().trim().min(1, { message: 'error.nameFr.required' }).max(300, { message: 'error.text.tooLong' }),
  descriptionEn: z.string().trim().max(5000, { message: 'error.text.tooLong' }),
  descriptionFr: z.string().trim().max(5000, { message: 'error.text.tooLong' }),
  transferPaymentType: z.enum(TRANSFER_PAYMENT_TYPES, { message: 'error.transferPaymentType.invalid' }),
  /** Basis points: 10000 = 100% of eligible costs may come from government sources. */
  stackingLimitBp: z.number().int({ message: 'error.stackingLimit.invalid' }).min(0, { message: 'error.stackingLimit.invalid' }).max(10_000, { message: 'error.stackingLimit.invalid' }),
  pillarIds: z.array(z.uuid({ message: 'error.id.invalid' })).min(1, { message: 'error.pillars.required' }),
});
// The officer's and manager's approval limits are not the program's terms: they are the delegation
// of authority's (delegation.ts), changed only by administrators, two of them.
export type ProgramInput = z.infer<typeof programInput>;

export const streamInput = z.object({
  programId: z.uuid({ message: 'error.id.invalid' }),
  code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, { message: 'error.code.invalid' }),
  nameEn: z.string().trim().min(1, { message: 'error.nameEn.required' }).max(300, { message: 'error.text.tooLong' }),
  nameFr: z.string().trim().min(1, { message: 'error.nameFr.required' }).max(300, { message: 'error.text.tooLong' }),
});

/** One fiscal year's budget, by pillar: saved together or not at all. */
export const budgetRowInput = z.object({
  programId: z.uuid({ message: 'error.id.invalid' }),
  fiscalYear: fiscalYearLabelSchema,
  lines: z
    .array(z.object({ pillarId: z.uuid({ message: 'error.id.invalid' }), amountCents: centsInputSchema }))
    .min(1, { message: 'error.invalid' })
    .max(20),
});
export type BudgetRowInput = z.infer<typeof budgetRowInput>;
