import { z } from 'zod';
import { isLoopback, OIDC_CALLBACK_PATH, type OidcSettings } from '../app/auth/oidc.js';

/** An empty variable (`OIDC_ISSUER=` in a compose file) counts as unset. */
const optional = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === '' ? undefined : v), type.optional());

const isOrigin = (url: URL): boolean => ['', '/'].includes(url.pathname) && !url.search && !url.hash;

/**
 * OpenID Connect sign-in (Entra ID and the like): all of issuer, client id and secret, or none of them.
 * The redirect URI to register at the provider is PUBLIC_URL + /logga-in/oidc/tillbaka.
 */
export const oidcVariables = {
  /** The provider's issuer identifier, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`. */
  OIDC_ISSUER: optional(
    z.url({ protocol: /^https?$/, error: 'Ange en adress, till exempel https://login.microsoftonline.com/…/v2.0.' }),
  ).refine((v) => v === undefined || !URL.canParse(v) || v.startsWith('https:') || isLoopback(new URL(v)), {
    error: 'Identitetsleverantören måste nås över https (http bara på den här datorn).',
  }),
  OIDC_CLIENT_ID: optional(z.string().max(500)),
  OIDC_CLIENT_SECRET: optional(z.string().max(2000)),
  /** Shown on the sign-in button: "Logga in med …". */
  OIDC_DISPLAY_NAME: optional(z.string().max(100)).transform((v) => v ?? 'organisationens konto'),
  /** The address people reach the service at, e.g. `https://samverkan.kommun.se`; default http://HOST:PORT. */
  PUBLIC_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'Ange en adress, till exempel https://samverkan.kommun.se.' })
      .refine((v) => !URL.canParse(v) || isOrigin(new URL(v)), {
        error: 'Ange bara schema, värd och eventuell port, till exempel https://samverkan.kommun.se.',
      }),
  ),
};

type OidcVariables = z.output<ReturnType<typeof z.object<typeof oidcVariables>>>;

/** All-or-nothing: a half-configured sign-in stops the boot rather than showing a button that fails. */
export function checkOidcVariables(env: OidcVariables, ctx: z.RefinementCtx): void {
  const required = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const set = required.filter((name) => env[name] !== undefined);
  if (set.length === 0 || set.length === required.length) return;
  for (const name of required.filter((n) => env[n] === undefined)) {
    ctx.addIssue({ code: 'custom', path: [name], message: `Saknas: ${set.join(' och ')} är satt.` });
  }
}

/**
 * The address people reach the service at, without a trailing slash: PUBLIC_URL, else http://HOST:PORT.
 * Canonical links, the sitemap and OpenID Connect's redirect take it from here, never from a request's
 * Host header (public pages are cached and shared between visitors).
 */
export function publicUrlOf(config: Pick<OidcVariables, 'PUBLIC_URL'> & { HOST: string; PORT: number }): string {
  const host = ['0.0.0.0', '::'].includes(config.HOST)
    ? 'localhost'
    : config.HOST.includes(':')
      ? `[${config.HOST}]`
      : config.HOST;
  return new URL(config.PUBLIC_URL ?? `http://${host}:${config.PORT}`).origin;
}

/** The sign-in's settings, or undefined when OpenID Connect is not configured. */
export function oidcSettings(config: OidcVariables & { HOST: string; PORT: number }): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  const publicUrl = new URL(publicUrlOf(config));
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    displayName: config.OIDC_DISPLAY_NAME,
    redirectUri: new URL(OIDC_CALLBACK_PATH, publicUrl).href,
  };
}
