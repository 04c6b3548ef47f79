/**
 * The one place where failures become API errors. Domain errors keep their code, message key
 * and field; zod failures name each field; a database that does not answer is a 503; anything
 * else is a 500 with a generic message (the details go to the log, never to the user).
 */
import { DomainError, type DomainErrorCode } from '@tp/domain';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** What each domain error is, once: its tRPC code for procedures and its HTTP status for the file routes. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  BAD_INPUT: { trpc: 'BAD_REQUEST', http: 400 },
  UNAUTHENTICATED: { trpc: 'UNAUTHORIZED', http: 401 },
  FORBIDDEN: { trpc: 'FORBIDDEN', http: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', http: 404 },
  CONFLICT: { trpc: 'CONFLICT', http: 409 },
  TOO_MANY_REQUESTS: { trpc: 'TOO_MANY_REQUESTS', http: 429 },
  UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', http: 503 },
};

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003']);
// SQLSTATE 55000 is also raised by ordinary statements; only its connection-time form means "down".
const UNAVAILABLE_MESSAGES = /connection terminated|timeout exceeded when trying to connect|PGlite is closed|is not currently accepting connections/i;

/** True when an error means the database could not be reached (not that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const err = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof err.code === 'string' && CONNECTION_ERRORS.has(err.code)) return true;
    if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message)) return true;
    if (Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable)) return true;
    e = err.cause;
  }
  return false;
}

export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError && !(error.cause instanceof DomainError) && error.code !== 'INTERNAL_SERVER_ERROR') return error;
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: DOMAIN_ERROR_STATUS[cause.code].trpc, message: cause.messageKey, cause });
  }
  if (isDatabaseUnavailable(cause)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'error.unavailable',
      cause: new DomainError('UNAVAILABLE', 'error.unavailable'),
    });
  }
  return error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'error.internal', cause: error });
}
