import { z } from 'zod';
import type { Actor } from '../../domain/auth/actor.js';
import { ROLES, type Role, type RoleGrant } from '../../domain/auth/roles.js';
import { forbidden, notFound, unauthenticated, validationFailed } from '../../domain/errors.js';
import type { ApiToken } from '../../storage/api-token.repository.js';
import type { UserWithGrants } from '../../domain/auth/user.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';
import { parseInput, requiredText } from '../input.js';
import { authorize } from './authorize.js';
import { hashToken, randomToken } from './secrets.js';
import type { SignedIn } from './sessions.js';
import { accountSnapshot } from '../../domain/audit/snapshots.js';
import { recordEvent } from '../audit/record-event.js';

/**
 * API tokens for integrations. A person creates one in the web for one of their own role grants; the
 * token is shown once and only its SHA-256 is kept. A request with the token acts for its owner with
 * that one grant and nothing more, until the token is revoked or the owner disabled.
 */

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'sv_';
/** Last use is written at most this often, so a busy integration does not write on every call. */
const TOUCH_EVERY_MS = 60 * 1000;
/** Longer than any token this code creates; a longer bearer is not looked up. */
const MAX_TOKEN_LENGTH = 200;
export const MAX_TOKEN_NAME_LENGTH = 100;

export type { ApiToken };

/**
 * A grant as one form value: `reader`, `member_officer:member:3`, `network_lead:network:2`.
 * The select on the token page offers the person's own grants in this form.
 */
export const grantKey = (g: RoleGrant): string =>
  g.role + (g.memberId != null ? `:member:${g.memberId}` : '') + (g.networkId != null ? `:network:${g.networkId}` : '');

const GRANT_KEY = /^([a-z_]+)(?::member:(\d{1,9}))?(?::network:(\d{1,9}))?$/;

/** The grant a form value names, or null when it names none. */
export function parseGrantKey(key: string): RoleGrant | null {
  const match = GRANT_KEY.exec(key);
  if (!match || !ROLES.includes(match[1] as Role)) return null;
  return {
    role: match[1] as Role,
    memberId: match[2] ? Number(match[2]) : null,
    networkId: match[3] ? Number(match[3]) : null,
  };
}

const sameGrant = (a: RoleGrant, b: RoleGrant) =>
  a.role === b.role && a.memberId === b.memberId && a.networkId === b.networkId;

const CHOOSE_GRANT = 'Välj vilken av dina roller nyckeln ska ha.';

const newTokenInput = z.object({
  name: requiredText(MAX_TOKEN_NAME_LENGTH, 'Ett namn på nyckeln'),
  grant: z.preprocess((v) => (v == null ? '' : v), z.string({ error: CHOOSE_GRANT }).trim().min(1, CHOOSE_GRANT)),
});

/** The person acting through a session: tokens are made and listed by people, never by other tokens. */
async function signedInPerson(ctx: AppContext): Promise<UserWithGrants> {
  authorize(ctx, 'signed_in');
  if (ctx.actor.kind !== 'user') throw forbidden();
  const user = await readRepos(ctx).users.byId(ctx.actor.userId);
  if (!user || user.status !== 'active') throw unauthenticated();
  return user;
}

export interface CreatedApiToken {
  id: number;
  /** The token itself: show it once, then forget it. */
  token: string;
}

/**
 * Creates a token for the signed-in person with one of their own grants (`grant` is a grantKey).
 * A grant the person does not have is refused with 403 and nothing is stored.
 */
export async function createApiToken(ctx: AppContext, raw: unknown): Promise<CreatedApiToken> {
  const user = await signedInPerson(ctx);
  const input = parseInput(newTokenInput, raw);
  const grant = parseGrantKey(input.grant);
  if (!grant) throw validationFailed([{ field: 'grant', message: 'Välj en av rollerna i listan.' }]);
  if (!user.grants.some((g) => sameGrant(g, grant))) throw forbidden();
  const token = API_TOKEN_PREFIX + randomToken();
  const id = await inTransaction(ctx, async (repos) => {
    const tokenId = await repos.apiTokens.insert(
      { userId: user.id, name: input.name, tokenHash: hashToken(token), grant },
      timestamp(ctx),
    );
    await recordEvent(ctx, repos, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: tokenId,
      summary: `API-nyckeln ”${input.name}” skapades.`,
      before: null,
      after: { name: input.name, owner: user.id, ...accountSnapshot({ status: 'active', grants: [grant] }) },
    });
    return tokenId;
  });
  return { id, token };
}

/** The signed-in person's own tokens, newest first, revoked ones included. */
export async function listApiTokens(ctx: AppContext): Promise<ApiToken[]> {
  const user = await signedInPerson(ctx);
  return readRepos(ctx).apiTokens.forUser(user.id);
}

/**
 * Revokes a token: the owner's own, or anyone's for those who manage users. Revoking a revoked
 * token changes nothing. Returns the token as it was before.
 */
export async function revokeApiToken(ctx: AppContext, id: number): Promise<ApiToken> {
  authorize(ctx, 'signed_in');
  return inTransaction(ctx, async (repos) => {
    const token = await repos.apiTokens.byId(id);
    if (!token) throw notFound('API-nyckeln');
    const own = ctx.actor.kind === 'user' && ctx.actor.userId === token.userId;
    if (!own) authorize(ctx, 'manage_users');
    await repos.apiTokens.revoke(id, timestamp(ctx));
    if (!token.revokedAt) {
      await recordEvent(ctx, repos, {
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        summary: `API-nyckeln ”${token.name}” återkallades.`,
        before: { status: 'active' },
        after: { status: 'revoked' },
      });
    }
    return token;
  });
}

/**
 * Who a bearer token acts for: its owner, with only the token's grant. Null for an unknown or
 * revoked token, a disabled owner, and an owner who no longer holds the grant.
 */
export async function resolveApiToken(ctx: AppContext, bearer: string): Promise<SignedIn | null> {
  if (!bearer.startsWith(API_TOKEN_PREFIX) || bearer.length > MAX_TOKEN_LENGTH) return null;
  const repos = readRepos(ctx);
  const token = await repos.apiTokens.byHash(hashToken(bearer));
  if (!token || token.revokedAt !== null) return null;
  const owner = await repos.users.byId(token.userId);
  if (!owner || owner.status !== 'active') return null;
  if (!owner.grants.some((g) => sameGrant(g, token.grant))) return null;
  const now = ctx.now().getTime();
  if (token.lastUsedAt === null || now - Date.parse(token.lastUsedAt) >= TOUCH_EVERY_MS) {
    await repos.apiTokens.touch(token.id, timestamp(ctx), new Date(now - TOUCH_EVERY_MS + 1).toISOString());
  }
  const actor: Actor = { kind: 'token', userId: owner.id, tokenId: token.id, name: `${owner.name} via ${token.name}` };
  const grants = [token.grant];
  return {
    user: { ...owner, grants },
    actor,
    principal: { signedIn: true, grants },
    // Bearer requests carry no cookie, so no form can be forged with them; a value nobody knows.
    csrfToken: randomToken(),
  };
}
