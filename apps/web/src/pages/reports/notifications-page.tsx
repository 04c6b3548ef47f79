/** /notifications (everyone signed in): notices about reports, newest first, with "mark all as read". */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { MessageKey } from '@tp/i18n/web';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { queryClient, trpc } from '../../lib/trpc';

export function NotificationsPage() {
  const { t, lang, formatDateTime } = useT();
  const mine = useQuery(trpc.notifications.mine.queryOptions());
  const markAll = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.mine.queryKey() }) }),
  );
  return (
    <>
      <PageHeading title={t('notif.title')} />
      <QueryView query={mine}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('notif.empty')}</p>
          ) : (
            <>
              <p role="status">{t('notif.unread', { n: data.unread })}</p>
              {data.unread > 0 ? (
                <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => markAll.mutate({ ids: 'all' })}>
                  {t('notif.markAll')}
                </GcdsButton>
              ) : null}
              <ul className="tp-notifications" data-testid="notifications">
                {data.items.map((n) => {
                  const params = Object.fromEntries(
                    Object.entries(n.params)
                      .filter(([k]) => (lang === 'fr' ? k.endsWith('Fr') : !k.endsWith('Fr')))
                      .map(([k, v]) => [lang === 'fr' ? k.slice(0, -2) : k, v]),
                  );
                  return (
                    <li key={n.id} className={n.readAt ? '' : 'tp-unread'}>
                      <p>
                        {n.readAt ? null : <strong>• </strong>}
                        {t(`notice.${n.kind}` as MessageKey, params)} <small>{formatDateTime(n.createdAt)}</small>
                      </p>
                      {n.reportId ? (
                        <Link to="/reports/$reportId" params={{ reportId: n.reportId }} className="tp-link">
                          {t('notif.open')}
                        </Link>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </QueryView>
    </>
  );
}

/** The header link: "Notifications (3)". */
export function NotificationsLink() {
  const { t } = useT();
  const mine = useQuery({ ...trpc.notifications.mine.queryOptions(), refetchInterval: 60_000 });
  return (
    <Link to="/notifications" className="tp-link" data-testid="notifications-link">
      {t('notif.link', { n: mine.data?.unread ?? 0 })}
    </Link>
  );
}
