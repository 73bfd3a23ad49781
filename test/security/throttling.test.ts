import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS } from '../../src/app/auth/sign-in.js';
import { disableUser } from '../../src/app/auth/users.js';
import { testDialects } from '../support/databases.js';
import { GOOD_PASSWORD, MINUTE, openSecurityApp, setCookies, signIn, type SecurityApp } from './support.js';

const THROTTLED = 'För många misslyckade inloggningar. Vänta en kvart och försök igen.';
const REFUSED = 'Fel e-postadress eller lösenord.';

/** Sign-in throttling per account and per address (ASVS 2.2.1), and nothing to enumerate. */
describe.each(testDialects)('sign-in throttling on %s', (dialect) => {
  let t: SecurityApp;
  let address = 0;
  /** Each test signs in from its own address (through the trusted proxy), so the per-address count is its own. */
  const from = () => ({ headers: { 'X-Forwarded-For': `198.51.100.${++address}` } });

  beforeAll(async () => {
    t = await openSecurityApp(dialect);
  });
  afterAll(() => t.close());

  it('never lets 100 wrong passwords in, and after 5 refuses even the right one', async () => {
    const email = await t.user();
    const visit = from();
    const texts = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const res = await signIn(t.proxied, email, `fel lösenord nummer ${i}`, visit);
      expect(res.status).toBe(401);
      expect(setCookies(res).size).toBe(0);
      const text = await res.text();
      texts.add(text.includes(THROTTLED) ? 'throttled' : text.includes(REFUSED) ? 'refused' : 'other');
      if (i < 5) expect(text).toContain(REFUSED);
      else expect(text).toContain(THROTTLED);
    }
    expect([...texts].sort()).toEqual(['refused', 'throttled']);

    const right = await signIn(t.proxied, email, GOOD_PASSWORD, visit);
    expect(right.status).toBe(401);
    expect(await right.text()).toContain(THROTTLED);
    // From another address too: the account itself is throttled.
    expect(await (await signIn(t.proxied, email, GOOD_PASSWORD, from())).text()).toContain(THROTTLED);

    // A quarter of an hour later the right password works again, and resets the count.
    t.advance(THROTTLE_WINDOW_MS + MINUTE);
    expect((await signIn(t.proxied, email, GOOD_PASSWORD, from())).status).toBe(303);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const email = await t.user();
    const unknown = 'ingen.alls@kommun.test';
    const visit = from();
    const wrong = await signIn(t.proxied, email, 'fel lösenord helt och hållet', visit);
    const missing = await signIn(t.proxied, unknown, 'fel lösenord helt och hållet', visit);
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(wrong.status);
    // The pages differ only in the e-mail written back into the form.
    const wrongPage = (await wrong.text()).replaceAll(email, 'E');
    const missingPage = (await missing.text()).replaceAll(unknown, 'E');
    expect(missingPage).toBe(wrongPage);
    expect(wrongPage).toContain(REFUSED);
    // A disabled account, even with its right password, answers the same way.
    const disabled = await t.user();
    await disableUser(t.ctx, disabled);
    const refused = await signIn(t.proxied, disabled, GOOD_PASSWORD, visit);
    expect(refused.status).toBe(wrong.status);
    expect((await refused.text()).replaceAll(disabled, 'E')).toBe(wrongPage);
  });

  it(`refuses an address after ${MAX_FAILURES_PER_ADDRESS} failures, whichever accounts were tried`, async () => {
    const visit = from();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const res = await signIn(t.proxied, `gissning-${i}@kommun.test`, 'fel lösenord helt och hållet', visit);
      expect(await res.text()).toContain(REFUSED);
    }
    const email = await t.user();
    const blocked = await signIn(t.proxied, email, GOOD_PASSWORD, visit);
    expect(blocked.status).toBe(401);
    expect(await blocked.text()).toContain(THROTTLED);
    // Another address signs the same person in: the limit is per address.
    expect((await signIn(t.proxied, email, GOOD_PASSWORD, from())).status).toBe(303);
  });

  it('counts by the connection, not by an X-Forwarded-For header, unless the proxy is trusted', async () => {
    // Without TRUST_PROXY every request here comes from the same (unknown) connection address:
    // rotating the header does not escape the per-address limit.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn(t.app, `roterar-${i}@kommun.test`, 'fel lösenord helt och hållet', {
        headers: { 'X-Forwarded-For': `203.0.113.${i}` },
      });
    }
    const email = await t.user();
    const res = await signIn(t.app, email, GOOD_PASSWORD, { headers: { 'X-Forwarded-For': '203.0.113.99' } });
    expect(await res.text()).toContain(THROTTLED);
    // Behind the trusted proxy, only the address it appended counts; the client's own claim before it does not.
    const visit = from();
    const spoofed = visit.headers['X-Forwarded-For'];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn(t.proxied, `spoof-${i}@kommun.test`, 'fel lösenord helt och hållet', {
        headers: { 'X-Forwarded-For': `10.9.8.${i}, ${spoofed}` },
      });
    }
    const other = await t.user();
    const blocked = await signIn(t.proxied, other, GOOD_PASSWORD, {
      headers: { 'X-Forwarded-For': `10.9.9.9, ${spoofed}` },
    });
    expect(await blocked.text()).toContain(THROTTLED);
  });
});
