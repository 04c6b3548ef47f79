/**
 * /assessments/$applicationId (reviewers): first a conflict of interest declaration (with a
 * conflict the application is never shown); then the application read-only and a score from 0
 * to 10 with a comment for each weighted criterion; save, and submit the review.
 */
import { GcdsButton, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { CONFLICT_DECLARATIONS, criterionScoreInput, type ConflictDeclaration } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { InfoNotice, ProblemNotice, SuccessNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc, type trpcClient } from '../../lib/trpc';
import { ApplicationFacts, ApplicationSections, type CallDetail } from '../intake/application-view';

export function AssessmentPage({ applicationId }: { applicationId: string }) {
  return (
    <RoleGate role="reviewer">
      <Assessment applicationId={applicationId} />
    </RoleGate>
  );
}

async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() }),
  ]);
}

function Assessment({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const assignments = useQuery(trpc.assessment.myAssignments.queryOptions());
  return (
    <QueryView query={assignments}>
      {(list) => {
        const a = list.find((x) => x.applicationId === applicationId);
        const title = t('assess.review.title', { reference: a?.referenceNumber ?? t('assess.noReference') });
        return (
          <>
            <PageHeading title={title} />
            <p>
              <Link to="/assessments" className="tp-link">
                {t('assess.backToMine')}
              </Link>
            </p>
            {!a ? (
              <ProblemNotice problem={{ key: 'error.notFound' }} />
            ) : a.conflict === null ? (
              <ConflictForm applicationId={applicationId} organisation={a} />
            ) : a.conflict === 'conflict' ? (
              <InfoNotice title={t('assess.coi')}>{t('assess.coiDeclaredConflict')}</InfoNotice>
            ) : (
              <Review applicationId={applicationId} />
            )}
          </>
        );
      }}
    </QueryView>
  );
}

function ConflictForm({ applicationId, organisation }: { applicationId: string; organisation: { organisationNameEn: string; organisationNameFr: string; title: string } }) {
  const { t, lang, pick, problem } = useT();
  const [choice, setChoice] = useState<ConflictDeclaration | ''>('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const declare = useMutation(trpc.assessment.declareConflict.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    if (!choice) {
      setProblems({ fields: { conflict: { key: 'error.invalid' } }, form: null });
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await declare.mutateAsync({ applicationId, conflict: choice, note: form['note'] ?? '' });
    } catch (error) {
      setProblems(problemsFromError(error, ['conflict', 'note']));
      return;
    }
    await refresh();
  }

  const fieldError = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  return (
    <section aria-labelledby="coi-heading" className="tp-section">
      <GcdsHeading tag="h2" id="coi-heading">
        {t('assess.coi')}
      </GcdsHeading>
      <p>{t('assess.coiIntro', { organisation: pick(organisation.organisationNameEn, organisation.organisationNameFr), title: organisation.title })}</p>
      <form noValidate onSubmit={onSubmit} aria-labelledby="coi-heading">
        <FormProblemNotice problems={problems} />
        <GcdsSelect
          key={`coi-${lang}`}
          selectId="coi-choice"
          name="conflict"
          label={t('assess.coiChoice')}
          defaultValue={t('assess.choose')}
          required
          validateOn="other"
          value={choice}
          errorMessage={fieldError('conflict')}
          onGcdsChange={(event) => setChoice(event.detail as ConflictDeclaration | '')}
        >
          {CONFLICT_DECLARATIONS.map((c) => (
            <option key={c} value={c}>
              {c === 'none' ? t('assess.coiNone') : t('assess.coiConflict')}
            </option>
          ))}
        </GcdsSelect>
        <GcdsTextarea textareaId="coi-note" name="note" label={t('assess.coiNote')} validateOn="other" errorMessage={fieldError('note')} />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={declare.isPending}>
            {t('assess.coiSubmit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}

function Review({ applicationId }: { applicationId: string }) {
  const application = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const callId = application.data?.call.id;
  const call = useQuery({ ...trpc.calls.get.queryOptions({ id: callId ?? '' }), enabled: Boolean(callId) });
  const mine = useQuery(trpc.assessment.myScores.queryOptions({ applicationId }));
  return (
    <QueryView query={application}>
      {(app) => (
        <>
          <ApplicationFacts app={app} />
          <ApplicationSections app={app} call={call.data} />
          <QueryView query={call}>{(c) => <QueryView query={mine}>{(m) => <ScoringForm applicationId={applicationId} call={c} mine={m} />}</QueryView>}</QueryView>
        </>
      )}
    </QueryView>
  );
}

type MyScores = Awaited<ReturnType<typeof trpcClient.assessment.myScores.query>>;

function ScoringForm({ applicationId, call, mine }: { applicationId: string; call: CallDetail; mine: MyScores }) {
  const { t, lang, pick, problem, formatDate } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(trpc.assessment.saveScores.mutationOptions());
  const submit = useMutation(trpc.assessment.submitReview.mutationOptions());
  const submitted = mine.submittedAt !== null;
  // Controlled fields: the GCDS wrapper sets `value` again on every render.
  const [entries, setEntries] = useState(() =>
    call.criteria.map((c) => {
      const saved = mine.scores.find((s) => s.criterionId === c.id);
      return { score: saved ? String(saved.score) : '', comment: saved?.comment ?? '' };
    }),
  );
  const setEntry = (index: number, change: Partial<{ score: string; comment: string }>) =>
    setEntries((list) => list.map((e, i) => (i === index ? { ...e, ...change } : e)));
  const isScoreField = (f: string) => /^scores\.\d+\.(score|comment)$/.test(f);

  /** The form's scores (only the criteria given a score), or null after showing what is wrong. */
  function readScores(): { criterionId: string; score: number; comment: string }[] | null {
    const fields: FormProblems['fields'] = {};
    const scores: { criterionId: string; score: number; comment: string }[] = [];
    call.criteria.forEach((c, i) => {
      const raw = (entries[i]?.score ?? '').trim();
      const comment = entries[i]?.comment ?? '';
      if (raw === '') return;
      const parsed = criterionScoreInput.safeParse({ criterionId: c.id, score: /^\d+$/.test(raw) ? Number(raw) : NaN, comment });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) fields[`scores.${i}.${String(issue.path[0])}`] ??= { key: issue.message.startsWith('error.') ? issue.message : 'error.invalid' };
      } else scores.push(parsed.data);
    });
    if (Object.keys(fields).length) {
      setProblems({ fields, form: null });
      return null;
    }
    return scores;
  }

  async function saveScores(): Promise<boolean> {
    setMessage(null);
    const scores = readScores();
    if (!scores) return false;
    setProblems(NO_PROBLEMS);
    try {
      await save.mutateAsync({ applicationId, scores });
    } catch (error) {
      setProblems(problemsFromError(error, isScoreField));
      return false;
    }
    return true;
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await saveScores()) {
      setMessage(t('assess.scoresSaved'));
      await queryClient.invalidateQueries({ queryKey: trpc.assessment.myScores.queryKey({ applicationId }) });
    }
  }

  async function onSubmitReview() {
    if (!(await saveScores())) return;
    try {
      const result = await submit.mutateAsync({ applicationId });
      setMessage(t('assess.reviewSubmitted', { score: result.score }));
    } catch (error) {
      setProblems(problemsFromError(error, isScoreField));
      return;
    }
    await refresh();
  }

  const fieldError = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  return (
    <section aria-labelledby="scoring-heading" className="tp-section">
      <GcdsHeading tag="h2" id="scoring-heading">
        {t('assess.scoring')}
      </GcdsHeading>
      <p>{t('assess.scoringIntro')}</p>
      {message ? <SuccessNotice>{message}</SuccessNotice> : null}
      {submitted ? <p data-testid="review-submitted">{t('assess.reviewSubmittedOn', { date: formatDate(mine.submittedAt!) })}</p> : null}
      <form noValidate onSubmit={onSave} aria-labelledby="scoring-heading">
        <FormProblemNotice problems={problems} />
        {call.criteria.map((c, i) => {
          return (
            <fieldset key={`${c.id}-${lang}`} className="tp-membership" data-criterion={c.nameEn}>
              <legend>{t('assess.criterionLegend', { name: pick(c.nameEn, c.nameFr), weight: c.weight })}</legend>
              <GcdsInput
                inputId={`score-${i}`}
                name={`scores.${i}.score`}
                label={t('assess.scoreLabel')}
                type="number"
                validateOn="other"
                disabled={submitted}
                value={entries[i]?.score ?? ''}
                onGcdsInput={(event) => setEntry(i, { score: event.detail ?? '' })}
                errorMessage={fieldError(`scores.${i}.score`)}
              />
              <GcdsTextarea
                textareaId={`comment-${i}`}
                name={`scores.${i}.comment`}
                label={t('assess.commentLabel')}
                validateOn="other"
                disabled={submitted}
                value={entries[i]?.comment ?? ''}
                onGcdsInput={(event) => setEntry(i, { comment: event.detail ?? '' })}
                errorMessage={fieldError(`scores.${i}.comment`)}
              />
            </fieldset>
          );
        })}
        {submitted ? null : (
          <div className="tp-actions">
            <GcdsButton type="submit" buttonRole="secondary" disabled={save.isPending || submit.isPending}>
              {t('assess.saveScores')}
            </GcdsButton>
            <GcdsButton type="button" disabled={save.isPending || submit.isPending} onGcdsClick={() => void onSubmitReview()}>
              {t('assess.submitReview')}
            </GcdsButton>
          </div>
        )}
      </form>
    </section>
  );
}
