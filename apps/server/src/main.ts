/**
 * `pnpm start`: the whole platform, with graceful shutdown. One process by default; with
 * WORKERS=N (PostgreSQL server only) this process prepares the database once, then starts N
 * server processes that share the port (node:cluster), replaces one that dies, and stops them
 * all on SIGINT/SIGTERM. Sessions, scheduled jobs and mail delivery already work across processes.
 */
import cluster from 'node:cluster';
import { loadConfig } from './config';
import { prepareDatabaseOnce, startServer } from './start';

const config = loadConfig();

function fatal(error: unknown): never {
  console.error(JSON.stringify({ level: 'fatal', msg: 'could not start', err: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}

if (config.workers > 1 && cluster.isPrimary) {
  const applied = await prepareDatabaseOnce(config).catch(fatal);
  console.log(JSON.stringify({ level: 'info', msg: 'database ready', applied, workers: config.workers }));
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(JSON.stringify({ level: 'error', msg: 'server process ended; starting another', pid: worker.process.pid, code, signal }));
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      const force = setTimeout(() => process.exit(1), 12_000).unref();
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const w of workers) {
        w.once('exit', () => {
          if (--left === 0) {
            clearTimeout(force);
            process.exit(0);
          }
        });
        w.process.kill('SIGTERM');
      }
    });
  }
} else {
  // In a worker the database was prepared by the process that started it.
  const server = await startServer(config, undefined, { prepare: cluster.isPrimary }).catch(fatal);
  server.app.log.info(`Transfer Payment Portal ready at ${server.url}${config.demo ? ' (demo accounts: see README)' : ''}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000).unref();
      server
        .stop()
        .then(() => {
          clearTimeout(force);
          process.exit(0);
        })
        .catch(() => process.exit(1));
    });
  }
}
