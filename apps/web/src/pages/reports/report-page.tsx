/**
 * /reports/$reportId. The recipient fills the report of a period (autosaved as they type, with
 * what submission still needs listed beside the form) and submits it; a returned report shows
 * the officer's comments by its sections. The officer reads the latest version beside the
 * agreement's plan and targets, comments per section, approves milestones, and accepts or
 * returns it. Every submitted version stays readable.
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import {
  ACTIVITY_STATUSES,
  GBA_CATEGORIES,
  reportContentInput,
  REPORT_SECTIONS,
  type ActivityStatus,
  type GbaDimension,
  type ReportContent,
  type ReportSection,
} from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { InfoNotice, ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';

type Report = NonNullable<ReturnType<typeof useReport>['data']>;
type Plan = Report['plan'];

function useReport(reportId: string) {
  return useQuery(trpc.reports.get.queryOptions({ reportId }));
}

export function ReportPage({ reportId }: { reportId: string }) {
  const report = useReport(reportId);
  return <QueryView query={report}>{(r) => <ReportView report={r} />}</QueryView>;
}

const SECTION_LABEL: Record<ReportSection, MessageKey> = {
  activities: 'rep.section.activities',
  deliverables: 'rep.section.deliverables',
  indicators: 'rep.section.indicators',
  narrative: 'rep.section.narrative',
  risks: 'rep.section.risks',
  finalResults: 'rep.section.finalResults',
};

function ReportView({ report }: { report: Report }) {
  const { t, pick, formatDate } = useT();
  const title = t(report.period.isFinal ? 'rep.titleFinal' : 'rep.title', { reference: report.agreement.referenceNumber });
  const period = t('rep.periodText', { start: formatDate(report.period.periodStart), end: formatDate(report.period.periodEnd) });
  const editable = report.allowedActions.includes('edit');
  const latest = report.revisions.at(-1);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [reviewed, setReviewed] = useState<'accepted' | 'returned' | null>(null);
  return (
    <>
      <PageHeading title={title} intro={t('rep.summary', { organisation: pick(report.organisation.legalNameEn, report.organisation.legalNameFr), period, due: formatDate(report.period.dueDate) })} />
      <p>
        <strong>{t('rep.col.status')}:</strong> <span data-testid="report-status">{t(`status.report.${report.status}`)}</span>
      </p>
      {justSubmitted && report.status === 'submitted' ? <SuccessNotice>{t('rep.submitted')}</SuccessNotice> : null}
      {reviewed ? <SuccessNotice>{t(reviewed === 'accepted' ? 'rep.review.done.accepted' : 'rep.review.done.returned')}</SuccessNotice> : null}
      {editable ? (
        <ReportForm key={`${report.id}-${report.revision}`} report={report} comments={report.status === 'returned' ? (latest?.comments ?? {}) : {}} onSubmitted={() => setJustSubmitted(true)} />
      ) : latest ? (
        <>
          <ReportContentView content={latest.content} plan={report.plan} isFinal={report.period.isFinal} comments={latest.comments} />
          {report.allowedActions.includes('review') ? <ReviewPanel report={report} onReviewed={setReviewed} /> : null}
        </>
      ) : null}
      <Versions report={report} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The recipient's form

interface Draft {
  activities: { milestoneKey: string; status: string; reason: string; newExpectedDate: string }[];
  deliverables: string;
  indicators: { indicatorId: string; value: string; breakdown: Record<string, string> }[];
  progress: string;
  challenges: string;
  lessons: string;
  risks: { description: string; mitigation: string }[];
  finalResults: string;
}

function toDraft(c: ReportContent): Draft {
  return {
    activities: c.activities.map((a) => ({ milestoneKey: a.milestoneKey, status: a.status ?? '', reason: a.reason, newExpectedDate: a.newExpectedDate ?? '' })),
    deliverables: c.deliverables,
    indicators: c.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      value: i.value ?? '',
      breakdown: Object.fromEntries(i.breakdown.map((b) => [`${b.dimension}.${b.category}`, String(b.count)])),
    })),
    progress: c.progress,
    challenges: c.challenges,
    lessons: c.lessons,
    risks: c.risks,
    finalResults: c.finalResults,
  };
}

/** What the form holds, as the API takes it; an empty count is left out, a typed one is sent as typed. */
function fromDraft(d: Draft): unknown {
  return {
    ...d,
    activities: d.activities.map((a) => ({ milestoneKey: a.milestoneKey, status: a.status === '' ? null : a.status, reason: a.reason, newExpectedDate: a.newExpectedDate.trim() === '' ? null : a.newExpectedDate.trim() })),
    indicators: d.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      value: i.value.trim() === '' ? null : i.value.trim().replace(',', '.'),
      breakdown: Object.entries(i.breakdown)
        .filter(([, v]) => v.trim() !== '')
        .map(([key, v]) => {
          const [dimension, category] = key.split('.') as [string, string];
          return { dimension, category, count: /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN };
        }),
    })),
  };
}

const SAVE_DELAY_MS = 1500;

function ReportForm({ report, comments, onSubmitted }: { report: Report; comments: Partial<Record<ReportSection, string>>; onSubmitted(): void }) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(report.draft!));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [needed, setNeeded] = useState<Problem[]>([]);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = useMutation(trpc.reports.saveDraft.mutationOptions());
  const submit = useMutation(trpc.reports.submit.mutationOptions());
  const shows = (field: string) => field.startsWith('content.');

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    queue.current = queue.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      const parsed = reportContentInput.safeParse(fromDraft(latest.current));
      if (!parsed.success) {
        setProblems(problemsFromIssues(parsed.error.issues.map((i) => ({ ...i, path: ['content', ...i.path] })), shows));
        return;
      }
      try {
        const result = await save.mutateAsync({ reportId: report.id, content: parsed.data });
        setSavedAt(result.savedAt);
        setProblems(NO_PROBLEMS);
        setNeeded(result.issues.map((i) => ({ key: i.messageKey, ...(i.params ? { params: i.params } : {}) })));
      } catch (error) {
        setProblems(problemsFromError(error, shows));
      }
    });
    return queue.current;
  }, [report.id, save]);

  useEffect(() => () => void flush(), [flush]);

  const change = (next: Draft) => {
    setDraft(next);
    latest.current = next;
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const onSubmit = async () => {
    dirty.current = true;
    await flush();
    try {
      await submit.mutateAsync({ reportId: report.id, revision: report.revision });
      onSubmitted();
      await queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ reportId: report.id }) });
      await queryClient.invalidateQueries({ queryKey: trpc.reports.due.queryKey() });
    } catch (error) {
      setProblems(problemsFromError(error, shows));
    }
  };

  const field = (path: string) => {
    const p = problems.fields[path];
    return p ? p : null;
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      onBlur={() => void flush()}
    >
      {report.status === 'returned' ? <InfoNotice title={t('rep.returned.title')}>{t('rep.returned.text')}</InfoNotice> : null}
      <InfoNotice title={t('rep.privacy.title')}>{t('rep.privacy.text')}</InfoNotice>
      <ProblemNotice problem={problems.form} />

      <FormSection id="activities" comment={comments.activities}>
        {report.plan.milestones.map((m, i) => {
          const a = draft.activities.find((x) => x.milestoneKey === m.key) ?? { milestoneKey: m.key, status: '', reason: '', newExpectedDate: '' };
          const index = draft.activities.findIndex((x) => x.milestoneKey === m.key);
          const set = (patch: Partial<typeof a>) =>
            change({ ...draft, activities: index >= 0 ? draft.activities.map((x, j) => (j === index ? { ...x, ...patch } : x)) : [...draft.activities, { ...a, ...patch }] });
          const at = index >= 0 ? index : i;
          return (
            <fieldset key={m.key} className="tp-fieldset">
              <legend>
                {m.title} <small>({t('rep.activity.due', { date: m.dueDate })})</small>
              </legend>
              <Select id={`activity-${i}-status`} label={t('rep.activity.status', { title: m.title })} value={a.status} problem={field(`content.activities.${at}.status`)} onChange={(v) => set({ status: v })}>
                <option value="">{t('rep.activity.choose')}</option>
                {ACTIVITY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.activity.${s}`)}
                  </option>
                ))}
              </Select>
              {a.status === 'delayed' || a.status === 'cancelled' ? (
                <TextArea id={`activity-${i}-reason`} label={t('rep.activity.reason')} value={a.reason} problem={field(`content.activities.${at}.reason`)} onChange={(v) => set({ reason: v })} />
              ) : null}
              {a.status === 'delayed' ? (
                <Input id={`activity-${i}-date`} label={t('rep.activity.newDate')} value={a.newExpectedDate} problem={field(`content.activities.${at}.newExpectedDate`)} onChange={(v) => set({ newExpectedDate: v })} />
              ) : null}
            </fieldset>
          );
        })}
      </FormSection>

      <FormSection id="deliverables" comment={comments.deliverables}>
        <TextArea id="deliverables" label={t('rep.deliverables')} value={draft.deliverables} problem={field('content.deliverables')} onChange={(v) => change({ ...draft, deliverables: v })} />
      </FormSection>

      <FormSection id="indicators" comment={comments.indicators}>
        {report.plan.indicators.map((ind, i) => {
          const index = draft.indicators.findIndex((x) => x.indicatorId === ind.id);
          const d = draft.indicators[index] ?? { indicatorId: ind.id, value: '', breakdown: {} };
          const at = index >= 0 ? index : i;
          const set = (patch: Partial<typeof d>) =>
            change({ ...draft, indicators: index >= 0 ? draft.indicators.map((x, j) => (j === index ? { ...x, ...patch } : x)) : [...draft.indicators, { ...d, ...patch }] });
          const name = pick2(ind.nameEn, ind.nameFr);
          return (
            <fieldset key={ind.id} className="tp-fieldset" data-indicator={ind.code}>
              <legend>{name}</legend>
              <p>{t('rep.indicator.target', { target: ind.targetValue ?? '' })}</p>
              <Input id={`indicator-${i}-value`} label={t('rep.indicator.value', { name })} value={d.value} inputmode="decimal" problem={field(`content.indicators.${at}.value`)} onChange={(v) => set({ value: v })} />
              {ind.unit === 'count'
                ? (ind.gbaDimensions as GbaDimension[]).map((dimension) => {
                    const total = d.value.trim() === '' ? '…' : d.value.trim();
                    const sum = GBA_CATEGORIES[dimension].reduce((s, c) => s + (Number(d.breakdown[`${dimension}.${c}`] ?? '') || 0), 0);
                    return (
                      <fieldset key={dimension} className="tp-fieldset tp-breakdown" data-dimension={dimension}>
                        <legend>{t('rep.indicator.breakdown', { total, dimension: t(`gba.dimension.${dimension}`) })}</legend>
                        <div className="tp-breakdown-grid">
                          {GBA_CATEGORIES[dimension].map((category) => (
                            <Input
                              key={category}
                              id={`indicator-${i}-${dimension}-${category}`}
                              label={t(`gba.category.${category}` as MessageKey)}
                              value={d.breakdown[`${dimension}.${category}`] ?? ''}
                              inputmode="numeric"
                              problem={null}
                              onChange={(v) => set({ breakdown: { ...d.breakdown, [`${dimension}.${category}`]: v } })}
                            />
                          ))}
                        </div>
                        <p role="status">{t('rep.indicator.sum', { sum, total })}</p>
                      </fieldset>
                    );
                  })
                : null}
              {field(`content.indicators.${at}.breakdown`) ? <FieldProblem problem={field(`content.indicators.${at}.breakdown`)!} /> : null}
              {Object.keys(problems.fields)
                .filter((k) => k.startsWith(`content.indicators.${at}.breakdown.`))
                .slice(0, 1)
                .map((k) => (
                  <FieldProblem key={k} problem={problems.fields[k]!} />
                ))}
            </fieldset>
          );
        })}
      </FormSection>

      <FormSection id="narrative" comment={comments.narrative}>
        <TextArea id="progress" label={t('rep.progress')} value={draft.progress} problem={field('content.progress')} onChange={(v) => change({ ...draft, progress: v })} />
        <TextArea id="challenges" label={t('rep.challenges')} value={draft.challenges} problem={field('content.challenges')} onChange={(v) => change({ ...draft, challenges: v })} />
        <TextArea id="lessons" label={t('rep.lessons')} value={draft.lessons} problem={field('content.lessons')} onChange={(v) => change({ ...draft, lessons: v })} />
      </FormSection>

      <FormSection id="risks" comment={comments.risks}>
        {draft.risks.map((r, i) => (
          <fieldset key={i} className="tp-fieldset">
            <TextArea id={`risk-${i}-description`} label={t('rep.risk.description', { n: i + 1 })} value={r.description} problem={field(`content.risks.${i}.description`)} onChange={(v) => change({ ...draft, risks: draft.risks.map((x, j) => (j === i ? { ...x, description: v } : x)) })} />
            <TextArea id={`risk-${i}-mitigation`} label={t('rep.risk.mitigation', { n: i + 1 })} value={r.mitigation} problem={field(`content.risks.${i}.mitigation`)} onChange={(v) => change({ ...draft, risks: draft.risks.map((x, j) => (j === i ? { ...x, mitigation: v } : x)) })} />
            <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => change({ ...draft, risks: draft.risks.filter((_, j) => j !== i) })}>
              {t('rep.risk.remove', { n: i + 1 })}
            </GcdsButton>
          </fieldset>
        ))}
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => change({ ...draft, risks: [...draft.risks, { description: '', mitigation: '' }] })}>
          {t('rep.risk.add')}
        </GcdsButton>
      </FormSection>

      {report.period.isFinal ? (
        <FormSection id="finalResults" comment={comments.finalResults}>
          <TextArea id="final-results" label={t('rep.finalResults')} value={draft.finalResults} problem={field('content.finalResults')} onChange={(v) => change({ ...draft, finalResults: v })} />
        </FormSection>
      ) : null}

      <p role="status" data-testid="report-saved" style={{ minHeight: '1.5em' }}>
        {save.isPending ? t('rep.saving') : savedAt ? t('rep.savedAt', { time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(savedAt) }) : ''}
      </p>
      {needed.length > 0 ? (
        <div data-testid="report-needed">
          <p>{t('rep.stillNeeded')}</p>
          <ul>
            {needed.map((p, i) => (
              <li key={i}>
                <NeededItem problem={p} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <GcdsButton type="submit" disabled={submit.isPending}>
        {t('rep.submit')}
      </GcdsButton>
    </form>
  );

  function pick2(en: string, fr: string) {
    return locale === 'fr-CA' ? fr : en;
  }
}

function NeededItem({ problem }: { problem: Problem }) {
  const { problem: message, t } = useT();
  const params = problem.params && 'dimension' in problem.params ? { ...problem.params, dimension: t(`gba.dimension.${String(problem.params.dimension)}` as MessageKey) } : problem.params;
  return <>{message({ key: problem.key, ...(params ? { params } : {}) })}</>;
}

function FieldProblem({ problem }: { problem: Problem }) {
  const { problem: message } = useT();
  return (
    <p className="tp-field-problem" role="alert">
      {message(problem)}
    </p>
  );
}

function FormSection({ id, comment, children }: { id: ReportSection; comment: string | undefined; children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`section-${id}`} className="tp-section">
      <GcdsHeading tag="h2" id={`section-${id}`} characterLimit={false}>
        {t(SECTION_LABEL[id])}
      </GcdsHeading>
      {comment ? (
        <p className="tp-officer-comment" data-testid={`comment-${id}`}>
          {t('rep.comment', { comment })}
        </p>
      ) : null}
      {children}
    </section>
  );
}

function useProblemText(problem: Problem | null): string {
  const { problem: message } = useT();
  return problem ? message(problem) : '';
}

function Input({ id, label, value, onChange, problem, inputmode }: { id: string; label: string; value: string; onChange(v: string): void; problem: Problem | null; inputmode?: 'decimal' | 'numeric' }) {
  return (
    <GcdsInput
      inputId={id}
      name={id}
      label={label}
      type="text"
      validateOn="other"
      value={value}
      {...(inputmode ? { inputmode } : {})}
      errorMessage={useProblemText(problem)}
      onGcdsInput={(e) => onChange(String(e.detail ?? ''))}
    />
  );
}

function TextArea({ id, label, value, onChange, problem }: { id: string; label: string; value: string; onChange(v: string): void; problem: Problem | null }) {
  return <GcdsTextarea textareaId={id} name={id} label={label} validateOn="other" value={value} rows={4} errorMessage={useProblemText(problem)} onGcdsInput={(e) => onChange(String(e.detail ?? ''))} />;
}

function Select({ id, label, value, onChange, problem, children }: { id: string; label: string; value: string; onChange(v: string): void; problem: Problem | null; children: ReactNode }) {
  const { lang } = useT();
  return (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} validateOn="other" value={value} errorMessage={useProblemText(problem)} onGcdsChange={(e) => onChange(String(e.detail ?? ''))}>
      {children}
    </GcdsSelect>
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a submitted version beside the plan

function ReportContentView({ content, plan, isFinal, comments, prefix = 'view' }: { content: ReportContent; plan: Plan; isFinal: boolean; comments: Partial<Record<ReportSection, string>>; prefix?: string }) {
  const { t, pick, formatDate } = useT();
  return (
    <div data-testid={`${prefix}-content`}>
      <ViewSection prefix={prefix} comments={comments} id="activities">
        <div className="tp-table-wrap">
          <table className="tp-table">
            <thead>
              <tr>
                <th scope="col">{t('rep.plan')}</th>
                <th scope="col">{t('rep.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.milestones.map((m) => {
                const a = content.activities.find((x) => x.milestoneKey === m.key);
                return (
                  <tr key={m.key}>
                    <th scope="row">
                      {m.title}
                      <br />
                      <small>{t('rep.activity.due', { date: formatDate(m.dueDate) })}</small>
                    </th>
                    <td>
                      {a?.status ? t(`status.activity.${a.status as ActivityStatus}`) : ''}
                      {a?.reason ? <p>{a.reason}</p> : null}
                      {a?.newExpectedDate ? <p>{t('rep.activity.newDate')}: {formatDate(a.newExpectedDate)}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="deliverables">
        <p className="tp-pre">{content.deliverables}</p>
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="indicators">
        <div className="tp-table-wrap">
          <table className="tp-table">
            <thead>
              <tr>
                <th scope="col">{t('rep.progress.indicator')}</th>
                <th scope="col">{t('rep.progress.target')}</th>
                <th scope="col">{t('rep.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.indicators.map((ind) => {
                const v = content.indicators.find((x) => x.indicatorId === ind.id);
                return (
                  <tr key={ind.id}>
                    <th scope="row">{pick(ind.nameEn, ind.nameFr)}</th>
                    <td>{ind.targetValue}</td>
                    <td>
                      <strong>{v?.value ?? ''}</strong>
                      {v && v.breakdown.length > 0 ? (
                        <ul>
                          {v.breakdown.map((b) => (
                            <li key={`${b.dimension}.${b.category}`}>
                              {t(`gba.dimension.${b.dimension}`)}: {t(`gba.category.${b.category}` as MessageKey)} {b.count}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="narrative">
        <p className="tp-pre">{content.progress}</p>
        {content.challenges ? <p className="tp-pre">{content.challenges}</p> : null}
        {content.lessons ? <p className="tp-pre">{content.lessons}</p> : null}
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="risks">
        <ul>
          {content.risks.map((r, i) => (
            <li key={i}>
              {r.description} — {r.mitigation}
            </li>
          ))}
        </ul>
      </ViewSection>
      {isFinal ? (
        <ViewSection prefix={prefix} comments={comments} id="finalResults">
          <p className="tp-pre">{content.finalResults}</p>
        </ViewSection>
      ) : null}
    </div>
  );
}

function ViewSection({ id, prefix, comments, children }: { id: ReportSection; prefix: string; comments: Partial<Record<ReportSection, string>>; children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`${prefix}-${id}`} className="tp-section">
      <GcdsHeading tag="h2" id={`${prefix}-${id}`} characterLimit={false}>
        {t(SECTION_LABEL[id])}
      </GcdsHeading>
      {comments[id] ? <p className="tp-officer-comment">{t('rep.comment', { comment: comments[id] })}</p> : null}
      {children}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The officer's review

function ReviewPanel({ report, onReviewed }: { report: Report; onReviewed(outcome: 'accepted' | 'returned'): void }) {
  const { t, formatDate, formatMoney } = useT();
  const session = useQuery(trpc.auth.session.queryOptions());
  const [comments, setComments] = useState<Partial<Record<ReportSection, string>>>({});
  const [approve, setApprove] = useState<string[]>([]);
  const review = useMutation(trpc.reports.review.mutationOptions());
  const latest = report.revisions.at(-1)!;
  if (session.data && latest.submittedBy === session.data.id) return <InfoNotice title={t('rep.review.title')}>{t('rep.review.ownReport')}</InfoNotice>;
  const approved = new Set(report.milestoneApprovals.map((a) => a.milestoneKey));
  const open = report.plan.milestones.filter((m) => !approved.has(m.key));
  const sections = REPORT_SECTIONS.filter((s) => s !== 'finalResults' || report.period.isFinal);
  const send = async (outcome: 'accepted' | 'returned') => {
    await review.mutateAsync({ reportId: report.id, revision: report.revision, outcome, comments, approveMilestones: outcome === 'accepted' ? approve : [] }).then(
      async () => {
        onReviewed(outcome);
        await queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ reportId: report.id }) });
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="review-heading" className="tp-section" data-testid="review-panel">
      <GcdsHeading tag="h2" id="review-heading">
        {t('rep.review.title')}
      </GcdsHeading>
      <ProblemNotice problem={review.error ? problemsFromError(review.error).form : null} />
      {sections.map((s) => (
        <GcdsTextarea
          key={s}
          textareaId={`review-${s}`}
          name={`review-${s}`}
          label={t('rep.review.comment', { section: t(SECTION_LABEL[s]) })}
          rows={2}
          value={comments[s] ?? ''}
          onGcdsInput={(e) => setComments({ ...comments, [s]: String(e.detail ?? '') })}
        />
      ))}
      {open.length > 0 ? (
        <GcdsCheckboxes
          id="approve-milestones"
          name="approve-milestones"
          legend={t('rep.review.milestones')}
          options={open.map((m) => ({
            id: `approve-${m.key}`,
            value: m.key,
            checked: approve.includes(m.key),
            label:
              m.paymentCents !== null
                ? t('rep.review.milestonePayment', { title: m.title, date: formatDate(m.dueDate), amount: formatMoney(m.paymentCents) })
                : t('rep.review.milestoneNoPayment', { title: m.title, date: formatDate(m.dueDate) }),
          }))}
          value={approve}
          onGcdsChange={(e) => setApprove(Array.isArray(e.detail) ? (e.detail as string[]) : [])}
        />
      ) : null}
      <div className="tp-actions">
        <GcdsButton type="button" disabled={review.isPending} onGcdsClick={() => void send('accepted')}>
          {t('rep.review.accept')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" disabled={review.isPending} onGcdsClick={() => void send('returned')}>
          {t('rep.review.return')}
        </GcdsButton>
      </div>
    </section>
  );
}

function Versions({ report }: { report: Report }) {
  const { t, formatDate } = useT();
  if (report.revisions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading" className="tp-section">
      <GcdsHeading tag="h2" id="versions-heading">
        {t('rep.versions')}
      </GcdsHeading>
      <ul data-testid="report-versions">
        {report.revisions.map((v) => (
          <li key={v.revision}>
            <details>
              <summary>
                {t('rep.version', { n: v.revision, date: formatDate(v.submittedAt) })}:{' '}
                {v.outcome === null ? t('rep.outcome.pending') : t(v.outcome === 'accepted' ? 'rep.outcome.accepted' : 'rep.outcome.returned', { date: formatDate(v.reviewedAt!) })}
              </summary>
              <ReportContentView content={v.content} plan={report.plan} isFinal={report.period.isFinal} comments={v.comments} prefix={`version-${v.revision}`} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
