import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OidcSettings } from '../../src/app/auth/oidc.js';
import { exportPersonalData } from '../../src/app/auth/personal-data.js';
import { addUser, disableUser } from '../../src/app/auth/users.js';
import { createApp } from '../../src/compose-app.js';
import { createLogger } from '../../src/http/logging.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { startOidcProvider, throughProvider, type TestProvider } from '../support/oidc-provider.js';
import { captureLog, setCookies, type CapturedLog } from './support.js';

const BASE = 'http://localhost';
const REDIRECT_URI = `${BASE}/logga-in/oidc/tillbaka`;
const DISPLAY_NAME = 'Testkommunens konto';

const settingsFor = (provider: TestProvider): OidcSettings => ({
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  displayName: DISPLAY_NAME,
  redirectUri: REDIRECT_URI,
});

const get = (app: Hono, path: string, cookie?: string) =>
  Promise.resolve(app.request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} }));

/** GET /logga-in/oidc: the provider's authorization URL and the flow cookie to send back. */
async function start(app: Hono, till?: string) {
  const res = await get(app, `/logga-in/oidc${till === undefined ? '' : `?till=${encodeURIComponent(till)}`}`);
  expect(res.status).toBe(303);
  const cookie = setCookies(res).get('samverkan-oidc');
  expect(cookie?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=600']));
  return { authorizationUrl: res.headers.get('location')!, cookie: `samverkan-oidc=${cookie!.value}` };
}

/** The provider's redirect back, as the browser sends it to the app (with the flow cookie). */
const back = (app: Hono, url: URL, cookie?: string) => get(app, `${url.pathname}${url.search}`, cookie);

/** The whole flow as a browser goes through it; returns the app's last answer. */
async function signInThrough(app: Hono, login: string, till?: string) {
  const flow = await start(app, till);
  const callbackUrl = await throughProvider(flow.authorizationUrl, REDIRECT_URI, { login });
  return { res: await back(app, callbackUrl, flow.cookie), callbackUrl, flow };
}

const sessionCookieOf = (res: Response) => {
  const value = setCookies(res).get('samverkan')?.value;
  return value ? `samverkan=${value}` : undefined;
};

/** Who the session cookie belongs to, read from the account page. */
async function accountName(app: Hono, cookie: string | undefined): Promise<string | undefined> {
  if (!cookie) return undefined;
  const res = await get(app, '/konto', cookie);
  if (res.status !== 200) return undefined;
  return /<dt>Namn<\/dt>\s*<dd>([^<]*)<\/dd>/.exec(await res.text())?.[1];
}

describe.each(testDialects)('OpenID Connect sign-in on %s', (dialect) => {
  let provider: TestProvider;
  let t: TestContext;
  let app: Hono;
  let log: CapturedLog;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
  });
  afterAll(() => provider.close());

  beforeEach(async () => {
    provider.people.clear();
    t = await openTestContext(dialect);
    log = captureLog();
    app = createApp(t.ctx, {
      oidc: settingsFor(provider),
      logger: createLogger({ level: 'info', destination: log }),
    });
  });
  afterEach(() => t.close());

  const account = (email: string, name: string) => addUser(t.ctx, { email, name, role: 'reader' });
  const identities = () =>
    t.storage.db.selectFrom('oidc_identities').select(['user_id', 'issuer', 'subject']).orderBy('id').execute();
  const sessionCount = async () => (await t.storage.db.selectFrom('sessions').select('user_id').execute()).length;

  it('shows the button on the sign-in page, keeping where the person was going', async () => {
    const page = await (await get(app, '/logga-in?till=/program')).text();
    expect(page).toContain(`href="/logga-in/oidc?till=%2Fprogram"`);
    expect(page).toContain(`Logga in med ${DISPLAY_NAME}`);
  });

  it('links by verified e-mail on the first sign-in, then signs in by subject whatever the e-mail says', async () => {
    const annaId = await account('anna.andersson@kommun.test', 'Anna Andersson');
    await account('bertil.berg@kommun.test', 'Bertil Berg');
    provider.people.set('anna-1', { email: 'Anna.Andersson@Kommun.test', email_verified: true, name: 'Anna A' });

    const first = await signInThrough(app, 'anna-1', '/program');
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('location')).toBe('/program');
    const session = setCookies(first.res).get('samverkan');
    expect(session?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']));
    expect(await accountName(app, sessionCookieOf(first.res))).toBe('Anna Andersson');
    expect(await identities()).toEqual([{ user_id: annaId, issuer: provider.issuer, subject: 'anna-1' }]);
    // The flow cookie is spent.
    expect(setCookies(first.res).get('samverkan-oidc')?.value).toBe('');

    // The provider now gives Anna's subject Bertil's address: the subject decides, not the address.
    provider.people.set('anna-1', { email: 'bertil.berg@kommun.test', email_verified: true });
    const again = await signInThrough(app, 'anna-1');
    expect(again.res.status).toBe(303);
    expect(again.res.headers.get('location')).toBe('/');
    expect(await accountName(app, sessionCookieOf(again.res))).toBe('Anna Andersson');
    // And with no e-mail at all.
    provider.people.set('anna-1', {});
    expect(await accountName(app, sessionCookieOf((await signInThrough(app, 'anna-1')).res))).toBe('Anna Andersson');
    expect(await identities()).toHaveLength(1);

    // The link is part of what the service keeps about Anna.
    const exported = await exportPersonalData(t.ctx, 'anna.andersson@kommun.test');
    expect(JSON.stringify(exported)).toContain('anna-1');

    const events = log.events().filter((e) => e.method === 'oidc');
    expect(events.map((e) => [e.event, e.userId, e.linked])).toEqual([
      ['sign_in.succeeded', annaId, true],
      ['sign_in.succeeded', annaId, false],
      ['sign_in.succeeded', annaId, false],
    ]);
    // Neither the code nor the state reach the log.
    expect(log.text()).not.toContain(first.callbackUrl.searchParams.get('code')!);
    expect(log.text()).not.toContain(first.callbackUrl.searchParams.get('state')!);
  });

  it('never sends anyone to another site afterwards', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    for (const till of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const { res } = await signInThrough(app, 'anna-1', till);
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('refuses a person without an account, and creates none', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('okand-1', { email: 'ny.person@kommun.test', email_verified: true, name: 'Ny Person' });
    // An address the provider says is not verified links nothing, even when an account has it.
    provider.people.set('overifierad-1', { email: 'anna.andersson@kommun.test', email_verified: false });
    const usersBefore = await t.storage.db.selectFrom('users').select('id').execute();

    for (const login of ['okand-1', 'overifierad-1']) {
      const { res } = await signInThrough(app, login);
      expect(res.status).toBe(403);
      const page = await res.text();
      expect(page).toContain('Ditt konto finns inte i samverkan. Be samverkans sekretariat att lägga upp dig.');
      expect(page).toContain('<html lang="sv"');
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    expect(await t.storage.db.selectFrom('users').select('id').execute()).toEqual(usersBefore);
    expect(await identities()).toEqual([]);
    expect(await sessionCount()).toBe(0);
  });

  it('refuses a disabled account, whether found by e-mail or by a link made earlier', async () => {
    await account('cecilia.carlsson@kommun.test', 'Cecilia Carlsson');
    await disableUser(t.ctx, 'cecilia.carlsson@kommun.test');
    provider.people.set('cecilia-1', { email: 'cecilia.carlsson@kommun.test', email_verified: true });
    const byEmail = await signInThrough(app, 'cecilia-1');
    expect(byEmail.res.status).toBe(403);
    expect(await byEmail.res.text()).toContain('Ditt konto i samverkan är avstängt.');
    expect(sessionCookieOf(byEmail.res)).toBeUndefined();
    expect(await identities()).toEqual([]);

    await account('david.dahl@kommun.test', 'David Dahl');
    provider.people.set('david-1', { email: 'david.dahl@kommun.test' });
    expect((await signInThrough(app, 'david-1')).res.status).toBe(303);
    await disableUser(t.ctx, 'david.dahl@kommun.test');
    const byLink = await signInThrough(app, 'david-1');
    expect(byLink.res.status).toBe(403);
    expect(sessionCookieOf(byLink.res)).toBeUndefined();
    expect(await sessionCount()).toBe(0);
  });

  it('does not link an account that another person at the same provider is linked to', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    expect((await signInThrough(app, 'anna-1')).res.status).toBe(303);
    // Someone else later gets Anna's old address at the provider.
    provider.people.set('anna-2', { email: 'anna.andersson@kommun.test', email_verified: true });
    const { res } = await signInThrough(app, 'anna-2');
    expect(res.status).toBe(403);
    expect((await identities()).map((i) => i.subject)).toEqual(['anna-1']);
  });

  it('refuses a tampered state, and the flow cannot be used again afterwards', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    const flow = await start(app);
    const callbackUrl = await throughProvider(flow.authorizationUrl, REDIRECT_URI, { login: 'anna-1' });
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'någon-annans-state');

    const res = await back(app, tampered, flow.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Svaret från Testkommunens konto kunde inte godkännas.');
    expect(sessionCookieOf(res)).toBeUndefined();

    const retry = await back(app, callbackUrl, flow.cookie);
    expect(retry.status).toBe(400);
    expect(await retry.text()).toContain('Inloggningen var redan använd');
    expect(await sessionCount()).toBe(0);
    expect(log.events().map((e) => e.reason)).toEqual(['response_invalid', 'flow_missing']);
  });

  it.each([
    ['an ID token for another nonce', { nonce: 'en-annan-nonce' }, 400, 'response_invalid'],
    ['a code for another PKCE verifier', { code_verifier: 'x'.repeat(43) }, 401, 'exchange_refused'],
    ['an answer after the flow expired', { expires_at: '2000-01-01T00:00:00.000Z' }, 400, 'flow_missing'],
  ])('refuses %s', async (_what, change, status, reason) => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    const flow = await start(app);
    const callbackUrl = await throughProvider(flow.authorizationUrl, REDIRECT_URI, { login: 'anna-1' });
    await t.storage.db.updateTable('oidc_sign_in_flows').set(change).execute();
    const res = await back(app, callbackUrl, flow.cookie);
    expect(res.status).toBe(status);
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(await sessionCount()).toBe(0);
    expect(log.events().map((e) => e.reason)).toEqual([reason]);
  });

  it('refuses an answer without the flow cookie (a sign-in started in another browser)', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    const flow = await start(app);
    const callbackUrl = await throughProvider(flow.authorizationUrl, REDIRECT_URI, { login: 'anna-1' });
    for (const cookie of [undefined, 'samverkan-oidc=påhittad']) {
      const res = await back(app, callbackUrl, cookie);
      expect(res.status).toBe(400);
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    expect(await sessionCount()).toBe(0);
  });

  it('refuses a replayed code: the same answer again, and the old code with a new flow', async () => {
    await account('anna.andersson@kommun.test', 'Anna Andersson');
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    const first = await signInThrough(app, 'anna-1');
    expect(first.res.status).toBe(303);

    const replay = await back(app, first.callbackUrl, first.flow.cookie);
    expect(replay.status).toBe(400);
    expect(sessionCookieOf(replay)).toBeUndefined();

    // The spent code, sent back with the state of a new sign-in in this browser: the provider refuses it.
    const second = await start(app);
    const state = new URL(second.authorizationUrl).searchParams.get('state')!;
    const forged = new URL(first.callbackUrl);
    forged.searchParams.set('state', state);
    const res = await back(app, forged, second.cookie);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('godtogs inte');
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(await sessionCount()).toBe(1);
    expect(
      log
        .events()
        .filter((e) => e.event === 'sign_in.failed')
        .map((e) => [e.reason, e.error]),
    ).toEqual([
      ['flow_missing', undefined],
      ['exchange_refused', 'invalid_grant'],
    ]);
  });

  it('says so in Swedish when the person cancels at the provider', async () => {
    provider.people.set('anna-1', { email: 'anna.andersson@kommun.test' });
    const flow = await start(app, '/program');
    const callbackUrl = await throughProvider(flow.authorizationUrl, REDIRECT_URI, { abort: true });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    const res = await back(app, callbackUrl, flow.cookie);
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('Inloggningen med Testkommunens konto avbröts eller nekades.');
    expect(page).toContain('href="/logga-in?till=%2Fprogram"');
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(log.events().map((e) => [e.reason, e.error])).toEqual([['provider_refused', 'access_denied']]);
  });

  it('refuses a made-up error answer and a request with no answer at all', async () => {
    const flow = await start(app);
    const res = await get(app, '/logga-in/oidc/tillbaka?error=<script>alert(1)</script>&state=x', flow.cookie);
    expect([400, 401]).toContain(res.status);
    expect(await res.text()).not.toContain('<script>alert(1)');
    const empty = await get(app, '/logga-in/oidc/tillbaka');
    expect(empty.status).toBe(400);
  });
});

describe.each(testDialects)('OpenID Connect configuration on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(dialect, { seed: false });
  });
  afterEach(() => t.close());

  it('without configuration: no button, and the paths answer 404', async () => {
    const app = createApp(t.ctx);
    const page = await (await get(app, '/logga-in')).text();
    expect(page).not.toContain('/logga-in/oidc');
    expect((await get(app, '/logga-in/oidc')).status).toBe(404);
    expect((await get(app, '/logga-in/oidc/tillbaka?code=x&state=y')).status).toBe(404);
  });

  it('answers 502 with a Swedish page when the provider cannot be reached', async () => {
    const app = createApp(t.ctx, {
      oidc: { ...settingsFor({ issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y' } as TestProvider) },
    });
    const res = await get(app, '/logga-in/oidc');
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('Det går inte att nå inloggningen med Testkommunens konto just nu.');
  });

  it('takes the e-mail address from userinfo when the provider keeps it out of the ID token', async () => {
    const provider = await startOidcProvider({ redirectUri: REDIRECT_URI, emailInIdToken: false });
    try {
      const seeded = await openTestContext(dialect);
      try {
        const app = createApp(seeded.ctx, { oidc: settingsFor(provider) });
        await addUser(seeded.ctx, { email: 'anna.andersson@kommun.test', name: 'Anna Andersson', role: 'reader' });
        provider.people.set('anna-1', { email: 'anna.andersson@kommun.test', email_verified: true });
        const { res } = await signInThrough(app, 'anna-1');
        expect(res.status).toBe(303);
        expect(await accountName(app, sessionCookieOf(res))).toBe('Anna Andersson');
      } finally {
        await seeded.close();
      }
    } finally {
      await provider.close();
    }
  });
});
