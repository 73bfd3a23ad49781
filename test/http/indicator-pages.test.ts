import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postMultipart, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

/** Posts a file to the upload form as a browser does. */
const upload = (
  t: TestApp,
  as: TestSession | null,
  file: { name: string; content: string | Uint8Array<ArrayBuffer> },
  indicator = '',
): Promise<Response> =>
  postMultipart(
    t.app,
    '/nyckeltal/importera',
    {
      fil: {
        name: file.name,
        bytes: typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content,
      },
      nyckeltal: indicator,
    },
    as,
  );

const text = async (r: Response) =>
  (await r.text())
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe.each(testDialects)('key-indicator pages on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (path: string, cookie = ANONYMOUS_COOKIE) =>
    t.app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });

  it('lists the followed indicators for everyone, without sign-in', async () => {
    const r = await get('/nyckeltal');
    expect(r.status).toBe(200);
    const body = await text(r);
    expect(body).toContain('Andel 25–64 år med minst tre års eftergymnasial utbildning');
    expect(body).toContain('Sysselsättningsgrad 20–64 år');
    expect(body).not.toContain('Läs in värden från fil');
  });

  it('shows an indicator with members, group figures, region and nation, and its goal verdict', async () => {
    const r = await get(`/nyckeltal/${EDUCATION}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toMatch(/<figure class="chart">[\s\S]*<svg[^>]*role="img"/);
    const body = await text(new Response(html));
    for (const name of ['Huddinge', 'Nynäshamn', 'Region Stockholm', 'Riket', 'Ovägt medelvärde', 'Befolkningsviktat'])
      expect(body).toContain(name);
    // Real values (SCB via Södertörnsmodellen): Riket 2014 25,8 %, Huddinge 2014 26,6 %.
    expect(body).toContain('25,8');
    expect(body).toContain('26,6');
    expect(body).toContain('Inte i fas');
    expect(body).toContain('Källa');
  });

  it('shows the gender split and filters by gender; a wrong gender is a 422 in Swedish', async () => {
    const women = await text(await get(`/nyckeltal/${EDUCATION}?kon=K`));
    expect(women).toContain('kvinnor');
    const bad = await get(`/nyckeltal/${EDUCATION}?kon=X`);
    expect(bad.status).toBe(422);
  });

  it('ranks the members for one year, with missing values last and never as 0', async () => {
    const r = await get(`/nyckeltal/${EDUCATION}/jamforelse?ar=2014`);
    expect(r.status).toBe(200);
    const body = await text(r);
    // Huddinge had the highest share of the eight in 2014 (26,6 %), Nynäshamn the lowest (15,2 %).
    expect(body.indexOf('Huddinge')).toBeLessThan(body.indexOf('Nynäshamn'));
    expect(body).toContain('15,2');
    expect((await get(`/nyckeltal/${EDUCATION}/jamforelse?ar=1990`)).status).toBe(422);
    expect((await get(`/nyckeltal/${EDUCATION}/jamforelse?ar=abcd`)).status).toBe(422);
  });

  it('answers 404 for an unknown indicator or goal', async () => {
    expect((await get('/nyckeltal/finns-inte')).status).toBe(404);
    expect((await get('/nyckeltal/%3Cscript%3E')).status).toBe(404);
    expect((await get('/mal/999999')).status).toBe(404);
    expect((await get('/mal/99999999999999')).status).toBe(404);
  });

  it('shows the 2013 education goal with its verdict explained in one sentence', async () => {
    const programme = await text(await get('/program/sup-2013'));
    expect(programme).toContain('Nyckeltal och måluppfyllelse');
    const goals = await readRepos(t.ctx).goalIndicators.forIndicator(
      (await readRepos(t.ctx).indicators.byKey(EDUCATION))!.id,
    );
    const r = await get(`/mal/${goals[0]!.goalId}`);
    expect(r.status).toBe(200);
    const body = await text(r);
    expect(body).toContain('Höj utbildningsnivån på Södertörn');
    expect(body).toContain('Inte i fas');
    expect(body).toMatch(
      /2014 var andelen för Södertörnskommunerna \(befolkningsviktat medelvärde\) 20,7.procent mot 25,8.procent för Riket/,
    );
  });

  it('offers the upload form only to those who may import', async () => {
    const signedOut = await get('/nyckeltal/importera');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/logga-in/);
    const reader = await t.session('reader');
    expect((await get('/nyckeltal/importera', reader.cookie)).status).toBe(403);
    const officer = await t.session('member_officer', { member: '0136' });
    const page = await get('/nyckeltal/importera', officer.cookie);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain('Du kan lägga in värden för Haninge');
    expect((await get('/nyckeltal/importera', t.admin.cookie)).status).toBe(200);
  });

  it("imports a member officer's own values from a Swedish CSV, and again without changes", async () => {
    const officer = await t.session('member_officer', { member: '0136' });
    const csv = 'Nyckeltal;Kommun;År;Kön;Värde\r\nsm-folkmangd;Haninge;2015;T;"84 000"\r\n';
    const first = await upload(t, officer, { name: 'haninge.csv', content: csv });
    expect(first.status).toBe(200);
    expect(await text(first)).toContain('Värdena är inlästa');
    const values = await readRepos(t.ctx).indicators.values(
      (await readRepos(t.ctx).indicators.byKey('sm-folkmangd'))!.id,
      { areaCodes: ['0136'], year: 2015 },
    );
    expect(values).toEqual([{ areaCode: '0136', year: 2015, gender: 'T', value: 84000, status: null }]);
    const again = await upload(t, officer, { name: 'haninge.csv', content: csv });
    expect(await text(again)).toContain('Inga ändringar');
  });

  it("refuses a foreign member's values, a bad file and a missing file, changing nothing", async () => {
    const officer = await t.session('member_officer', { member: '0136' });
    const before = await contentFingerprint(t.storage);
    const foreign = await upload(t, officer, {
      name: 'huddinge.csv',
      content: 'Nyckeltal;Kommun;År;Värde\nsm-folkmangd;0126;2015;110000\n',
    });
    expect(foreign.status).toBe(403);
    expect(await text(foreign)).toContain('bara lägga in värden för din egen kommun');
    const bad = await upload(t, t.admin, {
      name: 'fel.csv',
      content: 'Nyckeltal;Kommun;År;Värde\nsm-folkmangd;Södertälj;2015;1\nsm-folkmangd;Haninge;20x5;1\n',
    });
    expect(bad.status).toBe(422);
    const body = await text(bad);
    expect(body).toMatch(/Rad 2/);
    expect(body).toMatch(/Rad 3/);
    const none = await upload(t, t.admin, { name: 'tom.csv', content: '' });
    expect(none.status).toBe(422);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('refuses an upload from every role without import rights, changing nothing', async () => {
    const file = { name: 'a.csv', content: 'Nyckeltal;Kommun;År;Värde\nsm-folkmangd;Haninge;2016;1\n' };
    for (const [role, scope] of [
      ['reader', {}],
      ['network_lead', { network: 'planeringschefer' }],
      ['network_member', { network: 'planeringschefer' }],
    ] as const) {
      const session = await t.session(role, scope);
      const after = await contentFingerprint(t.storage); // the new account is the only change
      expect((await upload(t, session, file)).status, role).toBe(403);
      expect(await contentFingerprint(t.storage)).toEqual(after);
    }
    expect((await upload(t, null, file)).status).toBe(401);
  });

  it('refuses an upload without the CSRF token or signed out', async () => {
    const form = new FormData();
    form.append('fil', new File(['x'], 'a.csv'));
    const noToken = await t.app.request('http://localhost/nyckeltal/importera', {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost', Cookie: t.admin.cookie },
    });
    expect(noToken.status).toBe(403);
    const anonymous = await upload(t, null, { name: 'a.csv', content: 'x' });
    expect([401, 403]).toContain(anonymous.status);
  });

  it('accepts an upload above the 1 MiB default limit up to 10 MB, and refuses a larger one with 413', async () => {
    const line = 'sm-folkmangd;Haninge;2015;T;84000\n';
    const big = 'Nyckeltal;Kommun;År;Kön;Värde\n' + line.repeat(Math.ceil((11 * 1024 * 1024) / line.length));
    const r = await upload(t, t.admin, { name: 'stor.csv', content: big });
    expect(r.status).toBe(413);
    const medium = 'Nyckeltal;Kommun;År;Kön;Värde\n' + line + ' '.repeat(2 * 1024 * 1024);
    const ok = await upload(t, t.admin, { name: 'mellan.csv', content: medium });
    expect(ok.status).not.toBe(413);
  });
});
