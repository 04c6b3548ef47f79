/** Who is signed in (or null), shared by the shell, the route guards and the pages. */
import { HOME_PATH, type Role } from '@tp/domain';
import { useQuery } from '@tanstack/react-query';
import { queryClient, trpc } from './trpc';

export function useSession() {
  return useQuery(trpc.auth.session.queryOptions());
}

export type Session = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

export function loadSession() {
  return queryClient.ensureQueryData(trpc.auth.session.queryOptions());
}

/** Ask the server again (after signing in or out). */
export async function refreshSession() {
  await queryClient.invalidateQueries({ queryKey: trpc.auth.session.queryKey() });
  return queryClient.fetchQuery({ ...trpc.auth.session.queryOptions(), staleTime: 0 });
}

/** Where a user lands: the home page of their first role. */
export function homePathOf(roles: readonly Role[]): string {
  const first = roles[0];
  return first ? HOME_PATH[first] : '/sign-in';
}

/** Only same-site paths may be returned to after signing in. */
export function safeReturnPath(path: string | undefined): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/sign-in') ? path : null;
}
