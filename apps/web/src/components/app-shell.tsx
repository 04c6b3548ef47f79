/**
 * The Government of Canada page: GCDS header (signature, skip link, language toggle), a
 * navigation made of the signed-in user's roles, the page, and the GCDS footer.
 */
import { GcdsButton, GcdsFooter, GcdsHeader, GcdsLangToggle } from '@cdssnc/gcds-components-react';
import { useMutation } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/language';
import { queryClient, trpc } from '../lib/trpc';
import { useSession, type Session } from '../lib/session';
import { navigationFor } from '../navigation';
import { NotificationsLink } from '../pages/reports/notifications-page';

export function AppShell() {
  const { lang, setLanguage } = useT();
  const session = useSession();
  const other = lang === 'en' ? 'fr' : 'en';
  return (
    <>
      <GcdsHeader langHref="#" skipToHref="#main-content" signatureHasLink={false}>
        <GcdsLangToggle
          slot="toggle"
          href={`?lang=${other}`}
          onGcdsClick={(event) => {
            event.preventDefault();
            setLanguage(other);
          }}
        />
        {session.data ? <RoleNavigation session={session.data} /> : null}
      </GcdsHeader>
      <main id="main-content" tabIndex={-1}>
        <div className="tp-container">
          {session.data ? <AccountBar session={session.data} /> : null}
          <Outlet />
        </div>
      </main>
      <GcdsFooter display="compact" />
    </>
  );
}

function RoleNavigation({ session }: { session: Session }) {
  const { t } = useT();
  return (
    <nav slot="menu" aria-label={t('shell.nav.label')} className="tp-nav">
      <div className="tp-container">
        <p className="tp-nav-title">{t('app.title')}</p>
        <ul>
          {navigationFor(session.roles).map((entry) => (
            <li key={entry.path}>
              <Link to={entry.path} activeProps={{ 'aria-current': 'page' }}>
                {t(entry.label)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function AccountBar({ session }: { session: Session }) {
  const { t } = useT();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.session.queryKey(), null);
        await navigate({ to: '/sign-in' });
      },
    }),
  );
  return (
    <div className="tp-account">
      <span>{t('shell.signedInAs', { name: session.displayName })}</span>
      <NotificationsLink />
      <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {t('shell.signOut')}
      </GcdsButton>
    </div>
  );
}
