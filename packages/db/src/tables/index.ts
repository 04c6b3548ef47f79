import type {
  ApplicationActivityTable,
  ApplicationAttachmentTable,
  ApplicationBudgetLineTable,
  ApplicationDecisionTable,
  ApplicationEligibilityAnswerTable,
  ApplicationExpectedResultTable,
  ApplicationOtherFundingTable,
  ApplicationRecommendationTable,
  ApplicationScreeningTable,
  ApplicationTable,
  DecisionLetterTable,
  ReviewerAssignmentTable,
  ReviewScoreTable,
} from './application';
import type {
  AgreementBudgetLineTable,
  AgreementFiscalYearTable,
  AgreementIndicatorTable,
  AgreementMilestoneTable,
  AgreementOtherFundingTable,
  AgreementTable,
  AgreementVersionPillarTable,
  AgreementVersionTable,
  LedgerEntryTable,
  LedgerYearTotalTable,
  AgreementYearMoneyTable,
  ProgramCostCategoryTable,
} from './agreement';
import type { AuditEventTable } from './audit';
import type { ClaimExpenditureTable, ClaimOtherRevenueTable, ClaimTable } from './claim';
import type {
  MilestoneApprovalTable,
  NotificationTable,
  ProgressReportRevisionTable,
  ProgressReportTable,
  ReportingYearTallyTable,
  AgreementYearIndicatorTable,
  AgreementTermYearTable,
  ReportActivityStatusTable,
  ReportIndicatorBreakdownTable,
  ReportIndicatorValueTable,
  AcceptedIndicatorValueTable,
  AgreementIndicatorYearTable,
  ProgramIndicatorYearTable,
  ReportingPeriodTable,
  ReportReminderTable,
} from './progress-report';
import type {
  CallCriterionTable,
  CallEligibilityQuestionTable,
  CallForProposalsTable,
  CallIndicatorTable,
  CallPillarTable,
} from './call';
import type {
  CoreResponsibilityTable,
  DepartmentalResultIndicatorTable,
  DepartmentalResultTable,
  IndicatorTable,
  LogicModelLinkTable,
  LogicModelResultTable,
} from './performance';
import type { DelegationChangeTable, PositionAppointmentTable, ProgramApprovalLimitTable, ProgramBudgetTable, ProgramPillarTable } from './program';
import type { MailMessageTable } from './mail';
import type { OrganisationTable } from './organisation';
import type { FiscalYearTable, FundingStreamTable, PillarTable, ProgramTable, ProgramYearEndTable, StrategyTable } from './reference';
import type { AppUserTable, MembershipTable, UserSessionTable, UserTokenTable } from './user';

export * from './agreement';
export * from './application';
export * from './audit';
export * from './claim';
export * from './call';
export * from './performance';
export * from './program';
export * from './mail';
export * from './organisation';
export * from './progress-report';
export * from './reference';
export * from './user';

/** The whole database, table by table (snake_case in SQL, camelCase here). */
export interface Database {
  strategy: StrategyTable;
  pillar: PillarTable;
  program: ProgramTable;
  fundingStream: FundingStreamTable;
  fiscalYear: FiscalYearTable;
  programYearEnd: ProgramYearEndTable;
  organisation: OrganisationTable;
  appUser: AppUserTable;
  membership: MembershipTable;
  userSession: UserSessionTable;
  userToken: UserTokenTable;
  mailMessage: MailMessageTable;
  auditEvent: AuditEventTable;
  programPillar: ProgramPillarTable;
  programApprovalLimit: ProgramApprovalLimitTable;
  delegationChange: DelegationChangeTable;
  positionAppointment: PositionAppointmentTable;
  programBudget: ProgramBudgetTable;
  coreResponsibility: CoreResponsibilityTable;
  departmentalResult: DepartmentalResultTable;
  departmentalResultIndicator: DepartmentalResultIndicatorTable;
  logicModelResult: LogicModelResultTable;
  logicModelLink: LogicModelLinkTable;
  indicator: IndicatorTable;
  callForProposals: CallForProposalsTable;
  callPillar: CallPillarTable;
  callIndicator: CallIndicatorTable;
  callEligibilityQuestion: CallEligibilityQuestionTable;
  callCriterion: CallCriterionTable;
  application: ApplicationTable;
  applicationActivity: ApplicationActivityTable;
  applicationBudgetLine: ApplicationBudgetLineTable;
  applicationOtherFunding: ApplicationOtherFundingTable;
  applicationExpectedResult: ApplicationExpectedResultTable;
  applicationEligibilityAnswer: ApplicationEligibilityAnswerTable;
  applicationAttachment: ApplicationAttachmentTable;
  applicationScreening: ApplicationScreeningTable;
  reviewerAssignment: ReviewerAssignmentTable;
  reviewScore: ReviewScoreTable;
  applicationRecommendation: ApplicationRecommendationTable;
  applicationDecision: ApplicationDecisionTable;
  decisionLetter: DecisionLetterTable;
  programCostCategory: ProgramCostCategoryTable;
  agreement: AgreementTable;
  agreementVersion: AgreementVersionTable;
  agreementVersionPillar: AgreementVersionPillarTable;
  agreementFiscalYear: AgreementFiscalYearTable;
  agreementBudgetLine: AgreementBudgetLineTable;
  agreementMilestone: AgreementMilestoneTable;
  agreementIndicator: AgreementIndicatorTable;
  agreementOtherFunding: AgreementOtherFundingTable;
  ledgerEntry: LedgerEntryTable;
  ledgerYearTotal: LedgerYearTotalTable;
  agreementYearMoney: AgreementYearMoneyTable;
  reportingPeriod: ReportingPeriodTable;
  reportingYearTally: ReportingYearTallyTable;
  agreementYearIndicator: AgreementYearIndicatorTable;
  agreementTermYear: AgreementTermYearTable;
  progressReport: ProgressReportTable;
  progressReportRevision: ProgressReportRevisionTable;
  reportIndicatorValue: ReportIndicatorValueTable;
  acceptedIndicatorValue: AcceptedIndicatorValueTable;
  agreementIndicatorYear: AgreementIndicatorYearTable;
  programIndicatorYear: ProgramIndicatorYearTable;
  reportIndicatorBreakdown: ReportIndicatorBreakdownTable;
  reportActivityStatus: ReportActivityStatusTable;
  milestoneApproval: MilestoneApprovalTable;
  reportReminder: ReportReminderTable;
  notification: NotificationTable;
  claim: ClaimTable;
  claimExpenditure: ClaimExpenditureTable;
  claimOtherRevenue: ClaimOtherRevenueTable;
}
