/**
 * Browser-test helpers: Debian's Chromium through playwright-core (never `npx playwright install`),
 * axe with the WCAG 2.1 A/AA tags the law asks for, a 320 px reflow check, and a Hono app served on
 * a free port of 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/documents/pdf-printer.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags measured to work on these machines (see docs/architecture.md), shared with the PDF printer. */
export { CHROMIUM_ARGS };

/** Playwright gives every launch a fresh temporary profile, so no user-data dir is shared between runs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** WCAG 2.1 level A and AA: what DOS-lagen and EN 301 549 require. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's browser build, read once per test file. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Where startServer() serves axe-core beside the app under test (the app itself never does). A script
 * from the page's own origin passes the CSP and is kept by Chromium's HTTP and code caches: loading it
 * costs about 0.06 s a page, evaluating its 0.5 MB of source through the DevTools protocol 0.2 s.
 */
const AXE_PATH = '/__test/axe.min.js';

/**
 * Runs axe (axe-core) on the page as it is now and throws, listing every violation with its failing
 * elements, unless there are none. axe-core is loaded into the page and run there, as
 * @axe-core/playwright's legacy mode does, without that wrapper's extra round trips: measured here
 * 0.36 s an analysis against 0.78 s (and 1.6–3.0 s in its default mode, which opens a blank page per
 * analysis to merge frames' results). Our pages have no frames; a page with one is refused rather than
 * half checked.
 */
export async function expectNoAxeViolations(
  page: Page,
  { load = 'script' }: { load?: 'script' | 'devtools' } = {},
): Promise<void> {
  if (page.frames().length > 1)
    throw new Error(`${page.url()} har ramar (iframe): axe kontrollerar här bara huvuddokumentet.`);
  // 'devtools' for a page whose CSP allows no script at all: evaluated through the DevTools protocol, which
  // the CSP does not govern. A page of another server (an OpenID provider's) falls back to the same.
  if (load === 'devtools') await page.evaluate(AXE_SOURCE);
  else await page.addScriptTag({ url: AXE_PATH }).catch(() => page.evaluate(AXE_SOURCE));
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const violations = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe
        .run(document, options)
        .then((results) => results.violations),
    options,
  );
  if (violations.length === 0) return;
  const report = violations
    .map((violation) => {
      const targets = violation.nodes.map((node) =>
        `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`.trimEnd(),
      );
      return `- ${violation.id} (${violation.impact ?? 'okänd'}): ${violation.help}\n  ${violation.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
  throw new Error(`axe hittade ${violations.length} överträdelse(r) på ${page.url()}:\n${report}`);
}

const tabs = new WeakMap<BrowserContext, { page: Page; viewport: { width: number; height: number } | null }>();

/**
 * The context's one tab, opened on first use and reused for every visit after: opening a tab costs
 * Chromium about 0.3 s here and its first page load 0.3 s more, where loading a page in an open tab
 * costs about 0.1 s. It comes back at the size it was opened with (a 320 px check narrows it). A test
 * that closes it gets a new one next time.
 */
export async function tab(context: BrowserContext): Promise<Page> {
  const open = tabs.get(context);
  if (open && !open.page.isClosed()) {
    if (open.viewport) await open.page.setViewportSize(open.viewport);
    return open.page;
  }
  const page = await context.newPage();
  tabs.set(context, { page, viewport: page.viewportSize() });
  return page;
}

/**
 * Sets a 320 × 640 viewport (WCAG 1.4.10 reflow) and throws if the page is wider than it. Leaves the
 * viewport at 320 px, so a caller can run more checks at that width.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  const widths = await page.evaluate(() => {
    const root = document.documentElement;
    // The widest elements are what a developer needs to see when this fails.
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
      );
    return { scrollWidth: root.scrollWidth, culprits };
  });
  if (widths.scrollWidth > 320) {
    throw new Error(
      `Sidan ${page.url()} rullar i sidled vid 320 px (scrollWidth ${widths.scrollWidth}); bredast: ${widths.culprits.join(', ')}`,
    );
  }
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:41234", without a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

/** Serves a Hono app (anything with `fetch`) on 127.0.0.1 at a free port, with axe-core beside it at AXE_PATH. */
export function startServer(app: Pick<Parameters<typeof serve>[0], 'fetch'>): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const fetch = (request: Request, ...rest: unknown[]) =>
      new URL(request.url).pathname === AXE_PATH
        ? new Response(AXE_SOURCE, {
            headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
          })
        : (app.fetch as (request: Request, ...rest: unknown[]) => Response | Promise<Response>)(request, ...rest);
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections from the browser would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

/** Signs a browser context in with a test session, as the sign-in form would (same cookie). */
export async function signIn(
  context: import('playwright-core').BrowserContext,
  url: string,
  session: { token: string },
): Promise<void> {
  await context.addCookies([{ name: 'samverkan', value: session.token, url, httpOnly: true, sameSite: 'Lax' }]);
}

/** Axe with zero violations, then the 320 px reflow check, then back to a desktop width for what follows. */
export async function expectAccessible(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Clicks `button` (a form's submit) and throws unless the answer to the POST is `status` (a redirect
 * after saving: 303); then waits for the page that follows to load.
 */
export async function submitExpecting(page: Page, button: Locator, status: number): Promise<void> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  if (res.status() !== status) throw new Error(`POST ${res.url()} svarade ${res.status()}, väntat ${status}.`);
  await page.waitForLoadState();
}

/** Where the error summary's links point (#felsammanfattning), in order. */
export const errorSummaryLinks = (page: Page): Promise<(string | null)[]> =>
  page.locator('#felsammanfattning a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
