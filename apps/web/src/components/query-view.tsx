/** Loading and failure states of a query, in the user's language; the page renders the data. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language';
import { problemsFromError } from '../lib/form-problems';
import { ProblemNotice } from './notices';

export function QueryView<T, E>({ query, children }: { query: UseQueryResult<T, E>; children: (data: T) => ReactNode }) {
  const { t } = useT();
  if (query.isPending) return <p role="status">{t('app.loading')}</p>;
  if (query.isError) return <ProblemNotice problem={problemsFromError(query.error).form} />;
  return <>{children(query.data)}</>;
}
