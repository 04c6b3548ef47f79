/**
 * /intake/$applicationId (program officers and managers): the submitted application read-only,
 * screening (officer), reviewer assignment (manager), reviewers' scores, recommendation (officer),
 * decision (manager) and the decision letter once decided.
 */
import { GcdsButton, GcdsHeading, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { APPLICATION_STAFF, DECISION_OUTCOMES, decisionInput, type DecisionOutcome, RECOMMENDATION_OUTCOMES, recommendationInput, type RecommendationOutcome, SCREENING_CHECKLIST, screeningInput, type ScreeningItem, toDecimalString } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { ApplicationFacts, ApplicationSections, type ApplicationDetail, type CallDetail } from './application-view';
import { MoneyField, readMoney } from './money-field';
import { AnyRoleGate } from '../../components/role-gate';

export function IntakeApplicationPage({ applicationId }: { applicationId: string }) {
  return (
    <AnyRoleGate roles={APPLICATION_STAFF}>
      <IntakeApplication applicationId={applicationId} />
    </AnyRoleGate>
  );
}

async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() }),
  ]);
}

function IntakeApplication({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const application = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const callId = application.data?.call.id;
  const call = useQuery({ ...trpc.calls.get.queryOptions({ id: callId ?? '' }), enabled: Boolean(callId) });
  return (
    <>
      <QueryView query={application}>
        {(app) => (
          <>
            <PageHeading title={t('assess.application.title', { reference: app.referenceNumber ?? t('assess.noReference') })} intro={app.project.title} />
            <p>
              <Link to="/intake" className="tp-link">
                {t('assess.backToIntake')}
              </Link>
            </p>
            <ApplicationFacts app={app} />
            <Screening app={app} />
            <Reviewers app={app} />
            <Scores app={app} call={call.data} />
            <Recommendation app={app} />
            <Decision app={app} />
            <ApplicationSections app={app} call={call.data} />
          </>
        )}
      </QueryView>
    </>
  );
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="tp-section" data-section={id}>
      <GcdsHeading tag="h2" id={`${id}-heading`}>
        {title}
      </GcdsHeading>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}

// --- Screening ---------------------------------------------------------------------------------

type YesNo = '' | 'yes' | 'no';

function Screening({ app }: { app: ApplicationDetail }) {
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
      <ProblemNotice problem={problems.form} />
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

// --- Reviewers ---------------------------------------------------------------------------------

function Reviewers({ app }: { app: ApplicationDetail }) {
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
          <ProblemNotice problem={problems.form} />
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

function Scores({ app, call }: { app: ApplicationDetail; call: CallDetail | undefined }) {
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
                <div key={r.reviewerId} className="tp-table-wrap">
                  <table className="tp-table">
                    <caption>
                      {t('assess.scoresCaption', { name: r.displayName })} — {r.score === null ? '' : t('assess.reviewerScore', { score: r.score })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('assess.col.criterion')}</th>
                        <th scope="col">{t('assess.col.weight')}</th>
                        <th scope="col">{t('assess.col.score')}</th>
                        <th scope="col">{t('assess.col.comment')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...r.criteria]
                        .sort((a, b) => (criterion(a.criterionId)?.position ?? 0) - (criterion(b.criterionId)?.position ?? 0))
                        .map((c) => {
                          const def = criterion(c.criterionId);
                          return (
                            <tr key={c.criterionId}>
                              <th scope="row">{def ? pick(def.nameEn, def.nameFr) : c.criterionId}</th>
                              <td>{def ? t('assess.weight', { weight: def.weight }) : ''}</td>
                              <td>{c.score}</td>
                              <td>{c.comment}</td>
                            </tr>
                          );
                        })}
                    </tbody>
                  </table>
                </div>
              ))}
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

// --- Recommendation ----------------------------------------------------------------------------

const isOutcomeField = (f: string) => ['outcome', 'amountCents', 'rationale'].includes(f);

function Recommendation({ app }: { app: ApplicationDetail }) {
  const { t, formatDate, formatMoney } = useT();
  const r = app.recommendation;
  if (r) {
    return (
      <Section id="recommendation" title={t('assess.recommendation')}>
        <p data-testid="recommendation-result">
          {t('assess.recommendation.done', {
            date: formatDate(r.recommendedAt),
            outcome: t(`assess.outcome.${r.outcome}`),
            amount: r.amountCents === null ? '' : t('assess.amountShown', { amount: formatMoney(r.amountCents) }),
          })}
        </p>
        <p>{t('assess.recommendation.rationaleShown', { rationale: r.rationale })}</p>
      </Section>
    );
  }
  if (!app.allowedActions.includes('recommend')) return null;
  return (
    <Section id="recommendation" title={t('assess.recommendation')} intro={t('assess.recommendationIntro')}>
      <RecommendationForm applicationId={app.id} />
    </Section>
  );
}

function RecommendationForm({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<RecommendationOutcome | ''>('');
  const [amountText, setAmountText] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const recommend = useMutation(trpc.assessment.recommend.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    const amount = readMoney(amountText);
    if (amount === 'invalid') {
      setProblems({ fields: { amountCents: { key: 'error.money.invalid' } }, form: null });
      return;
    }
    const parsed = recommendationInput.safeParse({ applicationId, outcome, amountCents: amount, rationale: form['rationale'] ?? '' });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isOutcomeField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await recommend.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isOutcomeField));
      return;
    }
    await refresh();
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('assess.recommendation')}>
      <ProblemNotice problem={problems.form} />
      <OutcomeFields
        idPrefix="recommend"
        outcomes={RECOMMENDATION_OUTCOMES.map((o) => ({ value: o, label: t(`assess.outcome.${o}`) }))}
        outcome={outcome}
        onOutcome={(o) => setOutcome(o as RecommendationOutcome | '')}
        amountHint={t('assess.amountHintRecommend')}
        amountText={amountText}
        onAmountText={setAmountText}
        problems={problems}
      />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={recommend.isPending}>
          {t('assess.recommendSubmit')}
        </GcdsButton>
      </div>
    </form>
  );
}

// --- Decision ----------------------------------------------------------------------------------

const DECISION_FOR: Record<RecommendationOutcome, DecisionOutcome> = { fund: 'approved', fund_with_changes: 'approved_with_changes', do_not_fund: 'declined' };

function Decision({ app }: { app: ApplicationDetail }) {
  const { t, formatDate, formatDateTime, formatMoney } = useT();
  const d = app.decision;
  if (d) {
    return (
      <Section id="decision" title={t('assess.decision')}>
        <p data-testid="decision-result">
          {t('assess.decision.done', {
            date: formatDate(d.decidedAt),
            outcome: t(`assess.decision.${d.outcome}`),
            amount: d.amountCents === null ? '' : t('assess.amountShown', { amount: formatMoney(d.amountCents) }),
          })}
        </p>
        {app.letter ? (
          <article aria-labelledby="letter-heading" className="tp-card" data-testid="decision-letter">
            <h3 id="letter-heading">{t('assess.letter')}</h3>
            <p>{t('assess.letterMeta', { date: formatDateTime(app.letter.generatedAt), language: t(`assess.letterLanguage.${app.letter.language}`) })}</p>
            <p lang={app.letter.language}>
              <strong>{app.letter.subject}</strong>
            </p>
            <div lang={app.letter.language} style={{ whiteSpace: 'pre-wrap' }}>
              {app.letter.body}
            </div>
          </article>
        ) : null}
      </Section>
    );
  }
  if (!app.allowedActions.includes('decide')) {
    return app.status === 'recommended' || app.status === 'under_review' ? (
      <Section id="decision" title={t('assess.decision')}>
        <p>{t('assess.decision.notYet')}</p>
      </Section>
    ) : null;
  }
  return (
    <Section id="decision" title={t('assess.decision')} intro={t('assess.decisionIntro')}>
      <DecisionForm app={app} />
    </Section>
  );
}

function DecisionForm({ app }: { app: ApplicationDetail }) {
  const { t } = useT();
  const recommended = app.recommendation;
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>(recommended ? DECISION_FOR[recommended.outcome] : '');
  const [amountText, setAmountText] = useState(recommended?.amountCents != null ? toDecimalString(recommended.amountCents) : '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState(false);
  const decide = useMutation(trpc.assessment.decide.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    const amount = readMoney(amountText);
    if (amount === 'invalid') {
      setProblems({ fields: { amountCents: { key: 'error.money.invalid' } }, form: null });
      return;
    }
    const parsed = decisionInput.safeParse({ applicationId: app.id, outcome, amountCents: amount, rationale: form['rationale'] ?? '' });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isOutcomeField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await decide.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isOutcomeField));
      return;
    }
    setDone(true);
    await refresh();
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('assess.decision')}>
      {done ? <SuccessNotice>{t('assess.decided')}</SuccessNotice> : null}
      <ProblemNotice problem={problems.form} />
      <OutcomeFields
        idPrefix="decide"
        outcomes={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`assess.decision.${o}`) }))}
        outcome={outcome}
        onOutcome={(o) => setOutcome(o as DecisionOutcome | '')}
        amountHint={t('assess.amountHintDecide')}
        amountText={amountText}
        onAmountText={setAmountText}
        problems={problems}
      />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={decide.isPending}>
          {t('assess.decideSubmit')}
        </GcdsButton>
      </div>
    </form>
  );
}

/** The fields a recommendation and a decision share: the outcome, an amount and the rationale. */
function OutcomeFields(props: {
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
