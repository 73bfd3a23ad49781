import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { withSecurityLogger } from '../app/auth/security-log.js';

export type { Logger } from 'pino';

declare module 'hono' {
  interface ContextVariableMap {
    /** The correlation id of this request: in every log line of it, on the 500 page and in `X-Request-Id`. */
    requestId: string;
    /** The logger of this request (its correlation id bound). */
    log: Logger;
  }
}

/**
 * Keys whose values never reach a log line, wherever someone puts them (ASVS 7.1.1): passwords,
 * CSRF and other tokens, cookies and authorization headers. Censored at any depth of a line's fields and
 * of a child logger's bindings (`password`, `user.password`, `req.headers.cookie` …), as `[dolt]`.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'password',
  'newPassword',
  '_csrf',
  'csrf',
  'csrfToken',
  'token',
  'cookie',
  'authorization',
  'set-cookie',
]);

const CENSORED = '[dolt]';

/**
 * A Swedish personal identity number (personnummer or samordningsnummer), with or without century
 * and separator. Bounded by non-digits rather than word boundaries, so `pnr199001011234` is caught too.
 */
const PERSONAL_IDENTITY_NUMBER = /(?<!\d)(19|20)?\d{6}[-+]?\d{4}(?!\d)/g;
/**
 * What a token looks like: a long URL-safe run mixing upper and lower case. Session, CSRF and link
 * tokens are 43 such characters; identifiers, slugs and hex hashes are not mixed case.
 */
const TOKEN_LIKE = /[A-Za-z0-9_-]{32,}/g;

/** Free text made safe for a log line: personal identity numbers and anything token-like are masked. */
export function scrub(text: string): string {
  return text
    .replace(TOKEN_LIKE, (run) => (/[A-Z]/.test(run) && /[a-z]/.test(run) ? '[token]' : run))
    .replace(PERSONAL_IDENTITY_NUMBER, '[personnummer]');
}

const scrubValue = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, REDACTED_KEYS.has(k) ? CENSORED : scrubValue(v, depth + 1)]),
  );
};

/** A logger's bindings as written: the correlation id is ours (or checked when it came from the proxy), kept exactly, to be found. */
const censoredBindings = ({ requestId, ...fields }: Record<string, unknown>): Record<string, unknown> => ({
  ...(scrubValue(fields) as Record<string, unknown>),
  ...(requestId === undefined ? {} : { requestId }),
});

export interface LoggerOptions {
  level?: LevelWithSilent;
  /**
   * Where lines go; standard output, written synchronously, when absent. Tests pass a stream to read them;
   * the server passes asynchronousStandardOutput().
   */
  destination?: DestinationStream;
}

/**
 * Standard output written asynchronously (pino's SonicBoom, `sync: false`): a line is queued and written
 * while the next requests are served; lines that come while a write is under way go out together in the
 * next one, so under load the log costs few system calls, and an idle server's lines go out at once.
 * A slow disk or a full pipe then holds up the log, not the requests. Written synchronously when the process
 * exits (pino registers that); closeLog() before a planned exit.
 */
export function asynchronousStandardOutput(): DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: 0 });
}

/**
 * Writes out what the logger has queued and closes its destination (standard output itself stays open): the
 * last step before a planned exit. Resolves at once for a destination that cannot be closed (a test's stream),
 * and after at most `timeoutMs` whatever happens.
 */
export function closeLog(logger: Logger, timeoutMs = 2000): Promise<void> {
  const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
    { end?: () => void; once?: (event: string, listener: () => void) => void; destroyed?: boolean } | undefined;
  if (typeof stream?.end !== 'function' || typeof stream.once !== 'function' || stream.destroyed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.once!('close', done);
    stream.once!('error', done);
    stream.end!();
  });
}

/**
 * The application's one logger: JSON lines with an ISO time and a level name. Every string field
 * of every line is scrubbed, and the redacted keys are censored, whoever logs what. Both in one walk
 * over the fields (pino's own `redact` with these keys as wildcard paths cost as much again per line).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: { service: 'samverkan' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      bindings: censoredBindings,
      log: (fields: Record<string, unknown>) => scrubValue(fields) as Record<string, unknown>,
    },
    hooks: {
      // The message, too, is scrubbed.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? scrub(a) : a)),
        );
      },
    },
  };
  const logger = options.destination ? pino(settings, options.destination) : pino(settings);
  // pino applies the bindings formatter to the root's bindings only: a child's (and its children's, which
  // inherit this method) are censored and scrubbed here, before pino serializes them once for all its lines.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, censoredBindings(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

/** The link-sign-in route carries its token in the path; the log keeps the route, not the token. */
const TOKEN_IN_PATH = /^(\/logga-in\/lank\/)[^/]*/;

/** The path as logged: never the query string (it may hold tokens), the link token masked, at most 300 characters. */
export const loggedPath = (path: string): string => scrub(path.replace(TOKEN_IN_PATH, '$1:token')).slice(0, 300);

const INCOMING_ID = /^[\w-]{8,64}$/;

/**
 * Gives each request a correlation id and a logger, runs it with that logger receiving its security
 * events, and writes one line when it is answered: method, path, status, duration, correlation id.
 * An incoming `X-Request-Id` is kept only from a trusted proxy, and only if it looks like an id.
 */
export function requestLogging(logger: Logger, options: { trustProxy?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = options.trustProxy ? c.req.header('x-request-id') : undefined;
    const requestId = incoming && INCOMING_ID.test(incoming) && scrub(incoming) === incoming ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = logger.child({ requestId });
    c.set('log', log);
    // Set before the handler: setting a header on a finished response makes Hono rebuild it (measured
    // at a quarter of the server's CPU under load). Responses built afresh (errors) get it after.
    c.header('X-Request-Id', requestId);
    await withSecurityLogger(log, next);
    if (!c.res.headers.has('X-Request-Id')) c.header('X-Request-Id', requestId);
    log.info(
      {
        event: 'request',
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

/** An unexpected error as logged: its kind, message and stack, scrubbed like every line; nothing else it may carry. */
let fallback: Logger | undefined;

export function logUnexpectedError(c: Context, error: Error): void {
  const log = c.var.log ?? (fallback ??= createLogger({ level: 'error' }));
  log.error(
    {
      event: 'request.failed',
      method: c.req.method,
      path: loggedPath(c.req.path),
      error: { type: error.name, message: error.message, stack: error.stack },
    },
    'request.failed',
  );
}
