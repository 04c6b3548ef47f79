import { describe, expect, it } from 'vitest';
import {
  disclosureBusinessNumber,
  disclosureReferenceNumber,
  disclosureViolations,
  fiscalQuarterOf,
  GRANTS_FIELDS,
  type GrantsField,
  type GrantsRow,
  nilQuarters,
  nilReportViolations,
  ORGANISATION_TYPES,
  organisationProfileInput,
  RECIPIENT_TYPE_OF,
} from '../src';

/** A row written by hand, every field as the template wants it (agreement starting after 2025-12-01). */
const good: GrantsRow = {
  agreement_number: '130-2026-2027-Q2-00001',
  amendment_number: '1',
  amendment_date: '2026-11-02',
  agreement_type: 'C',
  agreement_title_en: 'Safe Futures: trafficking awareness for youth',
  agreement_title_fr: 'Avenirs sûrs : sensibilisation des jeunes à la traite',
  recipient_type: 'N',
  recipient_business_number: '123456789',
  recipient_legal_name: 'Legal Assistance of Windsor|Aide juridique de Windsor',
  recipient_operating_name: null,
  research_organization_name: null,
  recipient_country: 'CA',
  recipient_province: 'ON',
  recipient_city: 'Windsor',
  recipient_postal_code: 'N9A 1E6',
  federal_riding_name_en: 'Windsor West',
  federal_riding_name_fr: 'Windsor-Ouest',
  federal_riding_number: '35118',
  prog_name_en: 'Contribution Program to Combat Serious and Organized Crime',
  prog_name_fr: 'Programme de contribution pour lutter contre les crimes graves et le crime organisé',
  prog_purpose_en: 'Funds projects that prevent human trafficking.',
  prog_purpose_fr: 'Finance des projets qui préviennent la traite des personnes.',
  alternate_agreement_number: 'AGR-2026-0001',
  agreement_value: '240000.00',
  foreign_currency_type: null,
  foreign_currency_value: null,
  agreement_start_date: '2026-09-15',
  agreement_end_date: '2028-03-31',
  agreement_termination_date: null,
  coverage: null,
  description_en: 'Workshops for youth at risk, designed with survivors.',
  description_fr: 'Ateliers pour les jeunes à risque, conçus avec des survivantes.',
  naics_identifier: null,
  expected_results_en: 'Youth recognise the signs of trafficking and know where to get help.',
  expected_results_fr: 'Les jeunes reconnaissent les signes de la traite et savent où obtenir de l’aide.',
  additional_information_en: null,
  additional_information_fr: null,
};

const broken = (changes: Partial<GrantsRow>) => disclosureViolations([{ ...good, ...changes }]).map((v) => `${v.field}:${v.rule}`);

describe('the grants template (version 3)', () => {
  it('has its 37 columns in the template order, starting with the key', () => {
    expect(GRANTS_FIELDS).toHaveLength(37);
    expect(GRANTS_FIELDS.slice(0, 3)).toEqual(['agreement_number', 'amendment_number', 'amendment_date']);
    expect(GRANTS_FIELDS.at(-1)).toBe('additional_information_fr');
    expect(GRANTS_FIELDS).not.toContain('ref_number');
  });

  it('a good row passes', () => {
    expect(disclosureViolations([good])).toEqual([]);
  });

  const cases: [string, Partial<GrantsRow>, string][] = [
    ['agreement number missing', { agreement_number: '' }, 'agreement_number:required'],
    ['agreement number with a comma', { agreement_number: '130,1' }, 'agreement_number:noComma'],
    ['amendment number missing', { amendment_number: null }, 'amendment_number:required'],
    ['amendment number not a number', { amendment_number: 'one' }, 'amendment_number:integer'],
    ['amendment date missing on an amendment', { amendment_date: null }, 'amendment_date:required'],
    ['amendment date badly written', { amendment_date: '02/11/2026' }, 'amendment_date:date'],
    ['agreement type missing', { agreement_type: ' ' }, 'agreement_type:required'],
    ['agreement type off the list', { agreement_type: 'X' }, 'agreement_type:choice'],
    ['English title missing', { agreement_title_en: null }, 'agreement_title_en:required'],
    ['French title missing', { agreement_title_fr: '' }, 'agreement_title_fr:required'],
    ['French title a copy of the English', { agreement_title_fr: good.agreement_title_en }, 'agreement_title_fr:frenchCopiesEnglish'],
    ['recipient type missing', { recipient_type: null }, 'recipient_type:required'],
    ['recipient type off the list', { recipient_type: 'Z' }, 'recipient_type:choice'],
    ['business number of 15 characters', { recipient_business_number: '123456789RR0001' }, 'recipient_business_number:businessNumber'],
    ['business number starting with 0', { recipient_business_number: '023456789' }, 'recipient_business_number:businessNumber'],
    ['legal name missing', { recipient_legal_name: null }, 'recipient_legal_name:required'],
    ['country missing', { recipient_country: null }, 'recipient_country:required'],
    ['country not a code', { recipient_country: 'Canada' }, 'recipient_country:choice'],
    ['province missing in Canada', { recipient_province: null }, 'recipient_province:required'],
    ['province off the list', { recipient_province: 'QU' }, 'recipient_province:choice'],
    ['city missing', { recipient_city: '' }, 'recipient_city:required'],
    ['postal code badly written', { recipient_postal_code: 'N9A1E' }, 'recipient_postal_code:postalCode'],
    ['riding name given in one language only', { federal_riding_name_fr: null }, 'federal_riding_name_fr:pairRequired'],
    ['riding number of 4 digits', { federal_riding_number: '3511' }, 'federal_riding_number:ridingNumber'],
    ['program name missing in French', { prog_name_fr: null }, 'prog_name_fr:required'],
    ['program purpose missing in English', { prog_purpose_en: null }, 'prog_purpose_en:required'],
    ['value missing', { agreement_value: null }, 'agreement_value:required'],
    ['value not a number', { agreement_value: '240 000 $' }, 'agreement_value:money'],
    ['value negative', { agreement_value: '-1.00' }, 'agreement_value:negativeValue'],
    ['foreign currency value without its type', { foreign_currency_value: '100.00' }, 'foreign_currency_type:required'],
    ['foreign currency type without its value', { foreign_currency_type: 'USD' }, 'foreign_currency_value:required'],
    ['start date missing', { agreement_start_date: null }, 'agreement_start_date:required'],
    ['start date after the end', { agreement_end_date: '2026-09-01' }, 'agreement_start_date:startAfterEnd'],
    ['end date missing', { agreement_end_date: null }, 'agreement_end_date:required'],
    ['termination before the start', { agreement_termination_date: '2026-01-01' }, 'agreement_termination_date:terminationBeforeStart'],
    ['description missing in French', { description_fr: null }, 'description_fr:required'],
    ['French description a copy', { description_fr: good.description_en }, 'description_fr:frenchCopiesEnglish'],
    ['expected results missing in English', { expected_results_en: null }, 'expected_results_en:required'],
    ['expected results missing in French', { expected_results_fr: '' }, 'expected_results_fr:required'],
  ];
  it.each(cases)('%s fails, naming the field', (_name, changes, expected) => {
    expect(broken(changes)).toEqual([expected]);
  });

  it('binds the version 3 rules only to agreements starting on or after 2025-12-01', () => {
    const older = { agreement_start_date: '2025-11-30', agreement_end_date: '2027-03-31' };
    expect(broken({ ...older, expected_results_en: null, expected_results_fr: null, recipient_type: null, recipient_business_number: '123456789RR0001', recipient_postal_code: 'x' })).toEqual([]);
    expect(broken({ agreement_start_date: '2025-12-01', expected_results_en: null })).toEqual(['expected_results_en:required']);
    // Before April 2018 the descriptions and the city were not required either.
    expect(broken({ agreement_start_date: '2018-03-31', agreement_end_date: '2019-03-31', description_fr: null, recipient_city: null, expected_results_fr: null })).toEqual([]);
    // The value may be negative before May 2026 (the registry's rule starts then).
    expect(broken({ agreement_start_date: '2026-04-30', agreement_value: '-1.00' })).toEqual([]);
  });

  it('accepts the original agreement without an amendment date, a short identical French name, and a postal code the registry normalises', () => {
    expect(broken({ amendment_number: '0', amendment_date: null })).toEqual([]);
    expect(broken({ agreement_title_en: 'Cybertip.ca', agreement_title_fr: 'Cybertip.ca' })).toEqual([]);
    expect(broken({ recipient_postal_code: ' n9a   1e6 ' })).toEqual([]);
    expect(broken({ recipient_country: 'US', recipient_province: null })).toEqual([]);
  });

  it('refuses a second row with the same key and counts rows from 0', () => {
    const v = disclosureViolations([good, { ...good }]);
    expect(v).toEqual([{ row: 1, field: 'amendment_number', rule: 'duplicateKey' }]);
  });

  it('reports every broken field of a row in template order', () => {
    const fields = disclosureViolations([{ ...good, expected_results_fr: null, recipient_city: null, agreement_title_fr: null }]).map((v) => v.field);
    expect(fields).toEqual<GrantsField[]>(['agreement_title_fr', 'recipient_city', 'expected_results_fr']);
  });
});

describe('what we send', () => {
  it('maps every organisation type to a template code: Indigenous A, academia S', () => {
    expect(Object.keys(RECIPIENT_TYPE_OF).sort()).toEqual([...ORGANISATION_TYPES].sort());
    expect(RECIPIENT_TYPE_OF.indigenous_organisation).toBe('A');
    expect(RECIPIENT_TYPE_OF.academic).toBe('S');
    expect(RECIPIENT_TYPE_OF.non_profit).toBe('N');
    expect(RECIPIENT_TYPE_OF.province_or_territory).toBe('G');
  });

  it('sends the first nine digits of the business number', () => {
    expect(disclosureBusinessNumber('123456789RR0001')).toBe('123456789');
    expect(disclosureBusinessNumber('123456789')).toBe('123456789');
    expect(disclosureBusinessNumber('012345678RR0001')).toBeNull();
    expect(disclosureBusinessNumber(null)).toBeNull();
  });

  it('writes the TBS reference number from the decision quarter', () => {
    expect(disclosureReferenceNumber({ departmentCode: '130', decidedOn: '2026-09-30', sequence: 45 })).toBe('130-2026-2027-Q2-00045');
    expect(disclosureReferenceNumber({ departmentCode: '001', decidedOn: '2027-01-01', sequence: 1 })).toBe('001-2026-2027-Q4-00001');
    expect(disclosureReferenceNumber({ departmentCode: '001', decidedOn: '2026-04-01', sequence: 99_999 })).toBe('001-2026-2027-Q1-99999');
    expect(() => disclosureReferenceNumber({ departmentCode: 'PS', decidedOn: '2026-04-01', sequence: 1 })).toThrow();
    expect(() => disclosureReferenceNumber({ departmentCode: '130', decidedOn: '2026-04-01', sequence: 0 })).toThrow();
    expect([fiscalQuarterOf('2026-06-30').quarter, fiscalQuarterOf('2026-07-01').quarter, fiscalQuarterOf('2026-12-31').quarter, fiscalQuarterOf('2027-03-31').quarter]).toEqual([1, 2, 3, 4]);
  });
});

describe('nothing to report', () => {
  it('lists the quarters with nothing disclosed, in the template form', () => {
    expect(nilQuarters(['2026-05-10', '2026-12-01'], '2026-04-01', '2027-03-31')).toEqual([
      { fiscal_year: '2026-2027', quarter: 'Q2' },
      { fiscal_year: '2026-2027', quarter: 'Q4' },
    ]);
    expect(nilQuarters([], '2027-03-01', '2027-04-01')).toEqual([
      { fiscal_year: '2026-2027', quarter: 'Q4' },
      { fiscal_year: '2027-2028', quarter: 'Q1' },
    ]);
  });

  it('checks a nil row: the fiscal year as YYYY-YYYY and a quarter Q1 to Q4', () => {
    expect(nilReportViolations([{ fiscal_year: '2026-2027', quarter: 'Q2' }])).toEqual([]);
    expect(nilReportViolations([{ fiscal_year: '2026-27', quarter: 'Q5' }])).toEqual([
      { row: 0, field: 'fiscal_year', rule: 'choice' },
      { row: 0, field: 'quarter', rule: 'choice' },
    ]);
  });
});

describe('the federal riding on the organisation profile', () => {
  const profile = {
    legalNameEn: 'Legal Assistance of Windsor', legalNameFr: 'Aide juridique de Windsor', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: '123456789RR0001',
    isIndigenousLed: false, isSurvivorLed: false, officialLanguage: 'en', addressLine: '443 Ouellette Avenue', city: 'Windsor', postalCode: 'N9A 6R4',
    contactName: 'Sam Tremblay', contactEmail: 'sam@example.ca', contactPhone: '519-555-0100',
  };
  it('is optional, blank is not given, and a number is five digits naming its field when wrong', () => {
    expect(organisationProfileInput.parse(profile).federalRidingNumber).toBeUndefined();
    expect(organisationProfileInput.parse({ ...profile, federalRidingNumber: '', federalRidingNameEn: ' ' })).toMatchObject({ federalRidingNumber: null, federalRidingNameEn: null });
    expect(organisationProfileInput.parse({ ...profile, federalRidingNumber: ' 35118 ' }).federalRidingNumber).toBe('35118');
    const bad = organisationProfileInput.safeParse({ ...profile, federalRidingNumber: '3511' });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['federalRidingNumber', 'error.federalRidingNumber.invalid']]);
  });
});
