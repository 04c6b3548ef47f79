/**
 * A program's budget for a fiscal year and pillar (the money available to commit) is set.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type BudgetRowInput, DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Actor } from './program-row';

/** Sets a fiscal year's budget for one or more pillars, in one transaction: all lines or none. */
export async function setBudgetRow(db: Db, actor: Actor, meta: RequestMeta, input: BudgetRowInput) {
  await inTransaction(db, async ({ tx }) => {
    const year = await tx.selectFrom('fiscalYear').select('label').where('label', '=', input.fiscalYear).executeTakeFirst();
    if (!year) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', 'fiscalYear');
    const funded = new Set(
      (await tx.selectFrom('programPillar').select('pillarId').where('programId', '=', input.programId).execute()).map((p) => p.pillarId),
    );
    const outside = input.lines.findIndex((l) => !funded.has(l.pillarId));
    if (outside >= 0) throw new DomainError('BAD_INPUT', 'error.pillar.notInProgram', `lines.${outside}.pillarId`);
    const before = await tx
      .selectFrom('programBudget')
      .select(['pillarId', 'amountCents'])
      .where('programId', '=', input.programId)
      .where('fiscalYear', '=', input.fiscalYear)
      .forUpdate()
      .execute();
    for (const line of input.lines) {
      await tx
        .insertInto('programBudget')
        .values({ programId: input.programId, fiscalYear: input.fiscalYear, pillarId: line.pillarId, amountCents: line.amountCents })
        .onConflict((oc) => oc.columns(['programId', 'fiscalYear', 'pillarId']).doUpdateSet({ amountCents: line.amountCents, updatedAt: new Date() }))
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'program',
      entityId: input.programId,
      action: 'set_budget',
      before: { fiscalYear: input.fiscalYear, lines: before },
      after: { fiscalYear: input.fiscalYear, lines: input.lines },
      requestId: meta.requestId,
    });
  });
}
