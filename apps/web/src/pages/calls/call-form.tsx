/**
 * The call's form, for a new call or a draft: every rule of the call, with its error next to the
 * field it names. Only ready indicators can be chosen; the others are shown disabled with what
 * they lack. Criteria weights show a live total, which must be 100. Dates are Eastern Time.
 */
import { GcdsButton, GcdsErrorMessage, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { CALL_PRIORITIES, callInput, ORGANISATION_TYPES, PROVINCES_AND_TERRITORIES, type CallInput } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { CheckboxGroup } from './checkbox-group';
import { callProblemsFromError, criteriaTotal, isCallField, toCandidate, type CallDraft, type CriterionRow } from './call-draft';
import { QuestionsEditor } from './call-questions';
import './programs.css';

interface CallFormProps {
  callId: string | null;
  initial: CallDraft;
}

export function CallForm({ callId, initial }: CallFormProps) {
  const { t, lang, pick, problem } = useT();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CallDraft>(initial);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [saved, setSaved] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const strategies = useQuery(trpc.reference.strategies.queryOptions());
  const fiscalYears = useQuery(trpc.reference.fiscalYears.queryOptions());
  const indicators = useQuery(trpc.performance.indicators.queryOptions({ readyOnly: false }));
  const create = useMutation(trpc.calls.create.mutationOptions());
  const update = useMutation(trpc.calls.updateDraft.mutationOptions());
  const publish = useMutation(trpc.calls.publish.mutationOptions());
  const cancel = useMutation(trpc.calls.cancel.mutationOptions());
  const busy = create.isPending || update.isPending || publish.isPending || cancel.isPending;

  const set = <K extends keyof CallDraft>(key: K, value: CallDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const strategy = strategies.data?.find((s) => s.programs.some((p) => p.id === draft.programId));
  const program = strategy?.programs.find((p) => p.id === draft.programId);
  const strategyIndicators = (indicators.data ?? []).filter((i) => !strategy || i.strategyCode === strategy.code);
  const total = criteriaTotal(draft.criteria);
  const fieldProblem = (name: string) => problems.fields[name];
  const errorOf = (name: string) => {
    const p = fieldProblem(name);
    return p ? problem(p) : '';
  };
  const valueOf = (event: Event) => (event.target as HTMLInputElement).value ?? '';

  /** Checks, then saves the draft; the call's id, or null when refused. */
  async function save(): Promise<string | null> {
    setSaved(false);
    const parsed = callInput.safeParse(toCandidate(draft));
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isCallField));
      return null;
    }
    setProblems(NO_PROBLEMS);
    try {
      const input: CallInput = parsed.data;
      if (callId === null) return (await create.mutateAsync(input)).id;
      await update.mutateAsync({ id: callId, call: input });
      return callId;
    } catch (error) {
      setProblems(callProblemsFromError(error));
      return null;
    }
  }

  async function afterChange(id: string) {
    await queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() });
    if (id !== callId) await navigate({ to: '/calls/$callId', params: { callId: id } });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = await save();
    if (!id) return;
    setSaved(true);
    await afterChange(id);
  }

  async function onPublish() {
    const id = await save();
    if (!id) return;
    try {
      await publish.mutateAsync({ id });
    } catch (error) {
      setProblems(callProblemsFromError(error));
      await afterChange(id);
      return;
    }
    await afterChange(id);
  }

  async function onCancelCall() {
    if (!callId) return;
    try {
      await cancel.mutateAsync({ id: callId });
    } catch (error) {
      setProblems(callProblemsFromError(error));
      return;
    }
    await afterChange(callId);
  }

  const text = (name: keyof CallDraft & string, label: string, extra: { hint?: string; required?: boolean; field?: string } = {}) => (
    <GcdsInput
      inputId={`call-${name}`}
      name={name}
      label={label}
      required={extra.required ?? true}
      validateOn="other"
      value={draft[name] as string}
      {...(extra.hint ? { hint: extra.hint } : {})}
      errorMessage={errorOf(extra.field ?? name)}
      onGcdsInput={(event) => set(name, valueOf(event) as never)}
    />
  );

  const textarea = (name: 'descriptionEn' | 'descriptionFr', label: string) => (
    <GcdsTextarea
      textareaId={`call-${name}`}
      name={name}
      label={label}
      validateOn="other"
      value={draft[name]}
      errorMessage={errorOf(name)}
      onGcdsInput={(event) => set(name, valueOf(event))}
    />
  );

  const yearSelect = (name: 'firstFiscalYear' | 'lastFiscalYear', label: string) => (
    <GcdsSelect
      key={`${name}-${lang}`}
      selectId={`call-${name}`}
      name={name}
      label={label}
      defaultValue={t('calls.chooseFiscalYear')}
      required
      validateOn="other"
      value={draft[name]}
      errorMessage={errorOf(name)}
      onGcdsChange={(event) => set(name, event.detail)}
    >
      {(fiscalYears.data?.years ?? []).map((y) => (
        <option key={y.label} value={y.label}>
          {y.label}
        </option>
      ))}
    </GcdsSelect>
  );

  return (
    <form noValidate onSubmit={onSubmit} aria-label={callId ? t('calls.editTitle') : t('calls.newTitle')}>
      {saved ? <SuccessNotice>{t('calls.saved')}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />

      <GcdsHeading tag="h2">{t('calls.section.program')}</GcdsHeading>
      <GcdsSelect
        key={`program-${lang}`}
        selectId="call-programId"
        name="programId"
        label={t('calls.field.program')}
        defaultValue={t('calls.chooseProgram')}
        required
        validateOn="other"
        value={draft.programId}
        errorMessage={errorOf('programId')}
        onGcdsChange={(event) => setDraft((d) => ({ ...d, programId: event.detail, streamId: '', pillarIds: [], indicatorIds: [] }))}
      >
        {(strategies.data ?? []).flatMap((s) =>
          s.programs.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.nameEn, p.nameFr)}
            </option>
          )),
        )}
      </GcdsSelect>
      {program ? (
        <>
          <GcdsSelect
            key={`stream-${lang}-${program.id}`}
            selectId="call-streamId"
            name="streamId"
            label={t('calls.field.stream')}
            hint={t('calls.streamHint')}
            defaultValue={t('calls.noStream')}
            validateOn="other"
            value={draft.streamId}
            errorMessage={errorOf('streamId')}
            onGcdsChange={(event) => set('streamId', event.detail)}
          >
            {program.streams.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.nameEn, s.nameFr)}
              </option>
            ))}
          </GcdsSelect>
          <CheckboxGroup
            id="call-pillarIds"
            legend={t('calls.field.pillars')}
            options={[...(strategy?.pillars ?? [])].sort((a, b) => a.position - b.position).map((p) => ({ value: p.id, label: pick(p.nameEn, p.nameFr) }))}
            value={draft.pillarIds}
            onChange={(v) => set('pillarIds', v)}
            problem={fieldProblem('pillarIds')}
          />
        </>
      ) : (
        <p>{t('calls.chooseProgramFirst')}</p>
      )}

      <GcdsHeading tag="h2">{t('calls.section.description')}</GcdsHeading>
      {text('titleEn', t('calls.field.titleEn'))}
      {text('titleFr', t('calls.field.titleFr'))}
      {textarea('descriptionEn', t('calls.field.descriptionEn'))}
      {textarea('descriptionFr', t('calls.field.descriptionFr'))}

      <GcdsHeading tag="h2">{t('calls.section.eligibility')}</GcdsHeading>
      <CheckboxGroup
        id="call-eligibleRecipientTypes"
        legend={t('calls.field.recipientTypes')}
        options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`organisationType.${o}`) }))}
        value={draft.eligibleRecipientTypes}
        onChange={(v) => set('eligibleRecipientTypes', v)}
        problem={fieldProblem('eligibleRecipientTypes')}
      />
      <CheckboxGroup
        id="call-eligibleProvinces"
        legend={t('calls.field.provinces')}
        options={PROVINCES_AND_TERRITORIES.map((p) => ({ value: p, label: t(`province.${p}`) }))}
        value={draft.eligibleProvinces}
        onChange={(v) => set('eligibleProvinces', v)}
        problem={fieldProblem('eligibleProvinces')}
      />
      <CheckboxGroup
        id="call-priorities"
        legend={t('calls.field.priorities')}
        hint={t('calls.prioritiesHint')}
        options={CALL_PRIORITIES.map((p) => ({ value: p, label: t(`calls.priority.${p}`) }))}
        value={draft.priorities}
        onChange={(v) => set('priorities', v)}
        problem={fieldProblem('priorities')}
      />

      <GcdsHeading tag="h2">{t('calls.section.money')}</GcdsHeading>
      {text('minAmount', t('calls.field.minAmount'), { hint: t('calls.moneyHint'), field: 'minAmountCents' })}
      {text('maxAmount', t('calls.field.maxAmount'), { hint: t('calls.moneyHint'), field: 'maxAmountCents' })}
      {text('maxDurationMonths', t('calls.field.maxDurationMonths'))}
      {yearSelect('firstFiscalYear', t('calls.field.firstFiscalYear'))}
      {yearSelect('lastFiscalYear', t('calls.field.lastFiscalYear'))}
      {text('opensAt', t('calls.field.opensAt'), { hint: t('calls.dateTimeHint') })}
      {text('closesAt', t('calls.field.closesAt'), { hint: t('calls.dateTimeHint') })}

      <GcdsHeading tag="h2">{t('calls.section.indicators')}</GcdsHeading>
      {program ? (
        <CheckboxGroup
          id="call-indicatorIds"
          legend={t('calls.field.indicators')}
          hint={t('calls.indicatorsHint')}
          options={strategyIndicators.map((i) => ({
            value: i.id,
            label: pick(i.nameEn, i.nameFr),
            disabled: i.missing.length > 0 && !draft.indicatorIds.includes(i.id),
            ...(i.missing.length > 0
              ? { hint: t('calls.indicatorNotReady', { missing: i.missing.map((m) => t(`readiness.${m}`)).join(', ') }) }
              : {}),
          }))}
          value={draft.indicatorIds}
          onChange={(v) => set('indicatorIds', v)}
          problem={fieldProblem('indicatorIds')}
        />
      ) : (
        <p>{t('calls.chooseProgramFirst')}</p>
      )}

      <GcdsHeading tag="h2">{t('calls.section.questions')}</GcdsHeading>
      <QuestionsEditor questions={draft.eligibilityQuestions} onChange={(rows) => set('eligibilityQuestions', rows)} hasProblem={Boolean(fieldProblem('eligibilityQuestions'))} errorOf={errorOf} />

      <GcdsHeading tag="h2">{t('calls.section.criteria')}</GcdsHeading>
      <div className="tp-rows" id="call-criteria">
        {draft.criteria.map((c, index) => {
          const change = (x: Partial<CriterionRow>) => set('criteria', draft.criteria.map((row, i) => (i === index ? { ...row, ...x } : row)));
          return (
            <fieldset key={index}>
              <legend>{t('calls.criterion', { number: index + 1 })}</legend>
              <GcdsInput
                inputId={`call-criterion-${index}-nameEn`}
                name={`criteria.${index}.nameEn`}
                label={t('calls.field.criterionEn')}
                required
                validateOn="other"
                value={c.nameEn}
                errorMessage={errorOf(`criteria.${index}.nameEn`)}
                onGcdsInput={(event) => change({ nameEn: valueOf(event) })}
              />
              <GcdsInput
                inputId={`call-criterion-${index}-nameFr`}
                name={`criteria.${index}.nameFr`}
                label={t('calls.field.criterionFr')}
                required
                validateOn="other"
                value={c.nameFr}
                errorMessage={errorOf(`criteria.${index}.nameFr`)}
                onGcdsInput={(event) => change({ nameFr: valueOf(event) })}
              />
              <GcdsInput
                inputId={`call-criterion-${index}-weight`}
                name={`criteria.${index}.weight`}
                label={t('calls.field.weight')}
                type="number"
                required
                validateOn="other"
                value={c.weight}
                errorMessage={errorOf(`criteria.${index}.weight`)}
                onGcdsInput={(event) => change({ weight: valueOf(event) })}
              />
              {draft.criteria.length > 1 ? (
                <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set('criteria', draft.criteria.filter((_, i) => i !== index))}>
                  {t('calls.removeCriterion', { number: index + 1 })}
                </GcdsButton>
              ) : null}
            </fieldset>
          );
        })}
        <p className={total === 100 ? 'tp-total' : 'tp-total tp-total-bad'} aria-live="polite" data-testid="criteria-total">
          {t('calls.weightsTotal', { total })}
        </p>
        {fieldProblem('criteria') ? (
          <div data-testid="criteria-error">
            <GcdsErrorMessage messageId="call-criteria-error">{errorOf('criteria')}</GcdsErrorMessage>
          </div>
        ) : null}
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set('criteria', [...draft.criteria, { nameEn: '', nameFr: '', weight: '' }])}>
          {t('calls.addCriterion')}
        </GcdsButton>
      </div>

      <div className="tp-actions">
        <GcdsButton type="submit" buttonRole="secondary" disabled={busy}>
          {t('calls.saveDraft')}
        </GcdsButton>
        <GcdsButton type="button" disabled={busy} onGcdsClick={() => void onPublish()}>
          {t('calls.publish')}
        </GcdsButton>
        {callId ? (
          <GcdsButton type="button" buttonRole="danger" disabled={busy} onGcdsClick={() => setConfirmCancel(true)}>
            {t('calls.cancelCall')}
          </GcdsButton>
        ) : null}
      </div>
      {confirmCancel ? (
        <div role="alert" className="tp-notice">
          <p>{t('calls.confirmCancel')}</p>
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="danger" disabled={busy} onGcdsClick={() => void onCancelCall()}>
              {t('calls.confirmCancelYes')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setConfirmCancel(false)}>
              {t('calls.keep')}
            </GcdsButton>
          </div>
        </div>
      ) : null}
    </form>
  );
}
