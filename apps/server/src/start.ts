/**
 * Start the whole platform: open the database, migrate, seed, listen. Used by `pnpm start`
 * and by the browser tests, which start it on a free port against their own database.
 */
import path from 'node:path';
import { createDiskFileStore, createMailer, defaultApiConfig, generateHistory, hashPassword, seedDemoActivity, startJobQueue, type JobQueue } from '@tp/api';
import { isoDateIn } from '@tp/domain';
import { createDb, migrateToLatest, type DatabaseHandle, type DatabaseOptions } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { buildServer } from './server';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

function openDatabase(config: ServerConfig, databaseOptions?: DatabaseOptions) {
  const database = createDb(
    databaseOptions ??
      (config.databaseUrl ? { kind: 'postgres', connectionString: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }),
  );
  const deps = {
    db: database.db,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    config: { ...defaultApiConfig, appUrl: config.appUrl, demo: config.demo, disclosureDepartmentCode: config.disclosureDepartmentCode },
    // Attachments live under the data folder, whichever database holds their metadata.
    files: createDiskFileStore(path.join(config.dataDir, 'attachments')),
  };
  return { database, deps };
}

/** Migrate, load the reference data and, in demo mode, the demo accounts, activity and history. */
async function prepareDatabase(config: ServerConfig, { database, deps }: ReturnType<typeof openDatabase>) {
  const applied = await migrateToLatest(database.db);
  await seedReference(database.db);
  if (config.demo) {
    await seedDemo(database.db, { hashPassword });
    await seedDemoActivity(deps);
    // Years of past agreements and accepted reports, so the results screens have history to show.
    await generateHistory(database.db, { scale: 0.005, seed: 2026, today: isoDateIn(new Date(), 'America/Toronto') });
  }
  return applied;
}

/**
 * For several server processes on one database (WORKERS): the database is prepared once, by the
 * process that starts the others, before any of them takes a request.
 */
export async function prepareDatabaseOnce(config: ServerConfig): Promise<string[]> {
  const opened = openDatabase(config);
  try {
    return await prepareDatabase(config, opened);
  } finally {
    await opened.database.close();
  }
}

export async function startServer(config: ServerConfig, databaseOptions?: DatabaseOptions, options: { prepare?: boolean } = {}): Promise<RunningServer> {
  const { database, deps } = openDatabase(config, databaseOptions);
  const app = await buildServer({
    deps,
    logLevel: config.logLevel,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
  });
  let jobs: JobQueue | undefined;
  try {
    const applied = options.prepare === false ? [] : await prepareDatabase(config, { database, deps });
    app.log.info({ database: database.kind, location: database.location, applied, demo: config.demo }, 'database ready');
    // Scheduled work (reminders, the mail outbox) runs on the job queue, in the same database.
    jobs = await startJobQueue(database.db, deps, { onError: (error) => app.log.error({ err: error }, 'job queue') });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs?.stop();
    await app.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Started on a free port (PORT=0, as the browser tests do): emailed links must name the real one.
  if (config.port === 0) deps.config.appUrl = config.appUrl.replace(/:0$/, `:${port}`);
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    stop() {
      // Stop taking requests and jobs, let those in flight (and their mail) finish, then close the database.
      stopping ??= app.close().then(() => jobs?.stop()).then(() => deps.mailer.idle()).then(() => database.close());
      return stopping;
    },
  };
}
