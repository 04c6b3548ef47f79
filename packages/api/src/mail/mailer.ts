/**
 * Mail goes through an outbox: a command queues its messages in its own transaction
 * (`queueMail`), and they are delivered by nodemailer only after it commits (`deliver`).
 * With SMTP_URL set, nodemailer sends through that server. Without it (development, tests,
 * demo) the JSON transport renders each message and nothing leaves the machine; the messages
 * stay readable in the mail_message table, and in demo mode in the administrator's screens.
 */
import type { Db, Tx } from '@tp/db';
import type { Lang, MessageKey } from '@tp/i18n';
import { translate } from '@tp/i18n';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ApiConfig } from '../config';

/** What the commands that send mail need besides the database. */
export interface MailDeps {
  config: ApiConfig;
  mailer: Mailer;
}

export interface Mailer {
  /** Delivers every queued message; returns how many were sent. */
  deliver(db: Db): Promise<number>;
  /**
   * Delivers soon, without making the caller wait (a command's answer does not wait for its
   * mail). Calls made while a delivery runs are served by one more run after it, so a burst of
   * commands costs a few deliveries, not one each. What fails stays queued for the outbox job.
   */
  deliverSoon(db: Db): void;
  /** Resolves once the deliveries started so far have finished (shutdown, tests). */
  idle(): Promise<void>;
}

const DELIVERY_BATCH = 100;

export function createMailer(options: { smtpUrl?: string | undefined; from: string }): Mailer {
  const transport: Transporter = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  let running: Promise<void> | null = null;
  let again = false;
  const mailer: Mailer = {
    async deliver(db) {
      // Each message is claimed under a row lock that other deliverers skip (two requests
      // finishing at once, or two server processes), so a message is sent once, not by each.
      return db.transaction().execute(async (tx) => {
        const queued = await tx
          .selectFrom('mailMessage')
          .selectAll()
          .where('status', '=', 'queued')
          .orderBy('createdAt')
          .limit(DELIVERY_BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        let sent = 0;
        for (const m of queued) {
          try {
            await transport.sendMail({ from: options.from, to: m.toAddress, subject: m.subject, text: m.bodyText });
            await tx
              .updateTable('mailMessage')
              .set((eb) => ({ status: 'sent', sentAt: new Date(), attempts: eb('attempts', '+', 1) }))
              .where('id', '=', m.id)
              .execute();
            sent++;
          } catch (error) {
            await tx
              .updateTable('mailMessage')
              .set((eb) => ({
                attempts: eb('attempts', '+', 1),
                lastError: error instanceof Error ? error.message : String(error),
              }))
              .where('id', '=', m.id)
              .execute();
          }
        }
        return sent;
      });
    },
    deliverSoon(db) {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        let full = false;
        do {
          again = false;
          // A database that is away now: the messages stay queued and the outbox job retries.
          full = (await this.deliver(db).catch(() => 0)) === DELIVERY_BATCH;
        } while (again || full);
      })().finally(() => {
        running = null;
      });
    },
    idle() {
      return running ?? Promise.resolve();
    },
  };
  return mailer;
}

export interface MailToQueue {
  to: string;
  lang: Lang;
  template:
    | 'decisionWaiting'
    | 'claimToRelease'
    | 'claimCertified'
    | 'claimRejected'
    | 'claimPaid'
    | 'signatureWaiting'
    | 'invitation'
    | 'passwordReset'
    | 'registration'
    | 'registrationExisting'
    | 'applicationReceived'
    | 'decisionApproved'
    | 'decisionApprovedWithChanges'
    | 'decisionDeclined'
    | 'agreementSent'
    | 'agreementActive'
    | 'reportDueSoon'
    | 'reportOverdue'
    | 'reportSubmitted'
    | 'reportReturned'
    | 'reportAccepted';
  params: Record<string, string | number>;
}

export async function queueMail(tx: Tx, mail: MailToQueue): Promise<void> {
  const subjectKey = `mail.${mail.template}.subject` as MessageKey;
  const bodyKey = `mail.${mail.template}.body` as MessageKey;
  await tx
    .insertInto('mailMessage')
    .values({
      toAddress: mail.to,
      language: mail.lang,
      template: mail.template,
      subject: translate(mail.lang, subjectKey, mail.params),
      bodyText: translate(mail.lang, bodyKey, mail.params),
    })
    .execute();
}
