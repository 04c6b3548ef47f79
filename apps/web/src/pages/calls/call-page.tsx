/**
 * /calls/new and /calls/$callId. A draft opens in the form for officers and administrators; a
 * published call shows its rules read-only, with its description open to correction, and Close
 * and Cancel. Recipients see the rules and criteria, and an Apply link while the call is open.
 */
import { GcdsButton, GcdsHeading, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { CALL_EDITORS, CALL_READERS, toDecimalString } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { formValues } from '../../lib/form-values';
import { queryClient, trpc } from '../../lib/trpc';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import { EMPTY_CALL, type CallDraft } from './call-draft';
import { CallForm } from './call-form';
import { Countdown } from './calls-page';
import './programs.css';
import { dateToTorontoWallTime, formatTorontoDateTime } from './toronto-time';

export function NewCallPage() {
  const { t } = useT();
  return (
    <AnyRoleGate roles={CALL_EDITORS}>
      <PageHeading title={t('calls.newTitle')} intro={t('calls.formIntro')} />
      <BackToCalls />
      <CallForm callId={null} initial={EMPTY_CALL} />
    </AnyRoleGate>
  );
}

function BackToCalls() {
  const { t } = useT();
  return (
    <p>
      <Link to="/calls" className="tp-link">
        {t('calls.back')}
      </Link>
    </p>
  );
}

const useCallQuery = (id: string) => useQuery(trpc.calls.get.queryOptions({ id }));
type Call = NonNullable<ReturnType<typeof useCallQuery>['data']>;

function draftOf(call: Call): CallDraft {
  return {
    programId: call.programId,
    streamId: call.streamId ?? '',
    pillarIds: call.pillars.map((p) => p.id),
    titleEn: call.titleEn,
    titleFr: call.titleFr,
    descriptionEn: call.descriptionEn,
    descriptionFr: call.descriptionFr,
    eligibleRecipientTypes: [...call.eligibleRecipientTypes],
    eligibleProvinces: [...call.eligibleProvinces],
    priorities: [...call.priorities],
    minAmount: toDecimalString(call.minAmountCents),
    maxAmount: toDecimalString(call.maxAmountCents),
    maxDurationMonths: String(call.maxDurationMonths),
    firstFiscalYear: call.firstFiscalYear,
    lastFiscalYear: call.lastFiscalYear,
    opensAt: dateToTorontoWallTime(call.opensAt),
    closesAt: dateToTorontoWallTime(call.closesAt),
    indicatorIds: call.indicators.map((i) => i.id),
    eligibilityQuestions: call.eligibilityQuestions.map((q) => ({ textEn: q.textEn, textFr: q.textFr, expectedAnswer: q.expectedAnswer ? 'yes' : 'no' })),
    criteria: call.criteria.map((c) => ({ nameEn: c.nameEn, nameFr: c.nameFr, weight: String(c.weight) })),
  };
}

export function CallPage({ callId }: { callId: string }) {
  const { t, pick } = useT();
  const call = useCallQuery(callId);
  const canEdit = useHasAnyRole(CALL_EDITORS);
  return (
    <AnyRoleGate roles={CALL_READERS}>
      <QueryView query={call}>
        {(data) => (
          <>
            <PageHeading title={pick(data.titleEn, data.titleFr)} />
            <BackToCalls />
            <p>
              {t('calls.status')}: <span className="tp-badge" data-testid="call-status">{t(`calls.status.${data.status}`)}</span>
            </p>
            {canEdit && data.status === 'draft' ? (
              <CallForm callId={data.id} initial={draftOf(data)} />
            ) : (
              <>
                {data.isOpen ? <Countdown closesAt={data.closesAt} /> : null}
                {data.isOpen && !canEdit ? (
                  <p>
                    <Link to="/calls/$callId/apply" params={{ callId: data.id }} className="tp-link tp-button-link">
                      {t('calls.apply')}
                    </Link>
                  </p>
                ) : null}
                <CallDetails call={data} />
                {canEdit && data.status === 'published' ? <PublishedActions call={data} /> : null}
              </>
            )}
          </>
        )}
      </QueryView>
    </AnyRoleGate>
  );
}

function CallDetails({ call }: { call: Call }) {
  const { t, pick, locale, formatMoney } = useT();
  return (
    <>
      <section aria-labelledby="call-about" className="tp-section">
        <GcdsHeading tag="h2" id="call-about">
          {t('calls.about')}
        </GcdsHeading>
        <p style={{ whiteSpace: 'pre-line' }}>{pick(call.descriptionEn, call.descriptionFr) || t('common.none')}</p>
        <dl className="tp-facts">
          <dt>{t('calls.field.program')}</dt>
          <dd>{pick(call.program.nameEn, call.program.nameFr)}</dd>
          <dt>{t('calls.field.pillars')}</dt>
          <dd>{call.pillars.map((p) => pick(p.nameEn, p.nameFr)).join('; ')}</dd>
          <dt>{t('calls.field.recipientTypes')}</dt>
          <dd>{call.eligibleRecipientTypes.map((o) => t(`organisationType.${o}`)).join(', ')}</dd>
          <dt>{t('calls.field.provinces')}</dt>
          <dd>{call.eligibleProvinces.map((p) => t(`province.${p}`)).join(', ')}</dd>
          <dt>{t('calls.field.priorities')}</dt>
          <dd>{call.priorities.length ? call.priorities.map((p) => t(`calls.priority.${p}`)).join(', ') : t('common.none')}</dd>
          <dt>{t('calls.amounts')}</dt>
          <dd>
            {formatMoney(call.minAmountCents)} – {formatMoney(call.maxAmountCents)}
          </dd>
          <dt>{t('calls.field.maxDurationMonths')}</dt>
          <dd>{call.maxDurationMonths}</dd>
          <dt>{t('calls.fiscalYears')}</dt>
          <dd>
            {call.firstFiscalYear} – {call.lastFiscalYear}
          </dd>
          <dt>{t('calls.field.opensAt')}</dt>
          <dd>{t('calls.inEasternTime', { date: formatTorontoDateTime(call.opensAt, locale) })}</dd>
          <dt>{t('calls.field.closesAt')}</dt>
          <dd>{t('calls.inEasternTime', { date: formatTorontoDateTime(call.closesAt, locale) })}</dd>
        </dl>
      </section>
      <section aria-labelledby="call-indicators" className="tp-section">
        <GcdsHeading tag="h2" id="call-indicators">
          {t('calls.field.indicators')}
        </GcdsHeading>
        <ul className="tp-list">
          {call.indicators.map((i) => (
            <li key={i.id}>{pick(i.nameEn, i.nameFr)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="call-questions" className="tp-section">
        <GcdsHeading tag="h2" id="call-questions">
          {t('calls.section.questions')}
        </GcdsHeading>
        {call.eligibilityQuestions.length === 0 ? (
          <p>{t('calls.noQuestions')}</p>
        ) : (
          <ol className="tp-list">
            {call.eligibilityQuestions.map((q) => (
              <li key={q.id}>
                {pick(q.textEn, q.textFr)} ({t('calls.expected', { answer: q.expectedAnswer ? t('common.yes') : t('common.no') })})
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="call-criteria" className="tp-section">
        <GcdsHeading tag="h2" id="call-criteria">
          {t('calls.section.criteria')}
        </GcdsHeading>
        <DataTable
          caption={t('calls.criteriaCaption')}
          rows={call.criteria}
          rowKey={(c) => c.id}
          columns={[
            { header: t('calls.criterionName'), rowHeader: true, cell: (c) => pick(c.nameEn, c.nameFr) },
            { header: t('calls.field.weight'), numeric: true, cell: (c) => `${c.weight} %` },
          ]}
        />
      </section>
    </>
  );
}

function PublishedActions({ call }: { call: Call }) {
  const { t } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'close' | 'cancel' | null>(null);
  const correct = useMutation(trpc.calls.correctDescription.mutationOptions());
  const close = useMutation(trpc.calls.close.mutationOptions());
  const cancel = useMutation(trpc.calls.cancel.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() });
  const fields = ['descriptionEn', 'descriptionFr'];

  async function onCorrect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const values = formValues(event.currentTarget);
    try {
      await correct.mutateAsync({ id: call.id, descriptionEn: values['descriptionEn'] ?? '', descriptionFr: values['descriptionFr'] ?? '' });
    } catch (error) {
      setProblems(problemsFromError(error, fields));
      return;
    }
    setProblems(NO_PROBLEMS);
    setDone(t('calls.corrected'));
    await refresh();
  }

  async function move(action: typeof close | typeof cancel) {
    setDone(null);
    setConfirming(null);
    try {
      await action.mutateAsync({ id: call.id });
    } catch (error) {
      setProblems(problemsFromError(error, fields));
      return;
    }
    await refresh();
  }

  const { problem } = useT();
  const errorOf = (name: string) => (problems.fields[name] ? problem(problems.fields[name]) : '');
  return (
    <section aria-labelledby="call-correct" className="tp-section">
      <GcdsHeading tag="h2" id="call-correct">
        {t('calls.correctDescription')}
      </GcdsHeading>
      <p>{t('calls.correctIntro')}</p>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={onCorrect} aria-label={t('calls.correctDescription')}>
        <GcdsTextarea textareaId="call-fix-descriptionEn" name="descriptionEn" label={t('calls.field.descriptionEn')} validateOn="other" value={call.descriptionEn} errorMessage={errorOf('descriptionEn')} />
        <GcdsTextarea textareaId="call-fix-descriptionFr" name="descriptionFr" label={t('calls.field.descriptionFr')} validateOn="other" value={call.descriptionFr} errorMessage={errorOf('descriptionFr')} />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={correct.isPending}>
            {t('calls.correctDescription')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" disabled={close.isPending} onGcdsClick={() => setConfirming('close')}>
            {t('calls.close')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="danger" disabled={cancel.isPending} onGcdsClick={() => setConfirming('cancel')}>
            {t('calls.cancelCall')}
          </GcdsButton>
        </div>
      </form>
      {confirming ? (
        <div role="alert" className="tp-notice">
          <p>{confirming === 'close' ? t('calls.confirmClose') : t('calls.confirmCancel')}</p>
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="danger" onGcdsClick={() => void move(confirming === 'close' ? close : cancel)}>
              {confirming === 'close' ? t('calls.confirmCloseYes') : t('calls.confirmCancelYes')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setConfirming(null)}>
              {t('calls.keep')}
            </GcdsButton>
          </div>
        </div>
      ) : null}
    </section>
  );
}
