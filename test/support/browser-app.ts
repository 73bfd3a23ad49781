/**
 * The set-up the page tests share: the real app on a fresh demo database, served on a free port, with one
 * Chromium beside it; and, per test, a new browser context signed in as a test session, with its tab.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { openTestApp, type TestApp } from './app.js';
import { launchBrowser, signIn, startServer, tab, type RunningServer } from './browser.js';
import type { TestSession } from './sessions.js';

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  server: RunningServer;
  /** Closes the browser, the server and the database. */
  close: () => Promise<void>;
}

export async function openBrowserApp(dialect: DialectName): Promise<BrowserApp> {
  const t = await openTestApp(dialect);
  const [browser, server] = await Promise.all([launchBrowser(), startServer(t.app)]);
  return {
    t,
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
      await t.close();
    },
  };
}

/** A new browser context signed in as `session`, and its tab; the caller closes the context. */
export async function signedInTab(
  app: Pick<BrowserApp, 'browser' | 'server'>,
  session: TestSession,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext();
  await signIn(context, app.server.url, session);
  return { context, page: await tab(context) };
}
