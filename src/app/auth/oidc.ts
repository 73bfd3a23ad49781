import * as client from 'openid-client';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import type { UserWithGrants } from '../../domain/auth/user.js';
import { hashToken, randomToken } from './secrets.js';
import { securityEvent } from './security-log.js';
import { startSession } from './sessions.js';

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce), the way municipalities'
 * staff sign in through Entra ID and the like. openid-client (panva) does the protocol: discovery, the
 * authorization URL, the code exchange and every check of the answer and the signed ID token. This
 * module decides what we remember meanwhile and which account a verified person gets.
 *
 * Accounts are never created here: roles are granted by administrators. A person is recognised by
 * (issuer, subject); on their first sign-in, by a verified e-mail address to an active account an
 * administrator created, which is then linked, so later sign-ins go by subject whatever the e-mail.
 */

export interface OidcSettings {
  /** The provider's issuer identifier (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Logga in med …". */
  displayName: string;
  /** PUBLIC_URL + OIDC_CALLBACK_PATH, as registered at the provider. */
  redirectUri: string;
}

export const OIDC_START_PATH = '/logga-in/oidc';
export const OIDC_CALLBACK_PATH = '/logga-in/oidc/tillbaka';
/** How long a sign-in may stay at the provider before its answer is no longer accepted. */
export const OIDC_FLOW_MS = 10 * 60 * 1000;
/** The provider's metadata is discovered again after this long (the library follows key rotation itself). */
const DISCOVERY_MS = 60 * 60 * 1000;
const SCOPE = 'openid email profile';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Plain HTTP only to a provider on this machine (development, tests); every real one speaks HTTPS. */
export const isLoopback = (url: URL): boolean => LOOPBACK.has(url.hostname);

/** The provider as openid-client sees it, discovered on first use and again after an hour or a failure. */
export function oidcClient(settings: OidcSettings) {
  let discovered: { at: number; configuration: Promise<client.Configuration> } | undefined;
  const issuer = new URL(settings.issuer);
  return {
    settings,
    configuration(): Promise<client.Configuration> {
      if (!discovered || Date.now() - discovered.at > DISCOVERY_MS) {
        const configuration = client.discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          client.ClientSecretPost(settings.clientSecret),
          // The configuration refuses plain HTTP to any other host.
          isLoopback(issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        );
        const entry = { at: Date.now(), configuration };
        configuration.catch(() => {
          if (discovered === entry) discovered = undefined;
        });
        discovered = entry;
      }
      return discovered.configuration;
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

/** Why a sign-in did not succeed; the web layer says it in Swedish. */
export type OidcRefusal =
  /** No sign-in under way in this browser: the answer came twice, too late, or to another browser. */
  | 'flow_missing'
  /** The provider answered with an error (the person cancelled, or was not allowed). */
  | 'provider_refused'
  /** The token endpoint refused the code (used already, expired, or not ours). */
  | 'exchange_refused'
  /** The answer or its ID token failed a check (state, issuer, signature, nonce, audience, time). */
  | 'response_invalid'
  /** The provider could not be reached. */
  | 'provider_unavailable'
  /** A verified person without an account here. */
  | 'account_unknown'
  /** A verified person whose account is disabled. */
  | 'account_disabled';

export type OidcStart = { ok: true; flowToken: string; authorizationUrl: string } | { ok: false; refusal: OidcRefusal };

export type OidcFinish =
  { ok: true; sessionToken: string; returnTo: string } | { ok: false; refusal: OidcRefusal; returnTo?: string };

const refused = (refusal: OidcRefusal, fields: Record<string, string | number | undefined> = {}) => {
  securityEvent('sign_in.failed', { method: 'oidc', reason: refusal, ...fields });
  return { ok: false as const, refusal };
};

/** An OAuth error code from the provider, for the log only if it looks like one (it is text someone sent). */
const errorCode = (value: unknown) => (typeof value === 'string' && /^[a-z_]{1,64}$/.test(value) ? value : 'other');

/**
 * Calls the provider through openid-client and sorts its errors: the provider's own error answers,
 * a refused code, a failed check of the answer, and (anything else) no answer at all.
 */
async function fromProvider<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | ReturnType<typeof refused>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      return refused('provider_refused', { error: errorCode(error.error) });
    }
    if (error instanceof client.ResponseBodyError) {
      return refused('exchange_refused', { error: errorCode(error.error) });
    }
    if (error instanceof client.ClientError) {
      return refused('response_invalid', { error: error.code ?? 'other' });
    }
    // Anything else is the network: the provider did not answer, or not in time.
    return refused('provider_unavailable', { error: error instanceof Error ? error.name : 'other' });
  }
}

/**
 * Starts a sign-in: remembers state, nonce and PKCE verifier under the hash of a new random token
 * (for the browser's cookie) and returns the provider's authorization URL. `returnTo` must already
 * be a same-site path.
 */
export async function startOidcSignIn(ctx: AppContext, oidc: OidcClient, returnTo: string): Promise<OidcStart> {
  const discovered = await fromProvider(() => oidc.configuration());
  if (!discovered.ok) return discovered;
  const configuration = discovered.value;
  const flowToken = randomToken();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = ctx.now().getTime();
  const repos = readRepos(ctx);
  await repos.oidc.removeExpiredFlows(new Date(now).toISOString());
  await repos.oidc.insertFlow(
    hashToken(flowToken),
    { state, nonce, codeVerifier, returnTo, expiresAt: new Date(now + OIDC_FLOW_MS).toISOString() },
    new Date(now).toISOString(),
  );
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.settings.redirectUri,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, flowToken, authorizationUrl: url.href };
}

interface VerifiedPerson {
  issuer: string;
  subject: string;
  /** Lower-cased, and only when the provider vouches for it. */
  verifiedEmail: string | undefined;
}

/** The e-mail claim, if the provider sends it and does not say it is unverified. */
function verifiedEmailOf(claims: Record<string, unknown>): string | undefined {
  const email = claims['email'];
  const verified = claims['email_verified'];
  if (typeof email !== 'string' || !email.includes('@')) return undefined;
  return verified === undefined || verified === true ? email.toLowerCase() : undefined;
}

/**
 * Finishes a sign-in with the provider's answer (the callback's query): takes the flow (once), lets
 * openid-client check the answer, exchange the code and validate the ID token, then finds the account
 * and starts a session. Never throws for anything the provider or the browser sent.
 */
export async function finishOidcSignIn(
  ctx: AppContext,
  oidc: OidcClient,
  flowToken: string | undefined,
  answer: URLSearchParams,
): Promise<OidcFinish> {
  const flow = flowToken ? await readRepos(ctx).oidc.takeFlow(hashToken(flowToken), timestamp(ctx)) : undefined;
  if (!flow) return refused('flow_missing');
  const withReturn = <T extends { ok: false; refusal: OidcRefusal }>(r: T) => ({ ...r, returnTo: flow.returnTo });

  const discovered = await fromProvider(() => oidc.configuration());
  if (!discovered.ok) return withReturn(discovered);
  const configuration = discovered.value;

  // The redirect URI as registered (not as this request's URL, which a proxy may have rewritten).
  const callbackUrl = new URL(oidc.settings.redirectUri);
  callbackUrl.search = answer.toString();
  const grant = await fromProvider(() =>
    client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    }),
  );
  if (!grant.ok) return withReturn(grant);
  const claims = grant.value.claims();
  if (!claims) return withReturn(refused('response_invalid', { error: 'no_id_token' }));
  const person: VerifiedPerson = { issuer: claims.iss, subject: claims.sub, verifiedEmail: verifiedEmailOf(claims) };

  // Providers that keep the ID token small give the e-mail address only at the userinfo endpoint;
  // asked only when the address is needed (a person not linked yet) and the ID token has none.
  const needsEmail =
    claims['email'] === undefined &&
    configuration.serverMetadata().userinfo_endpoint !== undefined &&
    !(await readRepos(ctx).oidc.identity(person.issuer, person.subject));
  if (needsEmail) {
    const info = await fromProvider(() => client.fetchUserInfo(configuration, grant.value.access_token, claims.sub));
    if (!info.ok) return withReturn(info);
    person.verifiedEmail = verifiedEmailOf(info.value);
  }

  type Outcome =
    | { refusal: 'account_unknown' | 'account_disabled'; userId?: number }
    | { sessionToken: string; userId: number; linked: boolean };
  const outcome = await inTransaction(ctx, async (repos): Promise<Outcome> => {
    const { user, linked } = await accountFor(repos, ctx, person);
    if (!user) return { refusal: 'account_unknown' };
    if (user.status !== 'active') return { refusal: 'account_disabled', userId: user.id };
    return { sessionToken: await startSession(repos, ctx, user.id), userId: user.id, linked };
  });
  if (!('sessionToken' in outcome)) {
    return withReturn(refused(outcome.refusal, { userId: outcome.userId }));
  }
  securityEvent('sign_in.succeeded', { method: 'oidc', userId: outcome.userId, linked: outcome.linked });
  return { ok: true, sessionToken: outcome.sessionToken, returnTo: flow.returnTo };
}

/**
 * The account of a verified person: by (issuer, subject) if linked; otherwise, the first time, by the
 * verified e-mail address to an active account, which is then linked — unless that account is linked
 * to another person at the same provider already (the address may have passed to someone else).
 */
async function accountFor(
  repos: Repositories,
  ctx: AppContext,
  person: VerifiedPerson,
): Promise<{ user: UserWithGrants | undefined; linked: boolean }> {
  const identity = await repos.oidc.identity(person.issuer, person.subject);
  if (identity) return { user: await repos.users.byId(identity.userId), linked: false };
  if (!person.verifiedEmail) return { user: undefined, linked: false };
  const user = await repos.users.byEmail(person.verifiedEmail);
  if (!user) return { user: undefined, linked: false };
  if (user.status !== 'active') return { user, linked: false };
  const identities = await repos.oidc.identitiesOf(user.id);
  if (identities.some((i) => i.issuer === person.issuer)) return { user: undefined, linked: false };
  const inserted = await repos.oidc.link({
    userId: user.id,
    issuer: person.issuer,
    subject: person.subject,
    createdAt: timestamp(ctx),
  });
  if (inserted) return { user, linked: true };
  // Linked by a sign-in at the same moment: whoever that went to is the answer.
  const winner = await repos.oidc.identity(person.issuer, person.subject);
  return { user: winner && (await repos.users.byId(winner.userId)), linked: false };
}
