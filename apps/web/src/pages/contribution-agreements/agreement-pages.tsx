/**
 * Contribution agreements on screen. Staff: the portfolio with filters and what is coming
 * (/agreements); drafting from an approved application or directly (/agreements/new), editing a
 * draft, amending (/agreements/$id/edit, /amend). Everyone who may read it: the agreement with its
 * schedules, versions and the actions the reader may take (/agreements/$id), and a version beside
 * the one it amended (/agreements/$id/versions/$version). Recipients: their agreements and what
 * is due (/my-agreements).
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading, GcdsInput, GcdsSelect, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { AGREEMENT_DRAFTERS, AGREEMENT_STAFF, AGREEMENT_STATUSES, type AgreementAction, type AgreementPortfolioInput, type AgreementTerms, PROVINCES_AND_TERRITORIES, RISK_LEVELS, TERMS_SECTIONS, type TermsSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate, RoleGate, useHasAnyRole } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { buildTerms, EMPTY_DRAFT, TermsForm, toDraft, type TermsOptions } from './terms-form';


function Table({ caption, headers, children, testId }: { caption: string; headers: string[]; children: ReactNode; testId?: string }) {
  return (
    <div className="tp-table-wrap">
      <table className="tp-table" {...(testId ? { 'data-testid': testId } : {})}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Heading2({ id, children }: { id: string; children: ReactNode }) {
  return (
    <GcdsHeading tag="h2" id={id} characterLimit={false}>
      {children}
    </GcdsHeading>
  );
}

// ---------------------------------------------------------------------------------------------
// Portfolio

export function PortfolioPage() {
  return (
    <AnyRoleGate roles={AGREEMENT_STAFF}>
      <Portfolio />
    </AnyRoleGate>
  );
}

function Portfolio() {
  const { t, pick, lang, formatMoney, formatDate } = useT();
  const isOfficer = useHasAnyRole(AGREEMENT_DRAFTERS);
  const [filters, setFilters] = useState<Partial<AgreementPortfolioInput>>({ page: 1 });
  const programs = useQuery(trpc.program.list.queryOptions());
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  const portfolio = useQuery(trpc.agreements.portfolio.queryOptions(filters));
  const obligations = useQuery(trpc.agreements.obligations.queryOptions({ days: 60 }));
  const awaiting = useQuery({ ...trpc.agreements.awaitingAgreement.queryOptions(), enabled: isOfficer });
  const set = (patch: Partial<AgreementPortfolioInput>) => setFilters({ ...filters, ...patch, page: patch.page ?? 1 });
  const filter = (id: string, label: string, value: string, onChange: (v: string) => void, options: { value: string; label: string }[]) => (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} value={value} onGcdsChange={(e) => onChange(String(e.detail ?? ''))}>
      <option value="">{t('ca.filter.any')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </GcdsSelect>
  );
  return (
    <>
      <PageHeading title={t('ca.portfolio.title')} intro={t('ca.portfolio.intro')} />
      {isOfficer ? (
        <p>
          <Link to="/agreements/new" search={{ applicationId: '' }} className="tp-link">
            {t('ca.new')}
          </Link>
        </p>
      ) : null}
      {isOfficer ? (
        <section aria-labelledby="awaiting" className="tp-section">
          <Heading2 id="awaiting">{t('ca.awaiting')}</Heading2>
          <QueryView query={awaiting}>
            {(rows) =>
              rows.length === 0 ? (
                <p>{t('ca.awaiting.none')}</p>
              ) : (
                <Table caption={t('ca.awaiting.caption')} headers={[t('ca.col.reference'), t('ca.col.organisation'), t('ca.col.title'), t('ca.col.total'), '']} testId="awaiting-agreement">
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>{r.referenceNumber}</td>
                      <td>{pick(r.legalNameEn, r.legalNameFr)}</td>
                      <td>{r.title}</td>
                      <td>{r.amountCents !== null ? formatMoney(r.amountCents) : ''}</td>
                      <td>
                        <Link to="/agreements/new" search={{ applicationId: r.id }} className="tp-link">
                          {t('ca.awaiting.draft')}
                          <span className="tp-visually-hidden"> {r.referenceNumber}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </Table>
              )
            }
          </QueryView>
        </section>
      ) : null}
      <section aria-labelledby="obligations" className="tp-section">
        <Heading2 id="obligations">{t('ca.obligations')}</Heading2>
        <QueryView query={obligations}>
          {(rows) =>
            rows.length === 0 ? (
              <p>{t('ca.obligations.none')}</p>
            ) : (
              <Table caption={t('ca.obligations.caption')} headers={[t('ca.col.due'), t('ca.col.what'), t('ca.col.reference'), t('ca.col.organisation')]} testId="obligations">
                {rows.slice(0, 30).map((o, i) => (
                  <tr key={`${o.agreementId}-${o.kind}-${i}`}>
                    <td>{o.dueDate ? formatDate(o.dueDate) : ''}</td>
                    <td>{t(`ca.obligation.${o.kind}`, { label: o.label })}</td>
                    <td>
                      <Link to="/agreements/$agreementId" params={{ agreementId: o.agreementId }} className="tp-link">
                        {o.referenceNumber}
                      </Link>
                    </td>
                    <td>{pick(o.organisationNameEn, o.organisationNameFr)}</td>
                  </tr>
                ))}
              </Table>
            )
          }
        </QueryView>
      </section>
      <section aria-labelledby="portfolio-filters" className="tp-section">
        <Heading2 id="portfolio-filters">{t('ca.filters')}</Heading2>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', columnGap: 'var(--gcds-spacing-400)' }}>
          {filter('filter-program', t('ca.filter.program'), filters.programId ?? '', (v) => set({ programId: v || null }), (programs.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameEn, p.nameFr) })))}
          {filter('filter-status', t('ca.filter.status'), filters.status ?? '', (v) => set({ status: (v || null) as AgreementPortfolioInput['status'] }), AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.agreement.${s}`) })))}
          {filter('filter-risk', t('ca.filter.risk'), filters.riskLevel ?? '', (v) => set({ riskLevel: (v || null) as AgreementPortfolioInput['riskLevel'] }), RISK_LEVELS.map((r) => ({ value: r, label: t(`ca.risk.${r}`) })))}
          {filter('filter-province', t('ca.filter.province'), filters.province ?? '', (v) => set({ province: v || null }), PROVINCES_AND_TERRITORIES.map((p) => ({ value: p, label: p })))}
          {filter('filter-fiscalYear', t('ca.filter.fiscalYear'), filters.fiscalYear ?? '', (v) => set({ fiscalYear: v || null }), (years.data && 'years' in years.data ? years.data.years : []).map((y) => ({ value: y.label, label: y.label })))}
        </div>
        <QueryView query={portfolio}>
          {(p) => {
            const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
            return p.rows.length === 0 ? (
              <p>{t('ca.portfolio.empty')}</p>
            ) : (
              <>
                <Table caption={t('ca.portfolio.caption', { total: p.total })} headers={[t('ca.col.reference'), t('ca.col.organisation'), t('ca.col.program'), t('ca.col.title'), t('ca.col.total'), t('ca.col.term'), t('ca.col.risk'), t('ca.col.status')]} testId="portfolio">
                  {p.rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to="/agreements/$agreementId" params={{ agreementId: r.id }} className="tp-link">
                          {r.referenceNumber}
                        </Link>
                      </td>
                      <td>
                        {pick(r.legalNameEn, r.legalNameFr)} ({r.provinceOrTerritory})
                      </td>
                      <td>{pick(r.programNameEn, r.programNameFr)}</td>
                      <td>{r.title}</td>
                      <td>{formatMoney(r.totalCents)}</td>
                      <td>
                        {formatDate(r.startDate)} – {formatDate(r.endDate)}
                      </td>
                      <td>{t(`ca.risk.${r.riskLevel}`)}</td>
                      <td>{t(`status.agreement.${r.status}`)}</td>
                    </tr>
                  ))}
                </Table>
                <p>{t('ca.portfolio.page', { page: p.page, pages })}</p>
                <div className="tp-actions">
                  {p.page > 1 ? (
                    <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ page: p.page - 1 })}>
                      {t('ca.portfolio.previous')}
                    </GcdsButton>
                  ) : null}
                  {p.page < pages ? (
                    <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => set({ page: p.page + 1 })}>
                      {t('ca.portfolio.next')}
                    </GcdsButton>
                  ) : null}
                </div>
              </>
            );
          }}
        </QueryView>
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Drafting, editing, amending

function useTermsOptions(programId: string | null) {
  const programs = useQuery(trpc.program.list.queryOptions());
  const options = useQuery({ ...trpc.agreements.draftingOptions.queryOptions({ programId: programId ?? '00000000-0000-4000-8000-000000000000' }), enabled: Boolean(programId) });
  const program = programs.data?.find((p) => p.id === programId);
  const value: TermsOptions | null =
    options.data && program ? { streams: options.data.streams, pillars: options.data.pillars, indicators: options.data.indicators, stackingLimitBp: options.data.program.stackingLimitBp } : null;
  return { programs, value };
}

export function NewAgreementPage({ applicationId }: { applicationId: string }) {
  return <AnyRoleGate roles={AGREEMENT_DRAFTERS}>{applicationId ? <FromApplication applicationId={applicationId} /> : <Direct />}</AnyRoleGate>;
}

function FromApplication({ applicationId }: { applicationId: string }) {
  const { t, lang } = useT();
  const proposal = useQuery(trpc.agreements.proposeFromApplication.queryOptions({ applicationId }));
  const awaiting = useQuery(trpc.agreements.awaitingAgreement.queryOptions());
  const { value } = useTermsOptions(proposal.data?.programId ?? null);
  const app = awaiting.data?.find((a) => a.id === applicationId);
  return (
    <>
      <PageHeading title={t('ca.form.newTitle')} {...(app ? { intro: t('ca.form.fromApplication', { reference: app.referenceNumber ?? '', organisation: lang === 'fr' ? app.legalNameFr : app.legalNameEn }) } : {})} />
      <QueryView query={proposal}>
        {(p) => (value ? <CreateForm programId={p.programId} organisationId={p.organisationId} applicationId={p.applicationId} initial={toDraft(p.terms as AgreementTerms, lang)} options={value} /> : null)}
      </QueryView>
    </>
  );
}

function Direct() {
  const { t, pick, lang } = useT();
  const [programId, setProgramId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const { programs, value } = useTermsOptions(programId || null);
  return (
    <>
      <PageHeading title={t('ca.form.newTitle')} />
      <GcdsSelect key={`p-${lang}`} selectId="agreement-program" name="agreement-program" label={t('ca.form.program')} required value={programId} onGcdsChange={(e) => setProgramId(String(e.detail ?? ''))}>
        <option value="">{t('ca.form.choose')}</option>
        {(programs.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {pick(p.nameEn, p.nameFr)}
          </option>
        ))}
      </GcdsSelect>
      <GcdsSelect key={`o-${lang}`} selectId="agreement-organisation" name="agreement-organisation" label={t('ca.form.organisation')} required value={organisationId} onGcdsChange={(e) => setOrganisationId(String(e.detail ?? ''))}>
        <option value="">{t('ca.form.choose')}</option>
        {((organisations.data as { id: string; legalNameEn: string; legalNameFr: string }[] | undefined) ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {pick(o.legalNameEn, o.legalNameFr)}
          </option>
        ))}
      </GcdsSelect>
      {programId && organisationId && value ? <CreateForm key={programId} programId={programId} organisationId={organisationId} applicationId={null} initial={EMPTY_DRAFT} options={value} /> : null}
    </>
  );
}

function CreateForm({ programId, organisationId, applicationId, initial, options }: { programId: string; organisationId: string; applicationId: string | null; initial: typeof EMPTY_DRAFT; options: TermsOptions }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const create = useMutation(trpc.agreements.create.mutationOptions());
  return (
    <TermsForm initial={initial} options={options} problems={problems}>
      {(draft) => (
        <GcdsButton
          type="button"
          disabled={create.isPending}
          onGcdsClick={async () => {
            const built = buildTerms(draft);
            if (!built.ok) return setProblems(built.problems);
            try {
              const made = await create.mutateAsync({ programId, organisationId, applicationId, terms: built.terms });
              await navigate({ to: '/agreements/$agreementId', params: { agreementId: made.id } });
            } catch (error) {
              setProblems(problemsFromError(error, () => true));
            }
          }}
        >
          {t('ca.form.saveDraft')}
        </GcdsButton>
      )}
    </TermsForm>
  );
}

export function EditAgreementPage({ agreementId, mode }: { agreementId: string; mode: 'edit' | 'amend' }) {
  const { t, lang } = useT();
  const agreement = useQuery(trpc.agreements.get.queryOptions({ agreementId }));
  const { value } = useTermsOptions(agreement.data?.program.id ?? null);
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [reason, setReason] = useState('');
  const update = useMutation(trpc.agreements.updateDraft.mutationOptions());
  const propose = useMutation(trpc.agreements.proposeAmendment.mutationOptions());
  return (
    <RoleGate role="program_officer">
      <QueryView query={agreement}>
        {(a) => (
          <>
            <PageHeading title={mode === 'edit' ? t('ca.form.editTitle', { reference: a.referenceNumber }) : t('ca.form.amendTitle', { reference: a.referenceNumber, version: a.currentVersion })} />
            {value ? (
              <TermsForm initial={toDraft(a.terms, lang)} options={value} problems={problems}>
                {(draft) => (
                  <>
                    {mode === 'amend' ? (
                      <GcdsTextarea textareaId="amend-reason" name="amend-reason" label={t('ca.form.reason')} required rows={3} value={reason} errorMessage={problems.fields.reason ? t(problems.fields.reason.key as MessageKey) : ''} onGcdsInput={(e) => setReason(String(e.detail ?? ''))} />
                    ) : null}
                    <GcdsButton
                      type="button"
                      disabled={update.isPending || propose.isPending}
                      onGcdsClick={async () => {
                        const built = buildTerms(draft);
                        if (!built.ok) return setProblems(built.problems);
                        try {
                          if (mode === 'edit') await update.mutateAsync({ agreementId, terms: built.terms });
                          else await propose.mutateAsync({ agreementId, basedOnVersion: a.currentVersion, reason, terms: built.terms });
                          await queryClient.invalidateQueries({ queryKey: trpc.agreements.get.queryKey({ agreementId }) });
                          await navigate({ to: '/agreements/$agreementId', params: { agreementId } });
                        } catch (error) {
                          setProblems(problemsFromError(error, () => true));
                        }
                      }}
                    >
                      {mode === 'edit' ? t('ca.form.saveDraft') : t('ca.form.proposeAmendment')}
                    </GcdsButton>
                  </>
                )}
              </TermsForm>
            ) : null}
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}

// ---------------------------------------------------------------------------------------------
// The agreement

type Agreement = NonNullable<ReturnType<typeof useAgreement>['data']>;
function useAgreement(agreementId: string) {
  return useQuery(trpc.agreements.get.queryOptions({ agreementId }));
}

export function AgreementPage({ agreementId }: { agreementId: string }) {
  const agreement = useAgreement(agreementId);
  return <QueryView query={agreement}>{(a) => <AgreementView agreement={a} />}</QueryView>;
}

function AgreementView({ agreement: a }: { agreement: Agreement }) {
  const { t, pick, formatMoney, formatDate } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.agreements.get.queryKey({ agreementId: a.id }) });
  };
  const terms = a.terms;
  const officialLanguage = a.organisation.officialLanguage;
  const other = officialLanguage === 'fr' ? 'en' : 'fr';
  return (
    <>
      <PageHeading
        title={t('ca.view.title', { reference: a.referenceNumber })}
        intro={t('ca.view.summary', { organisation: pick(a.organisation.legalNameEn, a.organisation.legalNameFr), program: pick(a.program.nameEn, a.program.nameFr), template: t(`ca.template.${a.template}`), version: a.currentVersion })}
      />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <p>
        <strong data-testid="agreement-status">{t('ca.view.status', { status: t(`status.agreement.${a.status}`) })}</strong>
      </p>
      <ul>
        <li>
          <a className="tp-link" href={`/agreements/${a.id}/pdf?lang=${officialLanguage}`} data-testid="agreement-pdf">
            {t('ca.view.pdf', { language: t(`ca.lang.${officialLanguage}`) })}
          </a>
        </li>
        <li>
          <a className="tp-link" href={`/agreements/${a.id}/pdf?lang=${other}`}>
            {t('ca.view.pdf', { language: t(`ca.lang.${other}`) })}
          </a>
        </li>
        {a.status === 'active' || a.status === 'closed' ? (
          <>
            <li>
              <Link to="/agreements/$agreementId/progress" params={{ agreementId: a.id }} className="tp-link">
                {t('ca.view.progress')}
              </Link>
            </li>
            <li>
              <Link to="/agreements/$agreementId/journal" params={{ agreementId: a.id }} className="tp-link">
                {t('ca.view.journal')}
              </Link>
            </li>
          </>
        ) : null}
      </ul>
      <Actions agreement={a} onDone={refresh} />

      <section aria-labelledby="view-project" className="tp-section">
        <Heading2 id="view-project">{t('ca.view.project')}</Heading2>
        <p>
          <strong>{terms.title}</strong>
        </p>
        {terms.description ? <p className="tp-pre">{terms.description}</p> : null}
        <p>{t('ca.view.term', { start: formatDate(terms.startDate), end: formatDate(terms.endDate) })}</p>
        <p data-testid="agreement-total">{t('ca.view.total', { total: formatMoney(terms.totalCents) })}</p>
      </section>
      <section aria-labelledby="view-years" className="tp-section">
        <Heading2 id="view-years">{t('ca.view.years')}</Heading2>
        <Table caption={t('ca.view.yearsCaption')} headers={[t('ca.view.col.fiscalYear'), t('ca.view.col.amount'), t('ca.view.col.paid')]} testId="agreement-years">
          {terms.fiscalYears.map((y) => (
            <tr key={y.fiscalYear}>
              <th scope="row">{y.fiscalYear}</th>
              <td>{formatMoney(y.amountCents)}</td>
              <td>{formatMoney(a.paidByFiscalYear[y.fiscalYear] ?? 0n)}</td>
            </tr>
          ))}
        </Table>
        <Table caption={t('ca.view.budgetCaption')} headers={[t('ca.view.col.fiscalYear'), t('ca.view.col.category'), t('ca.view.col.amount')]}>
          {terms.budget.map((b) => (
            <tr key={`${b.fiscalYear}-${b.category}`}>
              <td>{b.fiscalYear}</td>
              <td>{t(`apply.cost.${b.category}` as MessageKey)}</td>
              <td>{formatMoney(b.amountCents)}</td>
            </tr>
          ))}
        </Table>
      </section>
      <section aria-labelledby="view-payment" className="tp-section">
        <Heading2 id="view-payment">{t('ca.view.payment')}</Heading2>
        <p>{t(`ca.basis.${terms.paymentBasis}`)}</p>
        {a.schedules.advances.length > 0 ? (
          <Table caption={t('ca.view.advances')} headers={[t('ca.view.col.fiscalYear'), t('ca.view.col.period'), t('ca.view.col.amount')]}>
            {a.schedules.advances.map((x) => (
              <tr key={x.start}>
                <td>{x.fiscalYear}</td>
                <td>
                  {formatDate(x.start)} – {formatDate(x.end)}
                </td>
                <td>{formatMoney(x.amountCents)}</td>
              </tr>
            ))}
          </Table>
        ) : null}
        <p>{t('ca.view.holdback', { amount: formatMoney(a.schedules.holdbackCents) })}</p>
        <p>{t('ca.view.risk', { level: t(`ca.risk.${terms.riskLevel}`), reasons: terms.riskReasons })}</p>
      </section>
      <section aria-labelledby="view-reporting" className="tp-section">
        <Heading2 id="view-reporting">{t('ca.view.reporting', { frequency: t(`ca.frequency.${terms.reportingFrequency}`) })}</Heading2>
        <Table caption={t('ca.view.reporting', { frequency: t(`ca.frequency.${terms.reportingFrequency}`) })} headers={[t('ca.view.col.period'), t('ca.col.due'), t('ca.view.col.final')]} testId="reporting-schedule">
          {a.schedules.reporting.map((p) => (
            <tr key={p.start}>
              <td>
                {formatDate(p.start)} – {formatDate(p.end)}
              </td>
              <td>{formatDate(p.dueDate)}</td>
              <td>{p.final ? '✓' : ''}</td>
            </tr>
          ))}
        </Table>
      </section>
      {terms.milestones.length > 0 ? (
        <section aria-labelledby="view-milestones" className="tp-section">
          <Heading2 id="view-milestones">{t('ca.view.milestones')}</Heading2>
          <Table caption={t('ca.view.milestones')} headers={[t('ca.view.col.milestone'), t('ca.col.due'), t('ca.view.col.payment')]}>
            {terms.milestones.map((m) => (
              <tr key={m.key ?? m.title}>
                <td>
                  {m.title}
                  {m.deliverables ? <p>{m.deliverables}</p> : null}
                </td>
                <td>{formatDate(m.dueDate)}</td>
                <td>{m.paymentCents !== null ? formatMoney(m.paymentCents) : ''}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
      {terms.specialConditions ? (
        <section aria-labelledby="view-conditions" className="tp-section">
          <Heading2 id="view-conditions">{t('ca.view.conditions')}</Heading2>
          <p className="tp-pre">{terms.specialConditions}</p>
        </section>
      ) : null}
      <section aria-labelledby="view-signatures" className="tp-section">
        <Heading2 id="view-signatures">{t('ca.view.signatures')}</Heading2>
        <p data-testid="recipient-signature">{a.recipientSignature ? t('ca.view.recipientSigned', { name: a.recipientSignature.name, title: a.recipientSignature.title, date: formatDate(a.recipientSignature.signedAt) }) : t('ca.view.notSigned')}</p>
        {a.departmentSignature ? <p data-testid="department-signature">{t('ca.view.departmentSigned', { name: a.departmentSignature.name, date: formatDate(a.departmentSignature.signedAt) })}</p> : null}
      </section>
      <section aria-labelledby="view-versions" className="tp-section">
        <Heading2 id="view-versions">{t('ca.view.versions')}</Heading2>
        <Table caption={t('ca.view.versionsCaption')} headers={[t('ca.view.col.version'), t('ca.col.status'), t('ca.col.total'), t('ca.view.col.reason'), t('ca.view.col.date'), '']} testId="versions">
          {a.versions.map((v) => (
            <tr key={v.version}>
              <td>
                <Link to="/agreements/$agreementId/versions/$version" params={{ agreementId: a.id, version: String(v.version) }} className="tp-link">
                  {t('ca.view.compare', { version: v.version })}
                </Link>
              </td>
              <td>{t(`ca.versionStatus.${v.status}`)}</td>
              <td>{formatMoney(v.totalCents)}</td>
              <td>{v.reason ?? ''}</td>
              <td>{formatDate(v.decidedAt ?? v.createdAt)}</td>
              <td>
                <a className="tp-link" href={`/agreements/${a.id}/pdf?version=${v.version}`}>
                  {t('ca.view.pdfVersion', { version: v.version })}
                </a>
              </td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}

function Actions({ agreement: a, onDone }: { agreement: Agreement; onDone(message: string): Promise<void> }) {
  const { t, pick, formatMoney } = useT();
  const may = (action: AgreementAction) => a.allowedActions.includes(action);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await work();
      await onDone(message);
    } catch (e) {
      setError(e);
    }
  };
  const send = useMutation(trpc.agreements.send.mutationOptions());
  const recall = useMutation(trpc.agreements.recall.mutationOptions());
  const sign = useMutation(trpc.agreements.signAsRecipient.mutationOptions());
  const signDept = useMutation(trpc.agreements.signForDepartment.mutationOptions());
  const decide = useMutation(trpc.agreements.decideAmendment.mutationOptions());
  const end = useMutation(trpc.agreements.end.mutationOptions());
  const problem = error ? problemsFromError(error, () => false).form : null;
  return (
    <div data-testid="agreement-actions">
      <ProblemNotice problem={problem} />
      {may('send') ? (
        <div className="tp-actions">
          <Link to="/agreements/$agreementId/edit" params={{ agreementId: a.id }} className="tp-link">
            {t('ca.action.edit')}
          </Link>
          <GcdsButton type="button" onGcdsClick={() => void run(() => send.mutateAsync({ agreementId: a.id }), t('ca.action.sent'))}>
            {t('ca.action.send')}
          </GcdsButton>
        </div>
      ) : null}
      {may('recall') ? (
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => recall.mutateAsync({ agreementId: a.id }), t('ca.action.recalled'))}>
          {t('ca.action.recall')}
        </GcdsButton>
      ) : null}
      {may('signAsRecipient') ? (
        <section aria-labelledby="sign-heading" className="tp-section" data-testid="sign-panel">
          <Heading2 id="sign-heading">{t('ca.sign.title')}</Heading2>
          <p>{t('ca.sign.intro', { organisation: pick(a.organisation.legalNameEn, a.organisation.legalNameFr) })}</p>
          <GcdsInput inputId="sign-name" name="sign-name" label={t('ca.sign.name')} required type="text" value={name} onGcdsInput={(e) => setName(String(e.detail ?? ''))} />
          <GcdsInput inputId="sign-title" name="sign-title" label={t('ca.sign.signerTitle')} required type="text" value={title} onGcdsInput={(e) => setTitle(String(e.detail ?? ''))} />
          <GcdsCheckboxes
            name="sign-confirm"
            legend={t('ca.sign.title')}
            hideLegend
            options={[{ id: 'sign-confirm', label: t('ca.sign.confirm'), value: 'yes', checked: confirmed }]}
            value={confirmed ? ['yes'] : []}
            onGcdsChange={(e) => setConfirmed(Array.isArray(e.detail) && (e.detail as string[]).includes('yes'))}
          />
          <GcdsButton type="button" onGcdsClick={() => void run(() => sign.mutateAsync({ agreementId: a.id, signerName: name, signerTitle: title, confirmed: confirmed as true }), t('ca.sign.done'))}>
            {t('ca.sign.submit')}
          </GcdsButton>
        </section>
      ) : null}
      {may('signForDepartment') ? (
        <section aria-labelledby="dept-heading" className="tp-section" data-testid="department-panel">
          <Heading2 id="dept-heading">{t('ca.department.title')}</Heading2>
          <p>{a.myAuthority ? t('ca.department.authority', { limit: formatMoney(a.myAuthority.maxAmountCents), role: t(`role.${a.myAuthority.role}` as MessageKey) }) : t('ca.department.none')}</p>
          <GcdsButton type="button" onGcdsClick={() => void run(() => signDept.mutateAsync({ agreementId: a.id }), t('ca.department.done'))}>
            {t('ca.department.submit')}
          </GcdsButton>
        </section>
      ) : null}
      {may('amend') ? (
        <p>
          <Link to="/agreements/$agreementId/amend" params={{ agreementId: a.id }} className="tp-link">
            {t('ca.amend.link')}
          </Link>
        </p>
      ) : null}
      {a.pendingAmendment ? (
        <section aria-labelledby="pending-heading" className="tp-section" data-testid="pending-amendment">
          <Heading2 id="pending-heading">{t('ca.amend.pending', { version: a.pendingAmendment.version, reason: a.pendingAmendment.reason ?? '' })}</Heading2>
          <p>
            <Link to="/agreements/$agreementId/versions/$version" params={{ agreementId: a.id, version: String(a.pendingAmendment.version) }} className="tp-link">
              {t('ca.view.compare', { version: a.pendingAmendment.version })}
            </Link>
          </p>
          {may('decideAmendment') ? (
            <>
              <GcdsTextarea textareaId="amend-note" name="amend-note" label={t('ca.amend.note')} rows={2} value={note} onGcdsInput={(e) => setNote(String(e.detail ?? ''))} />
              <div className="tp-actions">
                <GcdsButton type="button" onGcdsClick={() => void run(() => decide.mutateAsync({ agreementId: a.id, version: a.pendingAmendment!.version, approve: true, note }), t('ca.amend.approved'))}>
                  {t('ca.amend.approve')}
                </GcdsButton>
                <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => decide.mutateAsync({ agreementId: a.id, version: a.pendingAmendment!.version, approve: false, note }), t('ca.amend.rejected'))}>
                  {t('ca.amend.reject')}
                </GcdsButton>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      {may('end') ? (
        <details>
          <summary>{t('ca.end.title')}</summary>
          <GcdsTextarea textareaId="end-reason" name="end-reason" label={t('ca.end.reason')} rows={2} value={reason} onGcdsInput={(e) => setReason(String(e.detail ?? ''))} />
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => void run(() => end.mutateAsync({ agreementId: a.id, outcome: 'closed', reason }), t('ca.end.done'))}>
              {t('ca.end.close')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="danger" onGcdsClick={() => void run(() => end.mutateAsync({ agreementId: a.id, outcome: 'terminated', reason }), t('ca.end.done'))}>
              {t('ca.end.terminate')}
            </GcdsButton>
          </div>
        </details>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// A version beside the one it amended

interface Names {
  streams: Map<string, { nameEn: string; nameFr: string }>;
  pillars: Map<string, { nameEn: string; nameFr: string }>;
}

function describeSection(terms: AgreementTerms, section: TermsSection, t: ReturnType<typeof useT>, names: Names): string {
  const { formatMoney, formatDate, t: tr, pick } = t;
  const name = (n: { nameEn: string; nameFr: string } | undefined, fallback: string) => (n ? pick(n.nameEn, n.nameFr) : fallback);
  switch (section) {
    case 'streamId':
      return terms.streamId ? name(names.streams.get(terms.streamId), terms.streamId) : tr('ca.form.noStream');
    case 'paymentBasis':
      return tr(`ca.basis.${terms.paymentBasis}`);
    case 'advanceFrequency':
      return terms.advanceFrequency ? tr(`ca.frequency.${terms.advanceFrequency}`) : '';
    case 'reportingFrequency':
      return tr(`ca.frequency.${terms.reportingFrequency}`);
    case 'riskLevel':
      return tr(`ca.risk.${terms.riskLevel}`);
    case 'totalCents':
      return formatMoney(terms.totalCents);
    case 'fiscalYears':
      return terms.fiscalYears.map((y) => `${y.fiscalYear}: ${formatMoney(y.amountCents)}`).join('; ');
    case 'budget':
      return terms.budget.map((b) => `${b.fiscalYear} ${tr(`apply.cost.${b.category}` as MessageKey)}: ${formatMoney(b.amountCents)}`).join('; ');
    case 'holdback':
      return terms.holdback.kind === 'percent' ? `${Number(terms.holdback.basisPoints) / 100} %` : formatMoney(terms.holdback.cents);
    case 'startDate':
    case 'endDate':
      return formatDate(terms[section]);
    case 'milestones':
      return terms.milestones.map((m) => `${m.title} (${formatDate(m.dueDate)}${m.paymentCents !== null ? `, ${formatMoney(m.paymentCents)}` : ''})`).join('; ');
    case 'indicators':
      return terms.indicators.map((i) => i.targetValue).join('; ');
    case 'otherFunding':
      return terms.otherFunding.map((f) => `${f.source}: ${formatMoney(f.amountCents)}`).join('; ');
    case 'pillarIds':
      return terms.pillarIds.map((id) => name(names.pillars.get(id), id)).join('; ');
    default:
      return String(terms[section] ?? '');
  }
}

export function VersionPage({ agreementId, version }: { agreementId: string; version: number }) {
  const tr = useT();
  const { t } = tr;
  const agreement = useAgreement(agreementId);
  const v = useQuery(trpc.agreements.version.queryOptions({ agreementId, version }));
  const programs = useQuery(trpc.program.list.queryOptions());
  const program = programs.data?.find((p) => p.id === agreement.data?.program.id);
  const names: Names = {
    streams: new Map((program?.streams ?? []).map((x) => [x.id, x])),
    pillars: new Map((program?.pillars ?? []).map((x) => [x.id, x])),
  };
  return (
    <QueryView query={v}>
      {(data) => (
        <>
          <PageHeading title={t('ca.version.title', { version, reference: agreement.data?.referenceNumber ?? '' })} intro={t('ca.version.intro', { status: t(`ca.versionStatus.${data.version.status}`), kind: data.kind ? t(`ca.version.kind.${data.kind}`) : '' })} />
          {data.version.reason ? <p>{t('ca.version.reason', { reason: data.version.reason })}</p> : null}
          {data.version.decisionNote ? <p>{t('ca.version.note', { note: data.version.decisionNote })}</p> : null}
          <p>
            <Link to="/agreements/$agreementId" params={{ agreementId }} className="tp-link">
              {agreement.data?.referenceNumber ?? ''}
            </Link>
          </p>
          <Table
            caption={t('ca.version.caption', { previous: data.version.basedOnVersion ?? version, version })}
            headers={[t('ca.version.section'), t('ca.version.before', { version: data.version.basedOnVersion ?? version }), t('ca.version.before', { version }), '']}
            testId="version-comparison"
          >
            {TERMS_SECTIONS.map((s) => {
              const changed = data.changed.includes(s);
              return (
                <tr key={s} data-changed={changed ? 'yes' : 'no'} className={changed ? 'tp-changed' : ''}>
                  <th scope="row">{t(`ca.section.${s}`)}</th>
                  <td>{data.previous ? describeSection(data.previous, s, tr, names) : ''}</td>
                  <td>{describeSection(data.terms, s, tr, names)}</td>
                  <td>{changed ? <strong>{t('ca.version.changed')}</strong> : t('ca.version.unchanged')}</td>
                </tr>
              );
            })}
          </Table>
        </>
      )}
    </QueryView>
  );
}

// ---------------------------------------------------------------------------------------------
// The recipient's agreements

export function MyAgreementsPage() {
  const { t, formatMoney, formatDate } = useT();
  const mine = useQuery(trpc.agreements.mine.queryOptions());
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('ca.my.title')} intro={t('ca.my.intro')} />
      <QueryView query={mine}>
        {(m) => (
          <>
            {m.agreements.length === 0 ? (
              <p>{t('ca.my.empty')}</p>
            ) : (
              <Table caption={t('ca.my.caption')} headers={[t('ca.col.reference'), t('ca.col.title'), t('ca.col.total'), t('ca.col.term'), t('ca.col.status')]} testId="my-agreements">
                {m.agreements.map((x) => (
                  <tr key={x.id}>
                    <td>
                      <Link to="/agreements/$agreementId" params={{ agreementId: x.id }} className="tp-link">
                        {x.referenceNumber}
                      </Link>
                    </td>
                    <td>{x.title}</td>
                    <td>{formatMoney(x.totalCents)}</td>
                    <td>
                      {formatDate(x.startDate)} – {formatDate(x.endDate)}
                    </td>
                    <td>{t(`status.agreement.${x.status}`)}</td>
                  </tr>
                ))}
              </Table>
            )}
            <section aria-labelledby="my-due" className="tp-section">
              <Heading2 id="my-due">{t('ca.my.due')}</Heading2>
              {m.obligations.length === 0 ? (
                <p>{t('ca.obligations.none')}</p>
              ) : (
                <Table caption={t('ca.my.dueCaption')} headers={[t('ca.col.due'), t('ca.col.what'), t('ca.col.reference')]}>
                  {m.obligations.map((o, i) => (
                    <tr key={`${o.agreementId}-${i}`}>
                      <td>{o.dueDate ? formatDate(o.dueDate) : ''}</td>
                      <td>{t(`ca.obligation.${o.kind}`, { label: o.label })}</td>
                      <td>
                        <Link to="/agreements/$agreementId" params={{ agreementId: o.agreementId }} className="tp-link">
                          {o.referenceNumber}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </Table>
              )}
            </section>
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}
