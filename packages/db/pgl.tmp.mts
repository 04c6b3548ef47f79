import { PGlite } from '@electric-sql/pglite';
const a = new PGlite();
await a.exec('create table t (x int); insert into t values (1),(2);');
const dump = await a.dumpDataDir('gzip');
for (const [label, make] of [
  ['options form', () => new PGlite({ loadDataDir: dump })],
  ['memory://', () => new PGlite('memory://', { loadDataDir: dump })],
  ['dir', () => new PGlite('/tmp/pgl-restore-' + Date.now(), { loadDataDir: dump })],
] as const) {
  try { const b = make(); console.log(label, (await b.query('select count(*) from t')).rows); } catch (e) { console.log(label, 'FAIL', (e as Error).message); }
}
