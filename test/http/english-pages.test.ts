/**
 * English at /en/… (issue 12, item 5) and canonical links (item 6), on both databases: every public page
 * answers in English with lang="en" and a switch back to Swedish; Swedish pages are unchanged and lead to
 * English; canonical and alternate addresses come from PUBLIC_URL; stored English programme texts are
 * shown and missing ones fall back to Swedish marked lang="sv" with a notice; staff forms are not routed
 * under /en.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { createApp } from '../../src/compose-app.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';
const SITE = 'https://samverkan.example';

/** The text of the page's <main>, without tags. */
const mainText = (html: string) =>
  (/<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const h1Of = (html: string) => (/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '');

describe.each(testDialects)('English pages on %s', (dialect) => {
  let t: TestApp;
  let app: Hono;
  let goalId: number;
  let planId: number;
  let activityGoalId: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    app = createApp(t.ctx, { publicUrl: SITE });
    const repos = readRepos(t.ctx);
    goalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!.goalId;
    const collaborationId = (await repos.collaboration.first())!.id;
    const plan = (await repos.plans.plans({ collaborationId, year: 2026 })).find(
      (p) => p.kind === 'operational' && p.state === 'adopted',
    )!;
    planId = plan.id;
    activityGoalId = (await repos.plans.activitiesOf([plan.id]))[0]!.goalIds[0]!;
  });
  afterAll(() => t?.close());

  const get = (path: string, cookie = ANONYMOUS_COOKIE, headers: Record<string, string> = {}) =>
    app.request(`http://localhost${path}`, { headers: { Cookie: cookie, ...headers } });
  const html = async (path: string, cookie = ANONYMOUS_COOKIE) => {
    const res = await get(path, cookie);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  /** Every public page template at its English address, with a text only its English version has. */
  const pages = (): [string, string][] => [
    ['/en', 'municipalities run a joint development programme'],
    ['/en/program', 'Development programmes'],
    ['/en/program/sup-2035', 'Focus areas and goals'],
    ['/en/program/sup-2013', 'Cross-cutting perspectives'],
    ['/en/antagande', 'Adoption of the programmes'],
    ['/en/program/sup-2035/antagande', 'The members’ decisions'],
    ['/en/versioner', 'Compare two versions'],
    ['/en/versioner/jamfor?fran=sup-2035&till=sup-2035-rev-2021', 'Changes from sup-2035 to sup-2035-rev-2021'],
    [`/en/mal/${goalId}`, 'Key indicators and goal attainment'],
    ['/en/nyckeltal', 'Indicators followed in the cooperation'],
    [`/en/nyckeltal/${EDUCATION}`, 'All values as CSV'],
    [`/en/nyckeltal/${EDUCATION}/jamforelse?ar=2014`, 'The member municipalities ranked by value'],
    ['/en/planer', 'The chief networks put the programme into practice'],
    [`/en/planer/${planId}`, 'The cooperation committee’s decisions'],
    ['/en/uppfoljning', 'More about the follow-up'],
    ['/en/uppfoljning/2026/maluppfyllelse', 'How the figures are calculated'],
    [`/en/uppfoljning/2026/aktiviteter?mal=${activityGoalId}`, 'The activities'],
    ['/en/uppfoljning/2026/arsredovisning', 'Annual report 2026 – draft'],
    ['/en/om', 'About the service'],
    ['/en/tillganglighet', 'Accessibility statement'],
  ];

  it('answers every public page at /en/… in English, with lang="en" and a switch back to the Swedish page', async () => {
    for (const [path, english] of pages()) {
      const page = await html(path);
      expect(page, path).toMatch(/^<!DOCTYPE html><html lang="en"/);
      expect(mainText(page), path).toContain(english);
      const swedish = path.replace(/^\/en/, '') || '/';
      expect(page, path).toContain(
        `<a class="site-language" href="${swedish.replace(/&/g, '&amp;')}" lang="sv" hreflang="sv">Svenska</a>`,
      );
      // The frame is English: menu, skip link, sign-in, footer.
      for (const text of ['Skip to main content', 'aria-label="Main menu"', '>Sign in<', 'Accessibility statement'])
        expect(page, path).toContain(text);
      for (const text of ['Till huvudinnehållet', 'Huvudmeny', '>Logga in<', 'Tillgänglighetsredogörelse'])
        expect(page, path).not.toContain(text);
      // Links inside stay in English.
      expect(page, path).toContain('href="/en/program"');
    }
  });

  it('answers the other outward pages at /en/… as well', async () => {
    for (const path of ['/en/framsteg', '/en/evenemang', '/en/oppna-data']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toMatch(/^<!DOCTYPE html><html lang="en"/);
    }
  });

  it('keeps the Swedish pages as they were, each with a link to its English version', async () => {
    for (const [path] of pages()) {
      const swedish = path.replace(/^\/en/, '') || '/';
      const page = await html(swedish);
      expect(page, swedish).toMatch(/^<!DOCTYPE html><html lang="sv"/);
      expect(page, swedish).toContain(
        `<a class="site-language" href="${path.replace(/&/g, '&amp;')}" lang="en" hreflang="en">English</a>`,
      );
      expect(page, swedish).toContain('Till huvudinnehållet');
      expect(page, swedish).not.toContain('Skip to main content');
    }
    expect(mainText(await html('/program'))).toContain('Utvecklingsprogram');
    expect(mainText(await html('/program/sup-2035'))).toContain('Ansvarigt nätverk: Planeringschefer');
  });

  it('never picks the language from the browser: Accept-Language changes nothing', async () => {
    const res = await get('/program', ANONYMOUS_COOKIE, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<!DOCTYPE html><html lang="sv"/);
  });

  it('names the canonical address and both languages from PUBLIC_URL, whatever Host the request names', async () => {
    for (const host of ['localhost', 'evil.example']) {
      const sv = await (await get('/program', ANONYMOUS_COOKIE, { Host: host })).text();
      expect(sv).toContain(`<link rel="canonical" href="${SITE}/program"/>`);
      expect(sv).toContain(`<link rel="alternate" hreflang="sv" href="${SITE}/program"/>`);
      expect(sv).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/en/program"/>`);
      expect(sv).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/program"/>`);
      expect(sv).not.toContain('evil.example');
      const en = await (await get('/en/program', ANONYMOUS_COOKIE, { Host: host })).text();
      expect(en).toContain(`<link rel="canonical" href="${SITE}/en/program"/>`);
      expect(en).toContain(`<link rel="alternate" hreflang="sv" href="${SITE}/program"/>`);
    }
    expect(await html('/en')).toContain(`<link rel="canonical" href="${SITE}/en"/>`);
    expect(await html('/')).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/en"/>`);
  });

  it('keeps the query that makes the page and drops one-off confirmations from the addresses', async () => {
    const compare = await html('/versioner/jamfor?fran=sup-2035&till=sup-2035-rev-2021');
    expect(compare).toContain(
      `<link rel="canonical" href="${SITE}/versioner/jamfor?fran=sup-2035&amp;till=sup-2035-rev-2021"/>`,
    );
    const recorded = await html('/program/sup-2035/antagande?registrerat=1');
    expect(recorded).toContain(`<link rel="canonical" href="${SITE}/program/sup-2035/antagande"/>`);
    expect(recorded).toContain('href="/en/program/sup-2035/antagande" lang="en"');
  });

  it('gives error pages no canonical link, and staff pages no English version', async () => {
    const missing = await get('/en/program/finns-inte');
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en"/);
    expect(page).toContain('<h1>Page not found</h1>');
    // The domain's message is Swedish: shown as Swedish.
    expect(page).toMatch(/The service says \(in Swedish\): <span lang="sv">[^<]+<\/span>/);
    expect(page).not.toContain('rel="canonical"');
    const editor = await html('/program/nytt', t.admin.cookie);
    expect(editor).not.toContain('class="site-language"');
    expect(editor).not.toContain('hreflang="en"');
  });

  it('keeps Swedish and English apart in the caches of public pages', async () => {
    for (const path of [`/planer/${planId}`, `/nyckeltal/${EDUCATION}`, '/uppfoljning/2026/maluppfyllelse']) {
      for (let round = 0; round < 2; round++) {
        expect(await html(`/en${path}`), path).toMatch(/^<!DOCTYPE html><html lang="en"/);
        expect(await html(path), path).toMatch(/^<!DOCTYPE html><html lang="sv"/);
      }
    }
    // The indicator's chart is English on the English page, Swedish on the Swedish one.
    expect(await html(`/en/nyckeltal/${EDUCATION}`)).toContain('Line chart with one value a year');
    expect(await html(`/nyckeltal/${EDUCATION}`)).toContain('Linjediagram med ett värde per år');
  });

  it('does not route staff forms or their posts under /en, and nothing changes', async () => {
    const before = (await readRepos(t.ctx).programmes.list((await readRepos(t.ctx).collaboration.first())!.id)).length;
    for (const path of ['/en/program/nytt', '/en/program/sup-2035/beslut', '/en/konto/losenord', '/en/logga-ut']) {
      const res = await postForm(app, path, { from: 'sup-2035', memberId: '1' }, t.admin);
      expect(res.status, path).toBe(404);
    }
    for (const path of [
      '/en/program/nytt',
      '/en/logga-in',
      '/en/konto',
      '/en/nyckeltal/importera',
      '/en/historik/program/sup-2035',
    ])
      expect((await get(path, t.admin.cookie)).status, path).toBe(404);
    expect((await get('/en/api/v1/programmes')).status).toBe(404);
    const after = (await readRepos(t.ctx).programmes.list((await readRepos(t.ctx).collaboration.first())!.id)).length;
    expect(after).toBe(before);
  });

  it('still refuses a cross-site form post, and still accepts the Swedish form with its token', async () => {
    const crossSite = await app.request('http://localhost/program/nytt', {
      method: 'POST',
      body: new URLSearchParams({ from: 'sup-2035', _csrf: t.admin.csrf }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        Cookie: t.admin.cookie,
      },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await postForm(
      app,
      '/program/nytt',
      { from: 'sup-2035', name: 'Utkast för språktestet' },
      t.admin,
    );
    expect(sameSite.status).toBe(303);
  });

  it('lists both languages in the sitemap, with alternates, on PUBLIC_URL', async () => {
    const xml = await (await get('/sitemap.xml', ANONYMOUS_COOKIE, { Host: 'evil.example' })).text();
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain(`<loc>${SITE}/program/sup-2035</loc>`);
    expect(xml).toContain(`<loc>${SITE}/en/program/sup-2035</loc>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${SITE}/en/program/sup-2035"/>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/program/sup-2035"/>`);
    // Documents are Swedish only.
    expect(xml).toContain(`<loc>${SITE}/program/sup-2035/dokument</loc>`);
    expect(xml).not.toContain(`${SITE}/en/program/sup-2035/dokument`);
    expect(xml).not.toContain('evil.example');
  });

  describe('programme content in English', () => {
    let slug: string;
    let version: number;
    const programme = async () => {
      const repos = readRepos(t.ctx);
      const id = await repos.programmes.idBySlug((await repos.collaboration.first())!.id, slug);
      return (await repos.programmes.get(id!))!;
    };
    const post = async (path: string, fields: Record<string, string>) => {
      const res = await postForm(t.app, path, { version: String(version), ...fields });
      expect(res.status, `${path}: ${res.status === 303 ? '' : mainText(await res.text())}`).toBe(303);
      version = (await programme()).version;
    };

    beforeAll(async () => {
      const res = await postForm(t.app, '/program/nytt', { from: '', name: 'Samverkansprogram 2040' });
      slug = res.headers.get('location')!.split('/')[2]!;
      version = (await programme()).version;
    });

    it('stores the English texts from the draft editor and shows them on the English page only', async () => {
      await post(`/program/${slug}/redigera`, {
        name: 'Samverkansprogram 2040',
        vision: 'Södertörn växer hållbart.',
        overarchingGoal: 'En stark region.',
        note: '',
        nameEn: 'Cooperation programme 2040',
        visionEn: 'Södertörn grows sustainably.',
        overarchingGoalEn: 'A strong region.',
      });
      const p = await programme();
      for (const perspective of p.perspectives)
        await post(`/program/${slug}/perspektiv/${perspective.id}`, {
          name: perspective.name,
          description: perspective.description,
          nameEn: perspective.name === 'Klimat' ? 'Climate' : 'Sustainable development',
          descriptionEn: 'In every goal.',
        });
      await post(`/program/${slug}/omraden`, {
        name: 'Infrastruktur',
        description: 'Vägar och spår.',
        networkId: '',
        nameEn: 'Infrastructure',
        descriptionEn: 'Roads and rails.',
      });
      const areaId = (await programme()).focusAreas[0]!.id;
      await post(`/program/${slug}/mal`, {
        focusAreaId: String(areaId),
        title: 'Snabbare kollektivtrafik',
        description: '',
        networkId: '',
        strategies: 'Fler bussar\nTätare tåg',
        titleEn: 'Faster public transport',
        descriptionEn: '',
        strategiesEn: 'More buses\nMore frequent trains',
      });

      const stored = await programme();
      expect(stored).toMatchObject({ nameEn: 'Cooperation programme 2040', visionEn: 'Södertörn grows sustainably.' });
      expect(stored.focusAreas[0]).toMatchObject({ nameEn: 'Infrastructure', descriptionEn: 'Roads and rails.' });
      expect(stored.focusAreas[0]!.goals[0]).toMatchObject({ titleEn: 'Faster public transport' });
      expect(stored.focusAreas[0]!.goals[0]!.strategies.map((s) => s.textEn)).toEqual([
        'More buses',
        'More frequent trains',
      ]);

      const en = await html(`/en/program/${slug}`, t.admin.cookie);
      expect(h1Of(en)).toBe('Cooperation programme 2040');
      for (const text of [
        'Södertörn grows sustainably.',
        'A strong region.',
        'Infrastructure',
        'Faster public transport',
        'More frequent trains',
        'Climate',
      ])
        expect(mainText(en)).toContain(text);
      expect(en).not.toMatch(/<h4[^>]*>Snabbare kollektivtrafik<\/h4>/);
      // Everything shown has an English text: no notice, no Swedish parts.
      expect(en).not.toContain('content-language-notice');
      expect(mainText(en)).not.toContain('Tätare tåg');

      const sv = await html(`/program/${slug}`, t.admin.cookie);
      expect(h1Of(sv)).toBe('Samverkansprogram 2040');
      expect(mainText(sv)).toContain('Snabbare kollektivtrafik');
      expect(sv).not.toContain('Faster public transport');
    });

    it('falls back to the Swedish text, marked lang="sv", and says so where no English text is stored', async () => {
      const goal = (await programme()).focusAreas[0]!.goals[0]!;
      await post(`/program/${slug}/mal/${goal.id}`, {
        focusAreaId: String(goal.focusAreaId),
        title: goal.title,
        description: '',
        networkId: '',
        strategies: 'Fler bussar\nTätare tåg',
        titleEn: '',
        descriptionEn: '',
        strategiesEn: 'More buses',
      });
      const en = await html(`/en/program/${slug}`, t.admin.cookie);
      expect(en).toMatch(
        /<h4 class="ds-heading" data-size="xs" id="mal-\d+-rubrik" lang="sv">Snabbare kollektivtrafik<\/h4>/,
      );
      expect(en).toContain('<li lang="sv">Tätare tåg</li>');
      expect(en).toContain('<li>More buses</li>');
      expect(en).toContain('content-language-notice');
      expect(mainText(en)).toContain('is written in Swedish');
      // The demo has no English texts: its programmes are shown in Swedish, and the page says so in English.
      const demo = await html('/en/program/sup-2035');
      expect(demo).toMatch(/<h1 lang="sv">Södertörns utvecklingsprogram 2035<\/h1>/);
      expect(demo).toContain('content-language-notice');
      expect(await html('/program/sup-2035')).not.toContain('content-language-notice');
    });

    it('keeps the English texts when a form without them is posted, and when a draft is copied', async () => {
      const goal = (await programme()).focusAreas[0]!.goals[0]!;
      // A client that does not know the English fields changes none of them.
      await post(`/program/${slug}/redigera`, {
        name: 'Samverkansprogram 2040',
        vision: 'Södertörn växer hållbart.',
        overarchingGoal: 'En stark region.',
        note: '',
      });
      await post(`/program/${slug}/mal/${goal.id}`, {
        focusAreaId: String(goal.focusAreaId),
        title: goal.title,
        description: '',
        networkId: '',
        strategies: 'Fler bussar\nTätare tåg',
      });
      const kept = await programme();
      expect(kept.nameEn).toBe('Cooperation programme 2040');
      expect(kept.focusAreas[0]!.goals[0]!.strategies.map((s) => s.textEn)).toEqual(['More buses', '']);

      const { slug: copySlug } = await createDraft(t.ctx, { from: slug, name: '' });
      const repos = readRepos(t.ctx);
      const copy = (await repos.programmes.get(
        (await repos.programmes.idBySlug((await repos.collaboration.first())!.id, copySlug))!,
      ))!;
      expect(copy).toMatchObject({ nameEn: 'Cooperation programme 2040', overarchingGoalEn: 'A strong region.' });
      expect(copy.focusAreas[0]).toMatchObject({ nameEn: 'Infrastructure' });
      expect(copy.perspectives.map((p) => p.nameEn).sort()).toEqual(['Climate', 'Sustainable development']);
    });

    it('records the English texts in the audit trail', async () => {
      const events = await readRepos(t.ctx).audit.list({
        entityType: 'programme',
        entityId: String((await programme()).id),
      });
      const fields = events.flatMap((e) => Object.keys(e.afterJson ? (JSON.parse(e.afterJson) as object) : {}));
      expect(fields).toContain('nameEn');
      expect(fields.some((f) => /^goals\.\d+\.titleEn$/.test(f))).toBe(true);
    });

    it('refuses more English strategies than Swedish ones, in Swedish, and changes nothing', async () => {
      const goal = (await programme()).focusAreas[0]!.goals[0]!;
      const res = await postForm(t.app, `/program/${slug}/mal/${goal.id}`, {
        version: String(version),
        focusAreaId: String(goal.focusAreaId),
        title: goal.title,
        strategies: 'En strategi',
        strategiesEn: 'One\nTwo',
      });
      expect(res.status).toBe(422);
      expect(mainText(await res.text())).toContain('fler engelska strategier (2) än svenska (1)');
      expect((await programme()).version).toBe(version);
    });
  });
});
