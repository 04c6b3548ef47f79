/**
 * The disclosure's texts of an agreement out of draft (allowedActions: writeDisclosure): the French
 * title and description and the expected results in both languages, which the department publishes
 * on open.canada.ca. Not terms: saving them changes nothing the parties signed.
 */
import { GcdsButton, GcdsInput, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';

const FIELDS = ['titleFr', 'descriptionFr', 'expectedResultsEn', 'expectedResultsFr'] as const;
type Field = (typeof FIELDS)[number];

export function DisclosureTextsForm({ agreementId, initial, onDone }: { agreementId: string; initial: Partial<Record<Field, string>>; onDone(message: string): Promise<void> }) {
  const { t, problem } = useT();
  const [values, setValues] = useState<Record<Field, string>>({ titleFr: initial.titleFr ?? '', descriptionFr: initial.descriptionFr ?? '', expectedResultsEn: initial.expectedResultsEn ?? '', expectedResultsFr: initial.expectedResultsFr ?? '' });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const write = useMutation(trpc.agreements.writeDisclosureTexts.mutationOptions());
  const err = (f: Field) => (problems.fields[f] ? problem(problems.fields[f]) : '');
  const set = (f: Field) => (e: { detail: unknown }) => setValues((v) => ({ ...v, [f]: String(e.detail ?? '') }));
  const save = async () => {
    setProblems(NO_PROBLEMS);
    try {
      await write.mutateAsync({ agreementId, ...values });
      await onDone(t('ca.disclosure.saved'));
    } catch (e) {
      setProblems(problemsFromError(e, FIELDS));
    }
  };
  return (
    <form data-testid="disclosure-form" onSubmit={(e) => e.preventDefault()}>
      <FormProblemNotice problems={problems} />
      <GcdsInput inputId="disclosure-titleFr" name="titleFr" label={t('ca.section.titleFr')} type="text" validateOn="other" value={values.titleFr} errorMessage={err('titleFr')} onGcdsInput={set('titleFr')} />
      {(['descriptionFr', 'expectedResultsEn', 'expectedResultsFr'] as const).map((f) => (
        <GcdsTextarea key={f} textareaId={`disclosure-${f}`} name={f} label={t(`ca.section.${f}`)} rows={3} validateOn="other" value={values[f]} errorMessage={err(f)} onGcdsInput={set(f)} />
      ))}
      <GcdsButton type="button" onGcdsClick={() => void save()}>
        {t('ca.disclosure.save')}
      </GcdsButton>
    </form>
  );
}
