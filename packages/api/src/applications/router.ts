/**
 * Applications and their assessment. From the recipient's side: a draft per organisation and
 * call, saved section by section, submitted once and withdrawn. From the department's side:
 * eligibility screening (officer), reviewer assignment (manager), conflict of interest
 * declarations and scoring (reviewer), ranking with reviewer spread, recommendation (officer), and
 * the decision by someone whose delegated authority covers the amount and who did not recommend
 * it, with the decision letter in the organisation's official language. One transaction per
 * command (a file of this folder each), each with its audit record. These procedures name who may
 * call each one (the access sets of packages/domain) and hand the work on.
 */import { APPLICATION_REVIEWERS, APPLICATION_SCREENERS, APPLICATION_STAFF, DECIDERS, REVIEW_ASSIGNERS } from '@tp/domain';
import {
  APPLICATION_STATUSES,
  CALL_PRIORITIES,
  CONFLICT_DECLARATIONS,
  criterionScoreInput,
  decisionInput,
  organisationTypeSchema,
  provinceSchema,
  recommendationInput,
  saveSectionInput,
  screeningInput,
  uuidSchema,
} from '@tp/domain';
import { z } from 'zod';
import { completeness, getApplication, intakeQueue, listMyApplications } from './queries';
import { createDraft } from './create-draft';
import { saveSection } from './save-section';
import { submitApplication } from './submit-application';
import { withdrawApplication } from './withdraw-application';
import { discardDraft } from './discard-draft';
import { applicationScores, myAssignments, myScores, rankingForCall, serviceStandards } from './assessment-queries';
import { assignReviewer } from './assign-reviewer';
import { decide } from './decide-application';
import { declareConflict } from './declare-conflict';
import { recommend } from './recommend-application';
import { saveScores, submitReview } from './score-application';
import { screenApplication } from './screen-application';
import { deleteAttachment } from './attachments';
import { authedProcedure, recipientProcedure, roleProcedure, router } from '../trpc';

const idInput = z.object({ id: uuidSchema });
/** Officers, managers and administrators see every submitted application; reviewers see their assignments. */
const applicationStaff = roleProcedure(...APPLICATION_STAFF);
const officer = roleProcedure(...APPLICATION_SCREENERS);
const manager = roleProcedure(...REVIEW_ASSIGNERS);
const reviewer = roleProcedure(...APPLICATION_REVIEWERS);
const decider = roleProcedure(...DECIDERS);

/** What a recipient does with its applications, and what everyone may read. */
export const applicationsRouter = router({
  mine: recipientProcedure.query(({ ctx }) => listMyApplications(ctx.db, ctx.user)),
  /** Opens the organisation's application to a call: the existing one when there is one. */
  create: recipientProcedure
    .input(z.object({ callId: uuidSchema, organisationId: uuidSchema }))
    .mutation(({ ctx, input }) => createDraft(ctx.db, ctx.user, ctx.meta, input)),
  /** Replaces one section of a draft (autosave). Returns what is still missing. */
  saveSection: recipientProcedure
    .input(z.intersection(z.object({ id: uuidSchema }), saveSectionInput))
    .mutation(({ ctx, input }) => saveSection(ctx.db, ctx.user, ctx.meta, input)),
  get: authedProcedure.input(idInput).query(({ ctx, input }) => getApplication(ctx.db, ctx.user, input.id)),
  completeness: authedProcedure.input(idInput).query(({ ctx, input }) => completeness(ctx.db, ctx.user, input.id)),
  submit: recipientProcedure.input(idInput).mutation(({ ctx, input }) => submitApplication(ctx.db, ctx, ctx.user, ctx.meta, input.id)),
  withdraw: recipientProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    await withdrawApplication(ctx.db, ctx.user, ctx.meta, input.id);
    return { ok: true as const };
  }),
  /** Delete a draft (only a draft) with its sections and attachments; the audit trail keeps it. */
  discardDraft: recipientProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    await discardDraft(ctx.db, ctx.files, ctx.user, ctx.meta, input.id);
    return { ok: true as const };
  }),
  deleteAttachment: recipientProcedure.input(z.object({ applicationId: uuidSchema, attachmentId: uuidSchema })).mutation(async ({ ctx, input }) => {
    await deleteAttachment(ctx.db, ctx.files, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  intake: applicationStaff
    .input(
      z.object({
        callId: uuidSchema.optional(),
        status: z.enum(APPLICATION_STATUSES).optional(),
        province: provinceSchema.optional(),
        organisationType: organisationTypeSchema.optional(),
        priority: z.enum(CALL_PRIORITIES).optional(),
      }),
    )
    .query(({ ctx, input }) => intakeQueue(ctx.db, input)),
});

/** Screening, reviews, ranking, recommendation and decision: department roles only. */
export const assessmentRouter = router({
  screen: officer.input(screeningInput).mutation(async ({ ctx, input }) => {
    await screenApplication(ctx.db, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  reviewers: manager.query(({ ctx }) =>
    ctx.db
      .selectFrom('appUser')
      .innerJoin('membership', 'membership.userId', 'appUser.id')
      .select(['appUser.id', 'appUser.displayName', 'appUser.email'])
      .where('membership.role', '=', 'reviewer')
      .where('appUser.status', '=', 'active')
      .orderBy('appUser.displayName')
      .execute(),
  ),
  assign: manager
    .input(z.object({ applicationId: uuidSchema, reviewerId: uuidSchema }))
    .mutation(({ ctx, input }) => assignReviewer(ctx.db, ctx.user, ctx.meta, input)),
  myAssignments: reviewer.query(({ ctx }) => myAssignments(ctx.db, ctx.user)),
  declareConflict: reviewer
    .input(z.object({ applicationId: uuidSchema, conflict: z.enum(CONFLICT_DECLARATIONS), note: z.string().trim().max(2000, { message: 'error.text.tooLong' }) }))
    .mutation(async ({ ctx, input }) => {
      await declareConflict(ctx.db, ctx.user, ctx.meta, input);
      return { ok: true as const };
    }),
  myScores: reviewer.input(z.object({ applicationId: uuidSchema })).query(({ ctx, input }) => myScores(ctx.db, ctx.user, input.applicationId)),
  saveScores: reviewer
    .input(z.object({ applicationId: uuidSchema, scores: z.array(criterionScoreInput).max(20) }))
    .mutation(async ({ ctx, input }) => {
      await saveScores(ctx.db, ctx.user, ctx.meta, input);
      return { ok: true as const };
    }),
  submitReview: reviewer.input(z.object({ applicationId: uuidSchema })).mutation(({ ctx, input }) => submitReview(ctx.db, ctx.user, ctx.meta, input.applicationId)),
  /** Every reviewer's scores on one application: staff only, never recipients. */
  scores: applicationStaff.input(z.object({ applicationId: uuidSchema })).query(({ ctx, input }) => applicationScores(ctx.db, input.applicationId)),
  ranking: applicationStaff.input(z.object({ callId: uuidSchema })).query(({ ctx, input }) => rankingForCall(ctx.db, input.callId)),
  recommend: officer.input(recommendationInput).mutation(async ({ ctx, input }) => {
    await recommend(ctx.db, ctx, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  decide: decider.input(decisionInput).mutation(({ ctx, input }) => decide(ctx.db, ctx, ctx.user, ctx.meta, input)),
  serviceStandards: applicationStaff.input(z.object({ callId: uuidSchema })).query(({ ctx, input }) => serviceStandards(ctx.db, input.callId)),
});
