/**
 * The home dashboards of each role, shown on their home pages: recipients (what is due, payments,
 * their indicators against targets), officers (portfolio health), finance (claims to release,
 * advances outstanding, lapse risk), managers and analysts (spending and the rollup). Every chart
 * repeats a table.
 */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { BarChart } from '../components/charts/bar-chart';
import { DataTable } from '../components/data-table';
import { QueryView } from '../components/query-view';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { unitLabel, useFigure } from './results/shared';

/** Each role's dashboard: one titled section on its home page. */
function DashboardSection({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby="dash-heading" className="tp-section">
      <GcdsHeading tag="h2" id="dash-heading">{t('dash.title')}</GcdsHeading>
      {children}
    </section>
  );
}

function Stat({ label, value, to, testId }: { label: string; value: string | number; to?: string; testId: string }) {
  return (
    <div className="tp-card" data-testid={testId}>
      <p className="tp-stat-value">{value}</p>
      <p>{to ? <Link to={to} className="tp-link">{label}</Link> : label}</p>
    </div>
  );
}

export function RecipientDashboard() {
  const { t, formatMoney, formatDate, pick } = useT();
  const figure = useFigure();
  const due = useQuery(trpc.reports.due.queryOptions());
  const payments = useQuery(trpc.dashboard.payments.queryOptions());
  const indicators = useQuery(trpc.results.mine.queryOptions());
  // Reports whose period has ended and that are not yet in: due now or overdue.
  const today = new Date().toISOString().slice(0, 10);
  return (
    <DashboardSection>
      <div className="tp-stats">
        <Stat testId="dash-due" label={t('dash.reportsToFile')} to="/my-reports" value={due.data ? due.data.filter((r) => r.status !== 'accepted' && r.status !== 'submitted' && r.periodEnd < today).length : '…'} />
        <Stat testId="dash-paid" label={t('dash.payments')} to="/claims" value={payments.data ? formatMoney(payments.data.totalCents) : '…'} />
      </div>
      <GcdsHeading tag="h3">{t('dash.myIndicators')}</GcdsHeading>
      <QueryView query={indicators}>
        {(list) => (
          <DataTable
            caption={t('dash.myIndicators')}
            testId="dash-indicators"
            rows={list}
            rowKey={(r) => `${r.agreementId}-${r.indicatorId}`}
            empty={t('dash.none')}
            columns={[
              { header: t('results.col.agreement'), cell: (r) => r.referenceNumber },
              {
                header: t('results.col.indicator'),
                rowHeader: true,
                cell: (r) => (
                  <>
                    {pick(r.nameEn, r.nameFr)} <span className="tp-muted">({t(unitLabel(r.unit))})</span>
                  </>
                ),
              },
              { header: t('results.col.target'), cell: (r) => figure(r.targetValue, r.unit) },
              { header: t('results.col.actual'), cell: (r) => figure(r.actual, r.unit) },
              { header: t('results.col.status'), cell: (r) => t(`results.status.${r.comparison.status}` as MessageKey) },
            ]}
          />
        )}
      </QueryView>
      <QueryView query={payments}>
        {(p) =>
          p.recent.length === 0 ? null : (
            <DataTable
              caption={t('dash.payments')}
              className="tp-table-money"
              rows={p.recent}
              rowKey={(r) => String(r.id)}
              columns={[
                { header: t('results.col.agreement'), rowHeader: true, cell: (r) => r.referenceNumber },
                { header: t('results.fiscalYear'), cell: (r) => r.fiscalYear },
                { header: t('results.col.acceptedOn'), cell: (r) => formatDate(r.createdAt) },
                { header: t('results.col.amount'), cell: (r) => formatMoney(r.amountCents) },
              ]}
            />
          )
        }
      </QueryView>
    </DashboardSection>
  );
}

export function OfficerDashboard() {
  const { t, pick } = useT();
  const data = useQuery(trpc.dashboard.officer.queryOptions());
  return (
    <DashboardSection>
      <QueryView query={data}>
        {(d) => (
          <>
            <div className="tp-stats">
              <Stat testId="dash-overdue" label={t('dash.overdueReports')} to="/reports" value={d.overdueReports} />
              <Stat testId="dash-delayed" label={t('dash.delayedActivities')} value={d.delayedActivities} />
              <Stat testId="dash-at-risk" label={t('dash.atRisk')} to="/agreements" value={d.agreementsAtRisk} />
              <Stat testId="dash-to-certify" label={t('dash.claimsToCertify')} to="/claims" value={d.claimsToCertify} />
            </div>
            {d.atRiskList.length > 0 ? (
              <DataTable
                caption={
                  <>
                    {t('dash.atRisk')} — {t('dash.atRisk.reason')}
                  </>
                }
                rows={d.atRiskList}
                rowKey={(a) => a.agreementId}
                columns={[
                  {
                    header: t('results.col.agreement'),
                    rowHeader: true,
                    cell: (a) => (
                      <Link to="/agreements/$agreementId" params={{ agreementId: a.agreementId }} className="tp-link">
                        {a.referenceNumber}
                      </Link>
                    ),
                  },
                  { header: t('results.col.organisation'), cell: (a) => pick(a.organisationNameEn, a.organisationNameFr) },
                  { header: t('ca.col.risk'), cell: (a) => t(`ca.risk.${a.riskLevel}` as MessageKey) },
                  { header: t('dash.overdueReports'), cell: (a) => a.overdue },
                ]}
              />
            ) : null}
          </>
        )}
      </QueryView>
    </DashboardSection>
  );
}

export function FinanceDashboard() {
  const { t, formatMoney } = useT();
  const data = useQuery(trpc.dashboard.finance.queryOptions());
  return (
    <DashboardSection>
      <QueryView query={data}>
        {(d) => (
          <>
            <div className="tp-stats">
              <Stat testId="dash-to-release" label={t('dash.claimsToRelease')} to="/claims" value={`${d.claimsToRelease} (${formatMoney(d.claimsToReleaseCents)})`} />
            </div>
            <FinanceChart years={d.years} />
          </>
        )}
      </QueryView>
    </DashboardSection>
  );
}

function FinanceChart({ years }: { years: { fiscalYear: string; advancesOutstandingCents: bigint; unpaidCommittedCents: bigint }[] }) {
  const { t, formatMoney } = useT();
  const chart = useMemo(() => {
    const dollars = (v: number) => formatMoney(BigInt(v) * 100n);
    return {
      labels: years.map((y) => y.fiscalYear),
      series: [
        { label: t('dash.advancesOutstanding'), values: years.map((y) => Number(y.advancesOutstandingCents / 100n)), format: dollars },
        { label: t('dash.unpaidCommitted'), values: years.map((y) => Number(y.unpaidCommittedCents / 100n)), format: dollars },
      ],
    };
  }, [years, t, formatMoney]);
  if (years.length === 0) return <p>{t('dash.none')}</p>;
  return <BarChart categoryLabel={t('results.fiscalYear')} title={t('dash.lapseRisk')} labels={chart.labels} series={chart.series} testId="dash-finance-chart" />;
}

/** Managers and analysts: spending over the last four years, with links to the rollup. */
export function ResultsDashboard() {
  const { t, formatMoney } = useT();
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  const current = years.data?.current;
  const to = current ? `${Number(current.slice(0, 4)) - 1}-${current.slice(2, 4)}` : '';
  const from = to ? `${Number(to.slice(0, 4)) - 3}-${String((Number(to.slice(0, 4)) - 2) % 100).padStart(2, '0')}` : '';
  const rows = useQuery({ ...trpc.results.spending.queryOptions({ fromFiscalYear: from, toFiscalYear: to }), enabled: Boolean(to) });
  const chart = useMemo(() => {
    const list = rows.data ?? [];
    const labels = [...new Set(list.map((r) => r.fiscalYear))].sort();
    const dollars = (v: number) => formatMoney(BigInt(v) * 100n);
    const total = (y: string, pickCents: (r: (typeof list)[number]) => bigint) => Number(list.filter((r) => r.fiscalYear === y).reduce((s, r) => s + pickCents(r), 0n) / 100n);
    return {
      labels,
      series: [
        { label: t('results.col.planned'), values: labels.map((y) => total(y, (r) => r.plannedCents)), format: dollars },
        { label: t('results.col.committed'), values: labels.map((y) => total(y, (r) => r.committedCents)), format: dollars },
        { label: t('results.col.actualSpending'), values: labels.map((y) => total(y, (r) => r.actualCents)), format: dollars },
      ],
    };
  }, [rows.data, t, formatMoney]);
  return (
    <DashboardSection>
      <ul className="tp-list">
        <li><Link to="/results/rollup" className="tp-link">{t('dash.openRollup')}</Link></li>
        <li><Link to="/results/spending" className="tp-link">{t('dash.openSpending')}</Link></li>
      </ul>
      <QueryView query={rows}>{() => (chart.labels.length ? <BarChart categoryLabel={t('results.fiscalYear')} title={t('results.spending.chart')} labels={chart.labels} series={chart.series} testId="dash-spending-chart" /> : <p>{t('dash.none')}</p>)}</QueryView>
    </DashboardSection>
  );
}
