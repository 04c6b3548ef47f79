/**
 * What the program commands share: who acts, a program's row as written, and its pillars, set
 * again in full. The approval limits are the delegation of authority's (../delegation).
 */
import { type Tx } from '@tp/db';
import { DomainError, type ProgramInput } from '@tp/domain';

export type Actor = { id: string };

export async function setPillars(tx: Tx, programId: string, strategyId: string, input: ProgramInput) {
  const valid = await tx.selectFrom('pillar').select('id').where('strategyId', '=', strategyId).where('id', 'in', input.pillarIds).execute();
  if (valid.length !== new Set(input.pillarIds).size) throw new DomainError('BAD_INPUT', 'error.pillars.notInStrategy', 'pillarIds');
  const current = await tx.selectFrom('programPillar').select('pillarId').where('programId', '=', programId).execute();
  const removed = current.map((c) => c.pillarId).filter((p) => !input.pillarIds.includes(p));
  if (removed.length > 0) {
    const funded = await tx
      .selectFrom('programBudget')
      .select('pillarId')
      .where('programId', '=', programId)
      .where('pillarId', 'in', removed)
      .where('amountCents', '>', 0n)
      .executeTakeFirst();
    if (funded) throw new DomainError('CONFLICT', 'error.pillar.hasBudget', 'pillarIds');
    await tx.deleteFrom('programBudget').where('programId', '=', programId).where('pillarId', 'in', removed).execute();
    await tx.deleteFrom('programPillar').where('programId', '=', programId).where('pillarId', 'in', removed).execute();
  }
  await tx
    .insertInto('programPillar')
    .values([...new Set(input.pillarIds)].map((pillarId) => ({ programId, pillarId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function programRow(input: ProgramInput) {
  return {
    code: input.code,
    nameEn: input.nameEn,
    nameFr: input.nameFr,
    descriptionEn: input.descriptionEn,
    descriptionFr: input.descriptionFr,
    transferPaymentType: input.transferPaymentType,
    stackingLimitBp: input.stackingLimitBp,
  };
}
