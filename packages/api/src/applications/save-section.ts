/**
 * A recipient saves one section of a draft. Each save replaces that section, so an autosave can
 * repeat; the call's budget lines and stacking limit are checked as it is saved.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type ApplicationIssue, budgetLinesOutsideCall, DomainError, missingForSubmission, type SaveSectionInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { loadCallRules, loadContent, lockOwnDraft } from './access';

/** Replaces one section of a draft. Everything in it is checked first; nothing is half-saved. */
export async function saveSection(db: Db, user: Viewer, meta: RequestMeta, input: SaveSectionInput & { id: string }): Promise<{ missing: ApplicationIssue[] }> {
  return inTransaction(db, async ({ tx }) => {
    const app = await lockOwnDraft(tx, user, input.id);
    const call = await loadCallRules(tx, app.callId);
    const id = app.id;
    switch (input.section) {
      case 'project': {
        const d = input.data;
        await tx
          .updateTable('application')
          .set({ title: d.title, summary: d.summary, objectives: d.objectives, targetPopulations: d.targetPopulations, regionsServed: [...new Set(d.regionsServed)], startDate: d.startDate, endDate: d.endDate })
          .where('id', '=', id)
          .execute();
        break;
      }
      case 'workPlan': {
        await tx.deleteFrom('applicationActivity').where('applicationId', '=', id).execute();
        if (input.data.activities.length > 0) {
          await tx.insertInto('applicationActivity').values(input.data.activities.map((a, i) => ({ applicationId: id, position: i + 1, ...a }))).execute();
        }
        break;
      }
      case 'budget': {
        const outside = budgetLinesOutsideCall(input.data.lines, call);
        if (outside.length > 0) throw new DomainError('BAD_INPUT', 'error.application.outsideCallYears', `data.lines.${outside[0]}.fiscalYear`);
        await tx.deleteFrom('applicationBudgetLine').where('applicationId', '=', id).execute();
        if (input.data.lines.length > 0) {
          await tx
            .insertInto('applicationBudgetLine')
            .values(input.data.lines.map((l, i) => ({ applicationId: id, position: i + 1, fiscalYear: l.fiscalYear, costCategory: l.category, amountCents: l.amountCents, justification: l.justification })))
            .execute();
        }
        break;
      }
      case 'otherFunding': {
        await tx.deleteFrom('applicationOtherFunding').where('applicationId', '=', id).execute();
        if (input.data.sources.length > 0) {
          await tx.insertInto('applicationOtherFunding').values(input.data.sources.map((s, i) => ({ applicationId: id, position: i + 1, ...s }))).execute();
        }
        break;
      }
      case 'expectedResults': {
        const seen = new Set<string>();
        input.data.results.forEach((r, i) => {
          if (!call.indicatorIds.includes(r.indicatorId) || seen.has(r.indicatorId)) throw new DomainError('BAD_INPUT', 'error.indicator.notInCall', `data.results.${i}.indicatorId`);
          seen.add(r.indicatorId);
        });
        await tx.deleteFrom('applicationExpectedResult').where('applicationId', '=', id).execute();
        if (input.data.results.length > 0) {
          await tx.insertInto('applicationExpectedResult').values(input.data.results.map((r) => ({ applicationId: id, ...r }))).execute();
        }
        break;
      }
      case 'gbaPlus': {
        const d = input.data;
        await tx.updateTable('application').set({ gbaPopulationsServed: d.populationsServed, gbaBarriers: [...new Set(d.barriers)], gbaHowAddressed: d.howAddressed }).where('id', '=', id).execute();
        break;
      }
      case 'eligibility': {
        const seen = new Set<string>();
        input.data.answers.forEach((a, i) => {
          if (!call.eligibilityQuestions.some((q) => q.id === a.questionId) || seen.has(a.questionId)) throw new DomainError('BAD_INPUT', 'error.question.notInCall', `data.answers.${i}.questionId`);
          seen.add(a.questionId);
        });
        await tx.deleteFrom('applicationEligibilityAnswer').where('applicationId', '=', id).execute();
        if (input.data.answers.length > 0) {
          await tx.insertInto('applicationEligibilityAnswer').values(input.data.answers.map((a) => ({ applicationId: id, ...a }))).execute();
        }
        break;
      }
    }
    await tx.updateTable('application').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application', entityId: id, action: 'save_section', after: { section: input.section, data: input.data }, requestId: meta.requestId });
    return { missing: missingForSubmission(await loadContent(tx, id), call) };
  });
}
