import type { ColumnType, Generated } from 'kysely';
import type { ActivityStatus, GbaDimension, ReminderThreshold, ReportStatus } from '@tp/domain';
import type { DateColumn, NumericColumn } from './application';

/** jsonb: read back as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

export interface ReportingPeriodTable {
  id: Generated<string>;
  agreementId: string;
  /** The agreement's program, filled by the database. */
  programId: Generated<string>;
  fiscalYear: string;
  periodStart: DateColumn;
  periodEnd: DateColumn;
  dueDate: DateColumn;
  isFinal: Generated<boolean>;
  cancelledAt: Date | null;
  createdAt: Generated<Date>;
}

/** Per agreement and fiscal year, its periods and their reports by status (kept by the database). */
export interface ReportingYearTallyTable {
  agreementId: string;
  fiscalYear: string;
  programId: string;
  periods: number;
  accepted: number;
  inReview: number;
  notFiled: number;
  firstDueDate: DateColumn | null;
  lastDueDate: DateColumn | null;
  firstOpenDueDate: DateColumn | null;
}

/** Per agreement in force, fiscal year of its current terms and indicator it carries: the target (kept by the database). */
export interface AgreementYearIndicatorTable {
  agreementId: string;
  fiscalYear: string;
  indicatorId: string;
  programId: string;
  versionId: string;
  targetValue: NumericColumn;
}

/** Per agreement and fiscal year in any version of its terms (kept by the database). */
export interface AgreementTermYearTable {
  agreementId: string;
  fiscalYear: string;
  programId: string;
}

export interface ProgressReportTable {
  id: Generated<string>;
  periodId: string;
  agreementId: string;
  status: Generated<ReportStatus>;
  revision: Generated<number>;
  draft: Json<unknown>;
  draftSavedAt: Date | null;
  draftSavedBy: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  acceptedAt: Date | null;
  acceptedBy: string | null;
}

export interface ProgressReportRevisionTable {
  reportId: string;
  revision: number;
  content: Json<unknown>;
  submittedBy: string;
  submittedAt: Generated<Date>;
  outcome: 'returned' | 'accepted' | null;
  comments: ColumnType<unknown, string | undefined, string>;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

export interface ReportIndicatorValueTable {
  reportId: string;
  revision: number;
  indicatorId: string;
  value: NumericColumn;
}

/** Written by the database when a report is accepted: the rollup's source, by program and year. */
export interface AcceptedIndicatorValueTable {
  programId: string;
  fiscalYear: string;
  indicatorId: string;
  agreementId: string;
  reportId: string;
  revision: number;
  periodEnd: DateColumn;
  value: NumericColumn;
}

/** Written by the database: one agreement's figure for an indicator in a fiscal year. */
export interface AgreementIndicatorYearTable {
  programId: string;
  fiscalYear: string;
  indicatorId: string;
  agreementId: string;
  total: NumericColumn;
  reports: number;
  latestPeriodEnd: DateColumn;
  latestValue: NumericColumn;
}

/** Written by the database: a program's totals of its agreements' figures, per indicator and year. */
export interface ProgramIndicatorYearTable {
  programId: string;
  fiscalYear: string;
  indicatorId: string;
  agreements: number;
  reports: number;
  total: NumericColumn;
  latestTotal: NumericColumn;
  latestPositive: number;
}

export interface ReportIndicatorBreakdownTable {
  reportId: string;
  revision: number;
  indicatorId: string;
  dimension: GbaDimension;
  category: string;
  count: number;
}

export interface ReportActivityStatusTable {
  reportId: string;
  revision: number;
  milestoneKey: string;
  status: ActivityStatus;
  reason: Generated<string>;
  newExpectedDate: DateColumn | null;
}

export interface MilestoneApprovalTable {
  agreementId: string;
  milestoneKey: string;
  reportId: string;
  approvedBy: string;
  approvedAt: Generated<Date>;
}

export interface ReportReminderTable {
  periodId: string;
  threshold: ReminderThreshold;
  sentAt: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<string>;
  userId: string;
  kind: string;
  agreementId: string | null;
  reportId: string | null;
  params: ColumnType<Record<string, string>, string | undefined, string>;
  createdAt: Generated<Date>;
  readAt: Date | null;
}
