/** `pnpm db:migrate`: bring the database (DATABASE_URL, or the embedded one in DATA_DIR or ./.data) up to date. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, databaseOptionsFromEnv } from '../create-db';
import { migrateToLatest } from '../migrate';

// Relative to the repository root, as the server reads it.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = path.resolve(repoRoot, process.env.DATA_DIR ?? '.data');
const handle = createDb(databaseOptionsFromEnv(process.env, dataDir));
try {
  const applied = await migrateToLatest(handle.db);
  console.log(JSON.stringify({ msg: 'migrated', database: handle.kind, location: handle.location, applied }));
} finally {
  await handle.close();
}
