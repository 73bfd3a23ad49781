/**
 * The page frame every HTML page shares: doctype, <head>, skip link, header with the main menu, an
 * optional notice, <main> and footer. No inline style and no script: the CSP allows neither, so
 * all looks come from the stylesheets listed in STYLESHEETS (static-assets.ts).
 */
import { tryGetContext } from 'hono/context-storage';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { STYLESHEETS, versionedHref } from './static-assets.js';

/** The main menu, in order. `current` on Layout is one of these hrefs. */
export const MAIN_MENU: ReadonlyArray<{ href: string; label: string }> = [
  { href: '/', label: 'Start' },
  { href: '/program', label: 'Program' },
  { href: '/antagande', label: 'Antagande' },
  { href: '/versioner', label: 'Versioner' },
  { href: '/nyckeltal', label: 'Nyckeltal' },
  { href: '/planer', label: 'Planer' },
  { href: '/uppfoljning', label: 'Uppföljning' },
  { href: '/om', label: 'Om tjänsten' },
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
}

/** Who is signed in, with links to the account and a sign-out button; a sign-in link for the public. */
function SignedInBar() {
  const signedIn = tryGetContext()?.var.signedIn;
  return (
    <div class="container site-account">
      {signedIn ? (
        <form method="post" action="/logga-ut" class="inline-form">
          <a href="/konto">{signedIn.user.name}</a>{' '}
          <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
            Logga ut
          </button>
        </form>
      ) : (
        <a href="/logga-in">Logga in</a>
      )}
    </div>
  );
}

export function Layout({ title, description, children, current, notice }: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="sv" data-color-scheme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title>{`${title} – samverkan`}</title>
          <meta name="description" content={description} />
          <link rel="icon" href="/favicon.ico" sizes="16x16 32x32" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          {STYLESHEETS.map((sheet) => (
            <link rel="stylesheet" href={versionedHref(sheet.href)} />
          ))}
        </head>
        <body>
          <a class="ds-skip-link" href={`#${MAIN_ID}`}>
            Till huvudinnehållet
          </a>
          <header class="site-header">
            <div class="container site-header__bar">
              <a class="site-header__name" href="/">
                samverkan
              </a>
              <nav class="site-nav" aria-label="Huvudmeny">
                <ul>
                  {MAIN_MENU.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
            <SignedInBar />
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
              <nav aria-label="Sidfot">
                <ul>
                  <li>
                    <a href="/tillganglighet">Tillgänglighetsredogörelse</a>
                  </li>
                  <li>
                    <a href="/om">Om tjänsten</a>
                  </li>
                </ul>
              </nav>
              <p>Öppen källkod under EUPL-1.2</p>
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
