/**
 * The public progress pages (/framsteg) with the real demo, on both databases: the 2013 programme's
 * education goal with its indicator's verdict, trend sign, explanation, latest value and year, source,
 * chart and table; the activities and their roll-up shown apart from the verdicts; when it was last
 * updated; the example notice; English; and drafts — programmes and plans — never shown, whoever asks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { makeActivity, makePlan } from '../support/plans.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

/** The visible text of a page: no charts, no tags, single spaces. */
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The HTML of the <section> whose heading has this id. */
const section = (html: string, headingId: string): string => {
  const start = html.lastIndexOf('<section', html.indexOf(`id="${headingId}"`));
  expect(start, headingId).toBeGreaterThanOrEqual(0);
  let depth = 0;
  const tags = /<\/?section\b[^>]*>/g;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`unclosed section ${headingId}`);
};

describe.each(testDialects)('public progress pages on %s', (dialect) => {
  let t: TestApp;
  let educationGoalId: number;
  let infrastructureGoalId: number;
  let draftSlug: string;
  let draftGoalId: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    const repos = readRepos(t.ctx);
    educationGoalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!
      .goalId;
    const rev2021 = (await repos.programmes.get((await repos.programmes.idBySlug(1, 'sup-2035-rev-2021'))!))!;
    infrastructureGoalId = goalsOf(rev2021)[0]!.id;
    // A draft programme, copied from the 2013 one, with all its goals.
    const created = await postForm(t.app, '/program/nytt', { from: 'sup-2013', name: 'Utkast som inte ska synas' });
    draftSlug = created.headers.get('location')!.split('/')[2]!;
    const draft = (await repos.programmes.get((await repos.programmes.idBySlug(1, draftSlug))!))!;
    draftGoalId = goalsOf(draft)[0]!.id;
    // A draft plan for 2026 with an activity serving the infrastructure goal: not for the public pages.
    const plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2026, state: 'draft' });
    await makeActivity(t.ctx, plan, { title: 'Utkastets hemliga aktivitet', goalIds: [infrastructureGoalId] });
  });
  afterAll(async () => t?.close());

  const get = (path: string, cookie = ANONYMOUS_COOKIE) =>
    t.app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const page = async (path: string, cookie = ANONYMOUS_COOKIE) => {
    const r = await get(path, cookie);
    expect(r.status, path).toBe(200);
    return r.text();
  };
  const educationPath = () => `/framsteg/sup-2013/mal/${educationGoalId}`;

  it("shows the 2013 education goal's indicator: verdict, trend sign, explanation, value and year, source", async () => {
    const html = await page(educationPath());
    expect(html).toContain('<html lang="sv"');
    expect(html).toMatch(/<meta name="description" content="Så går det med målet ”Höj utbildningsnivån på Södertörn”/);
    expect(html).toMatch(/<h1>Höj utbildningsnivån på Södertörn<\/h1>/);
    const indicators = textOf(section(html, 'nyckeltal-1'));
    expect(indicators).toContain('Andel 25–64 år med minst tre års eftergymnasial utbildning');
    expect(indicators).toContain('Inte i fas');
    // The trend sign: a symbol hidden from screen readers, with its words written out beside it.
    expect(section(html, 'nyckeltal-1')).toMatch(
      /<span class="trend-sign" data-trend="worse"><span aria-hidden="true">↘<\/span> Går åt fel håll<\/span>/,
    );
    // The sentence that explains the verdict, with the real values (SCB via Södertörnsmodellen).
    expect(indicators).toMatch(
      /2014 var andelen för Södertörnskommunerna \(befolkningsviktat medelvärde\) 20,7.procent mot 25,8.procent för Riket; skillnaden har ökat sedan 2013/,
    );
    expect(indicators).toMatch(
      /Senaste värde Södertörnskommunerna \(befolkningsviktat medelvärde\): 20,7.procent \(2014\)/,
    );
    expect(indicators).toContain('Källa för värdena Södertörnsmodellen (SCB)');
    expect(indicators).toContain('Källa för målet Södertörns utvecklingsprogram (2013), Mål 2025');
    // A chart with its table.
    expect(section(html, 'nyckeltal-1')).toMatch(/<figure class="chart">[\s\S]*<svg[^>]*role="img"[\s\S]*<table/);
    expect(indicators).toMatch(/2013 20,3 25,3 2014 20,7 25,8/);
    // What the verdict words mean, in plain words.
    expect(textOf(html)).toContain(
      'Inte i fas – varken det senaste värdet eller utvecklingen räcker för att nå målet.',
    );
    expect(textOf(html)).toContain('Senast uppdaterad 27 november 2026.');
    // Where it sits, and no internal words.
    expect(html).toMatch(
      /<nav class="ds-breadcrumbs breadcrumbs"[\s\S]*href="\/framsteg"[\s\S]*href="\/framsteg\/sup-2013"/,
    );
    const main = textOf(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
    for (const internal of [
      'verksamhetsplan-id',
      'sekretariat',
      'member_officer',
      'network_lead',
      'Framsteg P',
      'Täckning T',
    ])
      expect(main).not.toContain(internal);
  });

  it('shows the activities in a section of their own, never combined with the verdicts', async () => {
    const education = await page(educationPath());
    const activities = textOf(section(education, 'vad-natverken-gor'));
    expect(activities).toContain('Vad nätverken gör');
    expect(activities).toContain('Inga aktiviteter i nätverkens antagna planer ska bidra till målet ännu.');
    expect(activities).not.toContain('Inte i fas');
    expect(textOf(section(education, 'nyckeltal-1'))).not.toMatch(/aktivitet/i);

    // A goal the example plans serve: the roll-up in words and as a table, and each activity.
    const html = await page(`/framsteg/sup-2035-rev-2021/mal/${infrastructureGoalId}`);
    const text = textOf(html);
    expect(text).toContain(
      'Exempel: uppgifterna bygger på påhittade exempelplaner som visar tjänsten; de är inte samverkans verkliga planer.',
    );
    const rollup = textOf(section(html, 'vad-natverken-gor'));
    expect(rollup).toContain('7 aktiviteter: 4 gröna, 2 gula, 1 röd.');
    expect(rollup).toMatch(/Genomsnittligt framsteg \d+,\d.%/);
    expect(rollup).toMatch(/Aktiviteterna 2026 per status År Grön Gul Röd Ingen rapport Totalt/);
    expect(rollup).toContain('Gemensam prioritering av infrastrukturobjekt Exempel Planeringschefer Gul 55 %');
    // The last report on the goal's activities, the example plans' Tertial 2.
    expect(text).toMatch(/Senast uppdaterad \d{1,2} [a-z]+ 2026\./);
  });

  it('lists every published programme, focus area and goal with a one-line status', async () => {
    const html = await page('/framsteg');
    expect(html).toMatch(
      /<meta name="description" content="Så går det med målen i kommunernas gemensamma utvecklingsprogram/,
    );
    const text = textOf(html);
    expect(text).toContain('Höj utbildningsnivån på Södertörn Nyckeltal: 1 inte i fas. Aktiviteter: inga aktiviteter');
    expect(text).toMatch(
      /Stark infrastruktur är en förutsättning för hållbar utveckling Nyckeltal: inga nyckeltal ännu\. Aktiviteter 2026: 7 aktiviteter \(4 gröna, 2 gula, 1 röd\)\./,
    );
    expect(html).toContain(`href="${educationPath()}"`);
    const programme = textOf(await page('/framsteg/sup-2013'));
    expect(programme).toContain('Näringsliv och högskola');
    expect(programme).toMatch(/Inte i fas ↘ Går åt fel håll ?: Andel 25–64 år/);
    expect(programme).toContain('Senaste värde: 20,7 procent (2014). Riket: 25,8 procent');
  });

  it('never shows a draft programme or a draft plan, whoever asks', async () => {
    for (const cookie of [ANONYMOUS_COOKIE, t.admin.cookie]) {
      const overview = await page('/framsteg', cookie);
      expect(overview).not.toContain('Utkast som inte ska synas');
      expect(overview).not.toContain(draftSlug);
      expect((await get(`/framsteg/${draftSlug}`, cookie)).status).toBe(404);
      expect((await get(`/framsteg/${draftSlug}/mal/${draftGoalId}`, cookie)).status).toBe(404);
      const goal = await page(`/framsteg/sup-2035-rev-2021/mal/${infrastructureGoalId}`, cookie);
      expect(goal).not.toContain('Utkastets hemliga aktivitet');
      expect(textOf(goal)).toContain('7 aktiviteter: 4 gröna, 2 gula, 1 röd.');
    }
    const sitemap = await (await get('/sitemap.xml')).text();
    expect(sitemap).toContain(`/framsteg/sup-2013/mal/${educationGoalId}</loc>`);
    expect(sitemap).not.toContain(`/framsteg/${draftSlug}`);
  });

  it('answers 404 for an unknown programme or goal, or a goal of another programme', async () => {
    expect((await get('/framsteg/finns-inte')).status).toBe(404);
    expect((await get('/framsteg/sup-2013/mal/999999')).status).toBe(404);
    expect((await get('/framsteg/sup-2013/mal/99999999999999')).status).toBe(404);
    expect((await get('/framsteg/sup-2013/mal/abc')).status).toBe(404);
    expect((await get(`/framsteg/sup-2035-rev-2021/mal/${educationGoalId}`)).status).toBe(404);
    // A programme is addressed by its slug, not its number.
    const id = await readRepos(t.ctx).programmes.idBySlug(1, 'sup-2013');
    expect((await get(`/framsteg/${id}`)).status).toBe(404);
  });

  it('reads in English at /en/…, with the same figures and the programme content in Swedish', async () => {
    const html = await page(`/en${educationPath()}`);
    expect(html).toContain('<html lang="en"');
    const text = textOf(html);
    expect(text).toContain('What the key indicators show');
    expect(text).toContain('Off track');
    expect(section(html, 'nyckeltal-1')).toContain('<span aria-hidden="true">↘</span> Heading the wrong way</span>');
    expect(text).toMatch(
      /In 2014 the share for Södertörnskommunerna \(population-weighted mean\) was 20,7.procent against 25,8.procent for Riket; the gap has widened since 2013/,
    );
    expect(text).toContain('Last updated 27 November 2026.');
    expect(text).toContain('What the networks are doing');
    expect(text).toContain('Höj utbildningsnivån på Södertörn');
    expect(html).toContain('href="/en/framsteg/sup-2013"');
    expect(textOf(await page('/en/framsteg'))).toContain('Key indicators: 1 off track.');
  });
});
