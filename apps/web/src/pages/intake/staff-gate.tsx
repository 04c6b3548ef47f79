/** Like RoleGate, for a page that several roles may see (any one of `roles` is enough). */
import type { Role } from '@tp/domain';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeading } from '../../components/page-heading';
import { useT } from '../../i18n/language';
import { homePathOf, useSession } from '../../lib/session';

export function AnyRoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useT();
  const session = useSession();
  if (!session.data) return <p role="status">{t('app.loading')}</p>;
  if (session.data.roles.some((r) => roles.includes(r))) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('noAccess.title')} intro={t('noAccess.body')} />
      <Link to={homePathOf(session.data.roles)} className="tp-link">
        {t('noAccess.home')}
      </Link>
    </>
  );
}

/** Does the signed-in user hold `role`? (Sections of a page shown to one role only.) */
export function useHasRole(role: Role): boolean {
  const session = useSession();
  return Boolean(session.data?.roles.includes(role));
}
