/**
 * Contribution agreements: drafted by an officer (from an approved application or directly),
 * sent to the recipient, signed by the recipient in the portal, signed for the department by
 * someone whose delegated authority covers the total (which commits the money, fiscal year by
 * fiscal year, in the journal), then amended version by version, each amendment approved by
 * someone other than its author. One transaction per command (a file of this folder each); each
 * writes its audit record. These procedures name who may call each one and hand the work on.
 */
import { AGREEMENT_DRAFTERS, AGREEMENT_SIGNERS, AGREEMENT_STAFF } from '@tp/domain';
import {
  agreementPortfolioInput,
  createAgreementInput,
  decideAmendmentInput,
  endAgreementInput,
  isoDateIn,
  proposeAmendmentInput,
  recipientSignatureInput,
  updateAgreementDraftInput,
  uuidSchema,
  writeDisclosureTextsInput,
} from '@tp/domain';
import { z } from 'zod';
import { agreementPortfolio, upcomingObligations } from './portfolio';
import { applicationsAwaitingAgreement, draftingOptions, proposeTermsFromApplication } from './drafting-queries';
import { compareVersions, getAgreement, myAgreements } from './queries';
import { createAgreement } from './create-agreement';
import { decideAmendment } from './decide-amendment';
import { endAgreement } from './end-agreement';
import { proposeAmendment } from './propose-amendment';
import { recallToDraft } from './recall-to-draft';
import { writeDisclosureTexts } from './write-disclosure-texts';
import { sendForSignature } from './send-for-signature';
import { signAsRecipient, signForDepartment } from './sign-agreement';
import { updateDraft } from './update-draft';
import { authedProcedure, recipientProcedure, roleProcedure, router } from '../trpc';

/** Officers draft, send and amend agreements. */
const officer = roleProcedure(...AGREEMENT_DRAFTERS);
/** The department signs and approves amendments within delegated authority (checked in the service). */
const signer = roleProcedure(...AGREEMENT_SIGNERS);
/** Every department role that follows agreements (reviewers only see applications). */
const agreementStaff = roleProcedure(...AGREEMENT_STAFF);
const agreementId = z.object({ agreementId: uuidSchema });
const today = () => isoDateIn(new Date(), 'America/Toronto');

export const agreementsRouter = router({
  portfolio: agreementStaff.input(agreementPortfolioInput).query(({ ctx, input }) => agreementPortfolio(ctx.db, input)),
  obligations: agreementStaff
    .input(z.object({ days: z.number().int().min(1).max(366).default(60) }))
    .query(({ ctx, input }) => upcomingObligations(ctx.db, { today: today(), days: input.days })),
  awaitingAgreement: officer.query(({ ctx }) => applicationsAwaitingAgreement(ctx.db)),
  draftingOptions: officer.input(z.object({ programId: uuidSchema })).query(({ ctx, input }) => draftingOptions(ctx.db, input.programId)),
  proposeFromApplication: officer.input(z.object({ applicationId: uuidSchema })).query(({ ctx, input }) => proposeTermsFromApplication(ctx.db, input.applicationId)),
  create: officer.input(createAgreementInput).mutation(({ ctx, input }) => createAgreement(ctx.db, ctx.user, ctx.meta, input)),
  updateDraft: officer.input(updateAgreementDraftInput).mutation(async ({ ctx, input }) => {
    await updateDraft(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  send: officer.input(agreementId).mutation(async ({ ctx, input }) => {
    await sendForSignature(ctx.db, ctx, ctx.user, ctx.meta, input.agreementId);
    return { ok: true as const };
  }),
  writeDisclosureTexts: officer.input(writeDisclosureTextsInput).mutation(async ({ ctx, input }) => {
    await writeDisclosureTexts(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  recall: officer.input(agreementId).mutation(async ({ ctx, input }) => {
    await recallToDraft(ctx.db, ctx.user, ctx.meta, input.agreementId);
    return { ok: true as const };
  }),
  signAsRecipient: recipientProcedure.input(recipientSignatureInput).mutation(({ ctx, input }) => signAsRecipient(ctx.db, ctx, ctx.user, ctx.meta, input)),
  signForDepartment: signer.input(agreementId).mutation(async ({ ctx, input }) => {
    await signForDepartment(ctx.db, ctx, ctx.user, ctx.meta, input.agreementId);
    return { ok: true as const };
  }),
  proposeAmendment: officer.input(proposeAmendmentInput).mutation(({ ctx, input }) => proposeAmendment(ctx.db, ctx.user, ctx.meta, input)),
  decideAmendment: signer.input(decideAmendmentInput).mutation(async ({ ctx, input }) => {
    await decideAmendment(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  end: signer.input(endAgreementInput).mutation(async ({ ctx, input }) => {
    await endAgreement(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  /** Staff read any agreement; a recipient reads its own once sent (checked in the service). */
  get: authedProcedure.input(agreementId).query(({ ctx, input }) => getAgreement(ctx.db, ctx.user, input.agreementId)),
  version: authedProcedure
    .input(z.object({ agreementId: uuidSchema, version: z.number().int().positive() }))
    .query(({ ctx, input }) => compareVersions(ctx.db, ctx.user, input)),
  mine: recipientProcedure.query(({ ctx }) => myAgreements(ctx.db, ctx.user, today())),
});
