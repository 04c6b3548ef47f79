/**
 * Who may do what, declared once. Every role set is named after the act it governs; routers,
 * services, file routes and the client's menu and role gates all read these sets, so a change of
 * who may act is one edit here.
 */
import type { Role } from './reference';

/** Read every submitted application (reviewers see only their assignments, checked in the service). */
export const APPLICATION_STAFF = ['program_officer', 'program_manager', 'administrator'] as const satisfies readonly Role[];
/** Screen an application and recommend it for a decision. */
export const APPLICATION_SCREENERS = ['program_officer', 'administrator'] as const satisfies readonly Role[];
/** Assign reviewers to an application and list who may review. */
export const REVIEW_ASSIGNERS = ['program_manager', 'administrator'] as const satisfies readonly Role[];
/** Declare conflicts, score and submit a review of an assigned application. */
export const APPLICATION_REVIEWERS = ['reviewer'] as const satisfies readonly Role[];
/** Decide an application (within delegated authority, checked in the service). */
export const DECIDERS = ['program_officer', 'program_manager'] as const satisfies readonly Role[];
/** Read money: the reconciliation of commitments, claims and payments. */
export const MONEY_READERS = ['finance_officer', 'program_officer', 'program_manager', 'results_analyst', 'administrator'] as const satisfies readonly Role[];
/** Read departmental results; recipients only ever see their own agreements' figures. */
export const RESULTS_READERS = ['results_analyst', 'program_manager', 'program_officer', 'finance_officer', 'administrator'] as const satisfies readonly Role[];
/** Certify (or reject) a claim's performance (FAA s. 34). */
export const CERTIFIERS = ['program_officer'] as const satisfies readonly Role[];
/** Release payments (FAA s. 33), close fiscal years and record overpayments. */
export const RELEASERS = ['finance_officer'] as const satisfies readonly Role[];
/** Draft, send, recall and amend agreements. */
export const AGREEMENT_DRAFTERS = ['program_officer'] as const satisfies readonly Role[];
/** Sign for the department, approve amendments and end agreements (delegated authority checked in the service). */
export const AGREEMENT_SIGNERS = ['program_officer', 'program_manager'] as const satisfies readonly Role[];
/** Follow agreements: portfolio and obligations (reviewers only see applications). */
export const AGREEMENT_STAFF = ['program_officer', 'program_manager', 'finance_officer', 'results_analyst', 'administrator'] as const satisfies readonly Role[];
/** Review progress reports and approve milestones. */
export const REPORT_REVIEWERS = ['program_officer'] as const satisfies readonly Role[];
/** Read the queue of submitted progress reports. */
export const REPORT_STAFF = ['program_officer', 'program_manager', 'administrator'] as const satisfies readonly Role[];
/** Edit programs, their streams and budgets. */
export const PROGRAM_EDITORS = ['program_officer', 'administrator'] as const satisfies readonly Role[];
/** Create, edit, publish, close and cancel calls for proposals. */
export const CALL_EDITORS = ['program_officer', 'administrator'] as const satisfies readonly Role[];
/** Maintain the performance measurement framework (indicators). */
export const FRAMEWORK_EDITORS = ['results_analyst', 'program_officer', 'administrator'] as const satisfies readonly Role[];
/** Verify a registered organisation, and correct any organisation's profile. */
export const ORGANISATION_VERIFIERS = ['program_officer', 'administrator'] as const satisfies readonly Role[];
/** The officer's home dashboard. */
export const OFFICER_DASHBOARD_READERS = ['program_officer', 'program_manager'] as const satisfies readonly Role[];
/** The finance home dashboard. */
export const FINANCE_DASHBOARD_READERS = ['finance_officer'] as const satisfies readonly Role[];
/** Read GBA Plus counts under the suppression threshold (everyone else sees "<5"). */
export const SMALL_COUNT_READERS = ['results_analyst', 'program_manager'] as const satisfies readonly Role[];
/** Act for an organisation: apply, report, claim (only for the organisations of their memberships). */
export const RECIPIENTS = ['recipient'] as const satisfies readonly Role[];
/** Find calls for proposals: recipients to apply, the staff who run calls to follow them. */
export const CALL_READERS = ['recipient', 'program_officer', 'program_manager', 'administrator'] as const satisfies readonly Role[];
/** Follow programs: their terms, streams, budgets and delegated limits. */
export const PROGRAM_STAFF = ['program_officer', 'program_manager', 'administrator'] as const satisfies readonly Role[];
/** Work the claims queue: recipients claim, officers certify, finance releases. */
export const CLAIM_WORKERS = [...RECIPIENTS, ...CERTIFIERS, ...RELEASERS] as const satisfies readonly Role[];
/** Administer users, memberships, the audit log and sent mail. */
export const ADMINISTRATORS = ['administrator'] as const satisfies readonly Role[];
/** The roles whose authority the delegation of authority limits, lowest first (delegation.ts). */
export const DELEGATED_ROLES = ['program_officer', 'program_manager'] as const satisfies readonly Role[];

/** Does this user hold one of the roles of this set? */
export function holds(user: { roles: readonly Role[] }, roleSet: readonly Role[]): boolean {
  return user.roles.some((r) => roleSet.includes(r));
}
