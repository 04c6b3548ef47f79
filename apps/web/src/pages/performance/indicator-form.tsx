/** An indicator's form (new or existing): saved through performance.saveIndicator, errors next to their fields. */
import { GcdsButton, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { COLLECTION_FREQUENCIES, GBA_DIMENSIONS, INDICATOR_DIRECTIONS, INDICATOR_UNITS, indicatorInput } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormProblemNotice } from '../../components/notices';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { formValues } from '../../lib/form-values';
import { queryClient, trpc, type trpcClient } from '../../lib/trpc';
import { CheckboxGroup } from '../calls/checkbox-group';

export type Indicator = Awaited<ReturnType<typeof trpcClient.performance.indicators.query>>[number];

const FIELDS = [
  'code',
  'nameEn',
  'nameFr',
  'definitionEn',
  'definitionFr',
  'unit',
  'direction',
  'methodEn',
  'methodFr',
  'sourceEn',
  'sourceFr',
  'frequency',
  'baselineValue',
  'baselineYear',
  'targetValue',
  'targetDate',
  'owner',
  'gbaDimensions',
  'departmentalResultIndicatorId',
];
const strip = (f: string) => f.replace(/^indicator\./, '');

interface IndicatorFormProps {
  outcomeId: string;
  indicator: Indicator | null;
  onDone(): void;
}

export function IndicatorForm({ outcomeId, indicator, onDone }: IndicatorFormProps) {
  const { t, lang, pick, problem } = useT();
  const prefix = `ind-${indicator?.code ?? `new-${outcomeId}`}`;
  const [gba, setGba] = useState<string[]>([...(indicator?.gbaDimensions ?? [])]);
  const [unit, setUnit] = useState<string>(indicator?.unit ?? '');
  const [direction, setDirection] = useState<string>(indicator?.direction ?? 'higher_is_better');
  const [frequency, setFrequency] = useState<string>(indicator?.frequency ?? '');
  const [mapping, setMapping] = useState<string>(indicator?.departmentalResultIndicatorId ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const departmental = useQuery(trpc.performance.departmentalIndicators.queryOptions());
  const save = useMutation(trpc.performance.saveIndicator.mutationOptions());
  const errorOf = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  // TextField ids are "field-<name>": names carry the prefix so that several forms can be open at once.
  const named = (p: FormProblems): FormProblems => ({ form: p.form, fields: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [`${prefix}-${strip(k)}`, v])) });
  const plain = (value: string | null | undefined) => (value && value.includes('.') ? value.replace(/\.?0+$/, '') : value);
  const nullIfEmpty = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = formValues(event.currentTarget);
    const v = (name: string) => raw[`${prefix}-${name}`];
    const parsed = indicatorInput.safeParse({
      outcomeId,
      code: v('code') ?? '',
      nameEn: v('nameEn') ?? '',
      nameFr: v('nameFr') ?? '',
      definitionEn: nullIfEmpty(v('definitionEn')),
      definitionFr: nullIfEmpty(v('definitionFr')),
      unit: unit || null,
      direction,
      methodEn: nullIfEmpty(v('methodEn')),
      methodFr: nullIfEmpty(v('methodFr')),
      sourceEn: nullIfEmpty(v('sourceEn')),
      sourceFr: nullIfEmpty(v('sourceFr')),
      frequency: frequency || null,
      baselineValue: nullIfEmpty(v('baselineValue')),
      baselineYear: nullIfEmpty(v('baselineYear')),
      targetValue: nullIfEmpty(v('targetValue')),
      targetDate: nullIfEmpty(v('targetDate')),
      owner: nullIfEmpty(v('owner')),
      gbaDimensions: gba,
      departmentalResultIndicatorId: mapping || null,
    });
    if (!parsed.success) {
      setProblems(named(problemsFromIssues(parsed.error.issues, FIELDS)));
      return;
    }
    try {
      await save.mutateAsync({ id: indicator?.id ?? null, indicator: parsed.data });
    } catch (error) {
      setProblems(named(problemsFromError(error, (f) => FIELDS.includes(strip(f)))));
      return;
    }
    setProblems(NO_PROBLEMS);
    await queryClient.invalidateQueries({ queryKey: trpc.performance.pathKey() });
    onDone();
  }

  const text = (name: string, label: string, value: string | null | undefined, hint?: string) => (
    <TextField name={`${prefix}-${name}`} label={label} problems={problems} required={false} defaultValue={value ?? ''} {...(hint ? { hint } : {})} />
  );
  const area = (name: string, label: string, value: string | null | undefined) => (
    <GcdsTextarea textareaId={`field-${prefix}-${name}`} name={`${prefix}-${name}`} label={label} validateOn="other" value={value ?? ''} errorMessage={errorOf(`${prefix}-${name}`)} />
  );
  const select = (name: string, label: string, value: string, onChange: (v: string) => void, options: readonly { value: string; label: string }[], empty?: string) => (
    <GcdsSelect
      key={`${name}-${lang}`}
      selectId={`field-${prefix}-${name}`}
      name={`${prefix}-${name}`}
      label={label}
      {...(empty ? { defaultValue: empty } : {})}
      validateOn="other"
      value={value}
      errorMessage={errorOf(`${prefix}-${name}`)}
      onGcdsChange={(event) => onChange(event.detail)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </GcdsSelect>
  );

  return (
    <form noValidate onSubmit={onSubmit} aria-label={indicator ? t('perf.editTitle', { name: pick(indicator.nameEn, indicator.nameFr) }) : t('perf.newTitle')} className="tp-rows">
      <fieldset>
        <legend>{indicator ? t('perf.editTitle', { name: pick(indicator.nameEn, indicator.nameFr) }) : t('perf.newTitle')}</legend>
        <FormProblemNotice problems={problems} />
        {text('code', t('prog.code'), indicator?.code, t('prog.codeHint'))}
        {text('nameEn', t('prog.nameEn'), indicator?.nameEn)}
        {text('nameFr', t('prog.nameFr'), indicator?.nameFr)}
        {area('definitionEn', t('perf.definitionEn'), indicator?.definitionEn)}
        {area('definitionFr', t('perf.definitionFr'), indicator?.definitionFr)}
        {select('unit', t('perf.unit'), unit, setUnit, INDICATOR_UNITS.map((u) => ({ value: u, label: t(`perf.unit.${u}`) })), t('perf.choose'))}
        {select('direction', t('perf.direction'), direction, setDirection, INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`perf.direction.${d}`) })))}
        {text('methodEn', t('perf.methodEn'), indicator?.methodEn)}
        {text('methodFr', t('perf.methodFr'), indicator?.methodFr)}
        {text('sourceEn', t('perf.sourceEn'), indicator?.sourceEn)}
        {text('sourceFr', t('perf.sourceFr'), indicator?.sourceFr)}
        {select('frequency', t('perf.frequency'), frequency, setFrequency, COLLECTION_FREQUENCIES.map((f) => ({ value: f, label: t(`perf.frequency.${f}`) })), t('perf.choose'))}
        {text('baselineValue', t('perf.baselineValue'), plain(indicator?.baselineValue), t('perf.numberHint'))}
        {text('baselineYear', t('perf.baselineYear'), indicator?.baselineYear, t('perf.yearHint'))}
        {text('targetValue', t('perf.targetValue'), plain(indicator?.targetValue), t('perf.numberHint'))}
        {text('targetDate', t('perf.targetDate'), indicator?.targetDate, t('perf.dateHint'))}
        {text('owner', t('perf.owner'), indicator?.owner)}
        <CheckboxGroup
          id={`${prefix}-gba`}
          legend={t('perf.gba')}
          options={GBA_DIMENSIONS.map((g) => ({ value: g, label: t(`perf.gba.${g}`) }))}
          value={gba}
          onChange={setGba}
          problem={problems.fields[`${prefix}-gbaDimensions`]}
        />
        {select(
          'departmentalResultIndicatorId',
          t('perf.departmental'),
          mapping,
          setMapping,
          (departmental.data ?? []).map((d) => ({ value: d.id, label: `${pick(d.resultNameEn, d.resultNameFr)} › ${pick(d.nameEn, d.nameFr)}` })),
          t('perf.noMapping'),
        )}
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={save.isPending}>
            {t('perf.save')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onGcdsClick={onDone}>
            {t('perf.cancel')}
          </GcdsButton>
        </div>
      </fieldset>
    </form>
  );
}
