/**
 * The navigation: which pages each role reaches from the menu. One list, so a page is added in
 * one place; who sees an entry is a role set of @tp/domain's access module (a role's own home
 * page names that role). A user sees the entries of all their roles, in this order, without repeats.
 */
import {
  ADMINISTRATORS,
  AGREEMENT_STAFF,
  APPLICATION_REVIEWERS,
  APPLICATION_STAFF,
  CALL_READERS,
  CLAIM_WORKERS,
  FRAMEWORK_EDITORS,
  MONEY_READERS,
  ORGANISATION_VERIFIERS,
  PROGRAM_STAFF,
  RECIPIENTS,
  REPORT_STAFF,
  RESULTS_READERS,
  holds,
  type Role,
} from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';

/** Menus that gather related pages, so the top navigation fits one line on a desktop. */
export const NAV_GROUPS = ['programs', 'results'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavEntry {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
  group?: NavGroup;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { path: '/recipient', label: 'nav.recipient', roles: RECIPIENTS },
  { path: '/calls', label: 'nav.calls', roles: CALL_READERS },
  { path: '/applications', label: 'nav.applications', roles: RECIPIENTS },
  { path: '/my-agreements', label: 'nav.myAgreements', roles: RECIPIENTS },
  { path: '/my-reports', label: 'nav.myReports', roles: RECIPIENTS },
  { path: '/claims', label: 'nav.claims', roles: CLAIM_WORKERS },
  { path: '/officer', label: 'nav.program_officer', roles: ['program_officer'] },
  { path: '/manager', label: 'nav.program_manager', roles: ['program_manager'] },
  { path: '/intake', label: 'nav.intake', roles: APPLICATION_STAFF },
  { path: '/agreements', label: 'nav.agreements', roles: AGREEMENT_STAFF },
  { path: '/reports', label: 'nav.reports', roles: REPORT_STAFF },
  { path: '/reviewer', label: 'nav.reviewer', roles: APPLICATION_REVIEWERS },
  { path: '/assessments', label: 'nav.assessments', roles: APPLICATION_REVIEWERS },
  { path: '/programs', label: 'nav.programs', roles: PROGRAM_STAFF, group: 'programs' },
  { path: '/delegation', label: 'nav.delegation', roles: PROGRAM_STAFF, group: 'programs' },
  { path: '/performance', label: 'nav.performance', roles: FRAMEWORK_EDITORS, group: 'programs' },
  { path: '/organisations', label: 'nav.organisations', roles: ORGANISATION_VERIFIERS, group: 'programs' },
  { path: '/finance', label: 'nav.finance_officer', roles: ['finance_officer'] },
  { path: '/reconciliation', label: 'nav.reconciliation', roles: MONEY_READERS, group: 'results' },
  { path: '/results', label: 'nav.results_analyst', roles: ['results_analyst'] },
  { path: '/results/rollup', label: 'nav.rollup', roles: RESULTS_READERS, group: 'results' },
  { path: '/results/spending', label: 'nav.spending', roles: RESULTS_READERS, group: 'results' },
  { path: '/admin', label: 'nav.administrator', roles: ADMINISTRATORS },
];

export function navigationFor(roles: readonly Role[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => holds({ roles }, entry.roles));
}
