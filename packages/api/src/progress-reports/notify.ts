/**
 * Notices about progress reports, by email and in the portal: what each kind says, and to whom (the
 * recipient's people, or one person).
 */
import { type Tx } from '@tp/db';
import { type MailDeps, queueMail } from '../mail/mailer';
import { type Reader } from './access';

type NoticeKind = 'report_due_soon' | 'report_overdue' | 'report_submitted' | 'report_returned' | 'report_accepted';

const NOTICE_MAIL = {
  report_due_soon: 'reportDueSoon',
  report_overdue: 'reportOverdue',
  report_submitted: 'reportSubmitted',
  report_returned: 'reportReturned',
  report_accepted: 'reportAccepted',
} as const;

/** One notice to each person: in the portal, and by email in their language. */
export async function notify(
  tx: Tx,
  deps: MailDeps,
  people: readonly { id: string; email: string; displayName: string; preferredLanguage: 'en' | 'fr' }[],
  kind: NoticeKind,
  ref: { agreementId: string; reportId: string | null; link: string },
  params: (lang: 'en' | 'fr') => Record<string, string>,
): Promise<void> {
  for (const p of people) {
    const ps = params(p.preferredLanguage);
    await tx
      .insertInto('notification')
      .values({ userId: p.id, kind, agreementId: ref.agreementId, reportId: ref.reportId, params: JSON.stringify({ ...params('en'), ...Object.fromEntries(Object.entries(params('fr')).map(([k, v]) => [`${k}Fr`, v])) }) })
      .execute();
    await queueMail(tx, { to: p.email, lang: p.preferredLanguage, template: NOTICE_MAIL[kind], params: { name: p.displayName, link: `${deps.config.appUrl}${ref.link}`, ...ps } });
  }
}

export async function recipientPeople(db: Reader, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('appUser', 'appUser.id', 'membership.userId')
    .select(['appUser.id', 'appUser.email', 'appUser.displayName', 'appUser.preferredLanguage'])
    .where('membership.organisationId', '=', organisationId)
    .where('membership.role', '=', 'recipient')
    .where('appUser.status', '=', 'active')
    .execute();
}

export async function person(db: Reader, id: string) {
  return db.selectFrom('appUser').select(['id', 'email', 'displayName', 'preferredLanguage']).where('id', '=', id).where('status', '=', 'active').execute();
}
