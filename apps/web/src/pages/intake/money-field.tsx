/** An amount in dollars (as typed) with its error beside it; parsed to cents with parseMoney. */
import { GcdsInput } from '@cdssnc/gcds-components-react';
import { parseMoney, type Cents } from '@tp/domain';
import { useT } from '../../i18n/language';
import type { Problem } from '../../lib/form-problems';

/**
 * Controlled: the GCDS React wrapper sets every property again on each render, so an input given
 * a fixed `value` would snap back to it whenever the form re-renders (say, to show an error).
 */
export function MoneyField({ id, name, label, hint, problem: fieldProblem, value, onChange }: { id: string; name: string; label: string; hint?: string; problem: Problem | undefined; value: string; onChange(value: string): void }) {
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
      value={value}
      onGcdsInput={(event) => onChange(event.detail ?? '')}
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
