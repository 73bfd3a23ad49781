/**
 * The language of a page. Swedish is the default and lives at the plain address; English lives under
 * `/en/…` and is chosen only by following the visible language switch (never guessed from the browser).
 */
import { tryGetContext } from 'hono/context-storage';

export type Locale = 'sv' | 'en';

export const LOCALES: readonly Locale[] = ['sv', 'en'];

/** The address prefix of each language's pages. */
const PREFIX: Record<Locale, string> = { sv: '', en: '/en' };

declare module 'hono' {
  interface ContextVariableMap {
    /** The language of this request's page: 'en' under `/en/…`, else 'sv'. */
    locale: Locale;
  }
}

/** The language of the page being rendered ('sv' outside a request). */
export function currentLocale(): Locale {
  // c.get, not c.var: Hono builds a new object of every variable on each read of c.var.
  return tryGetContext()?.get('locale') ?? 'sv';
}

/**
 * A page's address in a language: `localized('/program', 'en')` → `/en/program`; `/` → `/en`. An address
 * already in a language is first taken back to its Swedish form, so calling it twice changes nothing.
 */
export function localized(path: string, locale: Locale = currentLocale()): string {
  const swedish = delocalized(path).path;
  const prefix = PREFIX[locale];
  if (!prefix) return swedish;
  return swedish === '/' ? prefix : `${prefix}${swedish}`;
}

/** The language and the Swedish address of an address: `/en/program` → `{ locale: 'en', path: '/program' }`. */
export function delocalized(path: string): { locale: Locale; path: string } {
  if (path === '/en' || path === '/en/') return { locale: 'en', path: '/' };
  if (path.startsWith('/en/')) return { locale: 'en', path: path.slice(3) };
  return { locale: 'sv', path };
}

/** The language a page's switch leads to. */
export const otherLocale = (locale: Locale): Locale => (locale === 'sv' ? 'en' : 'sv');
