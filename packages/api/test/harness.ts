/**
 * A real database (PostgreSQL server or embedded), seeded with reference and demo data, and
 * callers that go through the whole router exactly as HTTP requests do: same context, same
 * middleware, same cookie handling. No mocks.
 */
import { DEMO_PASSWORD, seedDemo, seedReference } from '@tp/db/seed';
import type { ClaimInput } from '@tp/domain';
import { createTestDatabase, type TestDatabase } from '@tp/db/testing';
import type { Lang } from '@tp/i18n';
import { randomUUID } from 'node:crypto';
import { createCaller, createContext, createMailer, createMemoryFileStore, defaultApiConfig, hashPassword, type ApiConfig, type FileStore } from '../src';

export interface Harness {
  t: TestDatabase;
  config: ApiConfig;
  files: FileStore;
  /** A caller with the given session token; `jar` shows what the server did to the cookie. */
  caller(token?: string | null, lang?: Lang): { api: ReturnType<typeof createCaller>; jar: { token: string | null; cleared: boolean } };
  signInAs(email: string, password?: string): Promise<{ api: ReturnType<typeof createCaller>; token: string }>;
  userId(email: string): Promise<string>;
  organisationId(legalNameEn: string): Promise<string>;
  /** Sets the day the date rules read (`now` of the API), or back to the real time with null. */
  clockAt(iso: string | null): void;
  /** Waits for the mail the calls so far have queued to be delivered (it is sent after the answer). */
  deliveries(): Promise<void>;
  close(): Promise<void>;
}

export async function createHarness(overrides: Partial<ApiConfig> = {}): Promise<Harness> {
  const t = await createTestDatabase();
  await seedReference(t.db);
  await seedDemo(t.db, { hashPassword });
  const config: ApiConfig = { ...defaultApiConfig, ...overrides };
  const files = createMemoryFileStore();
  let clock: Date | null = null;
  const deps = { db: t.db, mailer: createMailer({ from: 'no-reply@example.ca' }), config, files, now: () => clock ?? new Date() };

  const caller: Harness['caller'] = (token = null, lang = 'en') => {
    const jar = { token, cleared: false };
    const ctx = createContext(deps, {
      sessionToken: token,
      meta: { requestId: 'test-request', ip: '127.0.0.1', userAgent: 'vitest', lang },
      cookie: {
        set: (value) => {
          jar.token = value;
        },
        clear: () => {
          jar.token = null;
          jar.cleared = true;
        },
      },
    });
    return { api: createCaller(ctx), jar };
  };

  return {
    t,
    config,
    files,
    caller,
    clockAt: (iso) => {
      clock = iso === null ? null : new Date(iso);
    },
    async signInAs(email, password = DEMO_PASSWORD) {
      const { api, jar } = caller();
      await api.auth.signIn({ email, password });
      if (!jar.token) throw new Error('sign-in set no cookie');
      return { api: caller(jar.token).api, token: jar.token };
    },
    async userId(email) {
      return (await t.db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    },
    async organisationId(name) {
      return (await t.db.selectFrom('organisation').select('id').where('legalNameEn', '=', name).executeTakeFirstOrThrow()).id;
    },
    deliveries: () => deps.mailer.idle(),
    async close() {
      await deps.mailer.idle();
      await t.destroy();
    },
  };
}

/** What a failed call threw: the tRPC code, and the domain message key and field, or the zod issues. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; messageKey: string | null; field: string | null; zodFields: string[] }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; cause?: unknown };
    const cause = e.cause as { messageKey?: string; field?: string; issues?: { path: PropertyKey[] }[] } | undefined;
    return {
      code: e.code,
      messageKey: cause?.messageKey ?? null,
      field: cause?.field ?? null,
      zodFields: cause?.issues?.map((i) => i.path.join('.')) ?? [],
    };
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** An advance for October to December 2026 on `agreementId`, one month's forecast: the claim the API tests file. */
export function advanceClaim(agreementId: string, requestedCents: bigint): ClaimInput {
  return {
    agreementId,
    clientKey: randomUUID(),
    kind: 'advance',
    fiscalYear: '2026-27',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    milestoneKey: null,
    requestedCents,
    expenditures: [],
    otherRevenues: [],
    forecast: [{ month: '2026-10', amountCents: requestedCents }],
    explanation: '',
  };
}
