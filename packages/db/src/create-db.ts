/**
 * One factory for both databases: a PostgreSQL server when a connection string is given,
 * otherwise the embedded PostgreSQL (PGlite) kept in a data folder (or in memory for tests).
 * Both return the same JavaScript types: bigint for int8, strings for date and numeric,
 * Date for timestamptz, parsed JSON for jsonb.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './tables';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives: the server's address (password hidden) or the data folder. */
  location: string;
  close(): Promise<void>;
  /**
   * A consistent copy of the whole database in `file`: `pg_dump --format=custom` for a server,
   * the data folder as a gzipped tarball for the embedded database. Restore with restoreDatabase.
   */
  backup(file: string): Promise<void>;
}

export type DatabaseOptions =
  | {
      kind: 'postgres';
      connectionString: string;
      poolSize?: number;
      connectionTimeoutMillis?: number;
      /** Sees every statement sent (the benchmark replays them straight through pg). */
      onQuery?: (sql: string, parameters: readonly unknown[]) => void;
    }
  | { kind: 'pglite'; dataDir: string | null; /** Start from a backup (restoreDatabase). */ loadDataDir?: Blob };

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => BigInt(v),
  [NUMERIC]: (v) => v,
  [DATE]: (v) => v,
};

export function createDb(options: DatabaseOptions): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // A client that loses its server (idle, or killed in the middle of a query) must not crash the
    // process: the query in flight fails with a connection error, which callers report as
    // "temporarily unavailable", and the pool replaces the client.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const onQuery = options.onQuery;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
      plugins,
      log: onQuery ? (event) => (event.level === 'query' ? onQuery(event.query.sql, event.query.parameters) : undefined) : undefined,
    });
    return {
      db,
      kind: 'postgres',
      location: redact(options.connectionString),
      close: () => db.destroy(),
      backup: (file) => run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${options.connectionString}`]),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, parsers), plugins });
  return {
    db,
    kind: 'pglite',
    location: options.dataDir ?? 'memory',
    close: () => db.destroy(),
    backup: async (file) => {
      // Taken between statements (the dialect serialises them), after a checkpoint so that every
      // committed row is in the data files the tarball holds.
      await sql`checkpoint`.execute(db);
      const tarball = await pglite.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
    },
  };
}

/**
 * Statements with parameters (every query the application builds) are prepared once per
 * connection under a name and then only bound and executed: PostgreSQL skips parsing, and after a
 * few executions plans them once (a generic plan) where that costs no more than planning each
 * call. For the joins behind the portfolio, the rollup or a recipient's home, planning took
 * longer than running them. Statements without parameters (migrations, several statements in one
 * text) go as they are. Names are given per text, for this process, up to a bound, so that texts
 * that differ only in the length of an IN list cannot fill every connection with statements.
 */
const PREPARED_TEXTS_LIMIT = 1000;
const MAX_PREPARED_PARAMETERS = 64;
const statementNames = new Map<string, string>();

function statementName(text: string, parameterCount: number): string | undefined {
  if (parameterCount === 0 || parameterCount > MAX_PREPARED_PARAMETERS) return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < PREPARED_TEXTS_LIMIT) {
    name = `tp_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

function preparingPool(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query: ((text: unknown, values?: unknown[]) => {
          const name = typeof text === 'string' && Array.isArray(values) ? statementName(text, values.length) : undefined;
          return name ? client.query({ name, text: text as string, values }) : client.query(text as string, values);
        }) as pg.PoolClient['query'],
        release: (error?: Error | boolean) => client.release(error),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * Restores a backup into an empty database: `pg_restore` (schema, data, then constraints and
 * triggers, so rows go back exactly as they were) for a server; the data folder for the embedded
 * database (a new folder, or memory when `dataDir` is null). Returns the restored database, open.
 */
export async function restoreDatabase(target: DatabaseOptions, file: string): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.connectionString}`, file]);
    return createDb(target);
  }
  const data = await readFile(file);
  const handle = createDb({ kind: 'pglite', dataDir: target.dataDir, loadDataDir: new Blob([data]) });
  return handle;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`))));
  });
}

/** DATABASE_URL set: that server. Otherwise the embedded database in `dataDir`. */
export function databaseOptionsFromEnv(env: { DATABASE_URL?: string | undefined }, dataDir: string): DatabaseOptions {
  return env.DATABASE_URL ? { kind: 'postgres', connectionString: env.DATABASE_URL } : { kind: 'pglite', dataDir };
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres';
  }
}
