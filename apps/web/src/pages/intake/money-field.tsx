/** An amount in dollars (as typed) with its error beside it; parsed to cents with parseMoney. */
import { GcdsInput } from '@cdssnc/gcds-components-react';
import { parseMoney, type Cents } from '@tp/domain';
import { useT } from '../../i18n/language';
import type { Problem } from '../../lib/form-problems';

export function MoneyField({ id, name, label, hint, problem: fieldProblem, defaultValue }: { id: string; name: string; label: string; hint?: string; problem: Problem | undefined; defaultValue?: string }) {
  const { problem } = useT();
  return (
    <GcdsInput
      inputId={id}
      name={name}
      label={label}
      type="text"
      validateOn="other"
      autocomplete="off"
      {...(hint ? { hint } : {})}
      {...(defaultValue !== undefined ? { value: defaultValue } : {})}
      errorMessage={fieldProblem ? problem(fieldProblem) : ''}
    />
  );
}

/** Empty -> null; otherwise cents, or 'invalid' when it is not an amount. */
export function readMoney(raw: string | undefined): Cents | null | 'invalid' {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  try {
    return parseMoney(value);
  } catch {
    return 'invalid';
  }
}
