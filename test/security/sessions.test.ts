import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableUser } from '../../src/app/auth/users.js';
import { testDialects } from '../support/databases.js';
import {
  GOOD_PASSWORD,
  HOUR,
  MINUTE,
  get,
  isSignedIn,
  openSecurityApp,
  post,
  sessionCookie,
  setCookies,
  signIn,
  signedIn,
  type SecurityApp,
} from './support.js';

/** ASVS V3 through the real sign-in form: cookie attributes, fixation, idle and absolute ends, revocation. */
describe.each(testDialects)('sessions on %s', (dialect) => {
  let t: SecurityApp;
  beforeAll(async () => {
    t = await openSecurityApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with a new HttpOnly, SameSite=Lax cookie, never reusing one set before', async () => {
    const email = await t.user();
    const planted = 'samverkan=planterad-av-angriparen-0123456789abcdefghijklmnop';
    const first = await signIn(t.app, email, GOOD_PASSWORD, { cookie: planted });
    expect(first.status).toBe(303);
    const cookie = setCookies(first).get('samverkan')!;
    expect(cookie.value).not.toBe('planterad-av-angriparen-0123456789abcdefghijklmnop');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toContain('HttpOnly');
    expect(cookie.attributes).toContain('SameSite=Lax');
    expect(cookie.attributes).toContain('Path=/');
    expect(cookie.attributes).not.toContain('Secure');
    expect(await isSignedIn(t.app, planted)).toBe(false);

    // Signing in again while signed in (the form carries the session's CSRF token) gives another id.
    const session = { cookie: `samverkan=${cookie.value}` };
    const page = await (await get(t.app, '/logga-in', session)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const second = await signIn(t.app, email, GOOD_PASSWORD, { ...session, csrf });
    expect(second.status).toBe(303);
    expect(setCookies(second).get('samverkan')!.value).not.toBe(cookie.value);
  });

  it('over HTTPS names the cookie __Host-samverkan and marks it Secure', async () => {
    const email = await t.user();
    const res = await signIn(t.app, email, GOOD_PASSWORD, { base: 'https://localhost' });
    expect(res.status).toBe(303);
    const cookies = setCookies(res);
    expect(cookies.has('samverkan')).toBe(false);
    const cookie = cookies.get('__Host-samverkan')!;
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']));
    expect(cookie.attributes.some((a) => a.startsWith('Domain='))).toBe(false);
    expect(await isSignedIn(t.app, `__Host-samverkan=${cookie.value}`, { base: 'https://localhost' })).toBe(true);
  });

  it('behind a trusted TLS proxy too, but not on a client’s own X-Forwarded-Proto', async () => {
    const email = await t.user();
    const forwarded = { headers: { 'X-Forwarded-Proto': 'https', Origin: 'https://localhost' } };
    const proxied = await signIn(t.proxied, email, GOOD_PASSWORD, forwarded);
    expect(proxied.status).toBe(303);
    expect(setCookies(proxied).get('__Host-samverkan')!.attributes).toContain('Secure');

    const claimed = await signIn(t.app, email, GOOD_PASSWORD, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(claimed.status).toBe(303);
    expect([...setCookies(claimed).keys()]).toEqual(['samverkan']);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const { cookie } = await signedIn(t.app, await t.user());
    t.advance(29 * MINUTE);
    expect(await isSignedIn(t.app, cookie)).toBe(true);
    t.advance(29 * MINUTE); // active 29 minutes ago: still within the idle limit
    expect(await isSignedIn(t.app, cookie)).toBe(true);
    t.advance(31 * MINUTE);
    expect(await isSignedIn(t.app, cookie)).toBe(false);
    // …and for good: going back in time does not revive it.
    t.advance(-31 * MINUTE);
    expect(await isSignedIn(t.app, cookie)).toBe(false);
  });

  it('ends every session after 12 hours, however active', async () => {
    const { cookie } = await signedIn(t.app, await t.user());
    let active = 0;
    while (active + 20 * MINUTE < 12 * HOUR) {
      t.advance(20 * MINUTE);
      active += 20 * MINUTE;
      expect(await isSignedIn(t.app, cookie)).toBe(true);
    }
    t.advance(12 * HOUR - active);
    expect(await isSignedIn(t.app, cookie)).toBe(false);
  });

  it('makes the cookie useless after sign-out', async () => {
    const { cookie, csrf } = await signedIn(t.app, await t.user());
    const out = await post(t.app, '/logga-ut', { _csrf: csrf }, { cookie });
    expect(out.status).toBe(303);
    expect(setCookies(out).get('samverkan')?.value).toBe('');
    expect(await isSignedIn(t.app, cookie)).toBe(false);
  });

  it('ends all of a person’s sessions when the password is changed', async () => {
    const email = await t.user();
    const phone = await signedIn(t.app, email);
    const laptop = await signedIn(t.app, email);
    const other = await signedIn(t.app, await t.user());
    const changed = await post(
      t.app,
      '/konto/losenord',
      { password: 'ny fras med fyra ord', _csrf: laptop.csrf },
      { cookie: laptop.cookie },
    );
    expect(changed.status).toBe(303);
    expect(await isSignedIn(t.app, phone.cookie)).toBe(false);
    expect(await isSignedIn(t.app, laptop.cookie)).toBe(false);
    expect(await isSignedIn(t.app, other.cookie)).toBe(true);
    expect((await signIn(t.app, email, GOOD_PASSWORD)).status).toBe(401);
    expect((await signIn(t.app, email, 'ny fras med fyra ord')).status).toBe(303);
  });

  it('stops a disabled person’s session at once', async () => {
    const email = await t.user();
    const { cookie } = await signedIn(t.app, email);
    await disableUser(t.ctx, email);
    expect(await isSignedIn(t.app, cookie)).toBe(false);
    const again = await signIn(t.app, email, GOOD_PASSWORD);
    expect(again.status).toBe(401);
    expect(() => sessionCookie(again)).toThrow();
  });
});
