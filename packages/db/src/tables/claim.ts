import type { ColumnType, Generated } from 'kysely';
import type { ClaimKind, ClaimStatus, CostCategory, FundingSourceKind } from '@tp/domain';
import type { DateColumn } from './application';

export interface ClaimTable {
  id: Generated<string>;
  referenceNumber: string;
  agreementId: string;
  clientKey: string;
  fiscalYear: string;
  periodStart: DateColumn;
  periodEnd: DateColumn;
  kind: ClaimKind;
  milestoneKey: string | null;
  status: Generated<ClaimStatus>;
  requestedCents: bigint;
  forecast: ColumnType<{ month: string; amountCents: string }[], string | undefined, string>;
  explanation: Generated<string>;
  submittedBy: string;
  submittedAt: Generated<Date>;
  certifiedCents: bigint | null;
  certifiedBy: string | null;
  certifiedAt: Date | null;
  adjustmentReason: Generated<string>;
  releasedBy: string | null;
  releasedAt: Date | null;
  releaseKey: string | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
  rejectionReason: Generated<string>;
}

export interface ClaimExpenditureTable {
  claimId: string;
  costCategory: CostCategory;
  amountCents: bigint;
  explanation: Generated<string>;
}

export interface ClaimOtherRevenueTable {
  claimId: string;
  position: number;
  source: string;
  kind: FundingSourceKind;
  amountCents: bigint;
}
