/**
 * Limits against floods of comments and reports, per client address and per e-mail address, counted in
 * the database (as failed sign-ins are) so that every instance of the service sees the same counts. The
 * keys are SHA-256 hashes: the table holds no address. Counted when a comment or report is accepted.
 */
import { DomainError } from '../../domain/errors.js';
import { hashToken } from '../auth/secrets.js';
import type { AppContext, Repositories } from '../context.js';

export const FLOOD_WINDOW_MS = 60 * 60 * 1000;

export const FLOOD_LIMITS = {
  /** Comments sent from one client address within the window. */
  commentsPerAddress: 10,
  /** Comments sent with one e-mail address within the window (each one mails that address). */
  commentsPerEmail: 5,
  /** Reports sent from one client address within the window. */
  reportsPerAddress: 20,
} as const;

export interface FloodKey {
  key: string;
  limit: number;
  message: string;
}

const key = (kind: string, value: string) => hashToken(`consultation:${kind}:${value}`);

export const commentKeys = (address: string, email: string): FloodKey[] => [
  {
    key: key('comment-address', address),
    limit: FLOOD_LIMITS.commentsPerAddress,
    message: 'Många kommentarer har skickats från din anslutning den senaste timmen. Vänta en stund och försök igen.',
  },
  {
    key: key('comment-email', email.toLowerCase()),
    limit: FLOOD_LIMITS.commentsPerEmail,
    message:
      'Många kommentarer har skickats med den här e-postadressen den senaste timmen. Vänta en stund och försök igen.',
  },
];

export const reportKeys = (address: string): FloodKey[] => [
  {
    key: key('report-address', address),
    limit: FLOOD_LIMITS.reportsPerAddress,
    message: 'Många anmälningar har skickats från din anslutning den senaste timmen. Vänta en stund och försök igen.',
  },
];

const windowStart = (ctx: AppContext) => new Date(ctx.now().getTime() - FLOOD_WINDOW_MS).toISOString();

/** Throws `rate_limited` (429) with the first limit reached; nothing is counted then. */
export async function checkFloodLimits(ctx: AppContext, repos: Repositories, keys: readonly FloodKey[]): Promise<void> {
  const since = windowStart(ctx);
  for (const k of keys) {
    if ((await repos.consultations.attemptsSince(k.key, since)) >= k.limit)
      throw new DomainError('rate_limited', k.message, [{ field: 'form', message: k.message }]);
  }
}

/** Counts an accepted comment or report against its keys, and forgets what no window counts any more. */
export async function countAttempt(ctx: AppContext, repos: Repositories, keys: readonly FloodKey[]): Promise<void> {
  await repos.consultations.pruneAttempts(windowStart(ctx));
  await repos.consultations.recordAttempt(
    keys.map((k) => k.key),
    ctx.now().toISOString(),
  );
}
