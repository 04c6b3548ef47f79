import type { Generated, Selectable } from 'kysely';
import type { TransferPaymentType } from '@tp/domain';

export interface StrategyTable {
  id: Generated<string>;
  code: string;
  nameEn: string;
  nameFr: string;
  firstFiscalYear: string | null;
  createdAt: Generated<Date>;
}

export interface PillarTable {
  id: Generated<string>;
  strategyId: string;
  code: string;
  position: number;
  nameEn: string;
  nameFr: string;
}

export interface ProgramTable {
  id: Generated<string>;
  code: string;
  strategyId: string;
  nameEn: string;
  nameFr: string;
  descriptionEn: Generated<string>;
  descriptionFr: Generated<string>;
  transferPaymentType: TransferPaymentType;
  /** Stacking limit in basis points: 10000 = 100% of eligible costs from all government sources. */
  stackingLimitBp: Generated<number>;
  /** A new advance waits until all but this share of earlier advances is accounted for. */
  advanceToleranceBp: Generated<number>;
  /** Spending beyond a budget line by more than this share must be explained. */
  varianceThresholdBp: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface FundingStreamTable {
  id: Generated<string>;
  programId: string;
  code: string;
  nameEn: string;
  nameFr: string;
  createdAt: Generated<Date>;
}

export interface FiscalYearTable {
  label: string;
  /** ISO date, e.g. "2024-04-01". */
  startDate: string;
  endDate: string;
  status: Generated<'open' | 'closed'>;
  closedAt: Date | null;
  closedBy: string | null;
}

/** The close of one program's fiscal year at year end: who, when and what lapsed; never changed. */
export interface ProgramYearEndTable {
  programId: string;
  fiscalYear: string;
  closedAt: Date;
  closedBy: string;
  lapsedCents: bigint;
}

export type Program = Selectable<ProgramTable>;
export type FiscalYearRow = Selectable<FiscalYearTable>;
