import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { isMessageKey } from '@tp/i18n/web';
import { useT } from '../../i18n/language';
import { errorCode } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import { InviteUserForm } from './invite-user-form';
import { UsersTable } from './users-table';

export function AdminHomePage() {
  return (
    <RoleGate role="administrator">
      <AdminHome />
    </RoleGate>
  );
}

function AdminHome() {
  const { t } = useT();
  const users = useQuery(trpc.admin.users.queryOptions());
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <QueryView query={organisations}>
        {(orgs) => (
          <>
            <QueryView query={users}>{(list) => <UsersTable users={list} organisations={orgs} />}</QueryView>
            <InviteUserForm organisations={orgs} />
          </>
        )}
      </QueryView>
      <SentMail />
      <AuditEvents />
    </>
  );
}

/** Demo mode only: the mail the platform would have sent, so invitation links can be opened. */
function SentMail() {
  const { t, formatDateTime } = useT();
  const mail = useQuery({ ...trpc.admin.sentMail.queryOptions(), retry: false });
  if (mail.isError && errorCode(mail.error) === 'FORBIDDEN') return null;
  return (
    <section aria-labelledby="mail-heading" className="tp-section">
      <GcdsHeading tag="h2" id="mail-heading">
        {t('admin.sentMail')}
      </GcdsHeading>
      <p>{t('admin.sentMailIntro')}</p>
      <QueryView query={mail}>
        {(messages) =>
          messages.length === 0 ? (
            <p>{t('admin.sentMailEmpty')}</p>
          ) : (
            <ul className="tp-plain-list">
              {messages.map((message) => (
                <li key={message.id} className="tp-card tp-mail" data-mail-to={message.toAddress}>
                  <h3>{message.subject}</h3>
                  <p>
                    {t('admin.mailTo', { address: message.toAddress })} · {t('admin.mailSentAt', { date: formatDateTime(message.createdAt) })}
                  </p>
                  <pre tabIndex={0}>{message.bodyText}</pre>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function AuditEvents() {
  const { t, formatDateTime } = useT();
  // Actions and record types are codes in the audit trail; show their names, or the code if new.
  const labelOr = (key: string, code: string) => (isMessageKey(key) ? t(key) : code);
  const events = useQuery(trpc.admin.auditEvents.queryOptions({ limit: 20 }));
  return (
    <section aria-labelledby="audit-heading" className="tp-section">
      <GcdsHeading tag="h2" id="audit-heading">
        {t('admin.audit')}
      </GcdsHeading>
      <QueryView query={events}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('admin.auditEmpty')}</p>
          ) : (
            <ol className="tp-plain-list tp-audit">
              {list.map((event) => (
                <li key={String(event.id)}>
                  <time dateTime={new Date(event.occurredAt).toISOString()}>{formatDateTime(event.occurredAt)}</time>{' '}
                  {t('admin.auditEntry', {
                    action: labelOr(`audit.action.${event.action}`, event.action),
                    entity: labelOr(`audit.entity.${event.entityType}`, event.entityType),
                    actor: event.actorEmail ?? t('admin.auditSystem'),
                  })}
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}
