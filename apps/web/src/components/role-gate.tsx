/**
 * Shows a page only to users holding the role (or one of the roles) it is for; anyone else gets a
 * clear "no access" message. The server checks again: this only spares people a useless page.
 */
import { holds, type Role } from '@tp/domain';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language';
import { homePathOf, useSession } from '../lib/session';
import { PageHeading } from './page-heading';

export function AnyRoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useT();
  const session = useSession();
  if (!session.data) return <p role="status">{t('app.loading')}</p>;
  if (holds(session.data, roles)) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('noAccess.title')} intro={t('noAccess.body')} />
      <Link to={homePathOf(session.data.roles)} className="tp-link">
        {t('noAccess.home')}
      </Link>
    </>
  );
}

export function RoleGate({ role, children }: { role: Role; children: ReactNode }) {
  return <AnyRoleGate roles={[role]}>{children}</AnyRoleGate>;
}

/** Whether the signed-in user holds any of `roles` (to show or hide controls; the server decides). */
export function useHasAnyRole(roles: readonly Role[]): boolean {
  const session = useSession();
  return Boolean(session.data && holds(session.data, roles));
}

/** Whether the signed-in user holds `role`. */
export function useHasRole(role: Role): boolean {
  return useHasAnyRole([role]);
}
