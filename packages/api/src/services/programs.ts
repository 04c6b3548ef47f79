/**
 * Programs and their money: officers and administrators set a program's terms (type, stacking
 * limit, pillars, delegated approval limits), its funding streams, and its budget by fiscal year
 * and pillar (the money available to commit). Each change is one transaction with its audit record.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import { type BudgetRowInput, DomainError, type ProgramInput } from '@tp/domain';
import type { RequestMeta } from '../context';

type Actor = { id: string };

export async function listPrograms(db: Db) {
  const [programs, pillars, streams, budgets] = await Promise.all([
    db
      .selectFrom('program')
      .innerJoin('strategy', 'strategy.id', 'program.strategyId')
      .select([
        'program.id',
        'program.code',
        'program.nameEn',
        'program.nameFr',
        'program.transferPaymentType',
        'program.stackingLimitBp',
        'program.strategyId',
        'strategy.code as strategyCode',
        'strategy.nameEn as strategyNameEn',
        'strategy.nameFr as strategyNameFr',
      ])
      .orderBy('program.code')
      .execute(),
    db.selectFrom('programPillar').innerJoin('pillar', 'pillar.id', 'programPillar.pillarId').select(['programPillar.programId', 'pillar.id', 'pillar.code', 'pillar.position', 'pillar.nameEn', 'pillar.nameFr']).orderBy('pillar.position').execute(),
    db.selectFrom('fundingStream').select(['id', 'programId', 'code', 'nameEn', 'nameFr']).orderBy('code').execute(),
    db.selectFrom('programBudget').select(['programId', 'fiscalYear', (eb) => eb.fn.sum<string>('amountCents').as('total')]).groupBy(['programId', 'fiscalYear']).orderBy('fiscalYear').execute(),
  ]);
  return programs.map((p) => ({
    ...p,
    pillars: pillars.filter((x) => x.programId === p.id),
    streams: streams.filter((s) => s.programId === p.id),
    budgetByFiscalYear: budgets.filter((b) => b.programId === p.id).map((b) => ({ fiscalYear: b.fiscalYear, amountCents: BigInt(b.total) })),
  }));
}

export async function getProgram(db: Db, id: string) {
  const program = await db.selectFrom('program').selectAll().where('id', '=', id).executeTakeFirst();
  if (!program) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  const [pillars, streams, limits, budget, strategyPillars] = await Promise.all([
    db.selectFrom('programPillar').innerJoin('pillar', 'pillar.id', 'programPillar.pillarId').select(['pillar.id', 'pillar.code', 'pillar.position', 'pillar.nameEn', 'pillar.nameFr']).where('programPillar.programId', '=', id).orderBy('pillar.position').execute(),
    db.selectFrom('fundingStream').select(['id', 'code', 'nameEn', 'nameFr']).where('programId', '=', id).orderBy('code').execute(),
    db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', id).execute(),
    db.selectFrom('programBudget').select(['pillarId', 'fiscalYear', 'amountCents']).where('programId', '=', id).orderBy('fiscalYear').execute(),
    db.selectFrom('pillar').select(['id', 'code', 'position', 'nameEn', 'nameFr']).where('strategyId', '=', program.strategyId).orderBy('position').execute(),
  ]);
  return {
    ...program,
    pillars,
    strategyPillars,
    streams,
    officerApprovalLimitCents: limits.find((l) => l.role === 'program_officer')?.maxAmountCents ?? 0n,
    managerApprovalLimitCents: limits.find((l) => l.role === 'program_manager')?.maxAmountCents ?? 0n,
    budget,
  };
}

async function setPillarsAndLimits(tx: Tx, programId: string, strategyId: string, input: ProgramInput) {
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
  for (const [role, amount] of [
    ['program_officer', input.officerApprovalLimitCents],
    ['program_manager', input.managerApprovalLimitCents],
  ] as const) {
    await tx
      .insertInto('programApprovalLimit')
      .values({ programId, role, maxAmountCents: amount })
      .onConflict((oc) => oc.columns(['programId', 'role']).doUpdateSet({ maxAmountCents: amount }))
      .execute();
  }
}

function programRow(input: ProgramInput) {
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

export async function saveProgram(db: Db, actor: Actor, meta: RequestMeta, id: string | null, input: ProgramInput) {
  return inTransaction(db, async ({ tx }) => {
    const clash = await tx.selectFrom('program').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash && clash.id !== id) throw new DomainError('CONFLICT', 'error.code.taken', 'code');
    const strategy = await tx.selectFrom('strategy').select('id').where('id', '=', input.strategyId).executeTakeFirst();
    if (!strategy) throw new DomainError('BAD_INPUT', 'error.strategy.required', 'strategyId');
    if (id === null) {
      const created = await tx.insertInto('program').values({ ...programRow(input), strategyId: input.strategyId }).returning('id').executeTakeFirstOrThrow();
      await setPillarsAndLimits(tx, created.id, input.strategyId, input);
      await recordAudit(tx, { actorUserId: actor.id, entityType: 'program', entityId: created.id, action: 'create', after: input, requestId: meta.requestId });
      return created;
    }
    const before = await tx.selectFrom('program').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (before.strategyId !== input.strategyId) throw new DomainError('BAD_INPUT', 'error.strategy.required', 'strategyId');
    await tx.updateTable('program').set({ ...programRow(input), updatedAt: new Date() }).where('id', '=', id).execute();
    await setPillarsAndLimits(tx, id, before.strategyId, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'program', entityId: id, action: 'update', before, after: input, requestId: meta.requestId });
    return { id };
  });
}

export async function addStream(db: Db, actor: Actor, meta: RequestMeta, input: { programId: string; code: string; nameEn: string; nameFr: string }) {
  return inTransaction(db, async ({ tx }) => {
    const program = await tx.selectFrom('program').select('id').where('id', '=', input.programId).executeTakeFirst();
    if (!program) throw new DomainError('NOT_FOUND', 'error.notFound', 'programId');
    const clash = await tx.selectFrom('fundingStream').select('id').where('programId', '=', input.programId).where('code', '=', input.code).executeTakeFirst();
    if (clash) throw new DomainError('CONFLICT', 'error.code.taken', 'code');
    const stream = await tx.insertInto('fundingStream').values(input).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'funding_stream', entityId: stream.id, action: 'create', after: input, requestId: meta.requestId });
    return stream;
  });
}

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
