import { DomainError } from '@tp/domain';
import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { DOMAIN_ERROR_STATUS, isDatabaseUnavailable, toTRPCError } from '../src/errors';

/** One table says what a domain error is; the file routes' HTTP status must be the one tRPC sends for the same error. */
describe('the domain error table', () => {
  it('gives each domain error the HTTP status tRPC gives its tRPC code', () => {
    const entries = Object.entries(DOMAIN_ERROR_STATUS);
    expect(entries.length).toBe(7);
    for (const [code, { trpc, http }] of entries) {
      expect([code, getHTTPStatusCodeFromError(new TRPCError({ code: trpc }))]).toEqual([code, http]);
    }
  });
});

/** How failures are classified: a database that cannot be reached is a 503, a wrong query a 500. */
describe('database unavailable', () => {
  it('recognises what pg raises when the server is gone or refuses connections', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // A database closed to new connections (ALTER DATABASE … allow_connections false, or being dropped).
    expect(isDatabaseUnavailable(Object.assign(new Error('database "tp" is not currently accepting connections'), { code: '55000' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe(true);
  });

  it('does not mistake an ordinary query failure for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('cannot refresh materialized view concurrently'), { code: '55000' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('turns an outage into SERVICE_UNAVAILABLE and keeps domain errors as they are', () => {
    expect(toTRPCError(Object.assign(new Error('x'), { code: '57P01' })).code).toBe('SERVICE_UNAVAILABLE');
    expect(toTRPCError(new DomainError('CONFLICT', 'error.conflict')).code).toBe('CONFLICT');
    expect(toTRPCError(new Error('boom')).code).toBe('INTERNAL_SERVER_ERROR');
  });
});
