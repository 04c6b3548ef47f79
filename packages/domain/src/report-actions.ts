/**
 * What a person may do next with a progress report, decided once from the lifecycle, the access
 * sets and the separation of duties: the recipient writes and submits its own report while it is
 * open, a program officer reviews it once submitted, and nobody reviews what they submitted.
 */
import { holds, RECIPIENTS, REPORT_REVIEWERS } from './access';
import { reportLifecycle, type ReportStatus } from './progress-reports';
import type { Role } from './reference';
import { reportReviewRefusal } from './segregation';

export const REPORT_ACTIONS = ['edit', 'review'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface ReportForActions {
  status: ReportStatus;
  access: 'owner' | 'staff';
  /** Who submitted the revision under review, once one is. */
  submittedBy: string | null;
}

export function reportActions(report: ReportForActions, caller: { id: string; roles: readonly Role[] }): ReportAction[] {
  const may: Record<ReportAction, boolean> = {
    edit: report.access === 'owner' && holds(caller, RECIPIENTS) && reportLifecycle.can(report.status, 'submitted'),
    review: report.access === 'staff' && holds(caller, REPORT_REVIEWERS) && reportLifecycle.can(report.status, 'accepted') && (report.submittedBy === null || reportReviewRefusal({ submittedBy: report.submittedBy }, caller.id) === null),
  };
  return REPORT_ACTIONS.filter((action) => may[action]);
}
