/** The project and work plan sections of the application form; each keeps its own draft and autosaves it (see autosave.ts). */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { activityInput, projectSection, PROVINCES_AND_TERRITORIES, workPlanSection, type ProvinceOrTerritory } from '@tp/domain';
import { useT } from '../../i18n/language';
import { dataProblems, useAutosave, type Built } from './autosave';
import { CheckboxesField, InputField, TextareaField } from './fields';
import { emptyToNull, SectionFrame, type SectionProps } from './section-frame';

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

