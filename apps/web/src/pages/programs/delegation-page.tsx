/**
 * /delegation: the delegation of authority. Program staff read the limits in force, program by
 * program and position by position, who holds the positions above their role (appointments, acting
 * ones with their last day), and the instrument's history; an administrator outside the delegation
 * proposes a change of a limit or an appointment, and a second one approves it (after being told
 * what it will do) or rejects it.
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { appointmentProposalInput, DELEGATION_POSITIONS, delegationProposalInput, PROGRAM_STAFF, type DelegationPosition } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import { ProblemNotice, SuccessNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { centsOrUndefined } from '../../lib/money-input';
import { queryClient, trpc } from '../../lib/trpc';

type Instrument = Awaited<ReturnType<typeof useInstrument>>['data'] & object;
type Change = Instrument['changes'][number];
type Appointment = Instrument['appointments'][number];

function useInstrument() {
  return useQuery(trpc.delegation.instrument.queryOptions({}));
}

const roleLabel = (role: DelegationPosition): MessageKey => `position.${role}`;
/** The same limit named inside a sentence ("the program manager approval limit for …"). */
const roleInSentence = (role: DelegationPosition): MessageKey => `delegation.limitOf.${role}`;

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
            <Appointments data={data} />
            <History data={data} />
          </>
        )}
      </QueryView>
    </AnyRoleGate>
  );
}

function LimitsInForce({ data }: { data: Instrument }) {
  const { t, pick, formatMoney } = useT();
  // One row per program, its limits position by position (lowest first): two columns fit a phone.
  return (
    <section aria-labelledby="delegation-limits" className="tp-section">
      <GcdsHeading tag="h2" id="delegation-limits">
        {t('delegation.inForce')}
      </GcdsHeading>
      <DataTable
        caption={t('delegation.inForceCaption')}
        testId="delegation-limits"
        rows={data.programs}
        rowKey={(p) => p.id}
        columns={[
          { header: t('fin.col.program'), rowHeader: true, cell: (p) => pick(p.nameEn, p.nameFr) },
          {
            header: t('delegation.col.limits'),
            cell: (p) => {
              const set = p.limits.filter((l) => l.maxAmountCents !== null);
              return set.length === 0 ? (
                t('delegation.none')
              ) : (
                <dl className="tp-facts">
                  {set.map((l) => (
                    <Fragment key={l.role}>
                      <dt>{t(roleLabel(l.role))}</dt>
                      <dd>{formatMoney(l.maxAmountCents!)}</dd>
                    </Fragment>
                  ))}
                </dl>
              );
            },
          },
        ]}
      />
    </section>
  );
}

function programName(data: Instrument, id: string, pick: (en: string, fr: string) => string) {
  const p = data.programs.find((x) => x.id === id);
  return p ? pick(p.nameEn, p.nameFr) : '';
}

/**
 * A proposal waiting for a second administrator: what it is, and, for one who may decide it,
 * Approve and Reject, each asking first and saying what it will do.
 */
function WaitingCard({ id, mayDecide, mayChange, children, question, pending, onDecide }: {
  id: string;
  mayDecide: boolean;
  mayChange: boolean;
  children: ReactNode;
  question: (decision: 'approved' | 'rejected') => string;
  pending: boolean;
  onDecide: (decision: 'approved' | 'rejected') => Promise<void>;
}) {
  const { t } = useT();
  const [asking, setAsking] = useState<'approved' | 'rejected' | null>(null);
  return (
    <div className="tp-card" data-change={id}>
      {children}
      {asking ? (
        <div role="alertdialog" aria-labelledby={`ask-${id}`} className="tp-card">
          <p id={`ask-${id}`}>{question(asking)}</p>
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole={asking === 'approved' ? 'primary' : 'danger'} disabled={pending} onGcdsClick={() => void onDecide(asking).finally(() => setAsking(null))}>
              {t(asking === 'approved' ? 'delegation.approveYes' : 'delegation.rejectYes')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setAsking(null)}>
              {t('delegation.no')}
            </GcdsButton>
          </div>
        </div>
      ) : mayDecide ? (
        <div className="tp-actions">
          <GcdsButton type="button" onGcdsClick={() => setAsking('approved')}>
            {t('delegation.approve')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setAsking('rejected')}>
            {t('delegation.reject')}
          </GcdsButton>
        </div>
      ) : mayChange ? (
        <p>{t('delegation.waitsForSecond')}</p>
      ) : null}
    </div>
  );
}

function usePeriod() {
  const { t, formatDate } = useT();
  return (a: Pick<Appointment, 'startsOn' | 'endsOn'>) => (a.endsOn === null ? t('delegation.periodOpen', { from: formatDate(a.startsOn) }) : t('delegation.period', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) }));
}

function Waiting({ data }: { data: Instrument }) {
  const { t, pick, formatMoney, formatDate } = useT();
  const period = usePeriod();
  const waiting = data.changes.filter((c) => c.status === 'proposed');
  const appointments = data.appointments.filter((a) => a.status === 'proposed');
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation(trpc.delegation.decide.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  const decideAppointment = useMutation(trpc.delegation.decideAppointment.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  const failed = decide.error ?? decideAppointment.error;
  const problem = failed ? problemsFromError(failed).form : null;
  const changeParams = (c: Change) => ({ program: programName(data, c.programId, pick), role: t(roleInSentence(c.role)), amount: formatMoney(c.maxAmountCents) });
  const appointmentParams = (a: Appointment) => ({ person: a.holderName, position: t(roleLabel(a.position)).toLowerCase(), period: `${period(a)}${a.acting ? `, ${t('delegation.acting')}` : ''}` });
  async function onChange(c: Change, decision: 'approved' | 'rejected') {
    setDone(null);
    decideAppointment.reset();
    const ok = await decide.mutateAsync({ changeId: c.id, decision }).then(() => true, () => false);
    if (ok) setDone(t(decision === 'approved' ? 'delegation.approvedDone' : 'delegation.rejectedDone', changeParams(c)));
  }
  async function onAppointment(a: Appointment, decision: 'approved' | 'rejected') {
    setDone(null);
    decide.reset();
    const ok = await decideAppointment.mutateAsync({ appointmentId: a.id, decision }).then(() => true, () => false);
    if (ok) setDone(t(decision === 'approved' ? 'delegation.appointApprovedDone' : 'delegation.appointRejectedDone', appointmentParams(a)));
  }
  return (
    <section aria-labelledby="delegation-waiting" className="tp-section" data-testid="delegation-waiting">
      <GcdsHeading tag="h2" id="delegation-waiting">
        {t('delegation.waiting', { count: waiting.length + appointments.length })}
      </GcdsHeading>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ProblemNotice problem={problem} />
      {waiting.length + appointments.length === 0 ? <p>{t('delegation.noneWaiting')}</p> : null}
      {waiting.map((c) => (
        <WaitingCard key={c.id} id={c.id} mayDecide={c.mayDecide} mayChange={data.mayChange} pending={decide.isPending} onDecide={(d) => onChange(c, d)}
          question={(d) => t(d === 'approved' ? 'delegation.approveQuestion' : 'delegation.rejectQuestion', changeParams(c))}>
          <p>
            <strong>{programName(data, c.programId, pick)}</strong> — {t('delegation.changeLine', { role: t(roleLabel(c.role)), from: c.previousCents === null ? t('delegation.none') : formatMoney(c.previousCents), to: formatMoney(c.maxAmountCents) })}
          </p>
          <p>{t('delegation.proposedBy', { name: c.proposedByName, date: formatDate(c.proposedAt) })}</p>
          <p>{c.rationale}</p>
        </WaitingCard>
      ))}
      {appointments.map((a) => (
        <WaitingCard key={a.id} id={a.id} mayDecide={a.mayDecide} mayChange={data.mayChange} pending={decideAppointment.isPending} onDecide={(d) => onAppointment(a, d)}
          question={(d) => t(d === 'approved' ? 'delegation.appointQuestion' : 'delegation.appointRejectQuestion', appointmentParams(a))}>
          <p>
            <strong>{t('delegation.appointmentLine', { person: a.holderName, position: t(roleLabel(a.position)), period: period(a) })}</strong>
            {a.acting ? ` (${t('delegation.acting')})` : ''}
          </p>
          <p>{t('delegation.proposedBy', { name: a.proposedByName, date: formatDate(a.proposedAt) })}</p>
          <p>{a.rationale}</p>
        </WaitingCard>
      ))}
    </section>
  );
}

const FIELDS = ['programId', 'role', 'maxAmountCents', 'rationale'];

function ProposeForm({ data }: { data: Instrument }) {
  const { t, pick, lang, formatMoney, problem: message } = useT();
  const [programId, setProgramId] = useState('');
  const [role, setRole] = useState<DelegationPosition | ''>('');
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
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <GcdsSelect key={`program-${lang}`} selectId="field-programId" name="programId" label={t('fin.col.program')} value={programId} required errorMessage={errorOf('programId')} onGcdsChange={(e) => setProgramId(String(e.detail ?? ''))}>
          <option value="">{t('delegation.choose')}</option>
          {data.programs.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.nameEn, p.nameFr)}
            </option>
          ))}
        </GcdsSelect>
        <GcdsSelect key={`role-${lang}`} selectId="field-role" name="role" label={t('delegation.role')} value={role} required errorMessage={errorOf('role')} onGcdsChange={(e) => setRole(String(e.detail ?? '') as DelegationPosition)}>
          <option value="">{t('delegation.choose')}</option>
          {DELEGATION_POSITIONS.map((r) => (
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

const APPOINTMENT_FIELDS = ['userId', 'position', 'startsOn', 'endsOn', 'rationale'];

function Appointments({ data }: { data: Instrument }) {
  const { t, formatDate } = useT();
  const period = usePeriod();
  return (
    <section aria-labelledby="delegation-appointments" className="tp-section">
      <GcdsHeading tag="h2" id="delegation-appointments">
        {t('delegation.appointments')}
      </GcdsHeading>
      <p>{t('delegation.appointmentsIntro')}</p>
      <DataTable
        caption={t('delegation.appointmentsCaption', { count: data.appointments.length })}
        testId="delegation-appointments"
        rows={data.appointments}
        rowKey={(a) => a.id}
        empty={t('delegation.noAppointments')}
        columns={[
          { header: t('delegation.col.person'), rowHeader: true, cell: (a) => a.holderName },
          { header: t('delegation.col.position'), cell: (a) => `${t(roleLabel(a.position))}${a.acting ? ` (${t('delegation.acting')})` : ''}` },
          { header: t('delegation.col.period'), cell: (a) => period(a) },
          { header: t('fin.col.status'), cell: (a) => `${a.inForce ? t('delegation.inForceNow') : t(`delegation.status.${a.status}` as MessageKey)}${a.decidedByName && a.decidedAt ? ` · ${a.decidedByName}, ${formatDate(a.decidedAt)}` : ''}` },
          { header: t('delegation.col.reason'), cell: (a) => a.rationale },
        ]}
      />
      {data.mayChange ? <AppointForm data={data} /> : null}
    </section>
  );
}

function AppointForm({ data }: { data: Instrument }) {
  const { t, lang, problem: message } = useT();
  const [userId, setUserId] = useState('');
  const [position, setPosition] = useState<DelegationPosition | ''>('');
  const [acting, setActing] = useState(false);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [rationale, setRationale] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [proposed, setProposed] = useState<string | null>(null);
  const appoint = useMutation(trpc.delegation.appoint.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  const errorOf = (name: string) => (problems.fields[name] ? message(problems.fields[name]) : '');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProposed(null);
    const parsed = appointmentProposalInput.safeParse({ userId, position, acting, startsOn: startsOn.trim(), endsOn: endsOn.trim() === '' ? null : endsOn.trim(), rationale });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, APPOINTMENT_FIELDS));
      return;
    }
    try {
      await appoint.mutateAsync(parsed.data);
      setProblems(NO_PROBLEMS);
      const person = data.staff.find((s) => s.id === parsed.data.userId)?.displayName ?? '';
      setProposed(t('delegation.appointProposedDone', { person, position: t(roleLabel(parsed.data.position)).toLowerCase() }));
      setRationale('');
    } catch (error) {
      setProblems(problemsFromError(error, APPOINTMENT_FIELDS));
    }
  }

  return (
    <div className="tp-section">
      <GcdsHeading tag="h3" id="delegation-appoint">
        {t('delegation.appoint')}
      </GcdsHeading>
      <p>{t('delegation.appointText')}</p>
      {proposed ? <SuccessNotice>{proposed}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <form noValidate aria-labelledby="delegation-appoint" onSubmit={(e) => void onSubmit(e)}>
        <GcdsSelect key={`person-${lang}`} selectId="field-userId" name="userId" label={t('delegation.person')} value={userId} required errorMessage={errorOf('userId')} onGcdsChange={(e) => setUserId(String(e.detail ?? ''))}>
          <option value="">{t('delegation.choose')}</option>
          {data.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName} ({s.email})
            </option>
          ))}
        </GcdsSelect>
        <GcdsSelect key={`position-${lang}`} selectId="field-position" name="position" label={t('delegation.position')} value={position} required errorMessage={errorOf('position')} onGcdsChange={(e) => setPosition(String(e.detail ?? '') as DelegationPosition)}>
          <option value="">{t('delegation.choose')}</option>
          {DELEGATION_POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(roleLabel(p))}
            </option>
          ))}
        </GcdsSelect>
        <GcdsCheckboxes
          name="acting"
          legend={t('delegation.actingLabel')}
          hideLegend
          options={[{ id: 'field-acting', label: t('delegation.actingLabel'), value: 'yes', checked: acting }]}
          value={acting ? ['yes'] : []}
          onGcdsChange={(e) => setActing(Array.isArray(e.detail) && (e.detail as string[]).includes('yes'))}
        />
        <GcdsInput inputId="field-startsOn" name="startsOn" label={t('delegation.startsOn')} hint={t('perf.dateHint')} value={startsOn} required validateOn="other" errorMessage={errorOf('startsOn')} onGcdsInput={(e) => setStartsOn(String(e.detail ?? ''))} />
        <GcdsInput inputId="field-endsOn" name="endsOn" label={t('delegation.endsOn')} hint={t('delegation.endsOnHint')} value={endsOn} validateOn="other" errorMessage={errorOf('endsOn')} onGcdsInput={(e) => setEndsOn(String(e.detail ?? ''))} />
        <GcdsTextarea textareaId="field-appointment-rationale" name="rationale" label={t('delegation.rationale')} hint={t('delegation.appointRationaleHint')} rows={3} value={rationale} required validateOn="other" errorMessage={errorOf('rationale')} onGcdsInput={(e) => setRationale(String(e.detail ?? ''))} />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={appoint.isPending}>
            {t('delegation.appointSubmit')}
          </GcdsButton>
        </div>
      </form>
    </div>
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
