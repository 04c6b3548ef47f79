/**
 * Reading programs: the list, and one program with its streams, pillars, limits and budget.
 */
import { type Db } from '@tp/db';
import { DomainError } from '@tp/domain';

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
