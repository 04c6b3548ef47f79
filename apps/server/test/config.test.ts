import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('server configuration', () => {
  it('defaults to the embedded database in ./.data with demo data, on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demo: true, databaseUrl: undefined, appUrl: 'http://localhost:3000' });
    expect(c.dataDir).toBe(path.resolve(import.meta.dirname, '../../../.data'));
  });

  it('turns demo data off against a real server unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO: 'true' }).demo).toBe(true);
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('runs one server process unless told; several only on a PostgreSQL server', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', WORKERS: '2' }).workers).toBe(2);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS.*DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', WORKERS: '0' })).toThrow(/WORKERS/);
  });
});
