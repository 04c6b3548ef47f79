import type { ColumnType, Generated } from 'kysely';
import type {
  AgreementStatus,
  AgreementTemplate,
  AgreementVersionStatus,
  CostCategory,
  DecidingRole,
  FundingSourceKind,
  FundingStatus,
  PaymentBasis,
  ReportingFrequency,
  RiskLevel,
} from '@tp/domain';
import type { DateColumn, NumericColumn } from './application';

export interface ProgramCostCategoryTable {
  programId: string;
  costCategory: CostCategory;
}

export interface AgreementTable {
  id: Generated<string>;
  referenceNumber: string;
  programId: string;
  organisationId: string;
  applicationId: string | null;
  template: AgreementTemplate;
  status: Generated<AgreementStatus>;
  currentVersion: Generated<number>;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  sentAt: Date | null;
  sentBy: string | null;
  recipientSignedAt: Date | null;
  recipientSignedBy: string | null;
  recipientSignerName: string | null;
  recipientSignerTitle: string | null;
  departmentSignedAt: Date | null;
  departmentSignedBy: string | null;
  departmentSignerRole: DecidingRole | null;
  departmentSignerLimitCents: bigint | null;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: string | null;
  finalReportAcceptedAt: Date | null;
}

export interface AgreementVersionTable {
  id: Generated<string>;
  agreementId: string;
  version: number;
  status: AgreementVersionStatus;
  streamId: string | null;
  title: string;
  description: Generated<string>;
  /** The French title, description and the expected results in both languages, for the proactive disclosure (NULL until written). */
  titleFr: string | null;
  descriptionFr: string | null;
  expectedResultsEn: string | null;
  expectedResultsFr: string | null;
  startDate: DateColumn;
  endDate: DateColumn;
  totalCents: bigint;
  paymentBasis: PaymentBasis;
  advanceFrequency: ReportingFrequency | null;
  holdbackCents: bigint;
  holdbackBp: number | null;
  riskLevel: RiskLevel;
  riskReasons: string;
  reportingFrequency: ReportingFrequency;
  specialConditions: Generated<string>;
  reason: string | null;
  basedOnVersion: number | null;
  createdBy: string;
  createdAt: Generated<Date>;
  decidedBy: string | null;
  decidedAt: Date | null;
  deciderRole: DecidingRole | null;
  deciderLimitCents: bigint | null;
  decisionNote: Generated<string>;
}

export interface AgreementVersionPillarTable {
  versionId: string;
  pillarId: string;
}

export interface AgreementFiscalYearTable {
  versionId: string;
  fiscalYear: string;
  amountCents: bigint;
}

export interface AgreementBudgetLineTable {
  versionId: string;
  fiscalYear: string;
  costCategory: CostCategory;
  amountCents: bigint;
}

export interface AgreementMilestoneTable {
  versionId: string;
  key: string;
  position: number;
  title: string;
  deliverables: Generated<string>;
  dueDate: DateColumn;
  paymentCents: bigint | null;
}

export interface AgreementIndicatorTable {
  versionId: string;
  indicatorId: string;
  indicatorReady: Generated<boolean>;
  targetValue: NumericColumn;
}

export interface AgreementOtherFundingTable {
  versionId: string;
  position: number;
  source: string;
  kind: FundingSourceKind;
  amountCents: bigint;
  status: FundingStatus;
}

export const LEDGER_ENTRY_KINDS = [
  'commitment',
  'advance_paid',
  'expenditure_reported',
  'advance_reconciled',
  'reimbursement_paid',
  'holdback_retained',
  'holdback_released',
  'overpayment_established',
  'recovery_received',
  'lapse',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface LedgerEntryTable {
  id: ColumnType<bigint, never, never>;
  agreementId: string;
  fiscalYear: string;
  costCategory: CostCategory | null;
  kind: LedgerEntryKind;
  amountCents: bigint;
  agreementVersion: number | null;
  memo: Generated<string>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  claimId: string | null;
}

/** The journal summed by fiscal year, program, agreement, kind and category ('' for none); kept by a trigger. */
/** An agreement's money for one fiscal year, as the reconciliation reads it (kept by the database). */
export interface AgreementYearMoneyTable {
  agreementId: string;
  fiscalYear: string;
  programId: string;
  referenceNumber: string;
  organisationId: string;
  agreementStatus: AgreementStatus;
  inTerms: boolean;
  budgetCents: bigint;
  termsLastYear: string | null;
  holdbackCents: bigint;
  holdbackReleasedTotalCents: bigint;
  entries: number;
  commitmentCents: bigint;
  advancePaidCents: bigint;
  expenditureReportedCents: bigint;
  advanceReconciledCents: bigint;
  reimbursementPaidCents: bigint;
  holdbackRetainedCents: bigint;
  holdbackReleasedCents: bigint;
  overpaymentEstablishedCents: bigint;
  recoveryReceivedCents: bigint;
  lapseCents: bigint;
  claimedCents: bigint;
  certifiedCents: bigint;
}

export interface LedgerYearTotalTable {
  fiscalYear: string;
  programId: string;
  agreementId: string;
  kind: LedgerEntryKind;
  costCategory: CostCategory | '';
  amountCents: bigint;
  entries: number;
}
