import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword } from '@tp/api';
import { createDb } from '@tp/db';
import { seedDemo, seedReference } from '@tp/db/seed';
import { createTestDatabase, type TestDatabase } from '@tp/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SESSION_COOKIE } from '../src/server';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;
let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  server = await startTestServer();
  ({ t, app } = server);
});
afterAll(async () => {
  await server?.close();
});

const json = { 'content-type': 'application/json' };

function signIn(password = 'demo-password-2026', headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/trpc/auth.signIn',
    headers: { ...json, ...headers },
    payload: JSON.stringify({ json: { email: 'admin@example.ca', password } }),
  });
}

describe('HTTP server', () => {
  it('GET /healthz answers 200 with the database status', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie, and signs out for good', async () => {
    const res = await signIn();
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain HTTP here; Secure is set when served over HTTPS
    const cookieHeader = `${SESSION_COOKIE}=${cookie.value}`;
    const session = await app.inject({ method: 'GET', url: '/trpc/auth.session', headers: { cookie: cookieHeader } });
    expect(session.json().result.data.json.email).toBe('admin@example.ca');
    const out = await app.inject({ method: 'POST', url: '/trpc/auth.signOut', headers: { ...json, cookie: cookieHeader }, payload: '{}' });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/trpc/admin.users', headers: { cookie: cookieHeader } });
    expect(after.statusCode).toBe(401);
  });

  it('the session cookie is Secure when the request came over HTTPS', async () => {
    const secureApp = await buildServer({
      deps: { db: t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() },
      logLevel: 'silent',
      trustProxy: true,
    });
    try {
      const res = await secureApp.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        headers: { ...json, 'x-forwarded-proto': 'https' },
        payload: JSON.stringify({ json: { email: 'admin@example.ca', password: 'demo-password-2026' } }),
      });
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('a wrong password is a 401 in the language asked for, and sets no cookie', async () => {
    const res = await signIn('wrong-password', { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toEqual([]);
    const error = res.json().error.json;
    expect(error.message).toBe('Le courriel ou le mot de passe est incorrect.');
    expect(error.data).toMatchObject({ messageKey: 'error.signIn.invalid', field: 'email' });
    expect(JSON.stringify(error)).not.toMatch(/stack|at .*\.ts/);
  });

  it('input that fails validation is a 400 naming each field, in French when the cookie says so', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { ...json, cookie: 'tp_lang=fr' },
      payload: JSON.stringify({ json: { email: 'pas-un-courriel', password: '' } }),
    });
    expect(res.statusCode).toBe(400);
    const data = res.json().error.json.data;
    expect(data.fieldErrors).toEqual([
      { field: 'email', messageKey: 'error.email.invalid', message: 'Entrez une adresse courriel valide, comme nom@exemple.ca.' },
      { field: 'password', messageKey: 'error.password.required', message: 'Entrez votre mot de passe.' },
    ]);
  });

  it('malformed JSON is a 400, not a crash', async () => {
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: json, payload: '{"json": {' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.json.data.messageKey).toBe('error.badRequest');
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });

  it('an unknown session token is a 401 and the cookie is cleared', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/reference.strategies', headers: { cookie: `${SESSION_COOKIE}=forged-token` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.json.data.messageKey).toBe('error.sessionExpired');
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
  });

  it('refuses a state-changing request from another site before it runs', async () => {
    const before = await t.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of attempts) {
      const res = await signIn('demo-password-2026', headers);
      expect(res.statusCode).toBe(403);
      expect(res.cookies).toEqual([]);
      expect(res.json().error.data.messageKey).toBe('error.crossSite');
    }
    const after = await t.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // Our own pages (same origin) get through.
    expect((await signIn('demo-password-2026', { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('an unknown route is a 404 with a clear body', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('We could not find what you asked for.');
  });
});

describe('when the database is unavailable', () => {
  let down: FastifyInstance;
  let closeDb: () => Promise<void>;
  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused at once.
    const handle = createDb({ kind: 'postgres', connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
    closeDb = handle.close;
    down = await buildServer({
      deps: { db: handle.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() },
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await down?.close();
    await closeDb?.();
  });

  it('GET /healthz answers 503', async () => {
    const res = await down.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', db: 'unavailable' });
  });

  it('a procedure answers 503 with a clear message, not a crash', async () => {
    const res = await down.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { ...json, 'accept-language': 'fr' },
      payload: JSON.stringify({ json: { email: 'admin@example.ca', password: 'demo-password-2026' } }),
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.json.data.messageKey).toBe('error.unavailable');
    expect(res.json().error.json.message).toContain('temporairement indisponible');
  });
});

describe('language of the answer', () => {
  it('follows the signed-in user’s preferred language unless the language cookie says otherwise', async () => {
    const t2 = await createTestDatabase();
    await seedReference(t2.db);
    await seedDemo(t2.db, { hashPassword });
    const app2 = await buildServer({
      deps: { db: t2.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() },
      logLevel: 'silent',
    });
    try {
      // The manager prefers French; their browser asks for English.
      const signInRes = await app2.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        headers: { ...json, 'accept-language': 'en-CA' },
        payload: JSON.stringify({ json: { email: 'manager@example.ca', password: 'demo-password-2026' } }),
      });
      const cookie = `${SESSION_COOKIE}=${signInRes.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
      const refused = (headers: Record<string, string>) =>
        app2.inject({ method: 'GET', url: '/trpc/admin.users', headers: { 'accept-language': 'en-CA', ...headers } });
      expect((await refused({ cookie })).json().error.json.message).toBe('Vous n’avez pas accès à cette ressource.');
      expect((await refused({ cookie: `${cookie}; tp_lang=en` })).json().error.json.message).toBe('You do not have access to this.');
    } finally {
      await app2.close();
      await t2.destroy();
    }
  });
});
