/**
 * The service's own absolute addresses: the page's canonical address and its address in each language.
 * They come from configuration (PUBLIC_URL, see src/config/oidc.ts), never from the request's Host header:
 * public pages are cached and sent to every visitor, so a forged Host must not end up in them.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { hasEnglishVersion } from './i18n/english-pages.js';
import { delocalized, localized, type Locale } from './i18n/locale.js';
import { publicOrigin } from '../http/proxy.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** PUBLIC_URL (an origin without a trailing slash), or null when the app was made without one (tests). */
    publicUrl: string | null;
  }
}

/** Makes the configured address known to every request's pages. */
export const siteAddress = (publicUrl: string | undefined): MiddlewareHandler => {
  const origin = publicUrl ? new URL(publicUrl).origin : null;
  return async (c, next) => {
    c.set('publicUrl', origin);
    await next();
  };
};

/** The origin for absolute addresses in answers that are not cached: the configured one, else the request's. */
export const siteOrigin = (c: Context): string => c.get('publicUrl') ?? publicOrigin(c);

/**
 * Query parameters that only carry a one-off confirmation after a form (Post/Redirect/Get): not part of
 * what the page is, so left out of its canonical address and of the language switch.
 */
const MESSAGE_PARAMS = new Set(['sparat', 'registrerat', 'antal', 'aterkallad', 'utloggad']);

/** The query that identifies the page (`?fran=…&till=…`), without one-off confirmations; '' when none. */
function pageQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams([...params].filter(([name]) => !MESSAGE_PARAMS.has(name)));
  const query = kept.toString();
  return query ? `?${query}` : '';
}

export interface PageAddresses {
  /** The page's language. */
  locale: Locale;
  /** The page's address (path and identifying query) in a language, relative: `/en/program?…`. */
  in: (locale: Locale) => string;
  /** Whether the page has an English version (and so a Swedish and an English address). */
  bilingual: boolean;
  /** The absolute address in a language, when PUBLIC_URL is known; else null. */
  absolute: (locale: Locale) => string | null;
}

/** Per request: the layout asks twice (its links and its language switch). */
const addressesOf = new WeakMap<Context, PageAddresses>();

/** The current request's page in both languages; undefined outside a request. */
export function pageAddresses(): PageAddresses | undefined {
  const c = tryGetContext();
  if (!c) return undefined;
  let addresses = addressesOf.get(c);
  if (!addresses) addressesOf.set(c, (addresses = addressesFor(c)));
  return addresses;
}

function addressesFor(c: Context): PageAddresses {
  const url = new URL(c.req.url);
  const { locale, path } = delocalized(url.pathname);
  const query = pageQuery(url.searchParams);
  const relative = (l: Locale) => `${localized(path, l)}${query}`;
  const origin = c.get('publicUrl') ?? null;
  return {
    locale,
    in: relative,
    bilingual: hasEnglishVersion(path),
    absolute: (l) => (origin === null ? null : `${origin}${relative(l)}`),
  };
}
