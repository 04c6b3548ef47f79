/** One agreement as the caller may see it, with what the caller may do next. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

export type Agreement = NonNullable<ReturnType<typeof useAgreement>['data']>;
export function useAgreement(agreementId: string) {
  return useQuery(trpc.agreements.get.queryOptions({ agreementId }));
}
