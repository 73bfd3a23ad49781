import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInLink } from '../../src/app/auth/users.js';
import { scrub } from '../../src/http/logging.js';
import { testDialects } from '../support/databases.js';
import { GOOD_PASSWORD, get, openSecurityApp, post, signIn, signedIn, type SecurityApp } from './support.js';

const WRONG = 'fel-lösenord-Hemligt-42';
const NEW_PASSWORD = 'sju sjösjuka sjömän';
const PERSONNUMMER = ['19900101-1234', '199001011234', '900101-1234', '9001011234'];

/**
 * What the log says about a session's life, and what it never says (ASVS 7.1): the events appear,
 * one line each with a stable name; no password, session token, CSRF token, link token or
 * personal identity number appears anywhere in the captured text.
 */
describe.each(testDialects)('security log on %s', (dialect) => {
  let t: SecurityApp;
  const secrets: string[] = [WRONG, GOOD_PASSWORD, NEW_PASSWORD];
  const byEvent = (event: string) => t.log.lines().filter((l) => l.event === event);

  beforeAll(async () => {
    t = await openSecurityApp(dialect);
    // A fault deep inside, whose message carries what must not be logged.
    t.app.get('/kaos', () => {
      throw new Error('Oväntat för 19900101-1234 med AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg');
    });
  });
  afterAll(() => t.close());

  it('records a session’s life, with the account by id and without secrets', async () => {
    const email = await t.user();
    const readerEmail = await t.user();
    const reader = await signedIn(t.app, readerEmail);
    secrets.push(reader.token, reader.csrf);

    expect((await signIn(t.app, email, WRONG)).status).toBe(401);
    const session = await signedIn(t.app, email);
    secrets.push(session.token, session.csrf);

    // A denied write (signed in without the right, and signed out), and two refused forms.
    expect(
      (await post(t.app, '/program/nytt', { name: 'X', _csrf: reader.csrf }, { cookie: reader.cookie })).status,
    ).toBe(403);
    expect((await post(t.app, '/program/nytt', { name: 'X' })).status).toBe(401);
    expect((await post(t.app, '/program/nytt', { name: 'X' }, { cookie: session.cookie })).status).toBe(403);
    expect(
      (
        await post(
          t.app,
          '/program/nytt',
          { name: 'X', _csrf: session.csrf },
          { cookie: session.cookie, headers: { Origin: 'https://angripare.example' } },
        )
      ).status,
    ).toBe(403);

    // Sign-out, then the password changed from a new session.
    expect((await post(t.app, '/logga-ut', { _csrf: session.csrf }, { cookie: session.cookie })).status).toBe(303);
    const again = await signedIn(t.app, email);
    secrets.push(again.token, again.csrf);
    expect(
      (await post(t.app, '/konto/losenord', { password: NEW_PASSWORD, _csrf: again.csrf }, { cookie: again.cookie }))
        .status,
    ).toBe(303);

    // A one-time link, used and then tried again.
    const link = await createSignInLink(t.ctx, email);
    secrets.push(link);
    expect((await get(t.app, `/logga-in/lank/${link}`)).status).toBe(303);
    expect((await get(t.app, `/logga-in/lank/${link}`)).status).toBe(401);

    const idOf = async (address: string) =>
      (await t.ctx.storage.db.selectFrom('users').select('id').where('email', '=', address).executeTakeFirstOrThrow())
        .id;
    const userId = await idOf(email);
    const readerId = await idOf(readerEmail);

    expect(byEvent('sign_in.failed')).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'unknown_or_wrong', userId, address: 'okänd' }),
      expect.objectContaining({ level: 'warn', reason: 'link_invalid' }),
    ]);
    expect(byEvent('sign_in.succeeded').map((l) => l.userId)).toEqual([readerId, userId, userId]);
    expect(byEvent('sign_in.succeeded')[1]).toMatchObject({ level: 'info', method: 'password' });
    expect(byEvent('sign_out')).toEqual([expect.objectContaining({ userId })]);
    expect(byEvent('password.changed')).toEqual([expect.objectContaining({ userId, by: 'self' })]);
    expect(byEvent('sign_in.link_used')).toEqual([expect.objectContaining({ userId })]);
    expect(byEvent('access.denied')).toEqual([
      expect.objectContaining({ status: 403, userId: readerId, method: 'POST', route: '/program/nytt' }),
      expect.objectContaining({ status: 401, method: 'POST', path: '/program/nytt' }),
    ]);
    expect(byEvent('csrf.refused')).toEqual([
      expect.objectContaining({ reason: 'token', status: 403, userId }),
      expect.objectContaining({ reason: 'origin', status: 403, path: '/program/nytt' }),
    ]);
    // Every security event is one line bound to its request.
    for (const line of t.log.events()) expect(line.requestId).toEqual(expect.any(String));
  });

  it('records throttled sign-ins as failures with the reason and the limit reached', async () => {
    const email = await t.user();
    for (let i = 0; i < 6; i++) await signIn(t.proxied, email, WRONG, { headers: { 'X-Forwarded-For': '192.0.2.7' } });
    const failures = byEvent('sign_in.failed').filter((l) => l.address === '192.0.2.7');
    expect(failures.map((l) => l.reason)).toEqual([...Array<string>(5).fill('unknown_or_wrong'), 'throttled']);
    expect(failures.at(-1)).toMatchObject({ limit: 'account', userId: failures[0]!.userId });
  });

  it('logs each request: method, path without query, status, duration and correlation id', async () => {
    const res = await get(t.app, '/program?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg&q=19900101-1234');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = t.log.lines().find((l) => l.event === 'request' && l.requestId === id);
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/program', status: 200 });
    expect(line!.durationMs).toEqual(expect.any(Number));
    const linkLines = t.log.lines().filter((l) => String(l.path).startsWith('/logga-in/lank/'));
    expect(linkLines.map((l) => l.path)).toContain('/logga-in/lank/:token');
  });

  it('keeps personal identity numbers out, wherever they are sent', async () => {
    await get(t.app, '/program/19900101-1234');
    await get(t.app, '/historik/program/pnr199001011234');
    await get(t.proxied, '/', { headers: { 'X-Request-Id': '199001011234', 'X-Forwarded-For': '900101-1234' } });
    await post(t.app, '/logga-in', { email: '9001011234@kommun.test', password: '19900101-1234' });
    const text = t.log.text();
    for (const number of PERSONNUMMER) expect(text).not.toContain(number);
    expect(text).toContain('[personnummer]');
  });

  it('logs a 500 once, with its correlation id, scrubbed, and shows only the id', async () => {
    const res = await get(t.app, '/kaos');
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id')!;
    const page = await res.text();
    expect(page).toContain(id);
    expect(page).not.toContain('Oväntat');
    const [failure, ...more] = t.log.lines().filter((l) => l.event === 'request.failed');
    expect(more, 'no other request failed in this file').toEqual([]);
    expect(failure).toMatchObject({ level: 'error', requestId: id, path: '/kaos' });
    const err = failure!.error as { type: string; message: string; stack: string };
    expect(err.type).toBe('Error');
    expect(err.message).toBe('Oväntat för [personnummer] med [token]');
    expect(err.stack).toContain('security-logs.test.ts');
  });

  it('never writes a password, session token, CSRF token or link token', () => {
    const text = t.log.text();
    expect(secrets.length).toBeGreaterThan(9);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg');
    // The log is JSON lines only.
    expect(() => t.log.lines()).not.toThrow();
  });

  it('scrubs free text: personal identity numbers and token-like runs, not ids or hashes', () => {
    expect(scrub('Anna 19900101-1234, Bo 900101+1234, Cia 199001011234, pnr_9001011234')).toBe(
      'Anna [personnummer], Bo [personnummer], Cia [personnummer], pnr_[personnummer]',
    );
    // Longer runs of digits are something else (a timestamp in milliseconds, say).
    expect(scrub('1795000000000')).toBe('1795000000000');
    const uuid = '0f6d2f4e-3b7a-4c59-9a8e-1d2c3b4a5f60';
    const hash = 'a'.repeat(64);
    expect(scrub(`/program/sup-2023 ${uuid} ${hash}`)).toBe(`/program/sup-2023 ${uuid} ${hash}`);
  });
});
