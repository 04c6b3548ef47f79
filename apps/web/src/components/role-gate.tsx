/** Shows its page only to users holding `role`; anyone else gets a clear "no access" message. */
import type { Role } from '@tp/domain';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language';
import { homePathOf, useSession } from '../lib/session';
import { PageHeading } from './page-heading';

export function RoleGate({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useT();
  const session = useSession();
  if (!session.data) return <p role="status">{t('app.loading')}</p>;
  if (session.data.roles.includes(role)) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('noAccess.title')} intro={t('noAccess.body')} />
      <Link to={homePathOf(session.data.roles)} className="tp-link">
        {t('noAccess.home')}
      </Link>
    </>
  );
}
