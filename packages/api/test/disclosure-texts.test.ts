/**
 * The disclosure's texts written after draft: the officer completes the French title and
 * description and the expected results on an agreement in force; they reach the disclosure file;
 * the database lets only those four columns change on a version out of draft; a long text and
 * anyone but the drafter are refused, naming the field.
 */
import { disclosureViolations, GRANTS_FIELDS, type GrantsRow, toDecimalString } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, disclosureSheet, seedDemoActivity } from '../src';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let windsor: { id: string; referenceNumber: string; currentVersion: number };

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  const org = await h.organisationId('Legal Assistance of Windsor');
  windsor = await h.t.db.selectFrom('agreement').select(['id', 'referenceNumber', 'currentVersion']).where('organisationId', '=', org).where('status', '=', 'active').executeTakeFirstOrThrow();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const texts = { titleFr: 'Sensibilisation juridique des jeunes', descriptionFr: 'Séances d’information juridique à Windsor-Essex.', expectedResultsEn: 'Youth know their rights.', expectedResultsFr: 'Les jeunes connaissent leurs droits.' };

describe('writing the disclosure texts after draft', () => {
  it('the officer writes them on the version in force; the disclosure sends them; the audit keeps before and after', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const before = await api.agreements.get({ agreementId: windsor.id });
    expect(before.allowedActions).toContain('writeDisclosure');
    await api.agreements.writeDisclosureTexts({ agreementId: windsor.id, ...texts, expectedResultsFr: '   ' });
    const v = await h.t.db.selectFrom('agreementVersion').select(['titleFr', 'expectedResultsEn', 'expectedResultsFr']).where('agreementId', '=', windsor.id).where('version', '=', windsor.currentVersion).executeTakeFirstOrThrow();
    expect(v).toEqual({ titleFr: texts.titleFr, expectedResultsEn: texts.expectedResultsEn, expectedResultsFr: null });
    const row = (await disclosureSheet(h.t.db, '130')).rows.find((r) => r.alternate_agreement_number === windsor.referenceNumber)!;
    expect([row.agreement_title_fr, row.description_fr, row.expected_results_en, row.expected_results_fr]).toEqual([texts.titleFr, texts.descriptionFr, texts.expectedResultsEn, null]);
    const { rows } = await sql<{ action: string }>`select action from audit_event where entity_id = ${windsor.id} and action = 'disclosure.texts'`.execute(h.t.db);
    expect(rows).toHaveLength(1);
  });

  it('the database still refuses any other change to a version out of draft', async () => {
    const change = sql`update agreement_version set title = 'Changed' where agreement_id = ${windsor.id} and version = ${windsor.currentVersion}`.execute(h.t.db);
    await expect(change).rejects.toThrow(/terms out of draft cannot change/);
    await sql`update agreement_version set expected_results_fr = 'Les jeunes connaissent leurs droits.' where agreement_id = ${windsor.id} and version = ${windsor.currentVersion}`.execute(h.t.db);
  });

  it('refuses a text too long naming its field, a draft, and anyone but the drafter', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    expect((await rejection(api.agreements.writeDisclosureTexts({ agreementId: windsor.id, ...texts, titleFr: 'x'.repeat(301) }))).zodFields).toEqual(['titleFr']);
    const { api: manager } = await h.signInAs('manager@example.ca');
    expect((await rejection(manager.agreements.writeDisclosureTexts({ agreementId: windsor.id, ...texts }))).code).toBe('FORBIDDEN');
    // (A draft has the texts on its terms form: agreementActions gives no writeDisclosure there, domain/test/agreement-actions.test.ts.)
  });

  it('a termination is one more amendment, dated, with its termination date, under the same key; the file still passes the template', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const key = (await disclosureSheet(h.t.db, '130')).rows.find((r) => r.alternate_agreement_number === windsor.referenceNumber)!.agreement_number;
    await api.agreements.end({ agreementId: windsor.id, outcome: 'terminated', reason: 'The recipient wound up its youth program.' });
    const { rows: ended } = await sql<{ day: string }>`select to_char(ended_at at time zone 'America/Toronto', 'YYYY-MM-DD') as day from agreement where id = ${windsor.id}`.execute(h.t.db);
    const sheet = await disclosureSheet(h.t.db, '130');
    const rows = sheet.rows.filter((r) => r.alternate_agreement_number === windsor.referenceNumber);
    expect(rows.map((r) => [r.agreement_number, r.amendment_number, r.amendment_date, r.agreement_termination_date])).toEqual([
      [key, 0, null, null],
      [key, 1, ended[0]!.day, ended[0]!.day],
    ]);
    const asText = sheet.rows.map((r) => Object.fromEntries(GRANTS_FIELDS.map((f) => [f, r[f] === null || r[f] === undefined ? null : typeof r[f] === 'bigint' ? toDecimalString(r[f]) : String(r[f])])) as GrantsRow);
    expect(disclosureViolations(asText)).toEqual([]);
  });
});
