/**
 * The printed agreement, read back as text: the recipient, the total, every fiscal year with its
 * amount, the reporting schedule and the holdback, in English and in French (accents and French
 * amounts intact); the province template names its party as a province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementDocumentData, createMailer, createMemoryFileStore, defaultApiConfig, renderAgreementPdf, seedDemoActivity } from '../src';
import { createHarness, type Harness } from './harness';
import { textOf } from './pdf-text';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
});
afterAll(async () => {
  await h?.close();
});

async function agreementOf(name: string) {
  return (await h.t.db.selectFrom('agreement').innerJoin('organisation', 'organisation.id', 'agreement.organisationId').select('agreement.id').where('organisation.legalNameEn', '=', name).executeTakeFirstOrThrow()).id;
}

async function viewer(email: string) {
  const u = await h.t.db.selectFrom('appUser').select(['id', 'email', 'displayName', 'preferredLanguage']).where('email', '=', email).executeTakeFirstOrThrow();
  const m = await h.t.db.selectFrom('membership').select(['role', 'organisationId']).where('userId', '=', u.id).execute();
  return { ...u, roles: m.map((x) => x.role), organisationIds: m.flatMap((x) => (x.organisationId ? [x.organisationId] : [])) };
}

describe('the agreement as a PDF', () => {
  it('in English: the recipient, the total, the schedule of money and reports, the holdback and both signatures', async () => {
    const { lang, document } = await agreementDocumentData(h.t.db, await viewer('officer@example.ca'), { agreementId: await agreementOf('Legal Assistance of Windsor') });
    expect(lang).toBe('en');
    const text = await textOf(await renderAgreementPdf(document, lang));
    expect(text).toContain('Contribution Agreement');
    expect(text).toContain('Legal Assistance of Windsor');
    expect(text).toContain('$240,000.00');
    expect(text).toContain('2026-27');
    expect(text).toContain('2027-28');
    expect(text).toContain('$120,000.00');
    // Quarterly reports: the first due July 30, 2026; the final one 90 days after the end.
    expect(text).toContain('July 30, 2026');
    expect(text).toContain('June 29, 2028');
    expect(text).toContain('Holdback: $24,000.00 (10');
    expect(text).toContain('Signed by Sam Tremblay, Executive Director');
  });

  it('in French on request, with French amounts and accents', async () => {
    const { document } = await agreementDocumentData(h.t.db, await viewer('officer@example.ca'), { agreementId: await agreementOf('Legal Assistance of Windsor'), lang: 'fr' });
    const text = await textOf(await renderAgreementPdf(document, 'fr'));
    expect(text).toContain('Accord de contribution');
    expect(text).toContain('240 000,00 $');
    expect(text).toContain('Sa Majesté le Roi du chef du Canada');
    expect(text).toContain('30 juillet 2026');
    expect(text).toContain('Retenue : 24 000,00 $');
  });

  it('uses the province and territory template for Alberta', async () => {
    const { document, lang } = await agreementDocumentData(h.t.db, await viewer('officer@example.ca'), { agreementId: await agreementOf('Government of Alberta') });
    const text = await textOf(await renderAgreementPdf(document, lang));
    expect(text).toContain('Bilateral Contribution Agreement with a Province or Territory');
    expect(text).toContain('Government of Alberta (the "Province or Territory")');
    expect(text).toContain('DRAFT: not signed');
    expect(text).toContain('$1,200,000.00');
  });

  it('is not given to another organisation', async () => {
    await expect(agreementDocumentData(h.t.db, await viewer('recipient@example.ca'), { agreementId: await agreementOf('Legal Assistance of Windsor') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
