/**
 * The navigation: which pages each role reaches from the menu. One list, so a page is added in
 * one place. A user sees the entries of all their roles, in this order, without repeats.
 */
import type { Role } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';

export interface NavEntry {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { path: '/recipient', label: 'nav.recipient', roles: ['recipient'] },
  { path: '/calls', label: 'nav.calls', roles: ['recipient', 'program_officer', 'program_manager', 'administrator'] },
  { path: '/applications', label: 'nav.applications', roles: ['recipient'] },
  { path: '/my-agreements', label: 'nav.myAgreements', roles: ['recipient'] },
  { path: '/my-reports', label: 'nav.myReports', roles: ['recipient'] },
  { path: '/claims', label: 'nav.claims', roles: ['recipient', 'program_officer', 'finance_officer'] },
  { path: '/officer', label: 'nav.program_officer', roles: ['program_officer'] },
  { path: '/manager', label: 'nav.program_manager', roles: ['program_manager'] },
  { path: '/intake', label: 'nav.intake', roles: ['program_officer', 'program_manager'] },
  { path: '/agreements', label: 'nav.agreements', roles: ['program_officer', 'program_manager', 'finance_officer', 'results_analyst', 'administrator'] },
  { path: '/reports', label: 'nav.reports', roles: ['program_officer', 'program_manager'] },
  { path: '/reviewer', label: 'nav.reviewer', roles: ['reviewer'] },
  { path: '/assessments', label: 'nav.assessments', roles: ['reviewer'] },
  { path: '/programs', label: 'nav.programs', roles: ['program_officer', 'program_manager', 'administrator'] },
  { path: '/performance', label: 'nav.performance', roles: ['results_analyst', 'program_officer', 'administrator'] },
  { path: '/organisations', label: 'nav.organisations', roles: ['program_officer', 'administrator'] },
  { path: '/finance', label: 'nav.finance_officer', roles: ['finance_officer'] },
  { path: '/reconciliation', label: 'nav.reconciliation', roles: ['finance_officer', 'program_manager', 'results_analyst'] },
  { path: '/results', label: 'nav.results_analyst', roles: ['results_analyst'] },
  { path: '/results/rollup', label: 'nav.rollup', roles: ['results_analyst', 'program_manager', 'program_officer'] },
  { path: '/results/spending', label: 'nav.spending', roles: ['results_analyst', 'program_manager', 'finance_officer'] },
  { path: '/admin', label: 'nav.administrator', roles: ['administrator'] },
];

export function navigationFor(roles: readonly Role[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => entry.roles.some((r) => roles.includes(r)));
}
