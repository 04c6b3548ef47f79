/** The programs an agreement may be drafted under, and the streams, pillars and indicators of the chosen one. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';
import type { TermsOptions } from './terms-form';

export function useTermsOptions(programId: string | null) {
  const programs = useQuery(trpc.program.list.queryOptions());
  const options = useQuery({ ...trpc.agreements.draftingOptions.queryOptions({ programId: programId ?? '00000000-0000-4000-8000-000000000000' }), enabled: Boolean(programId) });
  const program = programs.data?.find((p) => p.id === programId);
  const value: TermsOptions | null =
    options.data && program ? { streams: options.data.streams, pillars: options.data.pillars, indicators: options.data.indicators, stackingLimitBp: options.data.program.stackingLimitBp } : null;
  return { programs, value };
}
