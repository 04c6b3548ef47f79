/**
 * The Government of Canada page: GCDS header (signature, skip link, language toggle), a
 * navigation made of the signed-in user's roles, the page, and the GCDS footer.
 */
import { GcdsButton, GcdsFooter, GcdsHeader, GcdsLangToggle } from '@cdssnc/gcds-components-react';
import { useMutation } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/language';
import { queryClient, trpc } from '../lib/trpc';
import { useSession, type Session } from '../lib/session';
import { navigationFor } from '../navigation';
import { NotificationsLink } from '../pages/reports/notifications-page';

export function AppShell() {
  const { lang, setLanguage } = useT();
  const session = useSession();
  const other = lang === 'en' ? 'fr' : 'en';
  // After a move to another page (not the first load), focus goes to the main content, as a
  // page load would put it at the top: a keyboard or screen reader user starts on the new page.
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current !== null && shown.current !== pathname) document.getElementById('main-content')?.focus();
    shown.current = pathname;
  }, [pathname]);
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
