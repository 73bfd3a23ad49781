/**
 * Browser-test helpers: Debian's Chromium through playwright-core (never `npx playwright install`),
 * axe with the WCAG 2.1 A/AA tags the law asks for, a 320 px reflow check, and a Hono app served on
 * a free port of 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags measured to work on these machines (see docs/architecture.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh temporary profile, so no user-data dir is shared between runs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** WCAG 2.1 level A and AA: what DOS-lagen and EN 301 549 require. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and throws, listing every violation with its failing elements,
 * unless there are none. The page must come from `browser.newContext()`: AxeBuilder needs a context
 * it can add its script to.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes.map((node) =>
        `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`.trimEnd(),
      );
      return `- ${violation.id} (${violation.impact ?? 'okänd'}): ${violation.help}\n  ${violation.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
  throw new Error(`axe hittade ${results.violations.length} överträdelse(r) på ${page.url()}:\n${report}`);
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

/** Serves a Hono app (anything with `fetch`) on 127.0.0.1 at a free port. */
export function startServer(app: Pick<Parameters<typeof serve>[0], 'fetch'>): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
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
