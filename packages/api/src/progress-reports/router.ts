/**
 * Progress reports: reporting periods generated from each active agreement's schedule, the
 * recipient's draft (autosaved), submission that validates and freezes a version, the officer's
 * review (accept, or return with comments per section) with milestone approvals, reminders sent
 * once per period and threshold, and notices by email and in the portal. One transaction per
 * command (a file of this folder each), each with its audit record. These procedures, with the
 * notifications', name who may call each one and hand the work on.
 */
import { REPORT_REVIEWERS, REPORT_STAFF } from '@tp/domain';
import { isoDateIn, reviewReportInput, saveReportDraftInput, submitReportInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { agreementProgress, getReport, myNotifications, reportQueue, reportsDue } from './queries';
import { markNotificationsRead } from './mark-notifications-read';
import { openReport } from './open-report';
import { reviewReport } from './review-report';
import { saveReportDraft } from './save-report-draft';
import { submitReport } from './submit-report';
import { authedProcedure, recipientProcedure, roleProcedure, router } from '../trpc';

/** Officers review reports and approve milestones. */
const officer = roleProcedure(...REPORT_REVIEWERS);
const reportStaff = roleProcedure(...REPORT_STAFF);
const today = () => isoDateIn(new Date(), 'America/Toronto');

export const reportsRouter = router({
  /** The recipient's reporting periods, with what is due and overdue. */
  due: recipientProcedure.query(({ ctx }) => reportsDue(ctx.db, ctx.user, today())),
  open: recipientProcedure.input(z.object({ periodId: uuidSchema })).mutation(({ ctx, input }) => openReport(ctx.db, ctx.user, ctx.meta, input.periodId)),
  /** The owner reads its draft and versions; staff read the submitted versions (checked in the service). */
  get: authedProcedure.input(z.object({ reportId: uuidSchema })).query(({ ctx, input }) => getReport(ctx.db, ctx.user, input.reportId)),
  saveDraft: recipientProcedure.input(saveReportDraftInput).mutation(({ ctx, input }) => saveReportDraft(ctx.db, ctx.user, ctx.meta, input)),
  submit: recipientProcedure.input(submitReportInput).mutation(({ ctx, input }) => submitReport(ctx.db, ctx, ctx.user, ctx.meta, input, today())),
  review: officer.input(reviewReportInput).mutation(async ({ ctx, input }) => {
    await reviewReport(ctx.db, ctx, ctx.user, ctx.meta, input);
    return { ok: true as const };
  }),
  /** Reports waiting for review and reports overdue, with days late. */
  queue: reportStaff.query(({ ctx }) => reportQueue(ctx.db, today())),
  progress: authedProcedure.input(z.object({ agreementId: uuidSchema })).query(({ ctx, input }) => agreementProgress(ctx.db, ctx.user, input.agreementId, today())),
});

export const notificationsRouter = router({
  mine: authedProcedure.query(({ ctx }) => myNotifications(ctx.db, ctx.user)),
  markRead: authedProcedure
    .input(z.object({ ids: z.union([z.literal('all'), z.array(uuidSchema).max(100)]) }))
    .mutation(async ({ ctx, input }) => {
      await markNotificationsRead(ctx.db, ctx.user, input.ids);
      return { ok: true as const };
    }),
});
