import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { inTransaction, readRepos, type AppContext } from '../context.js';
import { parseInput, requiredText } from '../input.js';
import { hashToken, verifyAgainstNothing, verifyPassword } from './secrets.js';
import { securityEvent } from './security-log.js';
import { startSession } from './sessions.js';

/** Throttling: within the window, this many failures lock the account or the address out. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const signInInput = z.object({
  email: requiredText(320, 'E-postadressen'),
  password: z.preprocess((v) => (v == null ? '' : v), z.string().min(1, { error: 'Skriv ditt lösenord.' }).max(1024)),
});

/** The same answer for an unknown account, a wrong password and a disabled account: nothing to enumerate. */
const refused = () =>
  new DomainError('unauthenticated', 'Fel e-postadress eller lösenord.', [
    { field: 'email', message: 'Fel e-postadress eller lösenord.' },
  ]);

const throttled = () =>
  new DomainError('unauthenticated', 'För många misslyckade inloggningar. Vänta en kvart och försök igen.', [
    { field: 'email', message: 'För många misslyckade inloggningar. Vänta en kvart och försök igen.' },
  ]);

/** Signs in with e-mail and password; returns the new session's cookie token. */
export async function signInWithPassword(ctx: AppContext, raw: unknown, address: string): Promise<string> {
  const input = parseInput(signInInput, raw);
  const email = input.email.toLowerCase();
  const keys = [`account:${email}`, `address:${address}`];
  const since = new Date(ctx.now().getTime() - THROTTLE_WINDOW_MS).toISOString();
  const repos = readRepos(ctx);
  const [byAccount, byAddress] = await Promise.all(keys.map((k) => repos.sessions.failuresSince(k, since)));
  if (byAccount! >= MAX_FAILURES_PER_ACCOUNT || byAddress! >= MAX_FAILURES_PER_ADDRESS) {
    // The log names the account by id (when it exists), never by what was typed.
    const userId = (await repos.users.byEmail(email))?.id;
    securityEvent('sign_in.failed', {
      reason: 'throttled',
      limit: byAccount! >= MAX_FAILURES_PER_ACCOUNT ? 'account' : 'address',
      userId,
      address,
    });
    throw throttled();
  }
  const user = await repos.users.byEmail(email);
  const ok =
    user && user.status === 'active' && user.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstNothing(input.password, ctx.passwordHashCost);
  if (!ok || !user) {
    await repos.sessions.recordFailure(keys, ctx.now().toISOString());
    securityEvent('sign_in.failed', { reason: 'unknown_or_wrong', userId: user?.id, address });
    throw refused();
  }
  await repos.sessions.clearFailures(keys[0]!);
  const token = await startSession(repos, ctx, user.id);
  securityEvent('sign_in.succeeded', { method: 'password', userId: user.id, address });
  return token;
}

/** Signs in with a one-time link (the first administrator's, or a password reset); the link is then spent. */
export async function signInWithLink(ctx: AppContext, token: string): Promise<string> {
  const session = await inTransaction(ctx, async (repos) => {
    const userId = await repos.sessions.useLink(hashToken(token), ctx.now().toISOString());
    const user = userId === undefined ? undefined : await repos.users.byId(userId);
    if (!user || user.status !== 'active') {
      securityEvent('sign_in.failed', { reason: 'link_invalid', userId: user?.id });
      throw new DomainError(
        'unauthenticated',
        'Länken är ogiltig, redan använd eller för gammal. Be en administratör om en ny.',
      );
    }
    return { token: await startSession(repos, ctx, user.id), userId: user.id };
  });
  securityEvent('sign_in.link_used', { userId: session.userId });
  return session.token;
}
