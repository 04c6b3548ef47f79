import type { Generated } from 'kysely';

export interface ProgramPillarTable {
  programId: string;
  pillarId: string;
}

export interface ProgramApprovalLimitTable {
  programId: string;
  role: 'program_officer' | 'program_manager';
  maxAmountCents: bigint;
}

export interface ProgramBudgetTable {
  programId: string;
  pillarId: string;
  fiscalYear: string;
  amountCents: bigint;
  updatedAt: Generated<Date>;
}
