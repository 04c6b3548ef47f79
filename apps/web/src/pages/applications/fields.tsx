/** Controlled GCDS fields for the application form: each shows the problem of its path with it. */
import { GcdsCheckboxes, GcdsInput, GcdsRadios, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { useT } from '../../i18n/language';
import type { FormProblems } from '../../lib/form-problems';

interface Common {
  id: string;
  /** The problem path, e.g. "data.lines.0.amountCents". */
  path: string;
  label: string;
  problems: FormProblems;
  hint?: string;
  required?: boolean;
  readOnly?: boolean;
}

function useProblem(problems: FormProblems, path: string): string {
  const { problem } = useT();
  const p = problems.fields[path];
  return p ? problem(p) : '';
}

export function InputField({ id, path, label, problems, hint, required = false, value, onChange, inputmode }: Common & { value: string; onChange(v: string): void; inputmode?: 'decimal' | 'numeric' }) {
  return (
    <GcdsInput
      inputId={id}
      name={path}
      label={label}
      type="text"
      required={required}
      validateOn="other"
      value={value}
      {...(hint ? { hint } : {})}
      {...(inputmode ? { inputmode } : {})}
      errorMessage={useProblem(problems, path)}
      onGcdsInput={(event) => onChange(String(event.detail ?? ''))}
    />
  );
}

export function TextareaField({ id, path, label, problems, hint, required = false, value, onChange }: Common & { value: string; onChange(v: string): void }) {
  return (
    <GcdsTextarea
      textareaId={id}
      name={path}
      label={label}
      required={required}
      validateOn="other"
      value={value}
      rows={4}
      {...(hint ? { hint } : {})}
      errorMessage={useProblem(problems, path)}
      onGcdsInput={(event) => onChange(String(event.detail ?? ''))}
    />
  );
}

export function SelectField({
  id,
  path,
  label,
  problems,
  hint,
  required = false,
  value,
  onChange,
  options,
  placeholder,
}: Common & { value: string; onChange(v: string): void; options: readonly { value: string; label: string }[]; placeholder: string }) {
  const { lang } = useT();
  return (
    <GcdsSelect
      key={`${id}-${lang}`}
      selectId={id}
      name={path}
      label={label}
      defaultValue={placeholder}
      required={required}
      validateOn="other"
      value={value}
      {...(hint ? { hint } : {})}
      errorMessage={useProblem(problems, path)}
      onGcdsChange={(event) => onChange(String(event.detail ?? ''))}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </GcdsSelect>
  );
}

export function CheckboxesField({
  id,
  path,
  label,
  problems,
  hint,
  value,
  onChange,
  options,
}: Common & { value: readonly string[]; onChange(v: string[]): void; options: readonly { value: string; label: string }[] }) {
  const { lang } = useT();
  return (
    <GcdsCheckboxes
      key={`${id}-${lang}`}
      name={path}
      legend={label}
      validateOn="other"
      {...(hint ? { hint } : {})}
      options={options.map((o) => ({ id: `${id}-${o.value}`, label: o.label, value: o.value, checked: value.includes(o.value) }))}
      value={[...value]}
      errorMessage={useProblem(problems, path)}
      onGcdsChange={(event) => onChange(Array.isArray(event.detail) ? (event.detail as string[]) : [])}
    />
  );
}

export function YesNoField({ id, path, label, problems, value, onChange }: Common & { value: boolean | null; onChange(v: boolean): void }) {
  const { t, lang } = useT();
  return (
    <GcdsRadios
      key={`${id}-${lang}`}
      name={id}
      legend={label}
      validateOn="other"
      options={[
        { id: `${id}-yes`, label: t('common.yes'), value: 'yes', checked: value === true },
        { id: `${id}-no`, label: t('common.no'), value: 'no', checked: value === false },
      ]}
      value={value === null ? '' : value ? 'yes' : 'no'}
      errorMessage={useProblem(problems, path)}
      onGcdsChange={(event) => onChange(event.detail === 'yes')}
    />
  );
}
