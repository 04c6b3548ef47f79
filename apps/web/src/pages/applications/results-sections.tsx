/** The expected results, GBA Plus and eligibility sections of the application form; each keeps its own draft and autosaves it (see autosave.ts). */
import { eligibilitySection, expectedResultsSection, GBA_BARRIERS, gbaPlusSection, type GbaBarrier } from '@tp/domain';
import { useT } from '../../i18n/language';
import { dataProblems, useAutosave, type Built } from './autosave';
import { CheckboxesField, InputField, TextareaField, YesNoField } from './fields';
import { SectionFrame, type SectionProps } from './section-frame';

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
