/**
 * Faults at the HTTP edge, on the PostgreSQL server: /healthz says 503 while the database refuses
 * connections and 200 as soon as it takes them again, and the API answers "temporarily unavailable"
 * meanwhile; two servers on one database share their sessions (a sign-in on one works on the other).
 */
import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword } from '@tp/api';
import { createDb, type DatabaseHandle } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import { createTestDatabase, usingPostgresServer, type TestDatabase } from '@tp/db/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SESSION_COOKIE } from '../src/server';

describe.skipIf(!usingPostgresServer)('faults at the HTTP edge', () => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const deps = (db: TestDatabase['db']) => ({ db, mailer: createMailer({ from: 'no-reply@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedReference(t.db);
    await seedDemo(t.db, { hashPassword });
    second = createDb({ kind: 'postgres', connectionString: t.connectionString!, connectionTimeoutMillis: 1_000 });
    a = await buildServer({ deps: deps(t.db), logLevel: 'silent', webDist: null });
    b = await buildServer({ deps: deps(second.db), logLevel: 'silent', webDist: null });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await t?.destroy();
  });

  it('a session made on one server works on the other, and signing out on the second ends it on the first', async () => {
    const res = await a.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ json: { email: 'analyst@example.ca', password: 'demo-password-2026' } }) });
    const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    const onB = await b.inject({ method: 'GET', url: '/trpc/auth.session', headers: { cookie } });
    expect(onB.json().result.data.json.email).toBe('analyst@example.ca');
    await b.inject({ method: 'POST', url: '/trpc/auth.signOut', headers: { 'content-type': 'application/json', cookie }, payload: '{}' });
    expect((await a.inject({ method: 'GET', url: '/trpc/reference.fiscalYears', headers: { cookie } })).statusCode).toBe(401);
  });

  it('/healthz is 503 while the database refuses connections, and 200 when it is back', async () => {
    const name = new URL(t.connectionString!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      expect((await b.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // The database goes away: no new connections, and every open one is cut.
      await admin.query(`alter database ${name} with allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      // Let the pool notice its cut clients, so the requests below open new connections and meet
      // the refusal itself ("not currently accepting connections"), not only a dead socket.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const down = await b.inject({ method: 'GET', url: '/healthz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', db: 'unavailable' });
      const api = await b.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, payload: JSON.stringify({ json: { email: 'analyst@example.ca', password: 'demo-password-2026' } }) });
      expect(api.statusCode).toBe(503);
      expect(api.json().error.json.data.messageKey).toBe('error.unavailable');
      // It comes back: the next requests succeed without restarting anything.
      await admin.query(`alter database ${name} with allow_connections true`);
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await b.inject({ method: 'GET', url: '/healthz' })).statusCode;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(200);
      const signIn = await b.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ json: { email: 'analyst@example.ca', password: 'demo-password-2026' } }) });
      expect(signIn.statusCode).toBe(200);
    } finally {
      await admin.query(`alter database ${name} with allow_connections true`).catch(() => undefined);
      await admin.end();
    }
  });
});
