/** A reporting period as the tables show it: "start to end", and whether it is the final one. */
import { useT } from '../../i18n/language';

export function ReportPeriod({ start, end, isFinal }: { start: string | Date; end: string | Date; isFinal?: boolean }) {
  const { t, formatDate } = useT();
  return (
    <>
      {t('rep.periodText', { start: formatDate(start), end: formatDate(end) })}
      {isFinal ? <small> ({t('rep.final')})</small> : null}
    </>
  );
}
