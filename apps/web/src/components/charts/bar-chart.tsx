/**
 * A bar chart drawn by Chart.js (loaded on demand, so pages without charts do not pay for it),
 * always followed by the same figures as a table: the canvas is hidden from assistive
 * technology, the table is what screen readers and keyboard users read.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/language';

export interface BarSeries {
  label: string;
  values: number[];
  /** How each value reads in the table (money, a count, a percentage). */
  format?: (value: number) => string;
}

const COLOURS = ['#26374a', '#b3800f', '#278400', '#a62a1e'];

export function BarChart({ title, categoryLabel, labels, series, testId }: { title: string; categoryLabel: string; labels: string[]; series: BarSeries[]; testId?: string }) {
  const { t, lang } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('./chart-js').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })) },
        options: { locale: lang === 'fr' ? 'fr-CA' : 'en-CA', responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [labels, series, lang]);
  return (
    <figure className="tp-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div style={{ position: 'relative', height: '16rem' }}>
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      {/* Focusable, as every table frame that may scroll at a phone's width (WCAG 2.1.1). */}
      <div className="tp-table-wrap" tabIndex={0} role="region" aria-label={`${title}: ${t('results.chart.table')}`}>
        <table className="tp-table">
          <caption>{t('results.chart.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.format ? s.format(s.values[i] ?? 0) : String(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
