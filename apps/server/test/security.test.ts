/**
 * Web security, checked on the real HTTP server: the security headers on pages, API answers and
 * files; the session cookie's flags; a new session at every sign-in (the one carried before is
 * ended); sign-in attempts limited per address, in the user's language, while the rest of the API
 * keeps answering.
 */
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/server';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;
let app: FastifyInstance;
const LIMIT = 5;

beforeAll(async () => {
  server = await startTestServer({ server: { signInAttemptsPerMinute: LIMIT } });
  ({ app } = server);
});
afterAll(async () => {
  await server?.close();
});

const json = { 'content-type': 'application/json' };
const signIn = (email: string, password: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { ...json, ...headers }, remoteAddress, payload: JSON.stringify({ json: { email, password } }) });

describe('security headers', () => {
  it('every answer forbids framing, sniffing and foreign scripts', async () => {
    for (const url of ['/healthz', '/trpc/auth.session', '/no-such-page', '/exports/reconciliation.xlsx']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('HSTS only over HTTPS (behind a proxy that says so)', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('sessions', () => {
  it('the cookie is HttpOnly, SameSite=Lax, path /, with an expiry', async () => {
    const res = await signIn('analyst@example.ca', 'demo-password-2026', {}, '10.0.0.1');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.expires).toBeInstanceOf(Date);
  });

  it('signing in always starts a new session and ends the one the browser carried', async () => {
    const first = (await signIn('analyst@example.ca', 'demo-password-2026', {}, '10.0.0.2')).cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const before = await app.inject({ method: 'GET', url: '/trpc/auth.session', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
    expect(before.json().result.data.json.email).toBe('analyst@example.ca');
    const second = (await signIn('analyst@example.ca', 'demo-password-2026', { cookie: `${SESSION_COOKIE}=${first}` }, '10.0.0.2')).cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(second).not.toBe(first);
    const old = await app.inject({ method: 'GET', url: '/trpc/admin.users', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
    expect(old.statusCode).toBe(401);
    const fresh = await app.inject({ method: 'GET', url: '/trpc/auth.session', headers: { cookie: `${SESSION_COOKIE}=${second}` } });
    expect(fresh.json().result.data.json.email).toBe('analyst@example.ca');
  });
});

describe('sign-in rate limiting', () => {
  it('refuses attempts beyond the limit from one address, in French when asked, and only sign-in', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < LIMIT; i++) expect((await signIn(`nobody${i}@example.ca`, 'wrong-password-123', {}, address)).statusCode).toBe(401);
    const limited = await signIn('analyst@example.ca', 'demo-password-2026', { 'accept-language': 'fr' }, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(JSON.stringify(limited.json())).toContain('Trop de tentatives');
    // A batched sign-in counts too.
    const batched = await app.inject({ method: 'POST', url: '/trpc/auth.signIn?batch=1', headers: json, remoteAddress: address, payload: JSON.stringify({ 0: { json: { email: 'analyst@example.ca', password: 'demo-password-2026' } } }) });
    expect(batched.statusCode).toBe(429);
    // Other addresses, and other requests from this one, are unaffected.
    expect((await signIn('analyst@example.ca', 'demo-password-2026', {}, '10.9.9.10')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: address })).statusCode).toBe(200);
  });
});

describe('malformed requests', () => {
  it('a request without a Host header is a 400, not an internal error', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /trpc/auth.session HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] 400/);
  });
});
