/**
 * OpenID Connect sign-in in Chromium, through the local test provider: the sign-in page with the
 * organisation's button and the page for a person without an account, each with no WCAG 2.1 A/AA
 * violation (axe) and no sideways scrolling at 320 px; then an account holder signs in all the way.
 */
import type { Hono } from 'hono';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/auth/users.js';
import { createApp } from '../../src/compose-app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  startServer,
  type RunningServer,
} from '../support/browser.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.js';

describe.each(testDialects)('OpenID Connect sign-in in Chromium (%s)', (dialect) => {
  let t: TestContext;
  let provider: TestProvider;
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    // The redirect URI names the app's port, so serve first and create the app once both are known.
    const served: { app?: Hono } = {};
    [browser, server] = await Promise.all([
      launchBrowser(),
      startServer({ fetch: (request: Request, ...rest: unknown[]) => served.app!.fetch(request, ...(rest as [])) }),
    ]);
    const redirectUri = `${server.url}/logga-in/oidc/tillbaka`;
    provider = await startOidcProvider({ redirectUri });
    served.app = createApp(t.ctx, {
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        displayName: 'Testkommunens konto',
        redirectUri,
      },
    });
    await addUser(t.ctx, { email: 'anna.andersson@kommun.test', name: 'Anna Andersson', role: 'reader' });
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test', email_verified: true });
    provider.people.set('okand-1', { email: 'ny.person@kommun.test', email_verified: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  /** From the sign-in page through the provider's login form, back to the app. */
  async function signInAtProvider(login: string): Promise<number> {
    await page.goto(`${server.url}/logga-in?till=/program`);
    await page.getByRole('link', { name: 'Logga in med Testkommunens konto' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.getByLabel('Användare').fill(login);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${server.url}/logga-in/oidc/tillbaka`)),
      page.getByRole('button', { name: 'Logga in' }).click(),
    ]);
    await page.waitForLoadState();
    return res.status();
  }

  it(
    'the sign-in page with the button, and the page for a person without an account',
    { timeout: 90_000 },
    async () => {
      await page.goto(`${server.url}/logga-in`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Logga in');
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 720 });

      expect(await signInAtProvider('okand-1')).toBe(403);
      await expect(page.locator('h1').textContent()).resolves.toBe('Kontot finns inte');
      await expect(page.locator('main').textContent()).resolves.toContain(
        'Ditt konto finns inte i samverkan. Be samverkans sekretariat att lägga upp dig.',
      );
      expect((await context.cookies()).map((c) => c.name)).not.toContain('samverkan');
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    },
  );

  it('an account holder ends up signed in where they were going', { timeout: 90_000 }, async () => {
    await signInAtProvider('anna-1');
    expect(new URL(page.url()).pathname).toBe('/program');
    await page.goto(`${server.url}/konto`);
    await expect(page.locator('main').textContent()).resolves.toContain('Anna Andersson');
  });
});
