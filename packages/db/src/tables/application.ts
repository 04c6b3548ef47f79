import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  ApplicationStatus,
  AttachmentContentType,
  ConflictDeclaration,
  CostCategory,
  DecidingRole,
  DecisionOutcome,
  FundingSourceKind,
  FundingStatus,
  GbaBarrier,
  Language,
  ProvinceOrTerritory,
  RecommendationOutcome,
} from '@tp/domain';
import type { JsonColumn } from './audit';

/** A date column: read as an ISO date string ("2027-04-01"), written as one. */
export type DateColumn = ColumnType<string, string, string>;
/** numeric read back as its decimal string. */
export type NumericColumn = ColumnType<string, string, string>;

export interface ApplicationTable {
  id: Generated<string>;
  callId: string;
  organisationId: string;
  createdBy: string;
  status: Generated<ApplicationStatus>;
  title: Generated<string>;
  summary: Generated<string>;
  objectives: Generated<string>;
  targetPopulations: Generated<string>;
  regionsServed: Generated<ProvinceOrTerritory[]>;
  startDate: DateColumn | null;
  endDate: DateColumn | null;
  gbaPopulationsServed: Generated<string>;
  gbaBarriers: Generated<GbaBarrier[]>;
  gbaHowAddressed: Generated<string>;
  referenceNumber: string | null;
  requestedAmountCents: bigint | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** Written once, at submission (the trigger refuses any change after). */
  submittedVersion: ColumnType<unknown, string | null, string | null>;
  acknowledgedAt: Date | null;
  withdrawnAt: Date | null;
  decidedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface ApplicationActivityTable {
  id: Generated<string>;
  applicationId: string;
  position: number;
  title: string;
  description: string;
  deliverables: string;
  startDate: DateColumn | null;
  endDate: DateColumn | null;
}

export interface ApplicationBudgetLineTable {
  id: Generated<string>;
  applicationId: string;
  position: number;
  fiscalYear: string;
  costCategory: CostCategory;
  amountCents: bigint;
  justification: string;
}

export interface ApplicationOtherFundingTable {
  id: Generated<string>;
  applicationId: string;
  position: number;
  source: string;
  kind: FundingSourceKind;
  amountCents: bigint;
  status: FundingStatus;
}

export interface ApplicationExpectedResultTable {
  applicationId: string;
  indicatorId: string;
  targetValue: NumericColumn;
  notes: string;
}

export interface ApplicationEligibilityAnswerTable {
  applicationId: string;
  questionId: string;
  answer: boolean;
}

export interface ApplicationAttachmentTable {
  id: Generated<string>;
  applicationId: string;
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Generated<Date>;
}

export interface ApplicationScreeningTable {
  applicationId: string;
  checklist: JsonColumn;
  eligible: boolean;
  reason: string;
  screenedBy: string;
  screenedAt: Generated<Date>;
}

export interface ReviewerAssignmentTable {
  id: Generated<string>;
  applicationId: string;
  reviewerId: string;
  assignedBy: string;
  assignedAt: Generated<Date>;
  conflict: ConflictDeclaration | null;
  conflictNote: Generated<string>;
  declaredAt: Date | null;
  submittedAt: Date | null;
}

export interface ReviewScoreTable {
  assignmentId: string;
  criterionId: string;
  score: number;
  comment: string;
  updatedAt: Generated<Date>;
}

export interface ApplicationRecommendationTable {
  applicationId: string;
  outcome: RecommendationOutcome;
  amountCents: bigint | null;
  rationale: string;
  recommendedBy: string;
  recommendedAt: Generated<Date>;
}

export interface ApplicationDecisionTable {
  applicationId: string;
  outcome: DecisionOutcome;
  amountCents: bigint | null;
  rationale: string;
  decidedBy: string;
  deciderRole: DecidingRole;
  deciderLimitCents: bigint;
  decidedAt: Generated<Date>;
}

export interface DecisionLetterTable {
  id: Generated<string>;
  applicationId: string;
  language: Language;
  subject: string;
  body: string;
  generatedBy: string;
  generatedAt: Generated<Date>;
}

export type Application = Selectable<ApplicationTable>;
