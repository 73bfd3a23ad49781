import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiToken,
  grantKey,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from '../../src/app/auth/api-tokens.js';
import { disableUser } from '../../src/app/auth/users.js';
import { getCollaboration } from '../../src/app/collaboration.js';
import { actingAs, createContext, readRepos, type AppContext } from '../../src/app/context.js';
import type { RoleGrant } from '../../src/domain/auth/roles.js';
import { DomainError } from '../../src/domain/errors.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { TEST_NOW } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

/**
 * API tokens: created on /konto/api-nycklar and shown once, stored as SHA-256 only, acting with one of
 * the owner's grants and nothing more, refused with 401 once revoked or when the owner is disabled.
 */

const TOKEN = /sv_[A-Za-z0-9_-]{43}/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface ErrorJson {
  error: { code: string; message: string };
}

describe.each(testDialects)('API tokens on %s', (dialect) => {
  let t: TestApp;
  let officer: TestSession;
  let reader: TestSession;
  let botkyrka: number;
  let haninge: number;

  const userOf = async (session: TestSession) => (await readRepos(t.ctx).users.byEmail(session.email))!;
  const grantOf = async (session: TestSession) => grantKey((await userOf(session)).grants[0]!);
  const tokenRows = () => t.storage.db.selectFrom('api_tokens').selectAll().orderBy('id').execute();

  /** Creates a token through the form; returns the page's answer and the token it shows. */
  async function create(session: TestSession, name: string, grant?: string) {
    const res = await postForm(
      t.app,
      '/konto/api-nycklar',
      { name, grant: grant ?? (await grantOf(session)) },
      session,
    );
    const html = await res.text();
    return { res, html, token: TOKEN.exec(html)?.[0] };
  }

  const api = (path: string, token: string | null, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: init.method ?? 'GET',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      headers: {
        'Content-Type': 'application/json',
        Cookie: init.cookie ?? ANONYMOUS_COOKIE,
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      },
    });

  const decision = (memberCode: string) => ({
    memberCode,
    bodyKind: 'board',
    datePrecision: 'unknown',
    outcome: 'adopted',
  });
  const postDecision = (token: string | null, memberCode: string, cookie?: string) =>
    api('/programmes/sup-2023/decisions', token, { method: 'POST', body: decision(memberCode), cookie });

  const expectUnauthenticated = async (res: Response) => {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect((await res.json()) as ErrorJson).toEqual({
      error: { code: 'unauthenticated', message: 'API-nyckeln är ogiltig eller återkallad.' },
    });
  };

  beforeAll(async () => {
    t = await openTestApp(dialect);
    officer = await t.session('member_officer', { member: '0127' });
    reader = await t.session('reader');
    const { members } = await getCollaboration(t.ctx);
    botkyrka = members.find((m) => m.code === '0127')!.id;
    haninge = members.find((m) => m.code === '0136')!.id;
  });
  afterAll(() => t.close());

  it('shows a new token once, in the 201 answer, and stores only its SHA-256', async () => {
    const { res, html, token } = await create(officer, 'Ärendesystemet');
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(token).toBeDefined();
    expect(html).toContain('Den visas inte igen');

    const rows = (await tokenRows()).filter((r) => r.name === 'Ärendesystemet');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(token!));
    expect(JSON.stringify(await tokenRows())).not.toContain(token!.slice(3));
    expect(rows[0]).toMatchObject({ role: 'member_officer', member_id: botkyrka, network_id: null, revoked_at: null });

    const list = await t.app.request('http://localhost/konto/api-nycklar', { headers: { Cookie: officer.cookie } });
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).not.toContain(token!);
    expect(listHtml).not.toMatch(TOKEN);
    expect(listHtml).toContain('Ärendesystemet');
    expect(listHtml).toContain('Handläggare för medlemskommun (Botkyrka)');
    expect(listHtml).toContain('Aktiv');
    expect(listHtml).toContain('Aldrig');
  });

  it('links the token page from the account page', async () => {
    const res = await t.app.request('http://localhost/konto', { headers: { Cookie: officer.cookie } });
    expect(await res.text()).toContain('href="/konto/api-nycklar"');
  });

  it('lets a member officer’s token record a decision for its own member, and refuses another member with 403', async () => {
    const { token } = await create(officer, 'Beslutsintegration');
    const own = await postDecision(token!, '0127');
    expect(own.status, await own.clone().text()).toBe(201);

    // The change is recorded as made through the token, on its owner's behalf.
    const event = await t.storage.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_kind: 'token', actor_user_id: (await userOf(officer)).id });

    const before = await contentFingerprint(t.storage);
    const foreign = await postDecision(token!, '0136');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ErrorJson).error.code).toBe('forbidden');
    expect(await contentFingerprint(t.storage)).toEqual(before);

    const used = (await tokenRows()).find((r) => r.name === 'Beslutsintegration')!;
    expect(used.last_used_at).toBe(TEST_NOW.toISOString());
  });

  it('acts with only the token’s grant, not all of the owner’s', async () => {
    // The officer also reads; a token for the reader grant must not record the officer's decisions.
    const userId = (await userOf(officer)).id;
    await readRepos(t.ctx).users.grant(userId, { role: 'reader', memberId: null, networkId: null });
    const { res, token } = await create(officer, 'Bara läsning', 'reader');
    expect(res.status).toBe(201);
    expect((await api('/programmes', token!)).status).toBe(200); // its first use is recorded
    const before = await contentFingerprint(t.storage);
    const write = await postDecision(token!, '0127');
    expect(write.status).toBe(403);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('does not let a reader’s token write', async () => {
    const { token } = await create(reader, 'Rapportverktyget');
    expect((await api('/programmes', token!)).status).toBe(200); // its first use is recorded
    const before = await contentFingerprint(t.storage);
    const res = await postDecision(token!, '0127');
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorJson).error.code).toBe('forbidden');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('refuses a revoked token with 401, and the list says it is revoked', async () => {
    const { token } = await create(officer, 'Ska återkallas');
    expect((await api('/programmes', token!)).status).toBe(200);
    const id = (await tokenRows()).find((r) => r.name === 'Ska återkallas')!.id;

    const revoked = await postForm(t.app, `/konto/api-nycklar/${id}/aterkalla`, {}, officer);
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe(`/konto/api-nycklar?aterkallad=${id}`);

    const before = await contentFingerprint(t.storage);
    await expectUnauthenticated(await postDecision(token!, '0127'));
    await expectUnauthenticated(await api('/programmes', token!));
    expect(await contentFingerprint(t.storage)).toEqual(before);

    const list = await (
      await t.app.request(`http://localhost/konto/api-nycklar?aterkallad=${id}`, {
        headers: { Cookie: officer.cookie },
      })
    ).text();
    expect(list).toContain('API-nyckeln ”Ska återkallas” är återkallad');
    expect(list).toMatch(/Återkallad <time/);
  });

  it('refuses the token of a disabled account with 401', async () => {
    const someone = await t.session('member_officer', { member: '0127' });
    const { token } = await create(someone, 'Lämnar snart');
    expect((await api('/programmes', token!)).status).toBe(200);
    await disableUser(t.ctx, someone.email);
    const before = await contentFingerprint(t.storage);
    await expectUnauthenticated(await postDecision(token!, '0127'));
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('refuses unknown tokens, other schemes and a missing credential with 401 and WWW-Authenticate', async () => {
    await expectUnauthenticated(await api('/programmes', 'sv_finnsinte'));
    await expectUnauthenticated(await api('/programmes', 'inte-en-nyckel'));
    await expectUnauthenticated(
      await t.app.request('http://localhost/api/v1/programmes', {
        headers: { Cookie: ANONYMOUS_COOKIE, Authorization: 'Basic dXNlcjpwYXNz' },
      }),
    );
    // Even next to a valid session: a bad token is never silently ignored.
    await expectUnauthenticated(await postDecision('sv_finnsinte', '0127', officer.cookie));

    const signedOut = await postDecision(null, '0127');
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('www-authenticate')).toBe('Bearer realm="samverkan"');
    expect(((await signedOut.json()) as ErrorJson).error.code).toBe('unauthenticated');
  });

  it('refuses a grant the person does not have with 403 and stores nothing', async () => {
    const before = await contentFingerprint(t.storage);
    for (const grant of [
      'admin',
      grantKey({ role: 'member_officer', memberId: haninge, networkId: null }),
      grantKey({ role: 'network_lead', memberId: null, networkId: 1 }),
    ]) {
      const { res, token } = await create(reader, 'Försök', grant);
      expect(res.status, grant).toBe(403);
      expect(token).toBeUndefined();
    }
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('validates the form with Swedish messages and keeps what was typed', async () => {
    const before = await contentFingerprint(t.storage);
    const grant = await grantOf(officer);
    const noName = await create(officer, '   ', grant);
    expect(noName.res.status).toBe(422);
    expect(noName.html).toContain('Skriv ett namn på nyckeln.');
    expect(noName.html).toContain(`<option value="${grant}" selected="">`);

    const noGrant = await create(officer, 'Utan roll', '');
    expect(noGrant.res.status).toBe(422);
    expect(noGrant.html).toContain('Välj vilken av dina roller nyckeln ska ha.');
    expect(noGrant.html).toContain('value="Utan roll"');

    const tooLong = await create(officer, 'x'.repeat(101), grant);
    expect(tooLong.res.status).toBe(422);
    expect(tooLong.html).toContain('högst 100 tecken');

    const nonsense = await create(officer, 'Konstig roll', 'superuser');
    expect(nonsense.res.status).toBe(422);
    expect(nonsense.html).toContain('Välj en av rollerna i listan.');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('lets only the owner or an administrator revoke a token', async () => {
    const { token } = await create(officer, 'Delad');
    const id = (await tokenRows()).find((r) => r.name === 'Delad')!.id;
    const before = await contentFingerprint(t.storage);
    expect((await postForm(t.app, `/konto/api-nycklar/${id}/aterkalla`, {}, reader)).status).toBe(403);
    expect((await postForm(t.app, `/konto/api-nycklar/${id}/aterkalla`, {}, null)).status).toBe(401);
    expect(await contentFingerprint(t.storage)).toEqual(before);
    expect((await postForm(t.app, `/konto/api-nycklar/${id}/aterkalla`, {}, t.admin)).status).toBe(303);
    await expectUnauthenticated(await api('/programmes', token!));
    expect((await postForm(t.app, '/konto/api-nycklar/999999/aterkalla', {}, officer)).status).toBe(404);
  });

  it('keeps the token pages from the signed-out and from tokens themselves', async () => {
    const signedOut = await t.app.request('http://localhost/konto/api-nycklar', {
      headers: { Cookie: ANONYMOUS_COOKIE },
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/logga-in?till=%2Fkonto%2Fapi-nycklar');

    // A bearer token signs in only the JSON API: on a page it is no one, and cannot mint more tokens.
    const { token } = await create(officer, 'Bara API');
    const before = await contentFingerprint(t.storage);
    const res = await t.app.request('http://localhost/konto/api-nycklar', {
      method: 'POST',
      body: new URLSearchParams({ name: 'Ny', grant: await grantOf(officer) }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost',
        Cookie: ANONYMOUS_COOKIE,
        Authorization: `Bearer ${token}`,
      },
    });
    expect(res.status).toBe(401);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('documents the bearer scheme for recording decisions', async () => {
    const doc = (await (await api('/openapi.json', null)).json()) as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses: object }>>;
    };
    expect(doc.components.securitySchemes['apiToken']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operation = doc.paths['/programmes/{id}/decisions']!['post']!;
    expect(operation.security).toEqual([{ apiToken: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });

  describe('use cases', () => {
    let userId: number;
    let grant: RoleGrant;
    let clock: Date;
    let base: AppContext;
    let asOfficer: AppContext;

    beforeAll(async () => {
      const user = await userOf(officer);
      userId = user.id;
      grant = user.grants[0]!;
      clock = TEST_NOW;
      base = createContext(t.storage, () => clock);
      asOfficer = actingAs(base, { kind: 'user', userId, name: user.name }, { signedIn: true, grants: user.grants });
    });

    it('resolves a token to its owner with only its grant, and writes last use at most once a minute', async () => {
      const { id, token } = await createApiToken(asOfficer, { name: 'Klocka', grant: grantKey(grant) });
      const lastUsed = async () => (await readRepos(base).apiTokens.byId(id))!.lastUsedAt;
      expect(await lastUsed()).toBeNull();

      const signedIn = await resolveApiToken(base, token);
      expect(signedIn?.actor).toEqual({ kind: 'token', userId, tokenId: id, name: expect.stringContaining('Klocka') });
      expect(signedIn?.principal).toEqual({ signedIn: true, grants: [grant] });
      expect(signedIn?.user.grants).toEqual([grant]);
      expect(await lastUsed()).toBe(clock.toISOString());

      const first = clock;
      clock = new Date(first.getTime() + 59_000);
      await resolveApiToken(base, token);
      expect(await lastUsed()).toBe(first.toISOString());
      clock = new Date(first.getTime() + 60_000);
      await resolveApiToken(base, token);
      expect(await lastUsed()).toBe(clock.toISOString());
      clock = TEST_NOW;
    });

    it('lists only the person’s own tokens, and lets a token neither create nor list tokens', async () => {
      const own = await listApiTokens(asOfficer);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((tok) => tok.userId === userId)).toBe(true);

      const { id, token } = await createApiToken(asOfficer, { name: 'Nyckel', grant: grantKey(grant) });
      const viaToken = (await resolveApiToken(base, token))!;
      const tokenCtx = actingAs(base, viaToken.actor, viaToken.principal);
      await expect(createApiToken(tokenCtx, { name: 'Till', grant: grantKey(grant) })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(listApiTokens(tokenCtx)).rejects.toBeInstanceOf(DomainError);
      await revokeApiToken(asOfficer, id);
      expect(await resolveApiToken(base, token)).toBeNull();
    });

    it('resolves nothing once the owner no longer holds the token’s grant', async () => {
      const other = await t.session('network_member', { network: 'planeringschefer' });
      const user = await userOf(other);
      const ctx = actingAs(
        base,
        { kind: 'user', userId: user.id, name: user.name },
        { signedIn: true, grants: user.grants },
      );
      const { token } = await createApiToken(ctx, { name: 'Nätverk', grant: grantKey(user.grants[0]!) });
      expect(await resolveApiToken(base, token)).not.toBeNull();
      await t.storage.db.deleteFrom('role_assignments').where('user_id', '=', user.id).execute();
      expect(await resolveApiToken(base, token)).toBeNull();
    });
  });
});
