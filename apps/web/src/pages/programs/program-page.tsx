/**
 * /programs/$programId: a program's terms, its funding streams and its budget by fiscal year and
 * pillar. Officers and administrators edit; managers read. Totals are summed in cents (bigint).
 */
import { GcdsButton, GcdsErrorMessage, GcdsHeading, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { PROGRAM_EDITORS, PROGRAM_STAFF, programInput, streamInput, toDecimalString, TRANSFER_PAYMENT_TYPES, type TransferPaymentType } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { formValues } from '../../lib/form-values';
import { centsOrUndefined } from '../../lib/money-input';
import { queryClient, trpc } from '../../lib/trpc';
import { CheckboxGroup } from '../calls/checkbox-group';
import '../calls/programs.css';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import { usePercentOfBp } from './programs-list-page';

const useProgramQuery = (id: string) => useQuery(trpc.program.get.queryOptions({ id }));
type Program = NonNullable<ReturnType<typeof useProgramQuery>['data']>;

const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.program.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.reference.pathKey() })]);


/** "75" or "75,5" percent as basis points; undefined when it is not a number. */
function basisPoints(text: string): number | undefined {
  const normalized = text.replace(/[\s%\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return undefined;
  return Math.round(Number(normalized) * 100);
}

/** An amount as typed in the form: "1,000,000.01" or "1 000 000,01" (parseMoney reads both back). */
const dollarsText = (amount: bigint, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(toDecimalString(amount) as unknown as number);

export function ProgramPage({ programId }: { programId: string }) {
  const { t, pick } = useT();
  const program = useProgramQuery(programId);
  const canEdit = useHasAnyRole(PROGRAM_EDITORS);
  return (
    <AnyRoleGate roles={PROGRAM_STAFF}>
      <QueryView query={program}>
        {(data) => (
          <>
            <PageHeading title={pick(data.nameEn, data.nameFr)} intro={canEdit ? t('prog.editIntro') : t('prog.readIntro')} />
            <p>
              <Link to="/programs" className="tp-link">
                {t('prog.back')}
              </Link>
            </p>
            {canEdit ? <TermsForm program={data} /> : <TermsView program={data} />}
            <Streams program={data} canEdit={canEdit} />
            <BudgetTable program={data} canEdit={canEdit} />
          </>
        )}
      </QueryView>
    </AnyRoleGate>
  );
}

function TermsView({ program }: { program: Program }) {
  const { t, pick, formatMoney } = useT();
  const percent = usePercentOfBp();
  return (
    <section aria-labelledby="terms" className="tp-section">
      <GcdsHeading tag="h2" id="terms">
        {t('prog.terms')}
      </GcdsHeading>
      <p>{pick(program.descriptionEn, program.descriptionFr)}</p>
      <dl className="tp-facts">
        <dt>{t('programs.type')}</dt>
        <dd>{t(`transferPaymentType.${program.transferPaymentType}`)}</dd>
        <dt>{t('prog.stackingLimit')}</dt>
        <dd>{percent(program.stackingLimitBp)}</dd>
        <dt>{t('prog.pillars')}</dt>
        <dd>{program.pillars.map((p) => pick(p.nameEn, p.nameFr)).join('; ')}</dd>
        <dt>{t('prog.officerLimit')}</dt>
        <dd>{formatMoney(program.officerApprovalLimitCents)}</dd>
        <dt>{t('prog.managerLimit')}</dt>
        <dd>{formatMoney(program.managerApprovalLimitCents)}</dd>
      </dl>
      <p>
        {t('prog.limitsByDelegation')}{' '}
        <Link to="/delegation" className="tp-link">
          {t('delegation.title')}
        </Link>
      </p>
    </section>
  );
}

const TERMS_FIELDS = ['code', 'nameEn', 'nameFr', 'descriptionEn', 'descriptionFr', 'transferPaymentType', 'stackingLimitBp', 'pillarIds'];
const stripProgram = (f: string) => f.replace(/^program\./, '');

function TermsForm({ program }: { program: Program }) {
  const { t, lang, pick, problem } = useT();
  const [type, setType] = useState<TransferPaymentType>(program.transferPaymentType);
  const [pillarIds, setPillarIds] = useState<string[]>(program.pillars.map((p) => p.id));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.program.save.mutationOptions());
  const errorOf = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const v = formValues(event.currentTarget);
    const parsed = programInput.safeParse({
      code: program.code,
      strategyId: program.strategyId,
      nameEn: v['nameEn'] ?? '',
      nameFr: v['nameFr'] ?? '',
      descriptionEn: v['descriptionEn'] ?? '',
      descriptionFr: v['descriptionFr'] ?? '',
      transferPaymentType: type,
      stackingLimitBp: basisPoints(v['stackingLimitBp'] ?? ''),
      pillarIds,
    });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, TERMS_FIELDS));
      return;
    }
    try {
      await save.mutateAsync({ id: program.id, program: parsed.data });
    } catch (error) {
      const p = problemsFromError(error, (f) => TERMS_FIELDS.includes(stripProgram(f)));
      setProblems({ form: p.form, fields: Object.fromEntries(Object.entries(p.fields).map(([k, x]) => [stripProgram(k), x])) });
      return;
    }
    setProblems(NO_PROBLEMS);
    setSaved(true);
    await refresh();
  }

  return (
    <section aria-labelledby="terms" className="tp-section">
      <GcdsHeading tag="h2" id="terms">
        {t('prog.terms')}
      </GcdsHeading>
      {saved ? <SuccessNotice>{t('prog.saved')}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={onSubmit} aria-label={t('prog.terms')}>
        <TextField name="nameEn" label={t('prog.nameEn')} problems={problems} defaultValue={program.nameEn} />
        <TextField name="nameFr" label={t('prog.nameFr')} problems={problems} defaultValue={program.nameFr} />
        <GcdsTextarea textareaId="field-descriptionEn" name="descriptionEn" label={t('prog.descriptionEn')} validateOn="other" value={program.descriptionEn} errorMessage={errorOf('descriptionEn')} />
        <GcdsTextarea textareaId="field-descriptionFr" name="descriptionFr" label={t('prog.descriptionFr')} validateOn="other" value={program.descriptionFr} errorMessage={errorOf('descriptionFr')} />
        <GcdsSelect
          key={`type-${lang}`}
          selectId="field-transferPaymentType"
          name="transferPaymentType"
          label={t('programs.type')}
          required
          validateOn="other"
          value={type}
          errorMessage={errorOf('transferPaymentType')}
          onGcdsChange={(event) => setType(event.detail === 'grant' ? 'grant' : 'contribution')}
        >
          {TRANSFER_PAYMENT_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`transferPaymentType.${x}`)}
            </option>
          ))}
        </GcdsSelect>
        <TextField
          name="stackingLimitBp"
          label={t('prog.stackingLimitPercent')}
          hint={t('prog.stackingHint')}
          problems={problems}
          defaultValue={String(program.stackingLimitBp / 100).replace('.', lang === 'fr' ? ',' : '.')}
        />
        <CheckboxGroup
          id="field-pillarIds"
          legend={t('prog.pillars')}
          options={program.strategyPillars.map((p) => ({ value: p.id, label: pick(p.nameEn, p.nameFr) }))}
          value={pillarIds}
          onChange={setPillarIds}
          problem={problems.fields['pillarIds']}
        />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={save.isPending}>
            {t('prog.saveTerms')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}

const STREAM_FIELDS = ['code', 'nameEn', 'nameFr'];

function Streams({ program, canEdit }: { program: Program; canEdit: boolean }) {
  const { t, pick } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(trpc.program.addStream.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const v = formValues(event.currentTarget);
    const parsed = streamInput.safeParse({ programId: program.id, code: v['stream-code'] ?? '', nameEn: v['stream-nameEn'] ?? '', nameFr: v['stream-nameFr'] ?? '' });
    const rename = (p: FormProblems): FormProblems => ({ form: p.form, fields: Object.fromEntries(Object.entries(p.fields).map(([k, x]) => [`stream-${k}`, x])) });
    if (!parsed.success) {
      setProblems(rename(problemsFromIssues(parsed.error.issues, STREAM_FIELDS)));
      return;
    }
    try {
      await add.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(rename(problemsFromError(error, STREAM_FIELDS)));
      return;
    }
    setProblems(NO_PROBLEMS);
    setAdded(pick(parsed.data.nameEn, parsed.data.nameFr));
    setFormKey((k) => k + 1);
    await refresh();
  }

  return (
    <section aria-labelledby="streams" className="tp-section">
      <GcdsHeading tag="h2" id="streams">
        {t('programs.streams')}
      </GcdsHeading>
      {program.streams.length === 0 ? (
        <p>{t('programs.noStreams')}</p>
      ) : (
        <ul className="tp-list">
          {program.streams.map((s) => (
            <li key={s.id}>
              {pick(s.nameEn, s.nameFr)} <code>{s.code}</code>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <>
          <GcdsHeading tag="h3">{t('prog.addStream')}</GcdsHeading>
          {added ? <SuccessNotice>{t('prog.streamAdded', { name: added })}</SuccessNotice> : null}
          <FormProblemNotice problems={problems} />
          <form key={formKey} noValidate onSubmit={onSubmit} aria-label={t('prog.addStream')}>
            <TextField name="stream-code" label={t('prog.code')} hint={t('prog.codeHint')} problems={problems} />
            <TextField name="stream-nameEn" label={t('prog.nameEn')} problems={problems} />
            <TextField name="stream-nameFr" label={t('prog.nameFr')} problems={problems} />
            <div className="tp-actions">
              <GcdsButton type="submit" buttonRole="secondary" disabled={add.isPending}>
                {t('prog.addStream')}
              </GcdsButton>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}

function BudgetTable({ program, canEdit }: { program: Program; canEdit: boolean }) {
  const { t, locale, pick, formatMoney, problem } = useT();
  const fiscalYears = useQuery(trpc.reference.fiscalYears.queryOptions());
  const setBudgetRow = useMutation(trpc.program.setBudgetRow.mutationOptions());
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [rowProblems, setRowProblems] = useState<Record<string, string>>({});
  const [savedRow, setSavedRow] = useState<string | null>(null);

  const amountOf = (year: string, pillarId: string) => program.budget.find((b) => b.fiscalYear === year && b.pillarId === pillarId)?.amountCents ?? 0n;
  const key = (year: string, pillarId: string) => `${year}|${pillarId}`;
  const years = (() => {
    const all = fiscalYears.data?.years.map((y) => y.label) ?? [];
    const current = fiscalYears.data?.current ?? '';
    const from = Math.max(0, all.indexOf(current));
    const shown = new Set([...program.budget.map((b) => b.fiscalYear), ...all.slice(from, from + 5)]);
    return all.filter((y) => shown.has(y));
  })();
  const pillars = program.pillars;

  async function saveRow(year: string) {
    setSavedRow(null);
    const changes: { pillarId: string; amountCents: bigint }[] = [];
    for (const p of pillars) {
      const text = edits[key(year, p.id)];
      if (text === undefined) continue;
      const amount = centsOrUndefined(text);
      if (amount === undefined) {
        setRowProblems((r) => ({ ...r, [year]: problem({ key: 'error.money.invalid' }) }));
        return;
      }
      changes.push({ pillarId: p.id, amountCents: amount });
    }
    try {
      if (changes.length > 0) await setBudgetRow.mutateAsync({ programId: program.id, fiscalYear: year, lines: changes });
    } catch (error) {
      const p = problemsFromError(error, () => false);
      setRowProblems((r) => ({ ...r, [year]: p.form ? problem(p.form) : '' }));
      return;
    }
    setRowProblems((r) => ({ ...r, [year]: '' }));
    setEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${year}|`))));
    setSavedRow(year);
    await refresh();
  }

  const yearTotal = (year: string) => pillars.reduce((sum, p) => sum + amountOf(year, p.id), 0n);
  const pillarTotal = (pillarId: string) => years.reduce((sum, y) => sum + amountOf(y, pillarId), 0n);
  const grandTotal = years.reduce((sum, y) => sum + yearTotal(y), 0n);

  return (
    <section aria-labelledby="budget" className="tp-section">
      <GcdsHeading tag="h2" id="budget">
        {t('prog.budget')}
      </GcdsHeading>
      <p>{canEdit ? t('prog.budgetIntroEdit') : t('prog.budgetIntro')}</p>
      {savedRow ? <SuccessNotice>{t('prog.budgetSaved', { year: savedRow })}</SuccessNotice> : null}
      <div className="tp-table-wrap">
        <table className="tp-table tp-budget">
          <caption>{t('prog.budgetCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prog.fiscalYear')}</th>
              {pillars.map((p) => (
                <th key={p.id} scope="col" className="tp-num">
                  {pick(p.nameEn, p.nameFr)}
                </th>
              ))}
              <th scope="col" className="tp-num">
                {t('prog.total')}
              </th>
              {canEdit ? <th scope="col">{t('prog.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year} data-fiscal-year={year}>
                <th scope="row">{year}</th>
                {pillars.map((p) => (
                  <td key={p.id} className="tp-num">
                    {canEdit ? (
                      <input
                        className="tp-money-input"
                        id={`budget-${year}-${p.code}`}
                        aria-label={t('prog.budgetCell', { pillar: pick(p.nameEn, p.nameFr), year })}
                        inputMode="decimal"
                        value={edits[key(year, p.id)] ?? dollarsText(amountOf(year, p.id), locale)}
                        onChange={(event) => setEdits((e) => ({ ...e, [key(year, p.id)]: event.target.value }))}
                      />
                    ) : (
                      formatMoney(amountOf(year, p.id))
                    )}
                  </td>
                ))}
                <td className="tp-num" data-testid={`total-${year}`}>
                  {formatMoney(yearTotal(year))}
                </td>
                {canEdit ? (
                  <td>
                    <GcdsButton type="button" size="small" buttonRole="secondary" disabled={setBudgetRow.isPending} onGcdsClick={() => void saveRow(year)}>
                      {t('prog.saveRow', { year })}
                    </GcdsButton>
                    {rowProblems[year] ? <GcdsErrorMessage messageId={`budget-${year}-error`}>{rowProblems[year]}</GcdsErrorMessage> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('prog.total')}</th>
              {pillars.map((p) => (
                <td key={p.id} className="tp-num">
                  {formatMoney(pillarTotal(p.id))}
                </td>
              ))}
              <td className="tp-num">{formatMoney(grandTotal)}</td>
              {canEdit ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
