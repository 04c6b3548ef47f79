import { MONEY_READERS, RELEASERS } from '@tp/domain';
/**
 * /reconciliation (finance and the staff who read money): per agreement and fiscal year (or cost
 * category): budget, committed, claimed, certified, paid, advances outstanding, holdback, lapsed,
 * available, with totals, drill-down to the journal and the exports. Finance closes fiscal years.
 * /agreements/$agreementId/journal: every entry of the agreement's journal and its balances.
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading, GcdsInput, GcdsSelect } from '@cdssnc/gcds-components-react';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { InfoNotice, ProblemNotice, SuccessNotice } from '../../components/notices';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { reconciliationFilters, type ReconciliationFilters } from './reconciliation-filters';

const MONEY_COLUMNS = ['budgetCents', 'committedCents', 'claimedCents', 'certifiedCents', 'paidCents', 'advancesOutstandingCents', 'holdbackCents', 'lapsedCents', 'availableCents'] as const;
const MONEY_HEADERS: Record<(typeof MONEY_COLUMNS)[number], MessageKey> = {
  budgetCents: 'fin.col.budget',
  committedCents: 'fin.col.committed',
  claimedCents: 'fin.col.claimed',
  certifiedCents: 'fin.col.certified',
  paidCents: 'fin.col.paid',
  advancesOutstandingCents: 'fin.col.advancesOutstanding',
  holdbackCents: 'fin.col.holdback',
  lapsedCents: 'fin.col.lapsed',
  availableCents: 'fin.col.available',
};

export function ReconciliationPage({ filters }: { filters: ReconciliationFilters }) {
  return (
    <AnyRoleGate roles={MONEY_READERS}>
      <Reconciliation filters={filters} />
    </AnyRoleGate>
  );
}

function Reconciliation({ filters }: { filters: ReconciliationFilters }) {
  const { t, pick, formatMoney, lang } = useT();
  const navigate = useNavigate();
  const programId = filters.programId ?? '';
  const fiscalYear = filters.fiscalYear ?? '';
  const byCategory = filters.byCategory ?? false;
  const page = filters.page ?? 1;
  // The search box keeps what is typed; the address follows it.
  const [search, setSearchText] = useState(filters.search ?? '');
  const setFilters = (patch: Partial<ReconciliationFilters>) => void navigate({ to: '/reconciliation', search: reconciliationFilters({ ...filters, page: 1, ...patch }), replace: true });
  const setProgramId = (v: string) => setFilters({ programId: v });
  const setFiscalYear = (v: string) => setFilters({ fiscalYear: v });
  const setByCategory = (v: boolean) => setFilters({ byCategory: v });
  const setSearch = (v: string) => {
    setSearchText(v);
    setFilters({ search: v });
  };
  const setPage = (p: number) => setFilters({ page: p });
  const programs = useQuery(trpc.program.list.queryOptions());
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  // A page of rows at a time, with the totals of every matching row (a program's year is hundreds).
  const rows = useQuery({ ...trpc.claims.reconciliation.queryOptions({ programId: programId || null, fiscalYear: fiscalYear || null, byCategory, search: search.trim(), page }), placeholderData: (previous) => previous });
  const isFinance = useHasAnyRole(RELEASERS);
  const chosenProgram = (programs.data ?? []).find((p) => p.id === programId);
  const programName = chosenProgram ? pick(chosenProgram.nameEn, chosenProgram.nameFr) : null;
  // The exports hold what the screen shows: the same filters and the same search.
  const query = new URLSearchParams({ ...(programId ? { programId } : {}), ...(fiscalYear ? { fiscalYear } : {}), ...(byCategory ? { byCategory: 'true' } : {}), ...(search.trim() ? { search: search.trim() } : {}) }).toString();
  const suffix = query ? `?${query}` : '';
  return (
    <>
      <PageHeading title={t('recon.title')} intro={t('recon.intro')} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', columnGap: 'var(--gcds-spacing-400)' }}>
        <GcdsSelect key={`p-${lang}-${programs.data ? 'ready' : 'loading'}`} selectId="recon-program" name="recon-program" label={t('recon.filter.program')} value={programId} onGcdsChange={(e) => setProgramId(String(e.detail ?? ''))}>
          <option value="">{t('recon.filter.any')}</option>
          {(programs.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.nameEn, p.nameFr)}
            </option>
          ))}
        </GcdsSelect>
        <GcdsSelect key={`y-${lang}-${years.data ? 'ready' : 'loading'}`} selectId="recon-fiscalYear" name="recon-fiscalYear" label={t('recon.filter.fiscalYear')} value={fiscalYear} onGcdsChange={(e) => setFiscalYear(String(e.detail ?? ''))}>
          <option value="">{t('recon.filter.any')}</option>
          {(years.data && 'years' in years.data ? years.data.years : []).map((y) => (
            <option key={y.label} value={y.label}>
              {y.label}
            </option>
          ))}
        </GcdsSelect>
        <GcdsInput
          inputId="recon-search"
          name="recon-search"
          type="search"
          label={t('recon.filter.search')}
          value={search}
          onGcdsInput={(e) => {
            setSearch(String(e.detail ?? ''));
          }}
        />
      </div>
      <GcdsCheckboxes
        key={`c-${lang}`}
        name="recon-byCategory"
        legend={t('recon.filter.byCategory')}
        hideLegend
        options={[{ id: 'recon-byCategory', label: t('recon.filter.byCategory'), value: 'yes', checked: byCategory }]}
        value={byCategory ? ['yes'] : []}
        onGcdsChange={(e) => {
          setByCategory(Array.isArray(e.detail) && (e.detail as string[]).includes('yes'));
        }}
      />
      <QueryView query={rows}>
        {({ rows: list, totals, total, page: shown, pageSize }) => {
          const pages = Math.max(1, Math.ceil(total / pageSize));
          if (total === 0) return <p>{t('recon.empty')}</p>;
          return (
            <>
              <DataTable
                caption={t('recon.caption', { total })}
                className="tp-table-money"
                testId="reconciliation"
                rows={list}
                rowKey={(r) => `${r.agreementId}-${r.fiscalYear}-${r.costCategory ?? ''}`}
                rowProps={(r) => ({ 'data-agreement': r.referenceNumber, 'data-fiscal-year': r.fiscalYear })}
                columns={[
                  {
                    header: t('fin.col.agreement'),
                    rowHeader: true,
                    cell: (r) => (
                      <Link to="/agreements/$agreementId/journal" params={{ agreementId: r.agreementId }} className="tp-link">
                        {r.referenceNumber}
                      </Link>
                    ),
                  },
                  { header: t('fin.col.organisation'), cell: (r) => pick(r.organisationNameEn, r.organisationNameFr) },
                  { header: t('fin.col.fiscalYear'), cell: (r) => r.fiscalYear },
                  byCategory && { header: t('fin.col.costCategory'), cell: (r) => (r.costCategory ? t(`apply.cost.${r.costCategory}` as MessageKey) : '') },
                  ...MONEY_COLUMNS.map((c) => ({ key: c, header: t(MONEY_HEADERS[c]), cellProps: () => ({ 'data-column': c }), cell: (r: (typeof list)[number]) => formatMoney(r[c]) })),
                ]}
                footer={
                  <tr>
                    <th scope="row" colSpan={byCategory ? 4 : 3}>
                      {t('recon.total', { total })}
                    </th>
                    {MONEY_COLUMNS.map((c) => (
                      <td key={c} data-column={c}>
                        {formatMoney(totals[c])}
                      </td>
                    ))}
                  </tr>
                }
              />
              <p>{t('ca.portfolio.page', { page: shown, pages })}</p>
              <div className="tp-actions">
                {shown > 1 ? (
                  <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => setPage(shown - 1)}>
                    {t('ca.portfolio.previous')}
                  </GcdsButton>
                ) : null}
                {shown < pages ? (
                  <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => setPage(shown + 1)}>
                    {t('ca.portfolio.next')}
                  </GcdsButton>
                ) : null}
              </div>
            </>
          );
        }}
      </QueryView>
      <section aria-labelledby="exports-heading" className="tp-section">
        <GcdsHeading tag="h2" id="exports-heading">
          {t('recon.export')}
        </GcdsHeading>
        <ul>
          <li><a className="tp-link" href={`/exports/reconciliation.xlsx${suffix}`} data-testid="export-reconciliation-xlsx">{t('recon.export.reconciliationXlsx')}</a></li>
          <li><a className="tp-link" href={`/exports/reconciliation.csv${suffix}`}>{t('recon.export.reconciliationCsv')}</a></li>
          <li><a className="tp-link" href={`/exports/payments.xlsx${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`}>{t('recon.export.paymentsXlsx')}</a></li>
          <li><a className="tp-link" href={`/exports/payments.csv${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`}>{t('recon.export.paymentsCsv')}</a></li>
          <li><a className="tp-link" href="/exports/disclosure.xlsx">{t('recon.export.disclosureXlsx')}</a></li>
          <li><a className="tp-link" href="/exports/disclosure.csv">{t('recon.export.disclosureCsv')}</a></li>
          <li><a className="tp-link" href="/exports/disclosure-check.csv">{t('recon.export.disclosureCheck')}</a></li>
          <li><a className="tp-link" href="/exports/disclosure-nil.csv">{t('recon.export.disclosureNil')}</a></li>
        </ul>
      </section>
      {isFinance && fiscalYear ? <YearEnd key={`${fiscalYear}-${programId}`} fiscalYear={fiscalYear} programId={programId || null} programName={programName} /> : null}
    </>
  );
}

/**
 * Year end, as finance staff run it: the scope is the program filtered (or every program not yet
 * closed), the preview lists what will lapse agreement by agreement (the same query the close
 * writes from), and the close asks for the fiscal year typed. Before April 1 after the year it
 * says from when the year can be closed, and offers no button.
 */
function YearEnd({ fiscalYear, programId, programName }: { fiscalYear: string; programId: string | null; programName: string | null }) {
  const { t, pick, formatMoney, problem: message } = useT();
  const [confirmation, setConfirmation] = useState('');
  const preview = useQuery(trpc.claims.yearEndPreview.queryOptions({ fiscalYear, programId }));
  const close = useMutation(
    trpc.claims.closeFiscalYear.mutationOptions({
      onSuccess: () => {
        setConfirmation('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const problems = close.error ? problemsFromError(close.error, ['confirmation']) : null;
  const scope = programName ?? t('recon.yearEnd.allPrograms');
  return (
    <section aria-labelledby="year-end-heading" className="tp-section" data-testid="year-end">
      <GcdsHeading tag="h2" id="year-end-heading">
        {t('recon.yearEnd')}
      </GcdsHeading>
      <p>{t('recon.yearEnd.text')}</p>
      <p>
        <strong>{t('recon.yearEnd.scope')}</strong> {scope}, {fiscalYear}
      </p>
      {close.data ? <SuccessNotice>{t('recon.yearEnd.done', { fiscalYear, scope, amount: formatMoney(close.data.lapsedCents) })}</SuccessNotice> : null}
      <ProblemNotice problem={problems?.form ?? null} />
      <QueryView query={preview}>
        {(p) => {
          if (p.alreadyClosed) return close.data ? null : <p>{t('recon.yearEnd.closed', { fiscalYear, scope })}</p>;
          return (
            <>
              {!p.canCloseToday ? <InfoNotice title={t('recon.yearEnd.notYet')}>{t('error.fiscalYear.tooEarly', { fiscalYear, year: p.opensOn.slice(0, 4) })}</InfoNotice> : null}
              {p.claimsWaiting > 0 ? <InfoNotice title={t('recon.yearEnd.waitingTitle')}>{t('error.fiscalYear.claimsWaiting', { count: p.claimsWaiting })}</InfoNotice> : null}
              {!programName ? <p>{t('recon.yearEnd.programs', { count: p.programs.length, names: p.programs.map((x) => pick(x.nameEn, x.nameFr)).join(', ') })}</p> : null}
              <DataTable
                caption={t('recon.yearEnd.caption', { fiscalYear, count: p.lapses.length })}
                className="tp-table-money"
                testId="year-end-preview"
                rows={p.lapses}
                rowKey={(l) => l.agreementId}
                empty={t('recon.yearEnd.nothing')}
                columns={[
                  { header: t('fin.col.agreement'), rowHeader: true, cell: (l) => l.referenceNumber },
                  { header: t('fin.col.organisation'), cell: (l) => pick(l.organisationNameEn, l.organisationNameFr) },
                  { header: t('fin.col.committed'), numeric: true, cell: (l) => formatMoney(l.committedCents) },
                  { header: t('fin.col.paid'), numeric: true, cell: (l) => formatMoney(l.paidCents) },
                  { header: t('recon.yearEnd.willLapse'), numeric: true, cell: (l) => formatMoney(l.lapsedCents) },
                ]}
                footer={
                  <tr>
                    <th scope="row" colSpan={4}>
                      {t('recon.yearEnd.total')}
                    </th>
                    <td data-testid="year-end-total">{formatMoney(p.lapsedCents)}</td>
                  </tr>
                }
              />
              {p.canCloseToday ? (
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    close.mutate({ fiscalYear, programId, confirmation });
                  }}
                >
                  <GcdsInput
                    inputId="field-confirmation"
                    name="confirmation"
                    label={t('recon.yearEnd.confirmLabel', { fiscalYear })}
                    hint={t('recon.yearEnd.confirmHint', { scope, amount: formatMoney(p.lapsedCents) })}
                    value={confirmation}
                    autocomplete="off"
                    validateOn="other"
                    errorMessage={problems?.fields.confirmation ? message(problems.fields.confirmation) : ''}
                    onGcdsInput={(e) => setConfirmation(String(e.detail ?? ''))}
                  />
                  <GcdsButton type="submit" buttonRole="danger" disabled={close.isPending}>
                    {t('recon.yearEnd.submit', { fiscalYear, scope })}
                  </GcdsButton>
                </form>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

export function AgreementJournalPage({ agreementId }: { agreementId: string }) {
  const { t, formatMoney, formatDate } = useT();
  const ledger = useQuery(trpc.claims.ledger.queryOptions({ agreementId }));
  const agreement = useQuery(trpc.agreements.get.queryOptions({ agreementId }));
  return (
    <>
      <PageHeading title={t('recon.journal', { reference: agreement.data?.referenceNumber ?? '' })} />
      <QueryView query={ledger}>
        {(l) => (
          <>
            <DataTable
              caption={t('recon.balancesCaption')}
              testId="journal-balances"
              rows={l.byFiscalYear}
              rowKey={(y) => y.fiscalYear}
              columns={[
                { header: t('fin.col.fiscalYear'), rowHeader: true, cell: (y) => y.fiscalYear },
                { header: t('fin.col.budget'), cell: (y) => formatMoney(y.amountCents) },
                { header: t('fin.col.committed'), cell: (y) => formatMoney(y.committed) },
                { header: t('fin.col.paid'), cell: (y) => formatMoney(y.paid) },
                { header: t('fin.col.advancesOutstanding'), cell: (y) => formatMoney(y.advancesOutstanding) },
                { header: t('fin.col.lapsed'), cell: (y) => formatMoney(y.lapsed) },
                { header: t('fin.col.available'), cell: (y) => formatMoney(y.available) },
              ]}
            />
            <DataTable
              caption={t('recon.journalCaption')}
              testId="journal-entries"
              rows={l.entries}
              rowKey={(e) => String(e.id)}
              columns={[
                { header: t('fin.col.date'), cell: (e) => formatDate(e.createdAt) },
                { header: t('fin.col.fiscalYear'), cell: (e) => e.fiscalYear },
                { header: t('fin.col.entryKind'), cell: (e) => t(`ledger.kind.${e.kind}` as MessageKey) },
                { header: t('fin.col.costCategory'), cell: (e) => (e.costCategory ? t(`apply.cost.${e.costCategory}` as MessageKey) : '') },
                { header: t('fin.col.amount'), cell: (e) => formatMoney(e.amountCents) },
                {
                  header: t('fin.col.memo'),
                  cell: (e) =>
                    e.claimId ? (
                      <Link to="/claims/$claimId" params={{ claimId: e.claimId }} className="tp-link">
                        {e.memo}
                      </Link>
                    ) : (
                      e.memo
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
