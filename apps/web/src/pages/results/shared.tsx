/** Small pieces the results pages share: the program and fiscal-year pickers, how a figure reads. */
import { GcdsSelect } from '@cdssnc/gcds-components-react';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

export { RESULTS_READERS } from '@tp/domain';

/** A decimal figure as the user's locale writes it (display only; the figure itself stays exact). */
export function useFigure() {
  const { lang } = useT();
  const format = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 2 });
  return (value: string | null, unit?: string | null) => {
    if (value === null) return '—';
    const n = format.format(Number(value));
    return unit === 'percent' || unit === 'yes_no' ? `${n} %` : unit === 'currency' ? `${n} $` : n;
  };
}

export function unitLabel(unit: string | null): MessageKey {
  return (unit ? `results.unit.${unit}` : 'results.unit.none') as MessageKey;
}

export function ProgramYearPicker({ programId, fiscalYear, onChange, idPrefix }: { programId: string; fiscalYear: string; onChange: (next: { programId: string; fiscalYear: string }) => void; idPrefix: string }) {
  const { t, pick, lang } = useT();
  const programs = useQuery(trpc.program.list.queryOptions());
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', columnGap: 'var(--gcds-spacing-400)' }}>
      <GcdsSelect key={`p-${lang}-${programs.data?.length ?? 0}`} selectId={`${idPrefix}-program`} name={`${idPrefix}-program`} label={t('results.program')} value={programId} onGcdsChange={(e) => onChange({ programId: String(e.detail ?? ''), fiscalYear })}>
        {(programs.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {pick(p.nameEn, p.nameFr)}
          </option>
        ))}
      </GcdsSelect>
      <GcdsSelect key={`y-${lang}-${years.data?.years.length ?? 0}`} selectId={`${idPrefix}-fiscalYear`} name={`${idPrefix}-fiscalYear`} label={t('results.fiscalYear')} value={fiscalYear} onGcdsChange={(e) => onChange({ programId, fiscalYear: String(e.detail ?? '') })}>
        {(years.data?.years ?? []).map((y) => (
          <option key={y.label} value={y.label}>
            {y.label}
          </option>
        ))}
      </GcdsSelect>
    </div>
  );
}

/** The first program and last year's fiscal year, when the address does not name them. */
export function useDefaultProgramYear(programId: string | undefined, fiscalYear: string | undefined) {
  const programs = useQuery(trpc.program.list.queryOptions());
  const years = useQuery(trpc.reference.fiscalYears.queryOptions());
  const current = years.data?.current;
  const lastYear = current ? `${Number(current.slice(0, 4)) - 1}-${current.slice(2, 4)}` : undefined;
  return {
    programId: programId || programs.data?.[0]?.id || '',
    fiscalYear: fiscalYear || lastYear || '',
  };
}
