/**
 * The job queue: pg-boss, on the same PostgreSQL database as everything else (its tables live in
 * their own schema, "pgboss"). pg-boss talks to the database through our Kysely connection, so
 * the embedded database works as the server does. Jobs that are scheduled (cron) run once per
 * schedule however many servers run; each job's work is idempotent besides (a reminder is sent
 * once per period and threshold, enforced by a primary key).
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { isoDateIn } from '@tp/domain';
import type { Db } from '@tp/db';
import { rollFiscalYearsForward } from '@tp/db/seed';
import type { MailDeps } from '../mail/mailer';
import { runReportReminders } from '../progress-reports/send-report-reminders';

export const JOBS = {
  /** Reminders before reports are due and notices once they are overdue: every hour. */
  reportReminders: 'report-reminders',
  /** Mail left in the outbox (a failed delivery, a crash after commit): every five minutes. */
  mailOutbox: 'mail-outbox',
  /** The fiscal years roll forward (always ten past the current one): every day after midnight. */
  fiscalYears: 'fiscal-years',
} as const;

export interface JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** Today's date in Ottawa, for tests that move the clock. */
  today?: () => string;
  onError?: (error: unknown) => void;
  /** Run the schedules (production); tests drive jobs with `boss.send`. */
  schedule?: boolean;
}

/** A pg-boss database adapter over Kysely (without our camelCase plugin: pg-boss reads its own column names). */
export function pgBossDatabase(db: Db): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  const raw = db.withoutPlugins();
  return {
    async executeSql(text, values) {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export async function startJobQueue(db: Db, deps: MailDeps, options: JobQueueOptions = {}): Promise<JobQueue> {
  const today = options.today ?? (() => isoDateIn(new Date(), 'America/Toronto'));
  const boss = new PgBoss({ db: pgBossDatabase(db), schema: 'pgboss', application_name: 'transfer-payments' });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await boss.createQueue(JOBS.reportReminders);
  await boss.createQueue(JOBS.mailOutbox);
  await boss.createQueue(JOBS.fiscalYears);
  await boss.work(JOBS.reportReminders, async () => {
    await runReportReminders(db, deps, today());
  });
  await boss.work(JOBS.mailOutbox, async () => {
    await deps.mailer.deliver(db);
  });
  await boss.work(JOBS.fiscalYears, async () => {
    await rollFiscalYearsForward(db, today());
  });
  if (options.schedule !== false) {
    await boss.schedule(JOBS.reportReminders, '7 * * * *', {}, { tz: 'America/Toronto' });
    await boss.schedule(JOBS.mailOutbox, '*/5 * * * *', {}, { tz: 'America/Toronto' });
    await boss.schedule(JOBS.fiscalYears, '17 0 * * *', {}, { tz: 'America/Toronto' });
  }
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
