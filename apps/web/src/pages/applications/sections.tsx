/**
 * The seven sections of the application form. Each keeps its own draft, autosaves it (see
 * autosave.ts) and shows "Saved at hh:mm" or its problems next to the fields they name.
 */
import { GcdsButton, GcdsHeading } from '@cdssnc/gcds-components-react';
import {
  activityInput,
  budgetSection,
  budgetTotals,
  COST_CATEGORIES,
  eligibilitySection,
  expectedResultsSection,
  FUNDING_SOURCE_KINDS,
  FUNDING_STATUSES,
  fiscalYear,
  GBA_BARRIERS,
  gbaPlusSection,
  otherFundingSection,
  parseFiscalYearLabel,
  parseMoney,
  projectSection,
  PROVINCES_AND_TERRITORIES,
  toDecimalString,
  workPlanSection,
  type ApplicationSection,
  type CostCategory,
  type FundingSourceKind,
  type FundingStatus,
  type GbaBarrier,
  type ProvinceOrTerritory,
} from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import type { ReactNode } from 'react';
import { ProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import type { FormProblems } from '../../lib/form-problems';
import { dataProblems, useAutosave, type Built, type SaveState } from './autosave';
import { CheckboxesField, InputField, SelectField, TextareaField, YesNoField } from './fields';
import type { ApplicationData, CallData, Completeness } from './types';

export const SECTION_TITLE: Record<ApplicationSection, MessageKey> = {
  project: 'apply.section.project',
  workPlan: 'apply.section.workPlan',
  budget: 'apply.section.budget',
  otherFunding: 'apply.section.otherFunding',
  expectedResults: 'apply.section.expectedResults',
  gbaPlus: 'apply.section.gbaPlus',
  eligibility: 'apply.section.eligibility',
};

const emptyToNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** An amount as a person would type it back: "1234.5" -> "1234.50", or "1234,50" in French. */
function moneyText(cents: bigint, lang: 'en' | 'fr'): string {
  const s = toDecimalString(cents);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

function parseAmount(text: string): bigint | null {
  try {
    return parseMoney(text);
  } catch {
    return null;
  }
}

function SectionFrame({ section, state, onBlur, children }: { section: ApplicationSection; state: SaveState; onBlur(e: React.FocusEvent<HTMLElement>): void; children: ReactNode }) {
  const { t, locale } = useT();
  return (
    <section id={`section-${section}`} aria-labelledby={`heading-${section}`} className="tp-section tp-app-section" onBlur={onBlur}>
      <GcdsHeading tag="h2" id={`heading-${section}`} characterLimit={false}>
        {t(SECTION_TITLE[section])}
      </GcdsHeading>
      <ProblemNotice problem={state.problems.form} />
      {children}
      <p className="tp-save-state" role="status" data-testid={`saved-${section}`} style={{ minHeight: '1.5em' }}>
        {state.saving
          ? t('apply.saving')
          : state.savedAt
            ? t('apply.savedAt', { time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(state.savedAt) })
            : ''}
      </p>
    </section>
  );
}

interface SectionProps {
  app: ApplicationData;
  call: CallData;
}

// ---------------------------------------------------------------------------------------------

interface ProjectDraft {
  title: string;
  summary: string;
  objectives: string;
  targetPopulations: string;
  regionsServed: ProvinceOrTerritory[];
  startDate: string;
  endDate: string;
}

function buildProject(d: ProjectDraft): Built<'project'> {
  const parsed = projectSection.safeParse({ ...d, startDate: emptyToNull(d.startDate), endDate: emptyToNull(d.endDate) });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: dataProblems(parsed.error.issues) };
}

export function ProjectSection({ app }: SectionProps) {
  const { t } = useT();
  const p = app.project;
  const { draft, change, onBlur, state } = useAutosave('' + app.id, 'project', buildProject, {
    ...p,
    regionsServed: [...p.regionsServed],
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
  });
  const set = (patch: Partial<ProjectDraft>) => change({ ...draft, ...patch });
  const problems = state.problems;
  return (
    <SectionFrame section="project" state={state} onBlur={onBlur}>
      <InputField id="project-title" path="data.title" label={t('apply.project.title')} problems={problems} value={draft.title} onChange={(title) => set({ title })} />
      <TextareaField id="project-summary" path="data.summary" label={t('apply.project.summary')} problems={problems} value={draft.summary} onChange={(summary) => set({ summary })} />
      <TextareaField id="project-objectives" path="data.objectives" label={t('apply.project.objectives')} problems={problems} value={draft.objectives} onChange={(objectives) => set({ objectives })} />
      <TextareaField
        id="project-targetPopulations"
        path="data.targetPopulations"
        label={t('apply.project.targetPopulations')}
        problems={problems}
        value={draft.targetPopulations}
        onChange={(targetPopulations) => set({ targetPopulations })}
      />
      <CheckboxesField
        id="project-regions"
        path="data.regionsServed"
        label={t('apply.project.regionsServed')}
        problems={problems}
        value={draft.regionsServed}
        onChange={(v) => set({ regionsServed: v as ProvinceOrTerritory[] })}
        options={PROVINCES_AND_TERRITORIES.map((code) => ({ value: code, label: t(`province.${code}`) }))}
      />
      <InputField id="project-startDate" path="data.startDate" label={t('apply.startDate')} hint={t('apply.dateHint')} problems={problems} value={draft.startDate} onChange={(startDate) => set({ startDate })} />
      <InputField id="project-endDate" path="data.endDate" label={t('apply.endDate')} hint={t('apply.dateHint')} problems={problems} value={draft.endDate} onChange={(endDate) => set({ endDate })} />
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

interface ActivityDraft {
  title: string;
  description: string;
  deliverables: string;
  startDate: string;
  endDate: string;
}
const EMPTY_ACTIVITY: ActivityDraft = { title: '', description: '', deliverables: '', startDate: '', endDate: '' };

function buildWorkPlan(d: ActivityDraft[]): Built<'workPlan'> {
  const parsed = workPlanSection.safeParse({ activities: d.map((a) => ({ ...a, startDate: emptyToNull(a.startDate), endDate: emptyToNull(a.endDate) })) });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: dataProblems(parsed.error.issues) };
}
void activityInput;

export function WorkPlanSection({ app }: SectionProps) {
  const { t } = useT();
  const { draft, change, onBlur, state } = useAutosave(
    app.id,
    'workPlan',
    buildWorkPlan,
    app.workPlan.activities.map((a) => ({ ...a, startDate: a.startDate ?? '', endDate: a.endDate ?? '' })),
  );
  const set = (i: number, patch: Partial<ActivityDraft>) => change(draft.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const problems = state.problems;
  return (
    <SectionFrame section="workPlan" state={state} onBlur={onBlur}>
      {draft.length === 0 ? <p>{t('apply.workPlan.none')}</p> : null}
      {draft.map((a, i) => (
        <fieldset key={i} className="tp-membership tp-row-fieldset">
          <legend>{t('apply.workPlan.activity', { number: i + 1 })}</legend>
          <InputField id={`activity-${i}-title`} path={`data.activities.${i}.title`} label={t('apply.workPlan.title')} problems={problems} value={a.title} onChange={(title) => set(i, { title })} />
          <TextareaField
            id={`activity-${i}-description`}
            path={`data.activities.${i}.description`}
            label={t('apply.workPlan.description')}
            problems={problems}
            value={a.description}
            onChange={(description) => set(i, { description })}
          />
          <TextareaField
            id={`activity-${i}-deliverables`}
            path={`data.activities.${i}.deliverables`}
            label={t('apply.workPlan.deliverables')}
            problems={problems}
            value={a.deliverables}
            onChange={(deliverables) => set(i, { deliverables })}
          />
          <InputField
            id={`activity-${i}-startDate`}
            path={`data.activities.${i}.startDate`}
            label={t('apply.startDate')}
            hint={t('apply.dateHint')}
            problems={problems}
            value={a.startDate}
            onChange={(startDate) => set(i, { startDate })}
          />
          <InputField
            id={`activity-${i}-endDate`}
            path={`data.activities.${i}.endDate`}
            label={t('apply.endDate')}
            hint={t('apply.dateHint')}
            problems={problems}
            value={a.endDate}
            onChange={(endDate) => set(i, { endDate })}
          />
          <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => change(draft.filter((_, j) => j !== i))}>
            {t('apply.workPlan.remove', { number: i + 1 })}
          </GcdsButton>
        </fieldset>
      ))}
      <div className="tp-actions">
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => change([...draft, EMPTY_ACTIVITY])}>
          {t('apply.workPlan.add')}
        </GcdsButton>
      </div>
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

interface LineDraft {
  fiscalYear: string;
  category: CostCategory | '';
  amount: string;
  justification: string;
}

function callYears(call: CallData): string[] {
  const first = parseFiscalYearLabel(call.firstFiscalYear).startYear;
  const last = parseFiscalYearLabel(call.lastFiscalYear).startYear;
  const years: string[] = [];
  for (let y = first; y <= last; y++) years.push(fiscalYear(y).label);
  return years;
}

function buildBudget(d: LineDraft[]): Built<'budget'> {
  const problems: FormProblems = { fields: {}, form: null };
  const lines = d.map((l, i) => {
    const amountCents = parseAmount(l.amount);
    if (amountCents === null) problems.fields[`data.lines.${i}.amountCents`] = { key: 'error.money.invalid' };
    return { fiscalYear: l.fiscalYear, category: l.category, amountCents: amountCents ?? 0n, justification: l.justification };
  });
  const parsed = budgetSection.safeParse({ lines });
  if (!parsed.success) {
    const more = dataProblems(parsed.error.issues);
    return { ok: false, problems: { fields: { ...more.fields, ...problems.fields }, form: more.form } };
  }
  if (Object.keys(problems.fields).length > 0) return { ok: false, problems };
  return { ok: true, data: parsed.data };
}

export function BudgetSection({ app, call }: SectionProps) {
  const { t, lang, formatMoney } = useT();
  const years = callYears(call);
  const { draft, change, onBlur, state } = useAutosave(
    app.id,
    'budget',
    buildBudget,
    app.budget.lines.map((l): LineDraft => ({ fiscalYear: l.fiscalYear, category: l.category, amount: moneyText(l.amountCents, lang), justification: l.justification })),
  );
  const set = (i: number, patch: Partial<LineDraft>) => change(draft.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const problems = state.problems;
  const valid = draft.flatMap((l) => {
    const amountCents = parseAmount(l.amount);
    return amountCents !== null && amountCents >= 0n && l.category && l.fiscalYear ? [{ fiscalYear: l.fiscalYear, category: l.category, amountCents }] : [];
  });
  const totals = budgetTotals(valid);
  return (
    <SectionFrame section="budget" state={state} onBlur={onBlur}>
      <p>{t('apply.budget.intro', { first: call.firstFiscalYear, last: call.lastFiscalYear, max: formatMoney(call.maxAmountCents) })}</p>
      {problems.fields['data.lines'] ? <ProblemNotice problem={problems.fields['data.lines']} /> : null}
      {draft.map((l, i) => (
        <fieldset key={i} className="tp-membership tp-row-fieldset">
          <legend>{t('apply.budget.line', { number: i + 1 })}</legend>
          <SelectField
            id={`line-${i}-fiscalYear`}
            path={`data.lines.${i}.fiscalYear`}
            label={t('apply.budget.fiscalYear')}
            placeholder={t('apply.choose')}
            problems={problems}
            value={l.fiscalYear}
            onChange={(fiscalYear) => set(i, { fiscalYear })}
            options={years.map((y) => ({ value: y, label: y }))}
          />
          <SelectField
            id={`line-${i}-category`}
            path={`data.lines.${i}.category`}
            label={t('apply.budget.category')}
            placeholder={t('apply.choose')}
            problems={problems}
            value={l.category}
            onChange={(category) => set(i, { category: category as CostCategory })}
            options={COST_CATEGORIES.map((c) => ({ value: c, label: t(`apply.cost.${c}`) }))}
          />
          <InputField
            id={`line-${i}-amount`}
            path={`data.lines.${i}.amountCents`}
            label={t('apply.amount')}
            hint={t('apply.amountHint')}
            inputmode="decimal"
            problems={problems}
            value={l.amount}
            onChange={(amount) => set(i, { amount })}
          />
          <TextareaField
            id={`line-${i}-justification`}
            path={`data.lines.${i}.justification`}
            label={t('apply.budget.justification')}
            problems={problems}
            value={l.justification}
            onChange={(justification) => set(i, { justification })}
          />
          <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => change(draft.filter((_, j) => j !== i))}>
            {t('apply.budget.remove', { number: i + 1 })}
          </GcdsButton>
        </fieldset>
      ))}
      <div className="tp-actions">
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => change([...draft, { fiscalYear: years[0] ?? '', category: '', amount: '', justification: '' }])}>
          {t('apply.budget.add')}
        </GcdsButton>
      </div>
      <div className="tp-table-wrap">
        <table className="tp-table tp-totals" data-testid="budget-totals">
          <caption>{t('apply.budget.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apply.budget.fiscalYear')}</th>
              <th scope="col">{t('apply.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td>{formatMoney(totals.byFiscalYear[y] ?? 0n)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('apply.budget.total')}</th>
              <td data-testid="budget-total">
                <strong>{formatMoney(totals.total)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

interface SourceDraft {
  source: string;
  kind: FundingSourceKind | '';
  amount: string;
  status: FundingStatus | '';
}

function buildOtherFunding(d: SourceDraft[]): Built<'otherFunding'> {
  const problems: FormProblems = { fields: {}, form: null };
  const sources = d.map((s, i) => {
    const amountCents = parseAmount(s.amount);
    if (amountCents === null) problems.fields[`data.sources.${i}.amountCents`] = { key: 'error.money.invalid' };
    return { source: s.source, kind: s.kind, amountCents: amountCents ?? 0n, status: s.status };
  });
  const parsed = otherFundingSection.safeParse({ sources });
  if (!parsed.success) {
    const more = dataProblems(parsed.error.issues);
    return { ok: false, problems: { fields: { ...more.fields, ...problems.fields }, form: more.form } };
  }
  if (Object.keys(problems.fields).length > 0) return { ok: false, problems };
  return { ok: true, data: parsed.data };
}

const percent = (bp: bigint, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(bp) / 100);

export function OtherFundingSection({ app, completeness }: SectionProps & { completeness: Completeness | undefined }) {
  const { t, lang, locale } = useT();
  const { draft, change, onBlur, state } = useAutosave(
    app.id,
    'otherFunding',
    buildOtherFunding,
    app.otherFunding.sources.map((s): SourceDraft => ({ source: s.source, kind: s.kind, amount: moneyText(s.amountCents, lang), status: s.status })),
  );
  const set = (i: number, patch: Partial<SourceDraft>) => change(draft.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const problems = state.problems;
  const stacking = completeness?.stacking;
  return (
    <SectionFrame section="otherFunding" state={state} onBlur={onBlur}>
      <p>{t('apply.otherFunding.intro')}</p>
      {draft.map((s, i) => (
        <fieldset key={i} className="tp-membership tp-row-fieldset">
          <legend>{t('apply.otherFunding.source', { number: i + 1 })}</legend>
          <InputField id={`source-${i}-source`} path={`data.sources.${i}.source`} label={t('apply.otherFunding.name')} problems={problems} value={s.source} onChange={(source) => set(i, { source })} />
          <SelectField
            id={`source-${i}-kind`}
            path={`data.sources.${i}.kind`}
            label={t('apply.otherFunding.kind')}
            placeholder={t('apply.choose')}
            problems={problems}
            value={s.kind}
            onChange={(kind) => set(i, { kind: kind as FundingSourceKind })}
            options={FUNDING_SOURCE_KINDS.map((k) => ({ value: k, label: t(`apply.fundingKind.${k}`) }))}
          />
          <InputField
            id={`source-${i}-amount`}
            path={`data.sources.${i}.amountCents`}
            label={t('apply.amount')}
            hint={t('apply.amountHint')}
            inputmode="decimal"
            problems={problems}
            value={s.amount}
            onChange={(amount) => set(i, { amount })}
          />
          <SelectField
            id={`source-${i}-status`}
            path={`data.sources.${i}.status`}
            label={t('apply.otherFunding.status')}
            placeholder={t('apply.choose')}
            problems={problems}
            value={s.status}
            onChange={(status) => set(i, { status: status as FundingStatus })}
            options={FUNDING_STATUSES.map((k) => ({ value: k, label: t(`apply.fundingStatus.${k}`) }))}
          />
          <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => change(draft.filter((_, j) => j !== i))}>
            {t('apply.otherFunding.remove', { number: i + 1 })}
          </GcdsButton>
        </fieldset>
      ))}
      <div className="tp-actions">
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => change([...draft, { source: '', kind: '', amount: '', status: '' }])}>
          {t('apply.otherFunding.add')}
        </GcdsButton>
      </div>
      <p data-testid="stacking" style={{ minHeight: '1.5em' }}>
        {!stacking
          ? ''
          : stacking.governmentShareBp === null
            ? t('apply.stacking.none', { limit: percent(stacking.limitBp, locale) })
            : t(stacking.withinLimit ? 'apply.stacking.within' : 'apply.stacking.over', {
                share: percent(stacking.governmentShareBp, locale),
                limit: percent(stacking.limitBp, locale),
              })}
      </p>
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

type ResultsDraft = Record<string, { targetValue: string; notes: string }>;

export function ExpectedResultsSection({ app, call }: SectionProps) {
  const { t, pick } = useT();
  const indicators = call.indicators;
  const build = (d: ResultsDraft): Built<'expectedResults'> => {
    const entries = indicators.map((ind) => ({ indicatorId: ind.id, targetValue: d[ind.id]?.targetValue.trim().replace(',', '.') ?? '', notes: d[ind.id]?.notes ?? '' }));
    const kept = entries.filter((e) => e.targetValue !== '');
    const parsed = expectedResultsSection.safeParse({ results: kept });
    if (parsed.success) return { ok: true, data: parsed.data };
    // Report on the indicator's own position in the form, not its position among those filled.
    const issues = parsed.error.issues.map((issue) => {
      const [, index, ...rest] = issue.path;
      const kept_ = kept[Number(index)];
      const position = kept_ ? indicators.findIndex((ind) => ind.id === kept_.indicatorId) : index;
      return { ...issue, path: ['results', position as number, ...rest] };
    });
    return { ok: false, problems: dataProblems(issues) };
  };
  const initial: ResultsDraft = Object.fromEntries(app.expectedResults.results.map((r) => [r.indicatorId, { targetValue: r.targetValue, notes: r.notes }]));
  const { draft, change, onBlur, state } = useAutosave(app.id, 'expectedResults', build, initial);
  const set = (id: string, patch: Partial<{ targetValue: string; notes: string }>) =>
    change({ ...draft, [id]: { targetValue: draft[id]?.targetValue ?? '', notes: draft[id]?.notes ?? '', ...patch } });
  return (
    <SectionFrame section="expectedResults" state={state} onBlur={onBlur}>
      <p>{t('apply.results.intro')}</p>
      {indicators.map((ind, i) => (
        <fieldset key={ind.id} className="tp-membership tp-row-fieldset">
          <legend>{pick(ind.nameEn, ind.nameFr)}</legend>
          <InputField
            id={`result-${i}-target`}
            path={`data.results.${i}.targetValue`}
            label={t('apply.results.target', { unit: ind.unit ? t(`apply.unit.${ind.unit}`) : t('apply.unit.count') })}
            inputmode="decimal"
            problems={state.problems}
            value={draft[ind.id]?.targetValue ?? ''}
            onChange={(targetValue) => set(ind.id, { targetValue })}
          />
          <TextareaField
            id={`result-${i}-notes`}
            path={`data.results.${i}.notes`}
            label={t('apply.results.notes')}
            problems={state.problems}
            value={draft[ind.id]?.notes ?? ''}
            onChange={(notes) => set(ind.id, { notes })}
          />
        </fieldset>
      ))}
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

interface GbaDraft {
  populationsServed: string;
  barriers: GbaBarrier[];
  howAddressed: string;
}

function buildGba(d: GbaDraft): Built<'gbaPlus'> {
  const parsed = gbaPlusSection.safeParse(d);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: dataProblems(parsed.error.issues) };
}

export function GbaPlusSection({ app }: SectionProps) {
  const { t } = useT();
  const { draft, change, onBlur, state } = useAutosave(app.id, 'gbaPlus', buildGba, { ...app.gbaPlus, barriers: [...app.gbaPlus.barriers] });
  return (
    <SectionFrame section="gbaPlus" state={state} onBlur={onBlur}>
      <p className="tp-privacy-note">{t('apply.gba.privacy')}</p>
      <TextareaField
        id="gba-populations"
        path="data.populationsServed"
        label={t('apply.gba.populationsServed')}
        problems={state.problems}
        value={draft.populationsServed}
        onChange={(populationsServed) => change({ ...draft, populationsServed })}
      />
      <CheckboxesField
        id="gba-barriers"
        path="data.barriers"
        label={t('apply.gba.barriers')}
        problems={state.problems}
        value={draft.barriers}
        onChange={(v) => change({ ...draft, barriers: v as GbaBarrier[] })}
        options={GBA_BARRIERS.map((b) => ({ value: b, label: t(`apply.barrier.${b}`) }))}
      />
      <TextareaField
        id="gba-how"
        path="data.howAddressed"
        label={t('apply.gba.howAddressed')}
        problems={state.problems}
        value={draft.howAddressed}
        onChange={(howAddressed) => change({ ...draft, howAddressed })}
      />
    </SectionFrame>
  );
}

// ---------------------------------------------------------------------------------------------

type AnswersDraft = Record<string, boolean>;

export function EligibilitySection({ app, call }: SectionProps) {
  const { pick } = useT();
  const questions = call.eligibilityQuestions;
  const build = (d: AnswersDraft): Built<'eligibility'> => {
    const answers = questions.flatMap((q) => (q.id in d ? [{ questionId: q.id, answer: d[q.id]! }] : []));
    const parsed = eligibilitySection.safeParse({ answers });
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: dataProblems(parsed.error.issues) };
  };
  const { draft, change, onBlur, state } = useAutosave(app.id, 'eligibility', build, Object.fromEntries(app.eligibility.answers.map((a) => [a.questionId, a.answer])));
  // The server names an answer by its position among those given.
  const given = questions.filter((q) => q.id in draft);
  return (
    <SectionFrame section="eligibility" state={state} onBlur={onBlur}>
      {questions.map((q, i) => (
        <YesNoField
          key={q.id}
          id={`question-${i}`}
          path={`data.answers.${given.indexOf(q)}.answer`}
          label={pick(q.textEn, q.textFr)}
          problems={state.problems}
          value={q.id in draft ? draft[q.id]! : null}
          onChange={(answer) => change({ ...draft, [q.id]: answer })}
        />
      ))}
    </SectionFrame>
  );
}
