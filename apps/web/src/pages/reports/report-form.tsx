/** The recipient's report form: autosaved as they type, with what submission still needs listed beside it. */
import { GcdsButton, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { ACTIVITY_STATUSES, GBA_CATEGORIES, reportContentInput, type GbaDimension, type ReportContent, type ReportSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { InfoNotice, ProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { type Report, SECTION_LABEL } from './use-report';
import { SectionHeading } from '../../components/page-heading';
import { ConfirmAct } from '../../components/confirm-act';

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

export function ReportForm({ report, comments, onSubmitted }: { report: Report; comments: Partial<Record<ReportSection, string>>; onSubmitted(): void }) {
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
      // Enter in a field does not submit: submitting asks first (the button below).
      onSubmit={(e) => e.preventDefault()}
      onBlur={() => void flush()}
    >
      {report.status === 'returned' ? <InfoNotice title={t('rep.returned.title')}>{t('rep.returned.text')}</InfoNotice> : null}
      <InfoNotice title={t('rep.privacy.title')}>{t('rep.privacy.text')}</InfoNotice>
      {/* Not the error summary: autosave refreshes these problems while the user types, and the summary would take the focus. */}
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
      <ConfirmAct label={t('rep.submit')} question={t('rep.submit.question')} yes={t('rep.submit.yes')} disabled={submit.isPending} onConfirm={onSubmit} />
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
      <SectionHeading id={`section-${id}`}>
        {t(SECTION_LABEL[id])}
      </SectionHeading>
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

