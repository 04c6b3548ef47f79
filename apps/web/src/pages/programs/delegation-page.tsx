/**
 * /delegation: the delegation of authority. Program staff read the limits in force, program by
 * program, and the instrument's history; an administrator outside the delegation proposes a
 * change, and a second one approves it (after saying what it will do) or rejects it.
 */
import { GcdsButton, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { DELEGATED_ROLES, delegationProposalInput, PROGRAM_STAFF, type DelegatedRole } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { centsOrUndefined } from '../../lib/money-input';
import { queryClient, trpc } from '../../lib/trpc';

type Instrument = Awaited<ReturnType<typeof useInstrument>>['data'] & object;
type Change = Instrument['changes'][number];

function useInstrument() {
  return useQuery(trpc.delegation.instrument.queryOptions({}));
}

const roleLabel = (role: DelegatedRole): MessageKey => (role === 'program_officer' ? 'prog.officerLimit' : 'prog.managerLimit');
/** The same limit named inside a sentence ("the program manager approval limit for …"). */
const roleInSentence = (role: DelegatedRole): MessageKey => `delegation.limitOf.${role}`;

export function DelegationPage() {
  const { t } = useT();
  const instrument = useInstrument();
  return (
    <AnyRoleGate roles={PROGRAM_STAFF}>
      <PageHeading title={t('delegation.title')} intro={t('delegation.intro')} />
      <QueryView query={instrument}>
        {(data) => (
          <>
            <LimitsInForce data={data} />
            <Waiting data={data} />
            {data.mayChange ? <ProposeForm data={data} /> : <p>{t('delegation.readOnly')}</p>}
            <History data={data} />
          </>
        )}
      </QueryView>
    </AnyRoleGate>
  );
}

function LimitsInForce({ data }: { data: Instrument }) {
  const { t, pick, formatMoney } = useT();
  return (
    <section aria-labelledby="delegation-limits" className="tp-section">
      <GcdsHeading tag="h2" id="delegation-limits">
        {t('delegation.inForce')}
      </GcdsHeading>
      <DataTable
        caption={t('delegation.inForceCaption')}
        className="tp-table-money"
        testId="delegation-limits"
        rows={data.programs}
        rowKey={(p) => p.id}
        columns={[
          { header: t('fin.col.program'), rowHeader: true, cell: (p) => pick(p.nameEn, p.nameFr) },
          ...DELEGATED_ROLES.map((role) => ({
            header: t(roleLabel(role)),
            numeric: true,
            cell: (p: Instrument['programs'][number]) => {
              const limit = p.limits.find((l) => l.role === role)?.maxAmountCents ?? null;
              return limit === null ? t('delegation.none') : formatMoney(limit);
            },
          })),
        ]}
      />
    </section>
  );
}

function programName(data: Instrument, id: string, pick: (en: string, fr: string) => string) {
  const p = data.programs.find((x) => x.id === id);
  return p ? pick(p.nameEn, p.nameFr) : '';
}

function Waiting({ data }: { data: Instrument }) {
  const { t, pick, formatMoney, formatDate } = useT();
  const waiting = data.changes.filter((c) => c.status === 'proposed');
  const [asking, setAsking] = useState<{ change: Change; decision: 'approved' | 'rejected' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation(trpc.delegation.decide.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  const problem = decide.error ? problemsFromError(decide.error).form : null;
  async function confirm() {
    if (!asking) return;
    const { change, decision } = asking;
    await decide.mutateAsync({ changeId: change.id, decision }).catch(() => undefined);
    setAsking(null);
    setDone(t(decision === 'approved' ? 'delegation.approvedDone' : 'delegation.rejectedDone', { program: programName(data, change.programId, pick), role: t(roleInSentence(change.role)), amount: formatMoney(change.maxAmountCents) }));
  }
  return (
    <section aria-labelledby="delegation-waiting" className="tp-section" data-testid="delegation-waiting">
      <GcdsHeading tag="h2" id="delegation-waiting">
        {t('delegation.waiting', { count: waiting.length })}
      </GcdsHeading>
      {done && !decide.error ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ProblemNotice problem={problem} />
      {waiting.length === 0 ? <p>{t('delegation.noneWaiting')}</p> : null}
      {waiting.map((c) => (
        <div key={c.id} className="tp-card" data-change={c.id}>
          <p>
            <strong>{programName(data, c.programId, pick)}</strong> — {t('delegation.changeLine', { role: t(roleLabel(c.role)), from: c.previousCents === null ? t('delegation.none') : formatMoney(c.previousCents), to: formatMoney(c.maxAmountCents) })}
          </p>
          <p>{t('delegation.proposedBy', { name: c.proposedByName, date: formatDate(c.proposedAt) })}</p>
          <p>{c.rationale}</p>
          {asking?.change.id === c.id ? (
            <div role="alertdialog" aria-labelledby={`ask-${c.id}`} className="tp-card">
              <p id={`ask-${c.id}`}>
                {t(asking.decision === 'approved' ? 'delegation.approveQuestion' : 'delegation.rejectQuestion', { program: programName(data, c.programId, pick), role: t(roleInSentence(c.role)), amount: formatMoney(c.maxAmountCents) })}
              </p>
              <div className="tp-actions">
                <GcdsButton type="button" buttonRole={asking.decision === 'approved' ? 'primary' : 'danger'} disabled={decide.isPending} onGcdsClick={() => void confirm()}>
                  {t(asking.decision === 'approved' ? 'delegation.approveYes' : 'delegation.rejectYes')}
                </GcdsButton>
                <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setAsking(null)}>
                  {t('delegation.no')}
                </GcdsButton>
              </div>
            </div>
          ) : c.mayDecide ? (
            <div className="tp-actions">
              <GcdsButton type="button" onGcdsClick={() => { setDone(null); setAsking({ change: c, decision: 'approved' }); }}>
                {t('delegation.approve')}
              </GcdsButton>
              <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => { setDone(null); setAsking({ change: c, decision: 'rejected' }); }}>
                {t('delegation.reject')}
              </GcdsButton>
            </div>
          ) : data.mayChange ? (
            <p>{t('delegation.waitsForSecond')}</p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

const FIELDS = ['programId', 'role', 'maxAmountCents', 'rationale'];


function ProposeForm({ data }: { data: Instrument }) {
  const { t, pick, lang, formatMoney, problem: message } = useT();
  const [programId, setProgramId] = useState('');
  const [role, setRole] = useState<DelegatedRole | ''>('');
  const [amount, setAmount] = useState('');
  const [rationale, setRationale] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [proposed, setProposed] = useState<string | null>(null);
  const propose = useMutation(trpc.delegation.propose.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  const errorOf = (name: string) => (problems.fields[name] ? message(problems.fields[name]) : '');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProposed(null);
    const parsed = delegationProposalInput.safeParse({ programId, role, maxAmountCents: centsOrUndefined(amount), rationale });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    try {
      await propose.mutateAsync(parsed.data);
      setProblems(NO_PROBLEMS);
      setProposed(t('delegation.proposedDone', { program: programName(data, parsed.data.programId, pick), role: t(roleInSentence(parsed.data.role)), amount: formatMoney(parsed.data.maxAmountCents) }));
      setAmount('');
      setRationale('');
    } catch (error) {
      setProblems(problemsFromError(error, FIELDS));
    }
  }

  return (
    <section aria-labelledby="delegation-propose" className="tp-section">
      <GcdsHeading tag="h2" id="delegation-propose">
        {t('delegation.propose')}
      </GcdsHeading>
      <p>{t('delegation.proposeText')}</p>
      {proposed ? <SuccessNotice>{proposed}</SuccessNotice> : null}
      <ProblemNotice problem={problems.form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <GcdsSelect key={`program-${lang}`} selectId="field-programId" name="programId" label={t('fin.col.program')} value={programId} required errorMessage={errorOf('programId')} onGcdsChange={(e) => setProgramId(String(e.detail ?? ''))}>
          <option value="">{t('delegation.choose')}</option>
          {data.programs.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.nameEn, p.nameFr)}
            </option>
          ))}
        </GcdsSelect>
        <GcdsSelect key={`role-${lang}`} selectId="field-role" name="role" label={t('delegation.role')} value={role} required errorMessage={errorOf('role')} onGcdsChange={(e) => setRole(String(e.detail ?? '') as DelegatedRole)}>
          <option value="">{t('delegation.choose')}</option>
          {DELEGATED_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(roleLabel(r))}
            </option>
          ))}
        </GcdsSelect>
        <GcdsInput inputId="field-maxAmountCents" name="maxAmountCents" label={t('delegation.newLimit')} hint={t('calls.moneyHint')} value={amount} required validateOn="other" errorMessage={errorOf('maxAmountCents')} onGcdsInput={(e) => setAmount(String(e.detail ?? ''))} />
        <GcdsTextarea textareaId="field-rationale" name="rationale" label={t('delegation.rationale')} hint={t('delegation.rationaleHint')} rows={3} value={rationale} required validateOn="other" errorMessage={errorOf('rationale')} onGcdsInput={(e) => setRationale(String(e.detail ?? ''))} />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={propose.isPending}>
            {t('delegation.proposeSubmit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}

function History({ data }: { data: Instrument }) {
  const { t, pick, formatMoney, formatDate } = useT();
  return (
    <section aria-labelledby="delegation-history" className="tp-section">
      <GcdsHeading tag="h2" id="delegation-history">
        {t('delegation.history')}
      </GcdsHeading>
      <DataTable
        caption={t('delegation.historyCaption', { count: data.changes.length })}
        testId="delegation-history"
        rows={data.changes}
        rowKey={(c) => c.id}
        empty={t('delegation.noHistory')}
        columns={[
          { header: t('delegation.col.proposed'), rowHeader: true, cell: (c) => `${formatDate(c.proposedAt)} · ${c.proposedByName}` },
          { header: t('fin.col.program'), cell: (c) => programName(data, c.programId, pick) },
          { header: t('delegation.role'), cell: (c) => t(roleLabel(c.role)) },
          { header: t('delegation.col.change'), cell: (c) => `${c.previousCents === null ? t('delegation.none') : formatMoney(c.previousCents)} → ${formatMoney(c.maxAmountCents)}` },
          { header: t('delegation.col.reason'), cell: (c) => c.rationale },
          { header: t('fin.col.status'), cell: (c) => `${t(`delegation.status.${c.status}` as MessageKey)}${c.decidedByName && c.decidedAt ? ` · ${c.decidedByName}, ${formatDate(c.decidedAt)}` : ''}` },
        ]}
      />
    </section>
  );
}
