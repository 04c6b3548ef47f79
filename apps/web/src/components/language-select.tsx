/** The "preferred language" field of the forms that create or invite a person. */
import { GcdsSelect } from '@cdssnc/gcds-components-react';
import { LANGUAGES, type Language } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useT } from '../i18n/language';
import type { FormProblems } from '../lib/form-problems';

export function LanguageSelect(props: {
  id: string;
  label: MessageKey;
  value: Language;
  onChange: (language: Language) => void;
  problems: FormProblems;
}) {
  const { t, lang, problem } = useT();
  const fieldProblem = props.problems.fields['preferredLanguage'];
  return (
    <GcdsSelect
      key={`${props.id}-${lang}`}
      selectId={props.id}
      name="preferredLanguage"
      label={t(props.label)}
      required
      validateOn="other"
      value={props.value}
      errorMessage={fieldProblem ? problem(fieldProblem) : ''}
      onGcdsChange={(event) => props.onChange(event.detail === 'fr' ? 'fr' : 'en')}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {t(`language.${code}`)}
        </option>
      ))}
    </GcdsSelect>
  );
}
