/** `pnpm start`: the whole platform in one process, with graceful shutdown. */
import { loadConfig } from './config';
import { startServer } from './start';

const config = loadConfig();
const server = await startServer(config).catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'could not start', err: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});

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
