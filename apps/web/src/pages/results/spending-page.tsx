/**
 * /results/spending: planned (program budget), committed and actual spending by program, pillar
 * and fiscal year, like table 1 of the 2021 evaluation, with a chart that repeats the table; and
 * who was funded in the last year of the range, by province or territory, type and priority.
 */
import { GcdsHeading, GcdsSelect } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { BarChart } from '../../components/charts/bar-chart';
import { PageHeading } from '../../components/page-heading';
import { DataTable } from '../../components/data-table';
import { QueryView } from '../../components/query-view';
import { AnyRoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc, type trpcClient } from '../../lib/trpc';
import type { MessageKey } from '@tp/i18n/web';
import { RESULTS_READERS } from './shared';

export function SpendingPage() {
  return (
    <AnyRoleGate roles={RESULTS_READERS}>
      <Spending />
    </AnyRoleGate>
  );
}

type SpendingRows = Awaited<ReturnType<typeof trpcClient.results.spending.query>>;

function Spending() {
  const { t, lang } = useT();
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  const current = years.data?.current;
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const to = range?.to ?? (current ? `${Number(current.slice(0, 4)) - 1}-${current.slice(2, 4)}` : '');
  const from = range?.from ?? (to ? `${Number(to.slice(0, 4)) - 3}-${String((Number(to.slice(0, 4)) - 2) % 100).padStart(2, '0')}` : '');
  const rows = useQuery({ ...trpc.results.spending.queryOptions({ fromFiscalYear: from, toFiscalYear: to }), enabled: Boolean(from && to) });
  const labels = (years.data?.years ?? []).map((y) => y.label);
  return (
    <>
      <PageHeading title={t('results.spending.title')} intro={t('results.spending.intro')} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', columnGap: 'var(--gcds-spacing-400)' }}>
        <GcdsSelect key={`f-${lang}-${labels.length}`} selectId="spending-from" name="spending-from" label={t('results.spending.from')} value={from} onGcdsChange={(e) => setRange({ from: String(e.detail ?? ''), to })}>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </GcdsSelect>
        <GcdsSelect key={`t-${lang}-${labels.length}`} selectId="spending-to" name="spending-to" label={t('results.spending.to')} value={to} onGcdsChange={(e) => setRange({ from, to: String(e.detail ?? '') })}>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </GcdsSelect>
      </div>
      {from && to ? <QueryView query={rows}>{(list) => <SpendingTables rows={list} />}</QueryView> : null}
      {to ? <Funded fiscalYear={to} /> : null}
    </>
  );
}

function SpendingTables({ rows }: { rows: SpendingRows }) {
  const { t, pick, formatMoney } = useT();
  const programs = [...new Map(rows.map((r) => [r.programId, r])).values()];
  const chart = useMemo(() => {
    const yearsInRange = [...new Set(rows.map((r) => r.fiscalYear))].sort();
    const planned = yearsInRange.map((y) => Number(rows.filter((r) => r.fiscalYear === y).reduce((s, r) => s + r.plannedCents, 0n) / 100n));
    const actual = yearsInRange.map((y) => Number(rows.filter((r) => r.fiscalYear === y).reduce((s, r) => s + r.actualCents, 0n) / 100n));
    const dollars = (v: number) => formatMoney(BigInt(v) * 100n);
    return { labels: yearsInRange, series: [{ label: t('results.col.planned'), values: planned, format: dollars }, { label: t('results.col.actualSpending'), values: actual, format: dollars }] };
  }, [rows, t, formatMoney]);
  return (
    <>
      <BarChart categoryLabel={t('results.fiscalYear')} title={t('results.spending.chart')} labels={chart.labels} series={chart.series} testId="spending-chart" />
      {programs.map((p) => {
        const mine = rows.filter((r) => r.programId === p.programId);
        const total = mine.reduce((s, r) => ({ planned: s.planned + r.plannedCents, committed: s.committed + r.committedCents, actual: s.actual + r.actualCents }), { planned: 0n, committed: 0n, actual: 0n });
        return (
          <DataTable
            key={p.programId}
            caption={pick(p.programNameEn, p.programNameFr)}
            className="tp-table-money"
            testId={`spending-${p.programId}`}
            rows={mine}
            rowKey={(r) => `${r.pillarId}-${r.fiscalYear}`}
            columns={[
              { header: t('results.col.pillar'), rowHeader: true, cell: (r) => pick(r.pillarNameEn, r.pillarNameFr) },
              { header: t('results.fiscalYear'), cell: (r) => r.fiscalYear },
              { header: t('results.col.planned'), cell: (r) => formatMoney(r.plannedCents) },
              { header: t('results.col.committed'), cell: (r) => formatMoney(r.committedCents) },
              { header: t('results.col.actualSpending'), cell: (r) => formatMoney(r.actualCents) },
              {
                header: t('results.col.spendingVariance'),
                cell: (r) => `${formatMoney(r.varianceCents)}${r.varianceBasisPoints !== null ? ` (${(Number(r.varianceBasisPoints) / 100).toFixed(1)} %)` : ''}`,
              },
            ]}
            footer={
              <tr>
                <th scope="row" colSpan={2}>
                  {t('results.spending.total')}
                </th>
                <td>{formatMoney(total.planned)}</td>
                <td>{formatMoney(total.committed)}</td>
                <td>{formatMoney(total.actual)}</td>
                <td>{formatMoney(total.actual - total.planned)}</td>
              </tr>
            }
          />
        );
      })}
    </>
  );
}

function Funded({ fiscalYear }: { fiscalYear: string }) {
  const { t, formatMoney } = useT();
  const funded = useQuery(trpc.results.funded.queryOptions({ fiscalYear }));
  return (
    <section aria-labelledby="funded-heading" className="tp-section">
      <GcdsHeading tag="h2" id="funded-heading">
        {t('results.funded.title', { year: fiscalYear })}
      </GcdsHeading>
      <QueryView query={funded}>
        {(data) => (
          <>
            <p>{t('results.funded.agreements', { agreements: data.total.agreements, organisations: data.total.organisations })}</p>
            {(
              [
                ['results.col.province', data.byProvince, (k: string) => t(`province.${k}` as MessageKey)],
                ['results.col.type', data.byType, (k: string) => t(`organisationType.${k}` as MessageKey)],
                ['results.col.priority', data.byPriority, (k: string) => t(`results.priority.${k}` as MessageKey)],
              ] as const
            ).map(([heading, groups, name]) => (
              <DataTable
                key={heading}
                caption={t(heading)}
                rows={groups}
                rowKey={(g) => g.key}
                columns={[
                  { key: 'group', header: t(heading), rowHeader: true, cell: (g) => name(g.key) },
                  { header: t('results.col.agreements'), cell: (g) => g.agreements },
                  { header: t('results.col.organisations'), cell: (g) => g.organisations },
                  { header: t('results.col.amount'), cell: (g) => formatMoney(g.amountCents) },
                ]}
              />
            ))}
          </>
        )}
      </QueryView>
    </section>
  );
}
