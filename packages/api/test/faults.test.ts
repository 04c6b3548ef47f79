/**
 * Faults, on the PostgreSQL server (PGlite has one connection and no other backend to kill):
 * the database connection is killed in the middle of a payment release and of an amendment's
 * approval, after their first writes and before their last. Nothing is half-written, the caller
 * gets a clear retryable error (the database is unavailable), and the same request then succeeds,
 * once. Two job queues on one database run a scheduled job once per schedule, not twice.
 */
import { randomUUID } from 'node:crypto';
import { usingPostgresServer } from '@tp/db/testing';
import { sql } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, seedDemoActivity } from '../src';
import { pgBossDatabase } from '../src/jobs/job-queue';
import { advanceClaim, createHarness, rejection, type Harness } from './harness';

let h: Harness;
let agreementId: string;

describe.skipIf(!usingPostgresServer)('faults on the PostgreSQL server', () => {
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
    const windsor = await h.organisationId('Legal Assistance of Windsor');
    agreementId = (await h.t.db.selectFrom('agreement').select('id').where('organisationId', '=', windsor).where('status', '=', 'active').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /**
   * Runs `write` while another session holds the audit trail in SHARE mode: the write does its
   * first steps, then waits to insert its audit row; its backend is killed there.
   */
  async function killMidway<T>(write: () => Promise<T>): Promise<PromiseSettledResult<T>> {
    const blocker = new pg.Client({ connectionString: h.t.connectionString! });
    const admin = new pg.Client({ connectionString: h.t.connectionString! });
    await blocker.connect();
    await admin.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table audit_event in share mode');
      const running = write();
      running.catch(() => undefined);
      let pid: number | null = null;
      for (let i = 0; i < 200 && pid === null; i++) {
        const r = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%audit_event%' and pid <> pg_backend_pid()`,
        );
        pid = r.rows[0]?.pid ?? null;
        if (pid === null) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(pid, 'the write never reached its audit row').not.toBeNull();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const [settled] = await Promise.allSettled([running]);
      return settled!;
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
      await admin.end();
    }
  }

  async function counts() {
    const one = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(h.t.db)).rows[0]!.n);
    return {
      ledger: await one(sql<{ n: string }>`select count(*) as n from ledger_entry where agreement_id = ${agreementId}`),
      audit: await one(sql<{ n: string }>`select count(*) as n from audit_event`),
      versions: await one(sql<{ n: string }>`select count(*) as n from agreement_version where agreement_id = ${agreementId} and status = 'in_force'`),
    };
  }

  it('a payment release killed midway writes nothing, says to retry, and the retry pays once', async () => {
    const recipient = (await h.signInAs('recipient.windsor@example.ca')).api;
    const officer = (await h.signInAs('officer@example.ca')).api;
    const finance = (await h.signInAs('finance@example.ca')).api;
    const claim = (await recipient.claims.submit(advanceClaim(agreementId, 2_000_000n))) as { id: string };
    await officer.claims.certify({ claimId: claim.id, certifiedCents: 2_000_000n, adjustmentReason: '' });
    const before = await counts();
    const releaseKey = randomUUID();
    const killed = await killMidway(() => finance.claims.release({ claimId: claim.id, releaseKey }));
    expect(killed.status).toBe('rejected');
    const error = (killed as PromiseRejectedResult).reason as { code: string; cause?: { messageKey?: string } };
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.cause?.messageKey).toBe('error.unavailable');
    expect(await counts()).toEqual(before);
    expect((await h.t.db.selectFrom('claim').select('status').where('id', '=', claim.id).executeTakeFirstOrThrow()).status).toBe('certified');
    // The next request (the same one, retried) succeeds, and only once.
    const paid = await finance.claims.release({ claimId: claim.id, releaseKey });
    expect(paid.repeated).toBe(false);
    expect((await finance.claims.release({ claimId: claim.id, releaseKey })).repeated).toBe(true);
    const payments = await h.t.db.selectFrom('ledgerEntry').select('amountCents').where('claimId', '=', claim.id).where('kind', '=', 'advance_paid').execute();
    expect(payments.map((p) => p.amountCents)).toEqual([2_000_000n]);
  });

  it('an amendment approval killed midway leaves the version in force as it was, and the retry comes into force', async () => {
    const officer = (await h.signInAs('officer@example.ca')).api;
    const manager = (await h.signInAs('manager@example.ca')).api;
    const current = await officer.agreements.get({ agreementId });
    const { version } = await officer.agreements.proposeAmendment({
      agreementId,
      basedOnVersion: current.currentVersion,
      reason: 'Clearer project title',
      terms: { ...current.terms, title: `${current.terms.title} (phase 1)` },
    });
    const before = await counts();
    const killed = await killMidway(() => manager.agreements.decideAmendment({ agreementId, version, approve: true, note: '' }));
    expect(killed.status).toBe('rejected');
    expect(((killed as PromiseRejectedResult).reason as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
    expect(await counts()).toEqual(before);
    const after = await officer.agreements.get({ agreementId });
    expect(after.currentVersion).toBe(current.currentVersion);
    await manager.agreements.decideAmendment({ agreementId, version, approve: true, note: '' });
    expect((await officer.agreements.get({ agreementId })).currentVersion).toBe(version);
    expect(await rejection(manager.agreements.decideAmendment({ agreementId, version, approve: true, note: '' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('two job queues on one database run a scheduled job once per schedule, not twice', async () => {
    const runs: string[] = [];
    const queue = `test-once-${randomUUID().slice(0, 8)}`;
    // An every-minute schedule runs once per minute: started in a minute's last seconds, it would
    // rightly run again a moment later in the next. Start early in a minute, so that the wait
    // below stays within one.
    const second = new Date().getSeconds();
    if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const bosses = [0, 1].map(() => new PgBoss({ db: pgBossDatabase(h.t.db), cronMonitorIntervalSeconds: 1, clockMonitorIntervalSeconds: 1, supervise: true, schedule: true }));
    try {
      for (const [i, boss] of bosses.entries()) {
        await boss.start();
        await boss.createQueue(queue).catch(() => undefined);
        await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
          runs.push(`node ${i}`);
        });
        await boss.schedule(queue, '* * * * *');
      }
      const deadline = Date.now() + 75_000;
      while (runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(runs).toHaveLength(1);
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    }
  }, 120_000);
  it('two deliverers at once send each queued message once', async () => {
    const batch = `test-once-${randomUUID().slice(0, 8)}`;
    await h.t.db.updateTable('mailMessage').set({ status: 'sent', sentAt: new Date() }).where('status', '=', 'queued').execute();
    await h.t.db
      .insertInto('mailMessage')
      .values(Array.from({ length: 30 }, (_, i) => ({ toAddress: `${batch}-${i}@example.ca`, language: 'en', template: 'invitation', subject: batch, bodyText: batch })))
      .execute();
    const mailers = [0, 1, 2].map(() => createMailer({ from: 'x@example.ca' }));
    const sent = await Promise.all(mailers.map((m) => m.deliver(h.t.db)));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
    const rows = await h.t.db.selectFrom('mailMessage').select(['status', 'attempts']).where('subject', '=', batch).execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
