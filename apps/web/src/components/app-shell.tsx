/**
 * The Government of Canada page: GCDS header (signature, skip link, language toggle), a
 * navigation made of the signed-in user's roles, the page, and the GCDS footer.
 */
import { GcdsButton, GcdsFooter, GcdsHeader, GcdsLangToggle, GcdsNavGroup, GcdsNavLink, GcdsTopNav } from '@cdssnc/gcds-components-react';
import { useMutation } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/language';
import { queryClient, trpc } from '../lib/trpc';
import { homePathOf, useSession, type Session } from '../lib/session';
import { NAV_GROUPS, navigationFor, type NavEntry } from '../navigation';
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

/**
 * The menu of the signed-in user's roles: the GCDS top navigation, which on a phone folds into a
 * "Menu" button so the page starts on the first screen. Its links move within the app (no reload).
 */
function RoleNavigation({ session }: { session: Session }) {
  const { t } = useT();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const go = (path: string) => (event: CustomEvent) => {
    event.preventDefault();
    void navigate({ to: path });
  };
  const entries = navigationFor(session.roles);
  // The entry for this page: the longest path it starts with (/results/rollup, not /results).
  const current = entries.filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const home = homePathOf(session.roles);
  const link = (entry: NavEntry) => (
    <GcdsNavLink key={entry.path} href={entry.path} current={entry.path === current} onGcdsClick={go(entry.path)}>
      {t(entry.label)}
    </GcdsNavLink>
  );
  return (
    <GcdsTopNav slot="menu" label={t('shell.nav.label')} alignment="left" className="tp-nav">
      <GcdsNavLink slot="home" href={home} onGcdsClick={go(home)}>
        {t('app.title')}
      </GcdsNavLink>
      {entries.filter((e) => !e.group || entries.filter((x) => x.group === e.group).length === 1).map(link)}
      {NAV_GROUPS.map((group) => {
        const members = entries.filter((e) => e.group === group);
        if (members.length < 2) return null;
        return (
          <GcdsNavGroup key={group} openTrigger={t(`nav.group.${group}`)} menuLabel={t(`nav.group.${group}`)}>
            {members.map(link)}
          </GcdsNavGroup>
        );
      })}
    </GcdsTopNav>
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
