/**
 * What a slow link needs from the server: answers compressed, the client build's own compressed
 * copies sent as they are, hashed assets cached for a year and the page itself revalidated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHashedAsset } from '../src/server';
import { startTestServer, type TestServer } from './server-harness';

let server: TestServer;
let webDist: string;
const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'tp-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"><p>Loading the portal…</p></div>');
  const asset = path.join(webDist, 'assets', 'index-B1x2c3D4.js');
  writeFileSync(asset, script);
  // The copies carry a mark, so a test can tell the build's copy from one compressed on the fly.
  writeFileSync(`${asset}.br`, brotliCompressSync(`${script}// br`));
  writeFileSync(`${asset}.gz`, gzipSync(`${script}// gz`));
  server = await startTestServer({ server: { webDist } });
});
afterAll(async () => {
  await server?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('delivery on a slow link', () => {
  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/assets/index-B1x2c3D4.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(`${script}// br`);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await server.app.inject({ method: 'GET', url: '/assets/index-B1x2c3D4.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(`${script}// gz`);
    const plain = await server.app.inject({ method: 'GET', url: '/assets/index-B1x2c3D4.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates the page itself on every visit, at / and on a client route', async () => {
    for (const url of ['/', '/agreements/123']) {
      const res = await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('Loading the portal');
    }
  });

  it('compresses API answers', async () => {
    const cookie = await server.cookieOf('admin@example.ca');
    const plain = await server.app.inject({ method: 'GET', url: '/trpc/admin.users', headers: { cookie, 'accept-encoding': 'identity' } });
    const res = await server.app.inject({ method: 'GET', url: '/trpc/admin.users', headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(plain.body);
    expect(res.rawPayload.length).toBeLessThan(plain.body.length / 2);
  });

  it('knows a hashed asset by its name', () => {
    expect(isHashedAsset('/srv/dist/assets/index-B1x2c3D4.js')).toBe(true);
    expect(isHashedAsset('/srv/dist/assets/index-B1x2c3D4.js.br')).toBe(true);
    expect(isHashedAsset('/srv/dist/index.html')).toBe(false);
    expect(isHashedAsset('/srv/dist/favicon.ico')).toBe(false);
  });
});
