/**
 * Claims and payments. A recipient submits a claim; a program officer certifies it (FAA s. 34)
 * or rejects it; a finance officer releases the payment (s. 33). Each money event is written to
 * the journal in the same transaction as the change that causes it; balances are derived from
 * the journal. The database enforces the limits again (see the claims migration), so a race, a
 * retry or a bug here cannot overpay. These procedures name who may call each one (the access
 * sets of packages/domain) and hand the work to a command of this folder or to its queries.
 */import { CERTIFIERS, MONEY_READERS, RELEASERS } from '@tp/domain';
import { certifyClaimInput, claimInput, fiscalYearLabelSchema, isoDateIn, rejectClaimInput, releasePaymentInput, uuidSchema } from '@tp/domain';
import { centsInputSchema } from '@tp/domain';
import { z } from 'zod';
import { agreementLedger, claimOptions, getClaim, listClaims } from './queries';
import { certifyClaim, rejectClaim } from './certify-claim';
import { closeFiscalYear, yearEndPreview } from './close-fiscal-year';
import { reconciliationPage } from './reconciliation';
import { recordOverpayment } from './record-overpayment';
import { releasePayment } from './release-payment';
import { submitClaim } from './submit-claim';
import { authedProcedure, recipientProcedure, roleProcedure, router } from '../trpc';

/** Program officers certify performance (FAA s. 34). */
const certifier = roleProcedure(...CERTIFIERS);
/** Finance officers release payments (s. 33), close fiscal years and record overpayments. */
const finance = roleProcedure(...RELEASERS);
const moneyReaders = roleProcedure(...MONEY_READERS);

/** A year end covers one program, or every program (null). */
const yearEndScope = z.object({ fiscalYear: fiscalYearLabelSchema, programId: uuidSchema.nullable().default(null) });

export const claimsRouter = router({
  submit: recipientProcedure.input(claimInput).mutation(({ ctx, input }) => submitClaim(ctx.db, ctx.user, ctx.meta, input)),
  /** Recipients list their own organisation's claims; staff list all (checked in the service). */
  list: authedProcedure
    .input(z.object({ agreementId: uuidSchema.nullable().default(null), status: z.enum(['submitted', 'certified', 'paid', 'rejected']).nullable().default(null) }))
    .query(({ ctx, input }) => listClaims(ctx.db, ctx.user, input)),
  get: authedProcedure.input(z.object({ claimId: uuidSchema })).query(({ ctx, input }) => getClaim(ctx.db, ctx.user, input.claimId)),
  options: authedProcedure.input(z.object({ agreementId: uuidSchema })).query(({ ctx, input }) => claimOptions(ctx.db, ctx.user, input.agreementId)),
  certify: certifier.input(certifyClaimInput).mutation(async ({ ctx, input }) => {
    await certifyClaim(ctx.db, ctx, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  reject: certifier.input(rejectClaimInput).mutation(async ({ ctx, input }) => {
    await rejectClaim(ctx.db, ctx, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  release: finance.input(releasePaymentInput).mutation(({ ctx, input }) => releasePayment(ctx.db, ctx, ctx.user, ctx.meta, input)),
  ledger: authedProcedure.input(z.object({ agreementId: uuidSchema })).query(({ ctx, input }) => agreementLedger(ctx.db, ctx.user, input.agreementId)),
  reconciliation: moneyReaders
    .input(
      z.object({
        programId: uuidSchema.nullable().default(null),
        fiscalYear: fiscalYearLabelSchema.nullable().default(null),
        pillarId: uuidSchema.nullable().default(null),
        byCategory: z.boolean().default(false),
        search: z.string().max(200).default(''),
        page: z.number().int().min(1).max(1_000_000).default(1),
      }),
    )
    .query(({ ctx, input }) => reconciliationPage(ctx.db, input)),
  /** What closing a fiscal year (for one program or all) would lapse, agreement by agreement, and whether it can be closed today. */
  yearEndPreview: finance.input(yearEndScope).query(({ ctx, input }) => yearEndPreview(ctx.db, input, isoDateIn(ctx.now?.() ?? new Date(), 'America/Toronto'))),
  closeFiscalYear: finance.input(yearEndScope.extend({ confirmation: z.string().max(50) })).mutation(({ ctx, input }) => {
    const now = ctx.now?.() ?? new Date();
    return closeFiscalYear(ctx.db, ctx.user, ctx.meta, input, now, isoDateIn(now, 'America/Toronto'));
  }),
  recordOverpayment: finance
    .input(
      z.object({
        agreementId: uuidSchema,
        fiscalYear: fiscalYearLabelSchema,
        amountCents: centsInputSchema.refine((v) => v > 0n, { message: 'error.money.positive' }),
        kind: z.enum(['overpayment_established', 'recovery_received']),
        memo: z.string().trim().max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await recordOverpayment(ctx.db, ctx.user, ctx.meta, input);
      return { ok: true as const };
    }),
});
