import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdoption } from '../../src/app/adoption/get-adoption.js';
import { addFocusArea, addGoal } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

type Who = 'public' | 'reader' | 'network_lead' | 'network_member' | 'member_officer' | 'admin';
const EVERYONE: Who[] = ['public', 'reader', 'network_lead', 'network_member', 'member_officer', 'admin'];

/**
 * Every write route, tried by every role: only the roles the policy names may write; everyone
 * else gets 401 (signed out) or 403 (signed in) and the database is unchanged, byte for byte.
 */
describe.each(testDialects)('role × route matrix on %s', (dialect) => {
  let t: TestApp;
  const as = new Map<Who, TestSession | null>();
  let draft: string;
  let ids: { area: number; goal: number; perspective: number; version: () => Promise<number> };
  let botkyrka: number;
  let haninge: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    as.set('public', null);
    as.set('admin', t.admin);
    as.set('reader', await t.session('reader'));
    as.set('network_lead', await t.session('network_lead', { network: 'planeringschefer' }));
    as.set('network_member', await t.session('network_member', { network: 'planeringschefer' }));
    as.set('member_officer', await t.session('member_officer', { member: '0127' }));
    ({ slug: draft } = await createDraft(t.ctx, { from: '', name: 'Matrisens utkast' }));
    let p = (await getProgramme(t.ctx, draft)).programme;
    await addFocusArea(t.ctx, draft, p.version, { name: 'Område', description: '', networkId: '' });
    p = (await getProgramme(t.ctx, draft)).programme;
    await addGoal(t.ctx, draft, p.version, { focusAreaId: String(p.focusAreas[0]!.id), title: 'Mål', strategies: '' });
    p = (await getProgramme(t.ctx, draft)).programme;
    ids = {
      area: p.focusAreas[0]!.id,
      goal: p.focusAreas[0]!.goals[0]!.id,
      perspective: p.perspectives[0]!.id,
      version: async () => (await getProgramme(t.ctx, draft)).programme.version,
    };
    const members = (await getAdoption(t.ctx, 'sup-2023')).members;
    botkyrka = members.find((m) => m.member.code === '0127')!.member.id;
    haninge = members.find((m) => m.member.code === '0136')!.member.id;
  });
  afterAll(() => t.close());

  const decision = (memberId: number) => ({
    memberId: String(memberId),
    bodyKind: 'board',
    outcome: 'adopted',
    datePrecision: 'exact',
    date: '2023-06-01',
  });

  // [route, fields, who may, the status those get (a redirect after saving, unless said)]
  const formRoutes = (): [string, () => Promise<Record<string, string>>, Who[], number?][] => [
    ['/program/nytt', async () => ({ from: '', name: 'Nytt' }), ['admin']],
    ['/program/DRAFT/redigera', async () => ({ version: String(await ids.version()), name: 'Nytt namn' }), ['admin']],
    [
      '/program/DRAFT/perspektiv',
      async () => ({ version: String(await ids.version()), name: 'Jämställdhet' }),
      ['admin'],
    ],
    [
      `/program/DRAFT/perspektiv/PERSPECTIVE`,
      async () => ({ version: String(await ids.version()), name: 'Hållbarhet' }),
      ['admin'],
    ],
    ['/program/DRAFT/omraden', async () => ({ version: String(await ids.version()), name: 'Nytt område' }), ['admin']],
    [
      '/program/DRAFT/omraden/AREA',
      async () => ({ version: String(await ids.version()), name: 'Område 2' }),
      ['admin'],
    ],
    [
      '/program/DRAFT/omraden/AREA/flytta',
      async () => ({ version: String(await ids.version()), direction: 'down' }),
      ['admin'],
    ],
    [
      '/program/DRAFT/mal',
      async () => ({ version: String(await ids.version()), focusAreaId: String(ids.area), title: 'Ännu ett mål' }),
      ['admin'],
    ],
    [
      '/program/DRAFT/mal/GOAL',
      async () => ({ version: String(await ids.version()), focusAreaId: String(ids.area), title: 'Mål omskrivet' }),
      ['admin'],
    ],
    // Allowed for the administrator, and then refused on content: a goal lacks its statements.
    ['/program/DRAFT/foresla', async () => ({ version: String(await ids.version()) }), ['admin'], 422],
    ['/program/sup-2023/beslut', async () => decision(botkyrka), ['admin', 'member_officer']],
    ['/program/sup-2023/beslut#haninge', async () => decision(haninge), ['admin']],
    [
      '/program/sup-2023/beslut#kommitten',
      async () => ({ ...decision(botkyrka), memberId: '', bodyKind: 'committee' }),
      ['admin'],
    ],
  ];

  const path = (route: string) =>
    route
      .replace('DRAFT', draft)
      .replace('PERSPECTIVE', String(ids.perspective))
      .replace('AREA', String(ids.area))
      .replace('GOAL', String(ids.goal))
      .replace(/#.*$/, '');

  it.each(
    formRoutes().flatMap(([route, fields, allowed]) =>
      EVERYONE.filter((w) => !allowed.includes(w)).map((who) => [route, who, fields] as const),
    ),
  )('POST %s as %s is refused and changes nothing', async (route, who, fields) => {
    const before = await contentFingerprint(t.storage);
    const res = await postForm(t.app, path(route), await fields(), as.get(who) ?? null);
    expect(res.status).toBe(who === 'public' ? 401 : 403);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it.each(
    formRoutes().flatMap(([route, fields, allowed, status]) =>
      allowed.map((who) => [route, who, fields, status ?? 303] as const),
    ),
  )('POST %s as %s is allowed', async (route, who, fields, status) => {
    const res = await postForm(t.app, path(route), await fields(), as.get(who) ?? null);
    expect(res.status, await res.clone().text()).toBe(status);
  });

  it('a form without the session’s CSRF token is refused even for the administrator', async () => {
    const before = await contentFingerprint(t.storage);
    const res = await postForm(t.app, '/program/sup-2023/beslut', { ...decision(botkyrka), _csrf: 'fel' }, t.admin);
    expect(res.status).toBe(403);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it.each([
    ['public', 401, ANONYMOUS_COOKIE],
    ['reader', 403, null],
    ['member_officer (foreign member)', 403, null],
  ] as const)('the API refuses a decision from %s with %i and changes nothing', async (who, status, cookie) => {
    const session = who === 'reader' ? as.get('reader')! : as.get('member_officer')!;
    const before = await contentFingerprint(t.storage);
    const res = await t.app.request('http://localhost/api/v1/programmes/sup-2023/decisions', {
      method: 'POST',
      body: JSON.stringify({ memberCode: '0136', bodyKind: 'board', datePrecision: 'unknown', outcome: 'adopted' }),
      headers: { 'Content-Type': 'application/json', Cookie: cookie ?? session.cookie },
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      status === 401 ? 'unauthenticated' : 'forbidden',
    );
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('hides drafts from the public and shows them to readers', async () => {
    const publicView = await t.app.request(`http://localhost/program/${draft}`, {
      headers: { Cookie: ANONYMOUS_COOKIE },
    });
    expect(publicView.status).toBe(303);
    expect(publicView.headers.get('location')).toContain('/logga-in');
    const list = await (
      await t.app.request('http://localhost/program', { headers: { Cookie: ANONYMOUS_COOKIE } })
    ).text();
    expect(list).not.toContain('Matrisens utkast');
    const readerView = await t.app.request(`http://localhost/program/${draft}`, {
      headers: { Cookie: as.get('reader')!.cookie },
    });
    expect(readerView.status).toBe(200);
    const api = (await (
      await t.app.request('http://localhost/api/v1/programmes', { headers: { Cookie: ANONYMOUS_COOKIE } })
    ).json()) as { programmes: { id: string }[] };
    expect(api.programmes.map((p) => p.id)).not.toContain(draft);
  });

  it('sends a signed-out visitor of an editing page to sign in', async () => {
    const res = await t.app.request('http://localhost/program/nytt', { headers: { Cookie: ANONYMOUS_COOKIE } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/logga-in?till=%2Fprogram%2Fnytt');
  });
});
