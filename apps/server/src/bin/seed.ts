/** `pnpm db:seed`: reference data, and demo data (organisations and one account per role). */
import { hashPassword } from '@tp/api';
import { createDb, migrateToLatest } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import { loadConfig } from '../config';

const config = loadConfig();
const handle = createDb(config.databaseUrl ? { kind: 'postgres', connectionString: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
try {
  await migrateToLatest(handle.db);
  await seedReference(handle.db);
  await seedDemo(handle.db, { hashPassword });
  console.log(JSON.stringify({ msg: 'seeded', database: handle.kind, location: handle.location }));
} finally {
  await handle.close();
}
