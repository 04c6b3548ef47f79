/**
 * Every migration, listed explicitly in the order it runs (bundle-safe: no folder scan).
 * Names are ISO timestamps. Migrations are frozen once landed.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as core from './2026-11-23T09-30-00Z-core';
import * as programsPerformanceCalls from './2026-11-23T10-00-00Z-programs-performance-calls';
import * as organisationsApplications from './2026-11-23T11-00-00Z-organisations-applications';
import * as agreements from './2026-11-24T12-30-00Z-agreements';
import * as progressReports from './2026-11-24T13-00-00Z-progress-reports';
import * as claimsPayments from './2026-11-24T14-00-00Z-claims-payments';
import * as results from './2026-11-26T09-00-00Z-results';
import * as ledgerByYear from './2026-11-26T10-00-00Z-ledger-by-year';
import * as resultsFigures from './2026-11-26T12-00-00Z-results-figures';
import * as portfolioOrder from './2026-11-26T12-30-00Z-portfolio-order';
import * as ledgerYearTotals from './2026-11-26T14-00-00Z-ledger-year-totals';
import * as periodsByProgram from './2026-11-26T14-30-00Z-periods-by-program';
import * as reportingYearTallies from './2026-11-26T16-00-00Z-reporting-year-tallies';
import * as agreementYearMoney from './2026-11-26T16-30-00Z-agreement-year-money';
import * as editedMigrationsCatchUp from './2026-12-02T21-00-00Z-edited-migrations-catch-up';
import * as holdbackReleaseIsPartOfAPayment from './2026-12-02T21-30-00Z-holdback-release-is-part-of-a-payment';
import * as lifecycleCopiesEqualTheDomain from './2026-12-03T09-00-00Z-lifecycle-copies-equal-the-domain';
import * as readinessBlankTextIsAnyWhitespace from './2026-12-03T09-30-00Z-readiness-blank-text-is-any-whitespace';
import * as activityReasonBlankIsAnyWhitespace from './2026-12-03T10-00-00Z-activity-reason-blank-is-any-whitespace';
import * as adjustmentReasonBlankIsAnyWhitespace from './2026-12-03T10-30-00Z-adjustment-reason-blank-is-any-whitespace';
import * as requiredTextBlankIsAnyWhitespace from './2026-12-03T11-00-00Z-required-text-blank-is-any-whitespace';
import * as yearEndPerProgram from './2026-12-04T01-30-00Z-year-end-per-program';
import * as delegationOfAuthority from './2026-12-04T02-00-00Z-delegation-of-authority';
import * as positionsAndAppointments from './2026-12-04T19-00-00Z-positions-and-appointments';
import * as disclosureFields from './2026-12-04T20-00-00Z-disclosure-fields';
import * as disclosureTextsAfterDraft from './2026-12-04T20-30-00Z-disclosure-texts-after-draft';

export const migrations: Record<string, Migration> = {
  '2026-11-23T09-30-00Z-core': core,
  '2026-11-23T10-00-00Z-programs-performance-calls': programsPerformanceCalls,
  '2026-11-23T11-00-00Z-organisations-applications': organisationsApplications,
  '2026-11-24T12-30-00Z-agreements': agreements,
  '2026-11-24T13-00-00Z-progress-reports': progressReports,
  '2026-11-24T14-00-00Z-claims-payments': claimsPayments,
  '2026-11-26T09-00-00Z-results': results,
  '2026-11-26T10-00-00Z-ledger-by-year': ledgerByYear,
  '2026-11-26T12-00-00Z-results-figures': resultsFigures,
  '2026-11-26T12-30-00Z-portfolio-order': portfolioOrder,
  '2026-11-26T14-00-00Z-ledger-year-totals': ledgerYearTotals,
  '2026-11-26T14-30-00Z-periods-by-program': periodsByProgram,
  '2026-11-26T16-00-00Z-reporting-year-tallies': reportingYearTallies,
  '2026-11-26T16-30-00Z-agreement-year-money': agreementYearMoney,
  '2026-12-02T21-00-00Z-edited-migrations-catch-up': editedMigrationsCatchUp,
  '2026-12-02T21-30-00Z-holdback-release-is-part-of-a-payment': holdbackReleaseIsPartOfAPayment,
  '2026-12-03T09-00-00Z-lifecycle-copies-equal-the-domain': lifecycleCopiesEqualTheDomain,
  '2026-12-03T09-30-00Z-readiness-blank-text-is-any-whitespace': readinessBlankTextIsAnyWhitespace,
  '2026-12-03T10-00-00Z-activity-reason-blank-is-any-whitespace': activityReasonBlankIsAnyWhitespace,
  '2026-12-03T10-30-00Z-adjustment-reason-blank-is-any-whitespace': adjustmentReasonBlankIsAnyWhitespace,
  '2026-12-03T11-00-00Z-required-text-blank-is-any-whitespace': requiredTextBlankIsAnyWhitespace,
  '2026-12-04T01-30-00Z-year-end-per-program': yearEndPerProgram,
  '2026-12-04T02-00-00Z-delegation-of-authority': delegationOfAuthority,
  '2026-12-04T19-00-00Z-positions-and-appointments': positionsAndAppointments,
  '2026-12-04T20-00-00Z-disclosure-fields': disclosureFields,
  '2026-12-04T20-30-00Z-disclosure-texts-after-draft': disclosureTextsAfterDraft,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
