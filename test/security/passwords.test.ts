import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/auth/users.js';
import type { AppContext } from '../../src/app/context.js';
import { DomainError } from '../../src/domain/errors.js';
import { testDialects } from '../support/databases.js';
import { GOOD_PASSWORD, isSignedIn, openSecurityApp, post, signIn, signedIn, type SecurityApp } from './support.js';

const TOO_SHORT = 'Lösenordet ska ha minst 12 tecken.';
const TOO_COMMON = 'Lösenordet är för vanligt.';
const PERSONAL = 'Lösenordet får inte innehålla din e-postadress eller ditt namn.';

/** Password rules (ASVS 2.1) as a person meets them: changing the password on the account page. */
describe.each(testDialects)('password rules on %s', (dialect) => {
  let t: SecurityApp;
  beforeAll(async () => {
    t = await openSecurityApp(dialect);
  });
  afterAll(() => t.close());

  let n = 0;
  const refusals: [string, (local: string) => string, string][] = [
    ['fewer than 12 characters', () => 'kort fras 1', TOO_SHORT],
    ['a common password', () => 'password1234', TOO_COMMON],
    ['another common password', () => 'qwertyuiop12', TOO_COMMON],
    ['a common password in capitals', () => 'PASSWORD1234', TOO_COMMON],
    ['the e-mail’s local part', (local) => `${local} och hans fyra ord`, PERSONAL],
    ['the local part in other case', (local) => `Hej ${local.toUpperCase()} hej hopp`, PERSONAL],
  ];

  it.each(refusals)('refuses %s with a Swedish message, and keeps the session', async (_what, choose, message) => {
    const local = `kalle.anka${++n}`;
    const email = await t.user({ local });
    const password = choose(local);
    const session = await signedIn(t.app, email);
    const res = await post(t.app, '/konto/losenord', { password, _csrf: session.csrf }, { cookie: session.cookie });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(message);
    expect(page).not.toContain(password);
    expect(await isSignedIn(t.app, session.cookie)).toBe(true);
    expect((await signIn(t.app, email, password)).status).toBe(401);
  });

  it('accepts a good one, which then signs in', async () => {
    const email = await t.user({ local: 'kajsa.anka' });
    const session = await signedIn(t.app, email);
    const res = await post(
      t.app,
      '/konto/losenord',
      { password: 'blå tåg över ön', _csrf: session.csrf },
      { cookie: session.cookie },
    );
    expect(res.status).toBe(303);
    expect((await signIn(t.app, email, 'blå tåg över ön')).status).toBe(303);
  });

  it('applies the same rules when an account is added', async () => {
    const add = (password: string) =>
      addUser(t.ctx, { email: 'lisa.larsson@kommun.test', name: 'Lisa Larsson', role: 'reader', password });
    for (const [password, message] of [
      ['kort', TOO_SHORT],
      ['qwertyuiop12', TOO_COMMON],
      ['lisa.larsson 2026 ok', PERSONAL],
    ] as const) {
      const error = await add(password).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems[0]!.message).toContain(message);
    }
    expect(await add('korrekt häst batteri zebra')).toBeGreaterThan(0);
  });

  it('stores argon2id at its full cost (m=64 MiB, t=3) unless a context lowers it, as only the tests do', async () => {
    const hashOf = async (email: string) =>
      (
        await t.ctx.storage.db
          .selectFrom('users')
          .select('password_hash')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const production: AppContext = { ...t.ctx, passwordHashCost: undefined };
    await addUser(production, {
      email: 'full.kostnad@kommun.test',
      name: 'Full Kostnad',
      role: 'reader',
      password: GOOD_PASSWORD,
    });
    expect(await hashOf('full.kostnad@kommun.test')).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(await hashOf(await t.user())).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
  });
});
