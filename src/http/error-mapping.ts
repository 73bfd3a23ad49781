import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorCode } from '../domain/errors.js';

/** The one place domain errors become HTTP statuses. */
export const statusOf: Record<DomainErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  validation_failed: 422,
  not_proposable: 422,
  foreign_member: 422,
  not_a_draft: 409,
  not_proposed: 409,
  conflict: 409,
  rate_limited: 429,
  unauthenticated: 401,
  forbidden: 403,
};

/**
 * Driver errors that mean the database cannot serve now, not that the request was wrong: PostgreSQL
 * unreachable or restarting (refused or dropped connections, admin shutdown 57P01, crash shutdown 57P02,
 * starting up 57P03, connection exceptions class 08), SQLite busy beyond its timeout or failing to read or
 * write its file (SQLITE_BUSY*, SQLITE_IOERR*); and a full disk (SQLITE_FULL, PostgreSQL's 53100), where
 * the write's transaction is rolled back and nothing was saved.
 */
export type DatabaseFailure = 'unavailable' | 'disk_full';

/**
 * The socket's own errors, with which pg's connection attempts and queries fail when the server is down or goes
 * away. Other clients (fetch, SMTP) meet them too, but wrap them (fetch's TypeError has them as its cause):
 * so they count only on the error itself, never on a cause.
 */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/** PostgreSQL shutting down (admin 57P01, crash 57P02), starting up (57P03), or a connection exception (class 08). */
const POSTGRES_UNAVAILABLE = /^(57P0[123]|08[0-9A-Z]{3})$/;
/** What pg says, without a code, when the server closes a connection under a query or before it starts. */
const CONNECTION_LOST =
  /^Connection terminated|^Client has encountered a connection error|timeout exceeded when trying to connect/;

const codeOf = (e: Error): string | undefined => ('code' in e && typeof e.code === 'string' ? e.code : undefined);

function failureOf(e: Error): DatabaseFailure | undefined {
  const code = codeOf(e);
  if (code === 'SQLITE_FULL' || code === '53100') return 'disk_full';
  if (code !== undefined && POSTGRES_UNAVAILABLE.test(code)) return 'unavailable';
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_IOERR')) return 'unavailable';
  return CONNECTION_LOST.test(e.message) ? 'unavailable' : undefined;
}

/** Whether `error` (or an error it was caused by) is a database failure of that kind; undefined for any other. */
export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  if (NETWORK.has(codeOf(error) ?? '')) return 'unavailable';
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const failure = failureOf(e);
    if (failure) return failure;
  }
  return undefined;
}
