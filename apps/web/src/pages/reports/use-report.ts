/** A progress report as the caller may see it, and the names of its sections. */
import type { ReportSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

export type Report = NonNullable<ReturnType<typeof useReport>['data']>;
export type Plan = Report['plan'];

export function useReport(reportId: string) {
  return useQuery(trpc.reports.get.queryOptions({ reportId }));
}

/** The heading of each section of a report. */
export const SECTION_LABEL: Record<ReportSection, MessageKey> = {
  activities: 'rep.section.activities',
  deliverables: 'rep.section.deliverables',
  indicators: 'rep.section.indicators',
  narrative: 'rep.section.narrative',
  risks: 'rep.section.risks',
  finalResults: 'rep.section.finalResults',
};
