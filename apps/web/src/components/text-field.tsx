/** A labelled GCDS text input whose error, if any, is shown right with it (aria-invalid, aria-describedby). */
import { GcdsInput } from '@cdssnc/gcds-components-react';
import { useT } from '../i18n/language';
import type { FormProblems } from '../lib/form-problems';

interface TextFieldProps {
  name: string;
  label: string;
  problems: FormProblems;
  type?: 'email' | 'password' | 'text';
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
}

export function TextField({ name, label, problems, type = 'text', autocomplete, hint, required = true, defaultValue }: TextFieldProps) {
  const { problem } = useT();
  const fieldProblem = problems.fields[name];
  return (
    <GcdsInput
      inputId={`field-${name}`}
      name={name}
      label={label}
      type={type}
      required={required}
      validateOn="other"
      {...(autocomplete ? { autocomplete } : {})}
      {...(hint ? { hint } : {})}
      {...(defaultValue !== undefined ? { value: defaultValue } : {})}
      errorMessage={fieldProblem ? problem(fieldProblem) : ''}
    />
  );
}
