import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdoption } from '../../src/app/adoption/get-adoption.js';
import { createApp } from '../../src/compose-app.js';
import { openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('pages and forms over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.app.request(`http://localhost${path}`);
  const adoptedCount = async (slug: string) => (await getAdoption(t.ctx, slug)).decisions.length;

  it('sends strict security headers with every page', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const body = await res.text();
    expect(body.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(body).not.toMatch(/<script|style="/);
  });

  it('serves the stylesheets and refuses unknown static files', async () => {
    for (const name of ['site.css', 'document.css']) {
      const res = await get(`/static/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/css');
    }
    expect((await get('/static/..%2Fpackage.json')).status).toBe(404);
  });

  it('shows the programme structure with networks and lineage', async () => {
    const html = await (await get('/program/sup-2035')).text();
    expect(html).toContain('Utnyttja den nya infrastrukturen');
    expect(html).toContain('Ansvarigt nätverk: Planeringschefer');
    expect(html).toContain('Fortsätter målet');
    expect(html).toContain('Inte redovisat');
  });

  it('records a member decision from the form and shows it', async () => {
    const before = await adoptedCount('sup-2023');
    const res = await postForm(t.app, '/program/sup-2023/beslut', {
      memberId: String((await getAdoption(t.ctx, 'sup-2023')).members[0]!.member.id),
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2023-05-15',
      paragraph: '§ 99',
      note: 'Registrerat i test',
      source: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/program/sup-2023/antagande?registrerat=1');
    expect(await adoptedCount('sup-2023')).toBe(before + 1);
    const html = await (await get('/program/sup-2023/antagande?registrerat=1')).text();
    expect(html).toContain('Beslutet är registrerat.');
    expect(html).toContain('2023-05-15 § 99');
  });

  it.each([
    [{ date: '2019-02-30' }, 'riktigt datum'],
    [{ date: '11/10/2019' }, 'riktigt datum'],
    [{ date: '2999-01-01' }, 'efter i dag'],
    [{ date: '' }, 'Skriv beslutsdatumet'],
    [{ memberId: '' }, 'Välj den kommun'],
    [{ outcome: '' }, 'Välj beslutet'],
    [{ memberId: '99999' }, 'inte medlem'],
  ])('refuses a bad decision %j with a Swedish message and changes nothing', async (override, message) => {
    const before = await adoptedCount('sup-2023');
    const member = (await getAdoption(t.ctx, 'sup-2023')).members[1]!.member;
    const fields = {
      memberId: String(member.id),
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2023-05-15',
      paragraph: '§ 7',
      ...override,
    };
    const res = await postForm(t.app, '/program/sup-2023/beslut', fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain('value="§ 7"');
    expect(await adoptedCount('sup-2023')).toBe(before);
  });

  it('refuses a cross-site form post and changes nothing', async () => {
    const before = await adoptedCount('sup-2023');
    const res = await t.app.request('http://localhost/program/sup-2023/beslut', {
      method: 'POST',
      body: new URLSearchParams({ memberId: '1', bodyKind: 'board', outcome: 'adopted', datePrecision: 'unknown' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await adoptedCount('sup-2023')).toBe(before);
  });

  it('answers 404 with a Swedish page, and 500 with a correlation id and no internals', async () => {
    const missing = await get('/program/finns-inte');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Sidan finns inte');
    const app = createApp(t.ctx);
    app.get('/test-fel', () => {
      throw new Error('hemlig SQL: select * from secrets');
    });
    const res = await app.request('http://localhost/test-fel');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Felkod');
    expect(html).not.toContain('hemlig SQL');
  });

  it('answers 404, not 500, for numbers too large to be an id', async () => {
    expect((await get('/program/199001011234/antagande')).status).toBe(404);
    expect((await t.app.request('http://localhost/api/v1/programmes/99999999999')).status).toBe(404);
    const res = await postForm(t.app, '/program/sup-2023/beslut', {
      memberId: '99999999999',
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'unknown',
    });
    expect(res.status).toBe(422);
  });

  it('refuses oversized requests with 413', async () => {
    const res = await postForm(t.app, '/program/sup-2023/beslut', { note: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
  });
});
