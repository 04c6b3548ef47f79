/**
 * The server's settings, read from the environment once and checked by zod: a wrong value
 * stops the start with a message naming the variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DISCLOSURE_DEPARTMENT_CODE, DEPARTMENT_CODE } from '@tp/domain';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  APP_URL: z.string().url().optional(),
  DEMO: flag.optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Transfer Payment Portal <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'apps/web/dist')),
  TRUST_PROXY: flag.default(false),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** The department's three digits in the disclosure's TBS reference numbers (DDD-YYYY-YYYY-QX-XXXXX). */
  DISCLOSURE_DEPARTMENT_CODE: z.string().regex(DEPARTMENT_CODE, 'three digits').default(DEFAULT_DISCLOSURE_DEPARTMENT_CODE),
});

export interface ServerConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  appUrl: string;
  demo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  webDist: string;
  trustProxy: boolean;
  /** Server processes sharing the port (PostgreSQL server only). */
  workers: number;
  disclosureDepartmentCode: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error('Invalid environment: WORKERS: several server processes need a PostgreSQL server (DATABASE_URL); the embedded database belongs to one process');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(repoRoot, e.DATA_DIR),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    // Demo data by default on the embedded database (the quick start); off against a real server.
    demo: e.DEMO ?? !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(repoRoot, e.WEB_DIST),
    trustProxy: e.TRUST_PROXY,
    workers: e.WORKERS,
    disclosureDepartmentCode: e.DISCLOSURE_DEPARTMENT_CODE,
  };
}
