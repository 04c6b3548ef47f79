/** Who reviews an application (assigned by a manager) and the scores they gave. */
import { GcdsButton, GcdsSelect } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import type { ApplicationDetail, CallDetail } from './application-view';
import { refresh, Section } from './intake-section';

// --- Reviewers ---------------------------------------------------------------------------------

export function Reviewers({ app }: { app: ApplicationDetail }) {
  const { t, formatDate } = useT();
  const scores = useQuery(trpc.assessment.scores.queryOptions({ applicationId: app.id }));
  const canAssign = app.allowedActions.includes('assignReviewer');
  return (
    <Section id="reviewers" title={t('assess.assignment')} intro={canAssign ? t('assess.assignmentIntro') : undefined}>
      <QueryView query={scores}>
        {(s) =>
          s.reviewers.length === 0 ? (
            <p>{t('assess.noReviewers')}</p>
          ) : (
            <ul className="tp-list" aria-label={t('assess.assignedList')}>
              {s.reviewers.map((r) => (
                <li key={r.reviewerId} data-reviewer={r.displayName}>
                  {r.displayName} —{' '}
                  {r.conflict === null ? t('assess.conflict.pending') : r.conflict === 'none' ? t('assess.conflict.none') : t('assess.conflict.conflict')}
                  {r.conflict === 'none' ? `; ${r.submittedAt ? t('assess.review.submittedOn', { date: formatDate(r.submittedAt) }) : t('assess.review.inProgress')}` : ''}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {canAssign ? <AssignForm applicationId={app.id} /> : null}
    </Section>
  );
}

function AssignForm({ applicationId }: { applicationId: string }) {
  const { t, lang, problem } = useT();
  const reviewers = useQuery(trpc.assessment.reviewers.queryOptions());
  const [reviewerId, setReviewerId] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [assigned, setAssigned] = useState<string | null>(null);
  const assign = useMutation(trpc.assessment.assign.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAssigned(null);
    if (!reviewerId) {
      setProblems({ fields: { reviewerId: { key: 'error.invalid' } }, form: null });
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await assign.mutateAsync({ applicationId, reviewerId });
    } catch (error) {
      setProblems(problemsFromError(error, ['reviewerId']));
      return;
    }
    setAssigned(reviewers.data?.find((r) => r.id === reviewerId)?.displayName ?? '');
    setReviewerId('');
    await refresh();
  }

  const fieldProblem = problems.fields['reviewerId'];
  return (
    <QueryView query={reviewers}>
      {(list) => (
        <form noValidate onSubmit={onSubmit} aria-label={t('assess.assignSubmit')}>
          {assigned !== null ? <SuccessNotice>{t('assess.assigned', { name: assigned })}</SuccessNotice> : null}
          <FormProblemNotice problems={problems} />
          <GcdsSelect
            key={`reviewer-${lang}`}
            selectId="assign-reviewer"
            name="reviewerId"
            label={t('assess.reviewer')}
            defaultValue={t('assess.choose')}
            required
            validateOn="other"
            value={reviewerId}
            errorMessage={fieldProblem ? problem(fieldProblem) : ''}
            onGcdsChange={(event) => setReviewerId(event.detail)}
          >
            {list.map((r) => (
              <option key={r.id} value={r.id}>
                {r.displayName} ({r.email})
              </option>
            ))}
          </GcdsSelect>
          <div className="tp-actions">
            <GcdsButton type="submit" disabled={assign.isPending}>
              {t('assess.assignSubmit')}
            </GcdsButton>
          </div>
        </form>
      )}
    </QueryView>
  );
}

// --- Scores ------------------------------------------------------------------------------------

export function Scores({ app, call }: { app: ApplicationDetail; call: CallDetail | undefined }) {
  const { t, pick } = useT();
  const scores = useQuery(trpc.assessment.scores.queryOptions({ applicationId: app.id }));
  const criterion = (id: string) => call?.criteria.find((c) => c.id === id);
  return (
    <Section id="scores" title={t('assess.scores')}>
      <QueryView query={scores}>
        {(s) => {
          const submitted = s.reviewers.filter((r) => r.submittedAt);
          if (submitted.length === 0) return <p>{t('assess.scoresEmpty')}</p>;
          return (
            <>
              <p data-testid="scores-summary">
                {t('assess.scoresSummary', {
                  average: s.averageScore === null ? '—' : t('assess.score100', { score: s.averageScore }),
                  spread: s.spread === null ? '—' : t('assess.points', { points: s.spread }),
                })}
              </p>
              {submitted.map((r) => (
                <DataTable
                  key={r.reviewerId}
                  caption={
                    <>
                      {t('assess.scoresCaption', { name: r.displayName })} — {r.score === null ? '' : t('assess.reviewerScore', { score: r.score })}
                    </>
                  }
                  rows={[...r.criteria].sort((a, b) => (criterion(a.criterionId)?.position ?? 0) - (criterion(b.criterionId)?.position ?? 0))}
                  rowKey={(c) => c.criterionId}
                  columns={[
                    {
                      header: t('assess.col.criterion'),
                      rowHeader: true,
                      cell: (c) => {
                        const def = criterion(c.criterionId);
                        return def ? pick(def.nameEn, def.nameFr) : c.criterionId;
                      },
                    },
                    {
                      header: t('assess.col.weight'),
                      cell: (c) => {
                        const def = criterion(c.criterionId);
                        return def ? t('assess.weight', { weight: def.weight }) : '';
                      },
                    },
                    { header: t('assess.col.score'), cell: (c) => c.score },
                    { header: t('assess.col.comment'), cell: (c) => c.comment },
                  ]}
                />
              ))}
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

