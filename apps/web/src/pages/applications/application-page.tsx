/**
 * One application. A draft is the form, section by section, with autosave, a completeness panel
 * and the submit button; anything else is read-only, with its reference number and, while it can
 * still be, a Withdraw button that asks first.
 */
import { GcdsButton, GcdsHeading } from '@cdssnc/gcds-components-react';
import { APPLICATION_SECTIONS, type ApplicationStatus } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { problemsFromError, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { AttachmentsSection } from './attachments';
import { FlushRegistry } from './autosave';
import { BudgetSection, OtherFundingSection } from './budget-sections';
import { ProjectSection, WorkPlanSection } from './project-sections';
import { EligibilitySection, ExpectedResultsSection, GbaPlusSection } from './results-sections';
import { SECTION_TITLE } from './section-frame';
import type { ApplicationData, CallData, Completeness } from './types';

const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'screened_in', 'under_review', 'recommended'];

export function ApplicationPage({ applicationId }: { applicationId: string }) {
  return (
    <RoleGate role="recipient">
      <ApplicationLoader applicationId={applicationId} />
    </RoleGate>
  );
}

function ApplicationLoader({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const app = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const callId = app.data?.call.id;
  const call = useQuery({ ...trpc.calls.get.queryOptions({ id: callId ?? '' }), enabled: Boolean(callId) });
  return (
    <QueryView query={app}>
      {(data) =>
        call.isError ? (
          <ProblemNotice problem={problemsFromError(call.error).form} />
        ) : !call.data ? (
          <p role="status">{t('app.loading')}</p>
        ) : data.status === 'draft' ? (
          <DraftForm app={data} call={call.data} />
        ) : (
          <ReadOnlyApplication app={data} />
        )
      }
    </QueryView>
  );
}

function Heading({ app }: { app: ApplicationData }) {
  const { t, pick } = useT();
  return (
    <>
      <PageHeading title={app.project.title || t('apply.untitled')} />
      <dl className="tp-facts tp-app-facts">
        <dt>{t('apply.call')}</dt>
        <dd>{pick(app.call.titleEn, app.call.titleFr)}</dd>
        <dt>{t('apply.organisation')}</dt>
        <dd>{pick(app.organisation.legalNameEn, app.organisation.legalNameFr)}</dd>
        <dt>{t('apply.status')}</dt>
        <dd data-testid="application-status">{t(`status.application.${app.status}`)}</dd>
        {app.referenceNumber ? (
          <>
            <dt>{t('apply.reference')}</dt>
            <dd data-testid="reference-number">{app.referenceNumber}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

// ---------------------------------------------------------------------------------------------

function DraftForm({ app, call }: { app: ApplicationData; call: CallData }) {
  const { t, formatDateTime } = useT();
  const registry = useMemo(() => new Set<() => Promise<void>>(), []);
  const completeness = useQuery(trpc.applications.completeness.queryOptions({ id: app.id }));
  return (
    <FlushRegistry.Provider value={registry}>
      <Heading app={app} />
      <p>{t('apply.intro')}</p>
      <p>{t('apply.closes', { closes: formatDateTime(call.closesAt) })}</p>
      <div>
        <div>
          <ProjectSection app={app} call={call} />
          <WorkPlanSection app={app} call={call} />
          <BudgetSection app={app} call={call} />
          <OtherFundingSection app={app} call={call} completeness={completeness.data} />
          <ExpectedResultsSection app={app} call={call} />
          <GbaPlusSection app={app} call={call} />
          <EligibilitySection app={app} call={call} />
          <AttachmentsSection app={app} readOnly={false} />
        </div>
        <CompletenessPanel app={app} completeness={completeness.data} registry={registry} />
      </div>
    </FlushRegistry.Provider>
  );
}

function issueSection(field: string): string {
  return field.split('.')[0] ?? '';
}

function CompletenessPanel({ app, completeness, registry }: { app: ApplicationData; completeness: Completeness | undefined; registry: Set<() => Promise<void>> }) {
  const { t, lang, problem: message } = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const sending = useRef(false);
  const submit = useMutation(trpc.applications.submit.mutationOptions());

  async function onSubmit() {
    if (sending.current) return; // a second click while the first is on its way does nothing
    sending.current = true;
    setProblem(null);
    try {
      await Promise.all([...registry].map((flush) => flush()));
      const result = await submit.mutateAsync({ id: app.id });
      queryClient.setQueryData(['tp-submitted', app.id], result);
      await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    } catch (error) {
      setProblem(problemsFromError(error).form);
      await queryClient.invalidateQueries({ queryKey: trpc.applications.completeness.queryKey({ id: app.id }) });
    } finally {
      sending.current = false;
    }
  }

  return (
    <aside className="tp-card tp-completeness" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t('apply.completeness.title')}</h2>
      {!completeness ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <ul className="tp-plain-list" data-testid="completeness">
            {completeness.sections.map((s) => {
              const missing = completeness.missing.filter((m) => m.section === s.section);
              return (
                <li key={s.section} data-section={s.section} data-complete={s.complete}>
                  <a className="tp-link" href={`#section-${s.section}`}>
                    {t(SECTION_TITLE[s.section])}
                  </a>
                  {t('apply.completeness.separator')}
                  {s.complete ? t('apply.completeness.complete') : t('apply.completeness.missing', { count: missing.length })}
                  {missing.length > 0 ? (
                    <ul className="tp-list">
                      {missing.map((m) => (
                        <li key={m.field}>{fieldLabel(m.field, t)}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {completeness.issues.filter((i) => i.messageKey !== 'error.application.missing' && i.messageKey !== 'error.application.indicatorTargetMissing').length > 0 ? (
            <>
              <h3>{t('apply.completeness.issues')}</h3>
              <ul className="tp-list" data-testid="issues">
                {completeness.issues
                  .filter((i) => i.messageKey !== 'error.application.missing' && i.messageKey !== 'error.application.indicatorTargetMissing')
                  .map((i) => (
                    <li key={`${i.field}-${i.messageKey}`}>
                      {APPLICATION_SECTIONS.includes(issueSection(i.field) as never) ? (
                        <a className="tp-link" href={`#section-${issueSection(i.field)}`}>
                          {t(SECTION_TITLE[issueSection(i.field) as keyof typeof SECTION_TITLE])}
                        </a>
                      ) : null}{' '}
                      {message({ key: i.messageKey, params: flatParams(i.params, lang) })}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <ProblemNotice problem={problem} />
      <div className="tp-actions">
        <GcdsButton type="button" disabled={submit.isPending} onGcdsClick={() => void onSubmit()}>
          {submit.isPending ? t('apply.submitting') : t('apply.submit')}
        </GcdsButton>
      </div>
      <DiscardDraft app={app} />
    </aside>
  );
}

/** Discarding deletes the draft for good: it asks first, says what it will do, and then leaves for the list. */
function DiscardDraft({ app }: { app: ApplicationData }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const discard = useMutation(trpc.applications.discardDraft.mutationOptions());

  async function onDiscard() {
    setProblem(null);
    try {
      await discard.mutateAsync({ id: app.id });
      queryClient.setQueryData(['tp-discarded'], app.project.title || t('apply.untitled'));
      await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
      await navigate({ to: '/applications' });
    } catch (error) {
      setProblem(problemsFromError(error).form);
    }
  }

  return (
    <div className="tp-section">
      <ProblemNotice problem={problem} />
      {confirming ? (
        <div role="alertdialog" aria-labelledby="discard-question" className="tp-card">
          <p id="discard-question">{t('apply.discardConfirm')}</p>
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="danger" disabled={discard.isPending} onGcdsClick={() => void onDiscard()}>
              {t('apply.discardYes')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setConfirming(false)}>
              {t('apply.discardNo')}
            </GcdsButton>
          </div>
        </div>
      ) : (
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setConfirming(true)}>
          {t('apply.discard')}
        </GcdsButton>
      )}
    </div>
  );
}

/** Issue parameters come as plain values or as { en, fr } pairs (amounts, names): take the page's language. */
function flatParams(params: Record<string, unknown> | undefined, lang: 'en' | 'fr'): Record<string, string | number> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'object' && v !== null ? String((v as Record<'en' | 'fr', string>)[lang]) : (v as string | number)]),
  );
}

/** "workPlan.activities.0.title" -> "Activity 1: title". */
function fieldLabel(field: string, t: ReturnType<typeof useT>['t']): string {
  const parts = field.split('.');
  const last = parts[parts.length - 1] ?? '';
  const index = parts.find((p) => /^\d+$/.test(p));
  const key = `apply.field.${last}` as Parameters<typeof t>[0];
  const name = /^\d+$/.test(last) ? t('apply.field.answer') : t(key);
  return index !== undefined ? t('apply.field.item', { number: Number(index) + 1, name }) : name;
}

// ---------------------------------------------------------------------------------------------

function ReadOnlyApplication({ app }: { app: ApplicationData }) {
  const { t, formatDate, formatDateTime, formatMoney } = useT();
  const justSubmitted = queryClient.getQueryData<{ referenceNumber: string; alreadySubmitted: boolean }>(['tp-submitted', app.id]);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const withdraw = useMutation(trpc.applications.withdraw.mutationOptions());

  async function onWithdraw() {
    setProblem(null);
    try {
      await withdraw.mutateAsync({ id: app.id });
      setWithdrawn(true);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    } catch (error) {
      setProblem(problemsFromError(error).form);
    }
  }

  return (
    <>
      <Heading app={app} />
      {justSubmitted && app.referenceNumber ? (
        <SuccessNotice>
          <span data-testid="submitted-confirmation">{t('apply.submitted', { reference: app.referenceNumber })}</span>
        </SuccessNotice>
      ) : null}
      {withdrawn ? <SuccessNotice>{t('apply.withdrawn')}</SuccessNotice> : null}
      <p>{t('apply.readOnly')}</p>
      {app.submittedAt ? <p>{t('apply.submittedOn', { date: formatDateTime(app.submittedAt) })}</p> : null}
      <section className="tp-section" aria-labelledby="summary-heading">
        <GcdsHeading tag="h2" id="summary-heading">
          {t('apply.summary')}
        </GcdsHeading>
        <dl className="tp-facts">
          <dt>{t('apply.project.summary')}</dt>
          <dd>{app.project.summary}</dd>
          <dt>{t('apply.project.regionsServed')}</dt>
          <dd>{app.project.regionsServed.map((r) => t(`province.${r}`)).join(', ')}</dd>
          <dt>{t('apply.startDate')}</dt>
          <dd>{app.project.startDate ? formatDate(app.project.startDate) : t('common.none')}</dd>
          <dt>{t('apply.endDate')}</dt>
          <dd>{app.project.endDate ? formatDate(app.project.endDate) : t('common.none')}</dd>
          <dt>{t('apply.section.workPlan')}</dt>
          <dd>{app.workPlan.activities.map((a) => a.title).join('; ')}</dd>
          {Object.entries(app.totals.byFiscalYear).map(([fy, cents]) => (
            <div key={fy} style={{ display: 'contents' }}>
              <dt>{t('apply.budget.yearTotal', { year: fy })}</dt>
              <dd>{formatMoney(cents)}</dd>
            </div>
          ))}
          <dt>{t('apply.budget.total')}</dt>
          <dd>{formatMoney(app.totals.total)}</dd>
        </dl>
      </section>
      <AttachmentsSection app={app} readOnly />
      <ProblemNotice problem={problem} />
      {WITHDRAWABLE.includes(app.status) && !withdrawn ? (
        <div className="tp-section">
          {confirming ? (
            <div role="alertdialog" aria-labelledby="withdraw-question" className="tp-card">
              <p id="withdraw-question">{t('apply.withdrawConfirm')}</p>
              <div className="tp-actions">
                <GcdsButton type="button" buttonRole="danger" disabled={withdraw.isPending} onGcdsClick={() => void onWithdraw()}>
                  {t('apply.withdrawYes')}
                </GcdsButton>
                <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => setConfirming(false)}>
                  {t('apply.withdrawNo')}
                </GcdsButton>
              </div>
            </div>
          ) : (
            <GcdsButton type="button" buttonRole="danger" onGcdsClick={() => setConfirming(true)}>
              {t('apply.withdraw')}
            </GcdsButton>
          )}
        </div>
      ) : null}
      <p className="tp-after-form">
        <Link to="/applications" className="tp-link">
          {t('apply.backToList')}
        </Link>
      </p>
    </>
  );
}
