/**
 * A group of checkboxes in a fieldset, with its error next to it. Native inputs so that an option
 * can be disabled and carry its own hint (an indicator that is not ready, and what it lacks).
 */
import { GcdsErrorMessage } from '@cdssnc/gcds-components-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/language';
import type { Problem } from '../../lib/form-problems';
import './programs.css';

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  hint?: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange(value: string[]): void;
  problem?: Problem | undefined;
  disabled?: boolean;
}

export function CheckboxGroup({ id, legend, hint, options, value, onChange, problem, disabled = false }: CheckboxGroupProps) {
  const { problem: message } = useT();
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={id} className="tp-checks" aria-describedby={describedBy || undefined} aria-invalid={problem ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="tp-checks-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <div id={`${id}-error`} data-testid={`${id}-error`}>
          <GcdsErrorMessage messageId={`${id}-error-message`}>{message(problem)}</GcdsErrorMessage>
        </div>
      ) : null}
      {options.map((option) => {
        const inputId = `${id}-${option.value}`;
        return (
          <div key={option.value} className="tp-check">
            <input
              type="checkbox"
              id={inputId}
              value={option.value}
              checked={value.includes(option.value)}
              disabled={disabled || option.disabled}
              aria-describedby={option.hint ? `${inputId}-hint` : undefined}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            <label htmlFor={inputId}>{option.label}</label>
            {option.hint ? (
              <div id={`${inputId}-hint`} className="tp-check-hint">
                {option.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
