/**
 * Every list of values the database allows in a column (a column CHECK `col = ANY (ARRAY[…])`
 * or `col <@ ARRAY[…]`) is a copy of a domain list. This file reads every such CHECK from the
 * migrated database and holds it equal to its domain const; a CHECK list with no domain const
 * must be named below, with the reason, so a new one cannot go unnoticed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TEMPLATES,
  AGREEMENT_VERSION_STATUSES,
  ACTIVITY_STATUSES,
  APPLICATION_STATUSES,
  ATTACHMENT_CONTENT_TYPES,
  CALL_PRIORITIES,
  CALL_STATUSES,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  COLLECTION_FREQUENCIES,
  CONFLICT_DECLARATIONS,
  COST_CATEGORIES,
  DELEGATION_CHANGE_STATUSES,
  DELEGATION_POSITIONS,
  DECISION_OUTCOMES,
  FUNDING_SOURCE_KINDS,
  FUNDING_STATUSES,
  GBA_BARRIERS,
  GBA_DIMENSIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_UNITS,
  LANGUAGES,
  LEDGER_KINDS,
  LOGIC_MODEL_LEVELS,
  ORGANISATION_TYPES,
  PAYMENT_BASES,
  PROVINCES_AND_TERRITORIES,
  RECOMMENDATION_OUTCOMES,
  REMINDER_THRESHOLDS,
  REPORT_STATUSES,
  reportLifecycle,
  RISK_LEVELS,
  ROLES,
  TRANSFER_PAYMENT_TYPES,
} from '@tp/domain';
import { createTestDatabase, type TestDatabase } from '../../src/testing';

/** `table.column` -> the domain's list. */
const DOMAIN_LISTS: Record<string, readonly string[]> = {
  'agreement.status': AGREEMENT_STATUSES,
  'agreement.template': AGREEMENT_TEMPLATES,
  'agreement.department_signer_role': DELEGATION_POSITIONS,
  'agreement_other_funding.kind': FUNDING_SOURCE_KINDS,
  'agreement_other_funding.status': FUNDING_STATUSES,
  'agreement_version.status': AGREEMENT_VERSION_STATUSES,
  'agreement_version.advance_frequency': COLLECTION_FREQUENCIES,
  'agreement_version.reporting_frequency': COLLECTION_FREQUENCIES,
  'agreement_version.decider_role': DELEGATION_POSITIONS,
  'agreement_version.payment_basis': PAYMENT_BASES,
  'agreement_version.risk_level': RISK_LEVELS,
  'app_user.preferred_language': LANGUAGES,
  'application.status': APPLICATION_STATUSES,
  'application.gba_barriers': GBA_BARRIERS,
  'application.regions_served': PROVINCES_AND_TERRITORIES,
  'application_attachment.content_type': ATTACHMENT_CONTENT_TYPES,
  'application_budget_line.cost_category': COST_CATEGORIES,
  'application_decision.decider_role': DELEGATION_POSITIONS,
  'application_decision.outcome': DECISION_OUTCOMES,
  'application_other_funding.kind': FUNDING_SOURCE_KINDS,
  'application_other_funding.status': FUNDING_STATUSES,
  'application_recommendation.outcome': RECOMMENDATION_OUTCOMES,
  'call_for_proposals.status': CALL_STATUSES,
  'call_for_proposals.eligible_provinces': PROVINCES_AND_TERRITORIES,
  'call_for_proposals.eligible_recipient_types': ORGANISATION_TYPES,
  'call_for_proposals.priorities': CALL_PRIORITIES,
  'claim.kind': CLAIM_KINDS,
  'claim.status': CLAIM_STATUSES,
  'claim_expenditure.cost_category': COST_CATEGORIES,
  'claim_other_revenue.kind': FUNDING_SOURCE_KINDS,
  'decision_letter.language': LANGUAGES,
  'indicator.direction': INDICATOR_DIRECTIONS,
  'indicator.frequency': COLLECTION_FREQUENCIES,
  'indicator.gba_dimensions': GBA_DIMENSIONS,
  'indicator.unit': INDICATOR_UNITS,
  'ledger_entry.cost_category': COST_CATEGORIES,
  'ledger_entry.kind': LEDGER_KINDS,
  'logic_model_result.level': LOGIC_MODEL_LEVELS,
  'mail_message.language': LANGUAGES,
  'membership.role': ROLES,
  'organisation.official_language': LANGUAGES,
  'organisation.province_or_territory': PROVINCES_AND_TERRITORIES,
  'organisation.type': ORGANISATION_TYPES,
  'program.transfer_payment_type': TRANSFER_PAYMENT_TYPES,
  'program_approval_limit.role': DELEGATION_POSITIONS,
  'delegation_change.role': DELEGATION_POSITIONS,
  'delegation_change.status': DELEGATION_CHANGE_STATUSES,
  'position_appointment.position': DELEGATION_POSITIONS,
  'position_appointment.status': DELEGATION_CHANGE_STATUSES,
  'program_cost_category.cost_category': COST_CATEGORIES,
  'progress_report.status': REPORT_STATUSES,
  // A review's outcome is where a submitted report can go.
  'progress_report_revision.outcome': reportLifecycle.next('submitted'),
  'report_activity_status.status': ACTIVITY_STATUSES,
  'report_indicator_breakdown.dimension': GBA_DIMENSIONS,
  'report_reminder.threshold': REMINDER_THRESHOLDS,
  'reviewer_assignment.conflict': CONFLICT_DECLARATIONS,
};

/** Named exceptions: lists the database holds that are not domain rules (no domain const to equal). */
const DATABASE_ONLY: Record<string, string> = {
  'app_user.status': 'an account state of sign-in (api/services/manage-users.ts), not a domain lifecycle',
  'fiscal_year.status': 'open or closed, set only by the year-end close (api/claims/close-fiscal-year.ts)',
  'mail_message.status': 'the outbox of the mailer (api/mail), infrastructure',
  'user_token.purpose': 'the one-time tokens of sign-in (api/services/password-reset.ts), infrastructure',
};

/** Every column CHECK listing values, read from the database: `table.column` -> values. */
async function checkedLists(t: TestDatabase): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; name: string; def: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`.execute(t.db);
  const lists = new Map<string, string[]>();
  for (const { table, name, def } of rows) {
    // A column named by a keyword ("position") comes back quoted.
    const column = /\("?(\w+)"? = ANY \(ARRAY\[|\("?(\w+)"? <@ ARRAY\[/.exec(def);
    const col = column?.[1] ?? column?.[2];
    // A column's own CHECK is named table_column_check; table CHECKs tying states to dates are not lists.
    if (!col || name !== `${table}_${col}_check`) continue;
    lists.set(`${table}.${col}`, [...def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!));
  }
  return lists;
}

let t: TestDatabase;
let lists: Map<string, string[]>;
beforeAll(async () => {
  t = await createTestDatabase();
  lists = await checkedLists(t);
});
afterAll(async () => {
  await t?.destroy();
});

describe(`enums: every CHECK list equals its domain const (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('every list the database checks is a domain const, or a named database-only exception', () => {
    expect(lists.size).toBeGreaterThan(50);
    const unexplained = [...lists.keys()].filter((key) => !(key in DOMAIN_LISTS) && !(key in DATABASE_ONLY));
    expect(unexplained).toEqual([]);
    expect(Object.keys(DATABASE_ONLY).filter((key) => !lists.has(key)), 'a named exception that no longer exists').toEqual([]);
  });

  it.each(Object.entries(DOMAIN_LISTS))('%s allows exactly the domain’s values', (key, values) => {
    expect(lists.get(key)?.slice().sort(), `${key} has a CHECK list`).toEqual([...values].sort());
  });
});
