import type { Actor } from '../../domain/auth/actor.js';
import type { Principal } from '../../domain/auth/policies.js';
import { readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import type { UserWithGrants } from '../../domain/auth/user.js';
import { hashToken, randomToken } from './secrets.js';
import { securityEvent } from './security-log.js';

/** ASVS level 2: idle at most 30 minutes, absolute at most 12 hours. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Seen-time is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SignedIn {
  user: UserWithGrants;
  actor: Actor;
  principal: Principal;
  csrfToken: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A new session for `userId` (always a new id: sign-in never reuses an old one). Returns the cookie token. */
export async function startSession(repos: Repositories, ctx: AppContext, userId: number): Promise<string> {
  const token = randomToken();
  const now = ctx.now().getTime();
  await repos.sessions.insert(hashToken(token), {
    userId,
    csrfToken: randomToken(),
    createdAt: iso(now),
    lastSeenAt: iso(now),
    expiresAt: iso(now + SESSION_ABSOLUTE_MS),
  });
  return token;
}

export const signedInAs = (user: UserWithGrants, csrfToken: string): SignedIn => ({
  user,
  actor: { kind: 'user', userId: user.id, name: user.name },
  principal: { signedIn: true, grants: user.grants },
  csrfToken,
});

/** The person behind a session cookie, or null when the session is unknown, idle too long, expired or the account disabled. */
export async function resolveSession(ctx: AppContext, token: string | undefined): Promise<SignedIn | null> {
  if (!token) return null;
  const repos = readRepos(ctx);
  const hash = hashToken(token);
  // The session, its person and their roles in one statement: every signed-in request runs it.
  const found = await repos.sessions.findWithUser(hash);
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.now().getTime();
  const idle = now - Date.parse(session.lastSeenAt) > SESSION_IDLE_MS;
  if (idle || now >= Date.parse(session.expiresAt)) {
    await repos.sessions.remove(hash);
    return null;
  }
  if (user.status !== 'active') return null;
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await repos.sessions.touch(hash, timestamp(ctx));
  return signedInAs(user, session.csrfToken);
}

/** Sign-out: the cookie's session is gone, so the cookie is useless even if kept. */
export async function endSession(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token) return;
  const repos = readRepos(ctx);
  const hash = hashToken(token);
  const session = await repos.sessions.find(hash);
  await repos.sessions.remove(hash);
  if (session) securityEvent('sign_out', { userId: session.userId });
}
