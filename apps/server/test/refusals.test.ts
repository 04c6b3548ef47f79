/**
 * Every refusal in our format (`{ error: { message, data: { httpStatus, messageKey } } }`) and the
 * user's language, the ones the framework or Node would answer included: a method the route does
 * not take (405), a body too large (413), a body of the wrong type (415), headers too large (431).
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { translate } from '@tp/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Refusal {
  error: { message: string; data: { httpStatus: number; messageKey: string } };
}
/** tRPC's answers carry the same error inside its transformer's envelope (`error.json`). */
type Answer = Refusal | { error: { json: Refusal['error'] } };
const errorOf = (a: Answer) => ('json' in a.error ? a.error.json : a.error);

describe('refusals in our format', () => {
  it.each([
    ['405, a method the API does not take', { method: 'PUT' as const, url: '/trpc/auth.signIn', payload: '{}', headers: { 'content-type': 'application/json' } }, 405, 'error.methodNotAllowed'],
    ['415, a body that is not JSON', { method: 'POST' as const, url: '/trpc/auth.signIn', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'error.unsupportedMediaType'],
    ['413, a body too large', { method: 'POST' as const, url: '/trpc/auth.signIn', payload: JSON.stringify({ json: { email: 'x'.repeat(3_000_000) } }), headers: { 'content-type': 'application/json' } }, 413, 'error.tooLarge'],
  ])('%s', async (_name, req, status, messageKey) => {
    for (const lang of ['en', 'fr'] as const) {
      const res = await server.app.inject({ ...req, headers: { ...req.headers, 'accept-language': lang === 'fr' ? 'fr-CA' : 'en-CA' } });
      expect(res.statusCode).toBe(status);
      const error = errorOf(res.json<Answer>());
      expect(error.data).toMatchObject({ httpStatus: status, messageKey });
      expect(error.message).toBe(translate(lang, messageKey));
    }
  });

  it('431, headers too large, answered in our format (both languages: the headers were not read)', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Refusal;
    expect(body.error.data).toMatchObject({ httpStatus: 431, messageKey: 'error.headersTooLarge' });
    expect(body.error.message).toBe(`${translate('en', 'error.headersTooLarge')} / ${translate('fr', 'error.headersTooLarge')}`);
    // The server still answers.
    const ok = await new Promise<number>((resolve) => httpRequest({ port, host: '127.0.0.1', path: '/healthz' }, (res) => resolve(res.statusCode ?? 0)).end());
    expect(ok).toBe(200);
  });
});
