/**
 * The page frame every HTML page shares: doctype, <head>, skip link, header with the main menu, an
 * optional notice, <main> and footer. No inline style and no script: the CSP allows neither, so
 * all looks come from the stylesheets listed in STYLESHEETS (static-assets.ts).
 */
import { tryGetContext } from 'hono/context-storage';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { currentLocale, localized, otherLocale } from './i18n/locale.js';
import { texts, type Texts } from './i18n/texts.js';
import { pageAddresses } from './site-address.js';
import { STYLESHEETS, versionedHref } from './static-assets.js';

/** The main menu, in order. `current` on Layout is one of these hrefs (the Swedish address). */
export const MAIN_MENU: ReadonlyArray<{ href: string; label: (t: Texts) => string }> = [
  { href: '/', label: (t) => t.layout.menu.start },
  { href: '/program', label: (t) => t.layout.menu.programmes },
  { href: '/antagande', label: (t) => t.layout.menu.adoption },
  { href: '/versioner', label: (t) => t.layout.menu.versions },
  { href: '/nyckeltal', label: (t) => t.layout.menu.indicators },
  { href: '/framsteg', label: (t) => t.progress.menuLabel },
  { href: '/planer', label: (t) => t.layout.menu.plans },
  { href: '/uppfoljning', label: (t) => t.layout.menu.followUp },
  { href: '/evenemang', label: (t) => t.events.menuLabel },
  { href: '/om', label: (t) => t.layout.menu.about },
];

/** The id of <main>, the skip link's target. */
export const MAIN_ID = 'huvudinnehall';

export interface LayoutProps {
  /** The page's own title; the document title becomes "{title} – samverkan". */
  title: string;
  /**
   * What the page shows, in a sentence or two for search engines and link previews
   * (`<meta name="description">`): specific to the page, about 70–160 characters.
   */
  description: string;
  children?: Child;
  /** href of the main-menu item this page belongs to (e.g. "/program"); it gets aria-current="page". */
  current?: string;
  /** A site-wide notice shown under the menu, e.g. that editing is open to everyone. */
  notice?: string;
  /**
   * Whether the page is a page of its own with a canonical address (and alternates in the other
   * language); false for error pages, which must not be indexed in place of the page asked for.
   */
  canonical?: boolean;
}

/** Who is signed in, with links to the account and a sign-out button; a sign-in link for the public. */
function SignedInBar({ t }: { t: Texts }) {
  const signedIn = tryGetContext()?.get('signedIn');
  return signedIn ? (
    <form method="post" action="/logga-ut" class="inline-form">
      <a href="/konto">{signedIn.user.name}</a>{' '}
      <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
        {t.layout.signOut}
      </button>
    </form>
  ) : (
    <a href="/logga-in">{t.layout.signIn}</a>
  );
}

/**
 * The same page in the other language, as a plain link named in that language (never chosen for the
 * visitor by guessing): "English" on a Swedish page, "Svenska" on an English one. Only pages with an
 * English version have it.
 */
function LanguageSwitch() {
  const page = pageAddresses();
  if (!page?.bilingual) return null;
  const other = otherLocale(page.locale);
  return (
    <a class="site-language" href={page.in(other)} lang={other} hreflang={other}>
      {texts(other).common.languageName}
    </a>
  );
}

/** `<link rel="canonical">` and the alternates in both languages, with the configured absolute address. */
function AddressLinks() {
  const page = pageAddresses();
  const own = page?.absolute(page.locale);
  if (!page || !own) return null;
  return (
    <>
      <link rel="canonical" href={own} />
      {page.bilingual && (
        <>
          <link rel="alternate" hreflang="sv" href={page.absolute('sv')!} />
          <link rel="alternate" hreflang="en" href={page.absolute('en')!} />
          <link rel="alternate" hreflang="x-default" href={page.absolute('sv')!} />
        </>
      )}
    </>
  );
}

export function Layout({ title, description, children, current, notice, canonical = true }: LayoutProps) {
  const t = texts();
  const locale = currentLocale();
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={locale} data-color-scheme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title>{t.layout.documentTitle(title)}</title>
          <meta name="description" content={description} />
          {canonical && <AddressLinks />}
          <link rel="icon" href="/favicon.ico" sizes="16x16 32x32" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          {STYLESHEETS.map((sheet) => (
            <link rel="stylesheet" href={versionedHref(sheet.href)} />
          ))}
        </head>
        <body>
          <a class="ds-skip-link" href={`#${MAIN_ID}`}>
            {t.layout.skipLink}
          </a>
          <header class="site-header">
            <div class="container site-header__bar">
              <a class="site-header__name" href={localized('/')}>
                {t.layout.siteName}
              </a>
              <nav class="site-nav" aria-label={t.layout.mainMenuLabel}>
                <ul>
                  {MAIN_MENU.map((item) => (
                    <li>
                      <a href={localized(item.href)} aria-current={item.href === current ? 'page' : undefined}>
                        {item.label(t)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
            <div class="container site-account">
              <LanguageSwitch />
              <SignedInBar t={t} />
            </div>
            {notice && (
              <div class="container">
                <p class="ds-alert site-notice" data-color="warning">
                  {notice}
                </p>
              </div>
            )}
          </header>
          <main class="container site-main" id={MAIN_ID} tabindex={-1}>
            {children}
          </main>
          <footer class="site-footer">
            <div class="container">
              <nav aria-label={t.layout.footerLabel}>
                <ul>
                  <li>
                    <a href={localized('/tillganglighet')}>{t.layout.accessibilityStatement}</a>
                  </li>
                  <li>
                    <a href={localized('/om')}>{t.layout.aboutService}</a>
                  </li>
                  <li>
                    <a href={localized('/oppna-data')}>{t.openData.title}</a>
                  </li>
                </ul>
              </nav>
              <p>{t.layout.licence}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/**
 * A rendered page as a string, doctype included (Layout emits it). Pages must be synchronous:
 * an async component would make hono/jsx return a Promise, which this refuses loudly rather than
 * sending "[object Promise]".
 */
export function renderPage(page: JSX.Element): string {
  const html: unknown = page instanceof Promise ? page : page.toString();
  if (typeof html !== 'string') {
    throw new TypeError('renderPage: sidan renderades asynkront; använd c.html() för async-komponenter');
  }
  return html;
}
