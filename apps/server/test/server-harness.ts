/**
 * One real HTTP server per test file on its own test database with the reference and demo data:
 * what the HTTP tests share (the exports, results exports, security and http tests). `prepare`
 * adds data before the server starts; `cookieOf` signs a demo user in and returns the cookie.
 */
import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword, type ApiDeps } from '@tp/api';
import { seedDemo, seedReference } from '@tp/db/seed';
import { createTestDatabase, type TestDatabase } from '@tp/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildServer, SESSION_COOKIE, type ServerOptions } from '../src/server';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface TestServer {
  t: TestDatabase;
  app: FastifyInstance;
  deps: ApiDeps;
  cookieOf(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { prepare?: (deps: ApiDeps) => Promise<unknown>; server?: Omit<ServerOptions, 'deps'> } = {},
): Promise<TestServer> {
  const t = await createTestDatabase();
  await seedReference(t.db);
  await seedDemo(t.db, { hashPassword });
  const deps: ApiDeps = { db: t.db, mailer: createMailer({ from: 'no-reply@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() };
  await options.prepare?.(deps);
  const app = await buildServer({ logLevel: 'silent', webDist: null, ...options.server, deps });
  return {
    t,
    app,
    deps,
    async cookieOf(email) {
      const res = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }) });
      return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    },
    async close() {
      await app.close();
      await deps.mailer.idle();
      await t.destroy();
    },
  };
}
