/**
 * `pnpm db:generate --scale S`: years of generated history (organisations, agreements, progress
 * reports, indicator values, the money journal) on top of the reference and demo data, in the
 * database the server would use (DATABASE_URL, else the embedded one). Scale 1 is about 2,000
 * organisations, 10,000 agreements and 120,000 progress reports over ten fiscal years.
 */
import { sql } from 'kysely';
import { generateHistory, hashPassword } from '@tp/api';
import { createDb, migrateToLatest } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import { isoDateIn } from '@tp/domain';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '2026' } } });
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 20) {
  console.error('--scale must be a number between 0 and 20 (1 = 10,000 agreements)');
  process.exit(2);
}
const config = loadConfig();
const handle = createDb(config.databaseUrl ? { kind: 'postgres', connectionString: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
const started = Date.now();
try {
  await migrateToLatest(handle.db);
  await seedReference(handle.db);
  await seedDemo(handle.db, { hashPassword });
  const summary = await generateHistory(handle.db, {
    scale,
    seed: Number(values.seed),
    today: isoDateIn(new Date(), 'America/Toronto'),
    extraPrograms: 3,
    onBatch: (done, total) => process.stderr.write(`\ragreements ${done}/${total}`),
  });
  process.stderr.write('\n');
  // A database that has just been filled in bulk is vacuumed, as autovacuum would in time: the
  // visibility map lets the year indexes answer without reading the tables.
  if (!summary.skipped) await sql`vacuum analyze`.execute(handle.db);
  console.log(JSON.stringify({ msg: summary.skipped ? 'history already generated' : 'generated', scale, ...summary, seconds: (Date.now() - started) / 1000, database: handle.kind }));
} finally {
  await handle.close();
}
