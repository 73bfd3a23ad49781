import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Security events, one log line each with a stable `event` name (ASVS V7): sign-ins and their
 * failures, sign-out, password changes, denials and refused forms. Fields name accounts by id and
 * never carry a password, a token, a session id or free text typed by someone.
 */
export type SecurityEvent =
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_in.link_used'
  | 'sign_out'
  | 'password.changed'
  | 'access.denied'
  | 'csrf.refused';

export type SecurityFields = Record<string, string | number | boolean | null | undefined>;

/** The part of a (pino) logger the use cases need: the app layer does not depend on the logging library. */
export interface SecurityLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}

/** Failures and refusals are warnings; the rest is information. */
const WARNINGS = new Set<SecurityEvent>(['sign_in.failed', 'access.denied', 'csrf.refused']);

const current = new AsyncLocalStorage<SecurityLogger>();

/**
 * Runs `work` with `logger` receiving the security events its use cases report (the HTTP layer
 * runs each request in one, with the request's correlation id bound). Outside, events are dropped:
 * the CLI and seed have no one signing in.
 */
export const withSecurityLogger = <T>(logger: SecurityLogger, work: () => T): T => current.run(logger, work);

/** Records one security event for the request being served. */
export function securityEvent(event: SecurityEvent, fields: SecurityFields = {}): void {
  const logger = current.getStore();
  if (!logger) return;
  const line = { event, ...fields };
  if (WARNINGS.has(event)) logger.warn(line, event);
  else logger.info(line, event);
}
