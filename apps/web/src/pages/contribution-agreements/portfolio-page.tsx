/** The staff portfolio (/agreements): applications awaiting an agreement, what is coming due, and the agreements, filtered and paged. */
import { GcdsButton, GcdsSelect } from '@cdssnc/gcds-components-react';
import { AGREEMENT_DRAFTERS, AGREEMENT_STAFF, AGREEMENT_STATUSES, type AgreementPortfolioInput, PROVINCES_AND_TERRITORIES, RISK_LEVELS } from '@tp/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { AgreementLink } from './agreement-link';

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
          <SectionHeading id="awaiting">{t('ca.awaiting')}</SectionHeading>
          <QueryView query={awaiting}>
            {(rows) => (
              <DataTable
                caption={t('ca.awaiting.caption')}
                testId="awaiting-agreement"
                rows={rows}
                rowKey={(r) => r.id}
                empty={t('ca.awaiting.none')}
                columns={[
                  { header: t('ca.col.reference'), cell: (r) => r.referenceNumber },
                  { header: t('ca.col.organisation'), cell: (r) => pick(r.legalNameEn, r.legalNameFr) },
                  { header: t('ca.col.title'), cell: (r) => r.title },
                  { header: t('ca.col.total'), cell: (r) => (r.amountCents !== null ? formatMoney(r.amountCents) : '') },
                  {
                    header: '',
                    cell: (r) => (
                      <Link to="/agreements/new" search={{ applicationId: r.id }} className="tp-link">
                        {t('ca.awaiting.draft')}
                        <span className="tp-visually-hidden"> {r.referenceNumber}</span>
                      </Link>
                    ),
                  },
                ]}
              />
            )}
          </QueryView>
        </section>
      ) : null}
      <section aria-labelledby="obligations" className="tp-section">
        <SectionHeading id="obligations">{t('ca.obligations')}</SectionHeading>
        <QueryView query={obligations}>
          {(rows) => (
            <DataTable
              caption={t('ca.obligations.caption')}
              testId="obligations"
              rows={rows.slice(0, 30)}
              rowKey={(o, i) => `${o.agreementId}-${o.kind}-${i}`}
              empty={t('ca.obligations.none')}
              columns={[
                { header: t('ca.col.due'), cell: (o) => (o.dueDate ? formatDate(o.dueDate) : '') },
                { header: t('ca.col.what'), cell: (o) => t(`ca.obligation.${o.kind}`, { label: o.label }) },
                { header: t('ca.col.reference'), cell: (o) => <AgreementLink id={o.agreementId} reference={o.referenceNumber} /> },
                { header: t('ca.col.organisation'), cell: (o) => pick(o.organisationNameEn, o.organisationNameFr) },
              ]}
            />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="portfolio-filters" className="tp-section">
        <SectionHeading id="portfolio-filters">{t('ca.filters')}</SectionHeading>
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
                <DataTable
                  caption={t('ca.portfolio.caption', { total: p.total })}
                  testId="portfolio"
                  rows={p.rows}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: t('ca.col.reference'), cell: (r) => <AgreementLink id={r.id} reference={r.referenceNumber} /> },
                    { header: t('ca.col.organisation'), cell: (r) => `${pick(r.legalNameEn, r.legalNameFr)} (${r.provinceOrTerritory})` },
                    { header: t('ca.col.program'), cell: (r) => pick(r.programNameEn, r.programNameFr) },
                    { header: t('ca.col.title'), cell: (r) => r.title },
                    { header: t('ca.col.total'), cell: (r) => formatMoney(r.totalCents) },
                    { header: t('ca.col.term'), cell: (r) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` },
                    { header: t('ca.col.risk'), cell: (r) => t(`ca.risk.${r.riskLevel}`) },
                    { header: t('ca.col.status'), cell: (r) => t(`status.agreement.${r.status}`) },
                  ]}
                />
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
