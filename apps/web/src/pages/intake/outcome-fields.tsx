/** The fields a recommendation and a decision share, which problems belong to them, and how either is checked and sent. */
import { GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import type { Cents } from '@tp/domain';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { refresh } from './intake-section';
import { MoneyField, readMoney } from './money-field';

export const isOutcomeField = (f: string) => ['outcome', 'amountCents', 'rationale'].includes(f);

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Parameters<typeof problemsFromIssues>[0] } };

/**
 * Submitting a recommendation or a decision: the amount as typed and the rationale are read,
 * checked by `parse` and sent by `send`; problems are shown by the fields they name. Once sent,
 * `onSent` runs and the page is refreshed.
 */
export function useOutcomeSubmit<T>(parse: (values: { amountCents: Cents | null; rationale: string }) => Parsed<T>, send: (input: T) => Promise<unknown>, onSent: () => void = () => {}) {
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  async function onSubmit(event: FormEvent<HTMLFormElement>, amountText: string) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    const amount = readMoney(amountText);
    if (amount === 'invalid') {
      setProblems({ fields: { amountCents: { key: 'error.money.invalid' } }, form: null });
      return;
    }
    const parsed = parse({ amountCents: amount, rationale: form['rationale'] ?? '' });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isOutcomeField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await send(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isOutcomeField));
      return;
    }
    onSent();
    await refresh();
  }
  return { problems, onSubmit };
}

/** The fields a recommendation and a decision share: the outcome, an amount and the rationale. */
export function OutcomeFields(props: {
  idPrefix: string;
  outcomes: { value: string; label: string }[];
  outcome: string;
  onOutcome: (outcome: string) => void;
  amountHint: string;
  amountText: string;
  onAmountText: (text: string) => void;
  problems: FormProblems;
}) {
  const { t, lang, problem } = useT();
  const { idPrefix, problems } = props;
  const fieldError = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  return (
    <>
      <GcdsSelect
        key={`${idPrefix}-outcome-${lang}`}
        selectId={`${idPrefix}-outcome`}
        name="outcome"
        label={t('assess.outcome')}
        defaultValue={t('assess.choose')}
        required
        validateOn="other"
        value={props.outcome}
        errorMessage={fieldError('outcome')}
        onGcdsChange={(event) => props.onOutcome(event.detail as string)}
      >
        {props.outcomes.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </GcdsSelect>
      <MoneyField
        id={`${idPrefix}-amount`}
        name="amountCents"
        label={t('assess.amount')}
        hint={props.amountHint}
        problem={problems.fields['amountCents']}
        value={props.amountText}
        onChange={props.onAmountText}
      />
      <GcdsTextarea
        textareaId={`${idPrefix}-rationale`}
        name="rationale"
        label={t('assess.rationale')}
        required
        validateOn="other"
        errorMessage={fieldError('rationale')}
      />
    </>
  );
}
