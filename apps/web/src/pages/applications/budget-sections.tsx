/** The budget and other funding sections of the application form; each keeps its own draft and autosaves it (see autosave.ts). */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { budgetSection, budgetTotals, COST_CATEGORIES, FUNDING_SOURCE_KINDS, FUNDING_STATUSES, fiscalYear, otherFundingSection, parseFiscalYearLabel, type CostCategory, type FundingSourceKind, type FundingStatus } from '@tp/domain';
import { DataTable } from '../../components/data-table';
import { ProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import type { FormProblems } from '../../lib/form-problems';
import { dataProblems, useAutosave, type Built } from './autosave';
import { InputField, SelectField, TextareaField } from './fields';
import type { CallData, Completeness } from './types';
import { moneyText, parseAmount, SectionFrame, type SectionProps } from './section-frame';

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
      <DataTable
        caption={t('apply.budget.totals')}
        className="tp-totals"
        testId="budget-totals"
        rows={[...years.map((y) => ({ key: y, label: y, total: false })), { key: 'total', label: t('apply.budget.total'), total: true }]}
        rowKey={(r) => r.key}
        columns={[
          { header: t('apply.budget.fiscalYear'), rowHeader: true, cell: (r) => r.label },
          {
            header: t('apply.amount'),
            cellProps: (r) => (r.total ? { 'data-testid': 'budget-total' } : {}),
            cell: (r) => (r.total ? <strong>{formatMoney(totals.total)}</strong> : formatMoney(totals.byFiscalYear[r.key] ?? 0n)),
          },
        ]}
      />
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

