/** The call's eligibility questions, each in English and French with the answer that qualifies; rows can be added and removed. */
import { GcdsButton, GcdsErrorMessage, GcdsInput, GcdsSelect } from '@cdssnc/gcds-components-react';
import { useT } from '../../i18n/language';
import type { QuestionRow } from './call-draft';

export function QuestionsEditor({ questions, onChange, hasProblem, errorOf }: { questions: QuestionRow[]; onChange(rows: QuestionRow[]): void; hasProblem: boolean; errorOf(name: string): string }) {
  const { t, lang } = useT();
  const valueOf = (event: Event) => (event.target as HTMLInputElement).value ?? '';
  return (
    <div className="tp-rows" id="call-eligibilityQuestions">
      {hasProblem ? <GcdsErrorMessage messageId="call-questions-error">{errorOf('eligibilityQuestions')}</GcdsErrorMessage> : null}
      {questions.length === 0 ? <p>{t('calls.noQuestions')}</p> : null}
      {questions.map((q, index) => {
        const change = (c: Partial<QuestionRow>) => onChange(questions.map((x, i) => (i === index ? { ...x, ...c } : x)));
        return (
          <fieldset key={index}>
            <legend>{t('calls.question', { number: index + 1 })}</legend>
            <GcdsInput
              inputId={`call-question-${index}-textEn`}
              name={`eligibilityQuestions.${index}.textEn`}
              label={t('calls.field.questionEn')}
              required
              validateOn="other"
              value={q.textEn}
              errorMessage={errorOf(`eligibilityQuestions.${index}.textEn`)}
              onGcdsInput={(event) => change({ textEn: valueOf(event) })}
            />
            <GcdsInput
              inputId={`call-question-${index}-textFr`}
              name={`eligibilityQuestions.${index}.textFr`}
              label={t('calls.field.questionFr')}
              required
              validateOn="other"
              value={q.textFr}
              errorMessage={errorOf(`eligibilityQuestions.${index}.textFr`)}
              onGcdsInput={(event) => change({ textFr: valueOf(event) })}
            />
            <GcdsSelect
              key={`expected-${lang}`}
              selectId={`call-question-${index}-expected`}
              name={`eligibilityQuestions.${index}.expectedAnswer`}
              label={t('calls.field.expectedAnswer')}
              required
              validateOn="other"
              value={q.expectedAnswer}
              onGcdsChange={(event) => change({ expectedAnswer: event.detail === 'no' ? 'no' : 'yes' })}
            >
              <option value="yes">{t('common.yes')}</option>
              <option value="no">{t('common.no')}</option>
            </GcdsSelect>
            <GcdsButton
              type="button"
              buttonRole="secondary"
              size="small"
              onGcdsClick={() => onChange(questions.filter((_, i) => i !== index))}
            >
              {t('calls.removeQuestion', { number: index + 1 })}
            </GcdsButton>
          </fieldset>
        );
      })}
      <GcdsButton
        type="button"
        buttonRole="secondary"
        size="small"
        onGcdsClick={() => onChange([...questions, { textEn: '', textFr: '', expectedAnswer: 'yes' }])}
      >
        {t('calls.addQuestion')}
      </GcdsButton>
    </div>
  );
}
