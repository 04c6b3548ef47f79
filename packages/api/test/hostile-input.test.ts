/**
 * Hostile input, generated (fast-check), sent to every procedure of the router by a caller allowed
 * to reach it: values of the right shape with hostile contents (huge, unicode, SQL and HTML
 * fragments, negative, NaN-like and huge numbers), wrong types, missing and extra fields. Every
 * call ends in a valid result or a client error, never an internal error, and the database still
 * answers afterwards.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createMemoryFileStore, defaultApiConfig, seedDemoActivity } from '../src';
import { createHarness, type Harness } from './harness';
import { allProcedures, call } from './procedures';

// Signing out ends the session the other calls use; it takes no input anyway.
const procedures = allProcedures.filter(([path]) => path !== 'auth.signOut');

const USER_OF_ROLE: Record<string, string> = {
  program_officer: 'officer@example.ca',
  program_manager: 'manager@example.ca',
  reviewer: 'reviewer@example.ca',
  finance_officer: 'finance@example.ca',
  results_analyst: 'analyst@example.ca',
  administrator: 'admin@example.ca',
  recipient: 'recipient.windsor@example.ca',
};
const CLIENT_ERRORS = ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNPROCESSABLE_CONTENT', 'METHOD_NOT_SUPPORTED'];

let h: Harness;
const apis = new Map<string, unknown>();

beforeAll(async () => {
  h = await createHarness();
  await seedDemoActivity({ db: h.t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() });
  for (const [role, email] of Object.entries(USER_OF_ROLE)) apis.set(role, (await h.signInAs(email)).api);
  apis.set('anonymous', h.caller().api);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const hostileString = fc.oneof(
  fc.constantFrom("'; drop table agreement; --", '<script>alert(1)</script>', '" OR 1=1 --', '\u0000', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ é \u202e', '../../etc/passwd', '%00', '${7*7}', '{{7*7}}', '', 'Name\ud800', '\udfffx', 'ok\u0000', 'e\u0301\u202a\u0007\u009b'),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('x'.repeat(200_000)),
  fc.uuid(),
);
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 1e308, 0.1 + 0.2), fc.double(), fc.integer());
const hostileBigint = fc.oneof(fc.constantFrom(-1n, 0n, 10n ** 30n, -(10n ** 30n)), fc.bigInt());
const wrongType = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), hostileNumber, hostileString);

/** Values of the input's shape with hostile contents; sometimes wrong types, missing or extra fields. */
function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
  if (!def || depth > 6) return wrongType;
  const shaped = (() => {
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
        return fc.option(arbitraryFor(def.innerType, depth + 1), { nil: def.type === 'nullable' ? null : undefined });
      case 'object': {
        const shape = def.shape as Record<string, unknown>;
        const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]));
        return fc.record(fields, { requiredKeys: [] }).chain((o) => fc.oneof(fc.constant(o), fc.constant({ ...o, extraField: "'; select pg_sleep(1); --" })));
      }
      case 'string':
        return hostileString;
      case 'number':
      case 'int':
        return hostileNumber;
      case 'bigint':
        return hostileBigint;
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), hostileString);
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'array':
        return fc.array(arbitraryFor(def.element, depth + 1), { maxLength: 4 });
      case 'record':
        return fc.dictionary(hostileString, hostileString, { maxKeys: 3 });
      case 'union':
        return fc.oneof(...(def.options as unknown[]).map((o) => arbitraryFor(o, depth + 1)));
      case 'intersection':
        return fc.tuple(arbitraryFor(def.left, depth + 1), arbitraryFor(def.right, depth + 1)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
      case 'pipe':
        return arbitraryFor(def.in, depth + 1);
      case 'date':
        return fc.date();
      default:
        return wrongType;
    }
  })();
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: wrongType, weight: 1 });
}

describe('hostile input', () => {
  it('never makes any procedure fail with an internal error, and the server stays healthy', async () => {
    const internal: string[] = [];
    const outcomes = new Map<string, number>();
    for (const [path, p] of procedures) {
      const access = p._def.meta!.access!;
      const api = access.kind === 'public' ? apis.get('anonymous') : access.kind === 'signedIn' ? apis.get('recipient') : apis.get(access.roles[0]!);
      await fc.assert(
        fc.asyncProperty(arbitraryFor(p._def.inputs[0]), async (input) => {
          try {
            await call(api, path, input);
            outcomes.set('OK', (outcomes.get('OK') ?? 0) + 1);
          } catch (error) {
            const code = (error as { code?: string }).code ?? 'THROWN';
            outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
            if (!CLIENT_ERRORS.includes(code)) {
              internal.push(`${path}: ${code} ${(error as Error).message} for ${JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200)}`);
              return false;
            }
          }
          return true;
        }),
        { numRuns: 40, seed: 2026, endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(internal).toEqual([]);
    // The inputs got past validation often enough to reach the services, not only the schemas.
    expect(outcomes.get('OK') ?? 0).toBeGreaterThan(300);
    expect((await sql<{ ok: number }>`select 1 as ok`.execute(h.t.db)).rows[0]!.ok).toBe(1);
    const { api } = await h.signInAs('analyst@example.ca');
    expect((await api.reference.fiscalYears()).years.length).toBeGreaterThan(0);
  }, 600_000);
});
