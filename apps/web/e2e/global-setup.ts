/**
 * Once for all browser tests: build the client, give the real server an empty database of its
 * own (embedded, or a new one on DATABASE_URL's server), start it with the demo data, and tear
 * both down afterwards.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionTestDatabase } from '@tp/db/testing';
import { loadConfig, startServer } from '@tp/server';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // E2E_WEB_DIST lets several people run the browser tests at once without sharing one build folder.
  const webDist = process.env.E2E_WEB_DIST ? path.resolve(process.env.E2E_WEB_DIST) : path.join(webRoot, 'dist');
  await build({
    root: webRoot,
    configFile: path.join(webRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webDist, emptyOutDir: true },
  });
  const database = await provisionTestDatabase();
  const server = await startServer(
    { ...loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'warn' }), webDist },
    database.options,
  );
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    await database.drop();
  };
}
