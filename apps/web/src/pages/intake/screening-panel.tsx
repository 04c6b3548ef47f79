/** Screening an application (officer): the checklist, eligibility and its reason. */
import { GcdsButton, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { SCREENING_CHECKLIST, screeningInput, type ScreeningItem } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import type { ApplicationDetail } from './application-view';
import { refresh, Section } from './intake-section';

// --- Screening ---------------------------------------------------------------------------------

type YesNo = '' | 'yes' | 'no';

export function Screening({ app }: { app: ApplicationDetail }) {
  const { t, formatDate } = useT();
  const s = app.screening;
  if (s) {
    return (
      <Section id="screening" title={t('assess.screening')}>
        <p data-testid="screening-result">
          {t('assess.screening.done', { date: formatDate(s.screenedAt), result: s.eligible ? t('assess.screening.eligible') : t('assess.screening.ineligible') })}
        </p>
        {s.reason ? <p>{t('assess.screening.reasonShown', { reason: s.reason })}</p> : null}
      </Section>
    );
  }
  if (!app.allowedActions.includes('screen')) {
    return (
      <Section id="screening" title={t('assess.screening')}>
        <p>{t('assess.screening.notYet')}</p>
      </Section>
    );
  }
  return (
    <Section id="screening" title={t('assess.screening')} intro={t('assess.screeningIntro')}>
      <ScreeningForm applicationId={app.id} />
    </Section>
  );
}

const isScreeningField = (f: string) => f === 'eligible' || f === 'reason' || f.startsWith('checklist.');

function ScreeningForm({ applicationId }: { applicationId: string }) {
  const { t, lang, problem } = useT();
  const [answers, setAnswers] = useState<Partial<Record<ScreeningItem, YesNo>>>({});
  const [eligible, setEligible] = useState<YesNo>('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState(false);
  const screen = useMutation(trpc.assessment.screen.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = formValues(event.currentTarget);
    const fields: FormProblems['fields'] = {};
    for (const item of SCREENING_CHECKLIST) if (!answers[item]) fields[`checklist.${item}`] = { key: 'error.screening.checklistItem' };
    if (!eligible) fields['eligible'] = { key: 'error.invalid' };
    const checklist = Object.fromEntries(SCREENING_CHECKLIST.map((item) => [item, answers[item] === 'yes'])) as Record<ScreeningItem, boolean>;
    const parsed = screeningInput.safeParse({ applicationId, checklist, eligible: eligible === 'yes', reason: form['reason'] ?? '' });
    const fromZod = parsed.success ? NO_PROBLEMS : problemsFromIssues(parsed.error.issues, isScreeningField);
    if (Object.keys(fields).length || !parsed.success) {
      setProblems({ fields: { ...fromZod.fields, ...fields }, form: fromZod.form });
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await screen.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isScreeningField));
      return;
    }
    setDone(true);
    await refresh();
  }

  const fieldError = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('assess.screening')}>
      {done ? <SuccessNotice>{t('assess.screened')}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      {SCREENING_CHECKLIST.map((item) => (
        <GcdsSelect
          key={`${item}-${lang}`}
          selectId={`check-${item}`}
          name={`checklist.${item}`}
          label={t(`assess.check.${item}`)}
          defaultValue={t('assess.choose')}
          required
          validateOn="other"
          value={answers[item] ?? ''}
          errorMessage={fieldError(`checklist.${item}`)}
          onGcdsChange={(event) => setAnswers((a) => ({ ...a, [item]: event.detail as YesNo }))}
        >
          <option value="yes">{t('assess.check.met')}</option>
          <option value="no">{t('assess.check.notMet')}</option>
        </GcdsSelect>
      ))}
      <GcdsSelect
        key={`eligible-${lang}`}
        selectId="screen-eligible"
        name="eligible"
        label={t('assess.eligible')}
        defaultValue={t('assess.choose')}
        required
        validateOn="other"
        value={eligible}
        errorMessage={fieldError('eligible')}
        onGcdsChange={(event) => setEligible(event.detail as YesNo)}
      >
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </GcdsSelect>
      <GcdsTextarea textareaId="screen-reason" name="reason" label={t('assess.reason')} hint={t('assess.reasonHint')} validateOn="other" errorMessage={fieldError('reason')} />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={screen.isPending}>
          {t('assess.screenSubmit')}
        </GcdsButton>
      </div>
    </form>
  );
}

