/**
 * The fields of an organisation's profile, shared by registration and the profile page. Text
 * fields are GCDS inputs read with formValues on submit; the choices are kept in state. Field
 * names are the API's paths ("organisation.legalNameEn") so that errors land on their field.
 */
import { GcdsRadios, GcdsSelect } from '@cdssnc/gcds-components-react';
import { LANGUAGES, ORGANISATION_TYPES, PROVINCES_AND_TERRITORIES, type Language, type OrganisationProfileInput, type OrganisationType, type ProvinceOrTerritory } from '@tp/domain';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import type { FormProblems } from '../../lib/form-problems';

export interface OrganisationChoices {
  type: OrganisationType | '';
  provinceOrTerritory: ProvinceOrTerritory | '';
  officialLanguage: Language;
  isIndigenousLed: boolean | null;
  isSurvivorLed: boolean | null;
}

export const EMPTY_CHOICES: OrganisationChoices = { type: '', provinceOrTerritory: '', officialLanguage: 'en', isIndigenousLed: null, isSurvivorLed: null };

const TEXT_FIELDS = ['legalNameEn', 'legalNameFr', 'businessNumber', 'addressLine', 'city', 'postalCode', 'federalRidingNameEn', 'federalRidingNameFr', 'federalRidingNumber', 'contactName', 'contactEmail', 'contactPhone'] as const;

export const isOrganisationField = (field: string) => field.startsWith('organisation.');

/** The API's organisation input from the form's values and the choices (validation is zod's). */
export function organisationInput(values: Record<string, string>, choices: OrganisationChoices): Record<string, unknown> {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, values[`organisation.${f}`] ?? '']));
  return {
    ...text,
    businessNumber: (text.businessNumber as string).trim() === '' ? null : (text.businessNumber as string).replace(/\s/g, ''),
    type: choices.type,
    provinceOrTerritory: choices.provinceOrTerritory,
    officialLanguage: choices.officialLanguage,
    isIndigenousLed: choices.isIndigenousLed,
    isSurvivorLed: choices.isSurvivorLed,
  };
}

export function OrganisationFields({
  idPrefix,
  problems,
  choices,
  onChoices,
  initial,
}: {
  idPrefix: string;
  problems: FormProblems;
  choices: OrganisationChoices;
  onChoices(c: OrganisationChoices): void;
  initial?: Partial<OrganisationProfileInput>;
}) {
  const { t, lang, problem } = useT();
  const err = (f: string) => {
    const p = problems.fields[`organisation.${f}`];
    return p ? problem(p) : '';
  };
  const field = (f: (typeof TEXT_FIELDS)[number], extra: { type?: 'email' | 'text'; required?: boolean; hint?: string; autocomplete?: string } = {}) => {
    const value = initial?.[f];
    return (
      <TextField
        name={`organisation.${f}`}
        label={t(`organisation.field.${f}`)}
        problems={problems}
        {...extra}
        {...(typeof value === 'string' ? { defaultValue: value } : {})}
      />
    );
  };
  const yesNo = (f: 'isIndigenousLed' | 'isSurvivorLed') => (
    <GcdsRadios
      key={`${idPrefix}-${f}-${lang}`}
      name={`${idPrefix}-${f}`}
      legend={t(`organisation.field.${f}`)}
      required
      validateOn="other"
      options={[
        { id: `${idPrefix}-${f}-yes`, label: t('common.yes'), value: 'yes', checked: choices[f] === true },
        { id: `${idPrefix}-${f}-no`, label: t('common.no'), value: 'no', checked: choices[f] === false },
      ]}
      value={choices[f] === null ? '' : choices[f] ? 'yes' : 'no'}
      errorMessage={err(f)}
      onGcdsChange={(event) => onChoices({ ...choices, [f]: event.detail === 'yes' })}
    />
  );
  return (
    <>
      {field('legalNameEn')}
      {field('legalNameFr')}
      <GcdsSelect
        key={`${idPrefix}-type-${lang}`}
        selectId={`${idPrefix}-type`}
        name="organisation.type"
        label={t('organisation.field.type')}
        defaultValue={t('apply.choose')}
        required
        validateOn="other"
        value={choices.type}
        errorMessage={err('type')}
        onGcdsChange={(event) => onChoices({ ...choices, type: event.detail as OrganisationType })}
      >
        {ORGANISATION_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(`organisationType.${v}`)}
          </option>
        ))}
      </GcdsSelect>
      <GcdsSelect
        key={`${idPrefix}-province-${lang}`}
        selectId={`${idPrefix}-province`}
        name="organisation.provinceOrTerritory"
        label={t('organisation.field.provinceOrTerritory')}
        defaultValue={t('apply.choose')}
        required
        validateOn="other"
        value={choices.provinceOrTerritory}
        errorMessage={err('provinceOrTerritory')}
        onGcdsChange={(event) => onChoices({ ...choices, provinceOrTerritory: event.detail as ProvinceOrTerritory })}
      >
        {PROVINCES_AND_TERRITORIES.map((v) => (
          <option key={v} value={v}>
            {t(`province.${v}`)}
          </option>
        ))}
      </GcdsSelect>
      {field('businessNumber', { required: false, hint: t('organisation.field.businessNumberHint') })}
      {field('addressLine', { autocomplete: 'street-address' })}
      {field('city', { autocomplete: 'address-level2' })}
      {field('postalCode', { autocomplete: 'postal-code' })}
      {field('federalRidingNameEn', { required: false, hint: t('organisation.field.federalRidingHint') })}
      {field('federalRidingNameFr', { required: false })}
      {field('federalRidingNumber', { required: false })}
      {field('contactName')}
      {field('contactEmail', { type: 'email' })}
      {field('contactPhone', { hint: t('organisation.field.contactPhoneHint') })}
      {yesNo('isIndigenousLed')}
      {yesNo('isSurvivorLed')}
      <GcdsSelect
        key={`${idPrefix}-language-${lang}`}
        selectId={`${idPrefix}-officialLanguage`}
        name="organisation.officialLanguage"
        label={t('organisation.field.officialLanguage')}
        required
        validateOn="other"
        value={choices.officialLanguage}
        errorMessage={err('officialLanguage')}
        onGcdsChange={(event) => onChoices({ ...choices, officialLanguage: event.detail === 'fr' ? 'fr' : 'en' })}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </GcdsSelect>
    </>
  );
}
