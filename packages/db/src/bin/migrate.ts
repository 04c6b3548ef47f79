/** `pnpm db:migrate`: bring the database (DATABASE_URL, or the embedded one in DATA_DIR or ./.data) up to date. */
import path from 'node:path';
import { createDb, databaseOptionsFromEnv } from '../create-db';
import { migrateToLatest } from '../migrate';

const dataDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? '.data');
const handle = createDb(databaseOptionsFromEnv(process.env, dataDir));
try {
  const applied = await migrateToLatest(handle.db);
  console.log(JSON.stringify({ msg: 'migrated', database: handle.kind, location: handle.location, applied }));
} finally {
  await handle.close();
}
