import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  finishOidcSignIn,
  OIDC_CALLBACK_PATH,
  OIDC_FLOW_MS,
  OIDC_START_PATH,
  oidcClient,
  startOidcSignIn,
  type OidcRefusal,
  type OidcSettings,
} from '../app/auth/oidc.js';
import type { AppContext } from '../app/context.js';
import { isHttps } from '../http/proxy.js';
import { setSessionCookie } from '../http/session.js';
import { safeReturn } from './auth.routes.js';
import { OidcRefusedPage } from './pages/oidc.page.js';
import { html } from './render.js';

/**
 * The browser's half of a sign-in under way: a random token whose hash keys the server-side row with
 * state, nonce and PKCE verifier. HttpOnly, SameSite=Lax (sent on the provider's top-level redirect
 * back, not on cross-site subrequests), ten minutes, __Host- and Secure behind HTTPS like the session.
 * Binding the flow to this browser stops a sign-in started elsewhere from being finished here.
 */
const flowCookieName = (c: Context) => (isHttps(c) ? '__Host-samverkan-oidc' : 'samverkan-oidc');

function setFlowCookie(c: Context, token: string): void {
  setCookie(c, flowCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(OIDC_FLOW_MS / 1000),
  });
}

const REFUSALS: Record<
  OidcRefusal,
  { status: ContentfulStatusCode; title: string; message: (name: string) => string }
> = {
  account_unknown: {
    status: 403,
    title: 'Kontot finns inte',
    message: () => 'Ditt konto finns inte i samverkan. Be samverkans sekretariat att lägga upp dig.',
  },
  account_disabled: {
    status: 403,
    title: 'Kontot är avstängt',
    message: () => 'Ditt konto i samverkan är avstängt. Kontakta samverkans sekretariat om du behöver det igen.',
  },
  provider_refused: {
    status: 401,
    title: 'Inloggningen avbröts',
    message: (name) =>
      `Inloggningen med ${name} avbröts eller nekades. Försök igen, eller logga in med e-post och lösenord.`,
  },
  exchange_refused: {
    status: 401,
    title: 'Inloggningen kunde inte slutföras',
    message: (name) => `Inloggningen med ${name} godtogs inte, kanske för att den redan var använd. Försök igen.`,
  },
  response_invalid: {
    status: 400,
    title: 'Inloggningen kunde inte slutföras',
    message: (name) => `Svaret från ${name} kunde inte godkännas. Försök igen.`,
  },
  flow_missing: {
    status: 400,
    title: 'Inloggningen kunde inte slutföras',
    message: () =>
      'Inloggningen var redan använd, tog för lång tid eller startades i en annan webbläsare. Försök igen.',
  },
  provider_unavailable: {
    status: 502,
    title: 'Inloggningstjänsten svarar inte',
    message: (name) =>
      `Det går inte att nå inloggningen med ${name} just nu. Försök igen om en stund, eller logga in med e-post och lösenord.`,
  },
};

function refusedPage(c: Context, settings: OidcSettings, refusal: OidcRefusal, returnTo = '/') {
  const { status, title, message } = REFUSALS[refusal];
  const retryHref = returnTo === '/' ? '/logga-in' : `/logga-in?till=${encodeURIComponent(returnTo)}`;
  return html(
    c,
    <OidcRefusedPage title={title} message={message(settings.displayName)} retryHref={retryHref} />,
    status,
  );
}

/** OpenID Connect sign-in: only mounted when configured (otherwise these paths answer 404). */
export function oidcRoutes(ctx: AppContext, settings: OidcSettings): Hono {
  const oidc = oidcClient(settings);
  const web = new Hono();

  web.get(OIDC_START_PATH, async (c) => {
    const result = await startOidcSignIn(ctx, oidc, safeReturn(c.req.query('till')));
    if (!result.ok) return refusedPage(c, settings, result.refusal);
    setFlowCookie(c, result.flowToken);
    return c.redirect(result.authorizationUrl, 303);
  });

  web.get(OIDC_CALLBACK_PATH, async (c) => {
    const flowToken = getCookie(c, flowCookieName(c));
    if (flowToken !== undefined) deleteCookie(c, flowCookieName(c), { path: '/', secure: isHttps(c) });
    const result = await finishOidcSignIn(ctx, oidc, flowToken, new URL(c.req.url).searchParams);
    if (!result.ok) return refusedPage(c, settings, result.refusal, result.returnTo);
    setSessionCookie(c, result.sessionToken);
    return c.redirect(result.returnTo, 303);
  });

  return web;
}
