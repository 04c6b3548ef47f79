/**
 * `pnpm db:backup --out FILE`: a consistent copy of the database the server uses (pg_dump's
 * custom format for a PostgreSQL server, the data folder as a gzipped tarball for the embedded one).
 * `pnpm db:restore --from FILE`: puts a backup into an empty database (an empty PostgreSQL
 * database named by DATABASE_URL, or an empty DATA_DIR folder).
 */
import { createDb, restoreDatabase } from '@tp/db';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';

const { values } = parseArgs({ options: { out: { type: 'string' }, from: { type: 'string' } } });
const config = loadConfig();
if (values.out) {
  const handle = createDb(config.databaseUrl ? { kind: 'postgres', connectionString: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
  try {
    await handle.backup(path.resolve(values.out));
    console.log(JSON.stringify({ msg: 'backed up', database: handle.kind, from: handle.location, to: path.resolve(values.out) }));
  } finally {
    await handle.close();
  }
} else if (values.from) {
  if (!config.databaseUrl && existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    console.error(`${config.dataDir} is not empty: restore into an empty folder (set DATA_DIR)`);
    process.exit(2);
  }
  const handle = await restoreDatabase(config.databaseUrl ? { kind: 'postgres', connectionString: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }, path.resolve(values.from));
  await handle.close();
  console.log(JSON.stringify({ msg: 'restored', database: handle.kind, into: handle.location }));
  // PGlite started from a tarball keeps a handle open after close; the work is done and flushed.
  process.exit(0);
} else {
  console.error('usage: pnpm db:backup --out FILE | pnpm db:restore --from FILE');
  process.exit(2);
}
