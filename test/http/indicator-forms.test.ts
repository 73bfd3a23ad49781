/**
 * The secretariat's indicator forms through the real app (no port): defining a local indicator, and
 * linking an indicator to a programme goal with a target and removing the link. Every refusal — bad
 * input, a duplicate, a role without the right, a form without the CSRF token — changes nothing.
 * Last, `samverkan indicator add`: the command's function on both databases, and one real run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext, readRepos } from '../../src/app/context.js';
import { defineLocalIndicator } from '../../src/app/indicators/define-indicator.js';
import { addIndicator, type IndicatorAddOptions } from '../../src/cli/indicator.command.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createDb } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { addFocusArea, addGoal } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { cli } from '../support/cli.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';
const EMPLOYMENT = 'sm-sysselsattningsgrad-20-64';

/** The page's text without markup and charts, entities decoded, white space (no-break too) as one space. */
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** A complete, valid local indicator as the form sends it. */
const indicatorForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  key: 'andel-65-plus',
  title: 'Andel invånare 65 år och äldre',
  definition: 'Andel av folkmängden den 31 december som är 65 år eller äldre.',
  unit: 'procent',
  decimals: '1',
  aggregation: 'mean',
  weightKey: 'sm-folkmangd',
  byGender: 'yes',
  source: 'SCB, Befolkningsstatistik, tabell BE0101N1 (www.statistikdatabasen.scb.se).',
  licence: 'CC0',
  ...overrides,
});

/** A complete, valid absolute target as the link form sends it. */
const linkForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  indicatorKey: EMPLOYMENT,
  measure: 'weighted_mean',
  areaCode: '',
  targetKind: 'absolute',
  targetValue: '80,5',
  baseValue: '',
  comparisonAreaCode: '',
  direction: 'higher',
  baseYear: '2005',
  targetYear: '2030',
  note: 'Testmål för sysselsättningen.',
  source: 'Programmets text, avsnitt 3.',
  ...overrides,
});

type Who = 'public' | 'reader' | 'member_officer' | 'network_lead' | 'network_member';

describe.each(testDialects)('indicator forms on %s', (dialect) => {
  let t: TestApp;
  /** Goals of sup-2035-rev-2021 (replaced, so public) without indicators, and a draft's goal. */
  let goal: number;
  let otherGoal: number;
  let draftGoal: number;
  const as = new Map<Who, TestSession | null>();

  beforeAll(async () => {
    t = await openTestApp(dialect);
    const goals = goalsOf((await getProgramme(t.ctx, 'sup-2035-rev-2021')).programme);
    goal = goals[0]!.id;
    otherGoal = goals[1]!.id;
    const { slug } = await createDraft(t.ctx, { from: '', name: 'Utkast med nyckeltal' });
    let draft = (await getProgramme(t.ctx, slug)).programme;
    await addFocusArea(t.ctx, slug, draft.version, { name: 'Kompetens', description: '', networkId: '' });
    draft = (await getProgramme(t.ctx, slug)).programme;
    await addGoal(t.ctx, slug, draft.version, {
      focusAreaId: String(draft.focusAreas[0]!.id),
      title: 'Fler i arbete',
      strategies: '',
    });
    draftGoal = goalsOf((await getProgramme(t.ctx, slug)).programme)[0]!.id;
    as.set('public', null);
    as.set('reader', await t.session('reader'));
    as.set('member_officer', await t.session('member_officer', { member: '0127' }));
    as.set('network_lead', await t.session('network_lead', { network: 'planeringschefer' }));
    as.set('network_member', await t.session('network_member', { network: 'planeringschefer' }));
  }, 120_000);
  afterAll(() => t?.close());

  const get = (path: string, cookie = t.admin.cookie) =>
    t.app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const repos = () => readRepos(t.ctx);

  /** Posts as the administrator and expects a refusal with `status` that changed nothing; returns the page text. */
  async function refused(path: string, fields: Record<string, string>, status = 422): Promise<string> {
    const before = await contentFingerprint(t.storage);
    const res = await postForm(t.app, path, fields);
    const html = await res.text();
    expect(res.status, textOf(html).slice(0, 2000)).toBe(status);
    expect(await contentFingerprint(t.storage)).toEqual(before);
    return html;
  }

  describe('a local indicator', () => {
    it('is offered to the secretariat only: a button on the list, and the form with its hints', async () => {
      const list = textOf(await (await get('/nyckeltal')).text());
      expect(list).toContain('Nytt eget nyckeltal');
      expect(textOf(await (await get('/nyckeltal', ANONYMOUS_COOKIE)).text())).not.toContain('Nytt eget nyckeltal');
      expect(textOf(await (await get('/nyckeltal', as.get('reader')!.cookie)).text())).not.toContain(
        'Nytt eget nyckeltal',
      );

      const res = await get('/nyckeltal/nytt');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('method="post" action="/nyckeltal/nytt"');
      expect(html).toContain('name="_csrf"');
      const body = textOf(html);
      expect(body).toContain('Licens');
      expect(body).toContain('till exempel CC0, CC BY 4.0 eller ”fri användning med källhänvisning”');
      expect(body).toContain('Till exempel procent, antal eller kronor per invånare.');
      // Only counts can weight a mean: the populations are offered, the shares are not.
      expect(html).toContain('<option value="sm-befolkning-25-64">');
      expect(html).not.toContain(`<option value="${EDUCATION}">`);
    });

    it('is defined through the form: 303 to its page, origin local, one audit event', async () => {
      const eventsBefore = await repos().audit.count();
      const res = await postForm(t.app, '/nyckeltal/nytt', indicatorForm());
      expect(res.status, textOf(await res.clone().text()).slice(0, 1500)).toBe(303);
      expect(res.headers.get('location')).toBe('/nyckeltal/andel-65-plus');

      const stored = await repos().indicators.byKey('andel-65-plus');
      expect(stored).toMatchObject({
        origin: 'local',
        title: 'Andel invånare 65 år och äldre',
        unit: 'procent',
        decimals: 1,
        aggregation: 'mean',
        weightKey: 'sm-folkmangd',
        byGender: true,
        licence: 'CC0',
        dataVersion: 0,
      });
      expect(await repos().audit.count()).toBe(eventsBefore + 1);
      const [event] = await repos().audit.list({ entityType: 'indicator', entityId: String(stored!.id) });
      expect(event).toMatchObject({ action: 'indicator.defined', actorKind: 'user', beforeJson: null });
      expect(JSON.parse(event!.afterJson!)).toMatchObject({ key: 'andel-65-plus', origin: 'local', byGender: 1 });

      const page = await get('/nyckeltal/andel-65-plus');
      expect(page.status).toBe(200);
      const body = textOf(await page.text());
      expect(body).toContain('Andel invånare 65 år och äldre');
      expect(body).toContain('SCB, Befolkningsstatistik');
      expect(body).toContain('Det finns inga värden för nyckeltalet ännu.');
    });

    it('refuses every missing or malformed field in Swedish, beside the field, with what was typed kept', async () => {
      const html = await refused('/nyckeltal/nytt', {
        key: 'Ålder 65+',
        title: '',
        definition: '   ',
        unit: '',
        decimals: '7',
        weightKey: '',
        source: '',
        licence: 'x'.repeat(501),
      });
      const body = textOf(html);
      for (const [field, message] of [
        ['key', 'Id:t ska vara 3–64 tecken: små bokstäver a–z, siffror och bindestreck'],
        ['title', 'Skriv nyckeltalets namn.'],
        ['definition', 'Skriv definitionen.'],
        ['unit', 'Skriv enheten.'],
        ['decimals', 'Välj hur många decimaler som visas, 0–3.'],
        ['aggregation', 'Välj om gruppens värde är ett medelvärde eller en summa.'],
        ['byGender', 'Välj om värdena redovisas per kön.'],
        ['source', 'Skriv källan.'],
        ['licence', 'Licensen får vara högst 500 tecken.'],
      ]) {
        expect(body, field).toContain(message);
        expect(html, field).toContain(`href="#${field}"`);
        expect(html, field).toMatch(
          new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`),
        );
      }
      expect(html).toContain('<title>Fel: Nytt eget nyckeltal – samverkan</title>');
      expect(html).toContain('value="Ålder 65+"');
      expect(html).toContain('x'.repeat(501));
    });

    it('reports a taken key and a wrong weight together with the malformed fields, in the form’s order', async () => {
      const html = await refused(
        '/nyckeltal/nytt',
        indicatorForm({ key: 'sm-folkmangd', title: '', weightKey: EDUCATION, licence: '' }),
      );
      const links = [...html.matchAll(/<li><a class="ds-link" href="#([a-zA-Z]+)">/g)].map((m) => m[1]);
      expect(links).toEqual(['key', 'title', 'weightKey', 'licence']);
    });

    it.each([
      ['a key taken by another indicator', { key: 'sm-folkmangd' }, 'key', 'Id:t ”sm-folkmangd” används redan'],
      ['a key that is a page’s address', { key: 'nytt' }, 'key', 'Id:t ”nytt” är reserverat'],
      ['a weight that does not exist', { weightKey: 'finns-inte' }, 'weightKey', 'Nyckeltalet ”finns-inte” finns inte'],
      ['a weight that is a share', { weightKey: EDUCATION }, 'weightKey', 'är inget antal som summeras'],
      ['a weight on a sum', { aggregation: 'sum' }, 'weightKey', 'Bara ett medelvärde kan viktas.'],
    ])('refuses %s', async (_what, overrides, field, message) => {
      const html = await refused('/nyckeltal/nytt', indicatorForm({ key: 'andel-65-plus-2', ...overrides }));
      expect(textOf(html)).toContain(message);
      expect(html).toContain(`href="#${field}"`);
      expect(html).toContain('value="Andel invånare 65 år och äldre"');
    });
  });

  describe('an indicator on a goal', () => {
    const linkPath = (goalId: number) => `/mal/${goalId}/nyckeltal/ny`;

    it('offers the link form from the goal page to the secretariat, with the programme’s target year', async () => {
      const goalPage = await (await get(`/mal/${goal}`)).text();
      expect(goalPage).toContain(`href="/mal/${goal}/nyckeltal/ny"`);
      expect(textOf(goalPage)).toContain('Koppla ett nyckeltal');
      const publicPage = textOf(await (await get(`/mal/${goal}`, ANONYMOUS_COOKIE)).text());
      expect(publicPage).not.toContain('Koppla ett nyckeltal');

      const res = await get(linkPath(goal));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`method="post" action="/mal/${goal}/nyckeltal/ny"`);
      expect(html).toMatch(/id="targetYear"[^>]*value="2035"/);
      expect(html).toContain(`<option value="${EDUCATION}">`);
      expect(html).toContain('<option value="0000">Riket (0000)</option>');
      expect(html).toContain('<option value="0136">Haninge (0136)</option>');
    });

    it('links with an absolute target in Swedish decimals; the goal page shows the verdict, the indicator the goal', async () => {
      const eventsBefore = await repos().audit.count();
      const res = await postForm(t.app, linkPath(goal), linkForm());
      expect(res.status, textOf(await res.clone().text()).slice(0, 1500)).toBe(303);
      expect(res.headers.get('location')).toBe(`/mal/${goal}?sparat=kopplat`);

      const [link] = await repos().goalIndicators.forGoals([goal]);
      expect(link).toMatchObject({
        measure: 'weighted_mean',
        areaCode: null,
        targetKind: 'absolute',
        targetValue: 80.5,
        baseValue: null,
        direction: 'higher',
        baseYear: 2005,
        targetYear: 2030,
        comparisonAreaCode: null,
        note: 'Testmål för sysselsättningen.',
      });
      expect(await repos().audit.count()).toBe(eventsBefore + 1);
      const [event] = await repos().audit.list({ entityType: 'goal_indicator', entityId: String(link!.id) });
      expect(event).toMatchObject({ action: 'goal_indicator.linked', beforeJson: null });
      expect(JSON.parse(event!.afterJson!)).toMatchObject({ indicator: EMPLOYMENT, targetValue: 80.5 });

      const page = textOf(await (await get(`/mal/${goal}?sparat=kopplat`)).text());
      expect(page).toContain('Nyckeltalet är kopplat till målet.');
      expect(page).toContain('Sysselsättningsgrad 20–64 år');
      // The verdict sentence: the real values up to 2010 (the source's last year) against the path from 2005.
      expect(page).toMatch(
        /(I fas|Risk att målet inte nås|Inte i fas) 2010 var andelen för Södertörnskommunerna \(befolkningsviktat medelvärde\) \d+,\d procent, (över|under|i nivå med) målbanans \d+,\d procent, och med nuvarande trend blir den \d+,\d procent år 2030 mot målet 80,5 procent\./,
      );
      expect(page).toContain('80,5 procent år 2030, högre är bättre (basår 2005)');

      const indicatorPage = await (await get(`/nyckeltal/${EMPLOYMENT}`, ANONYMOUS_COOKIE)).text();
      expect(indicatorPage).toContain(`href="/mal/${goal}"`);
      expect(textOf(indicatorPage)).toContain('Stark infrastruktur är en förutsättning för hållbar utveckling');
    });

    it('links one area against a comparison area (relative target)', async () => {
      const res = await postForm(
        t.app,
        linkPath(goal),
        linkForm({
          indicatorKey: EDUCATION,
          measure: 'area',
          areaCode: '0136',
          targetKind: 'relative',
          targetValue: '',
          comparisonAreaCode: '0001',
          baseYear: '2005',
          targetYear: '2025',
        }),
      );
      expect(res.status, textOf(await res.clone().text()).slice(0, 1500)).toBe(303);
      const page = textOf(await (await get(`/mal/${goal}`)).text());
      expect(page).toContain(
        'Haninge ska ligga minst lika högt som Stockholms län (Region Stockholm) år 2025 (basår 2005).',
      );
      expect(page).toMatch(/2014 var andelen för Haninge \d+,\d procent mot \d+,\d procent för Stockholms län/);
    });

    it('links an indicator to a draft’s goal too', async () => {
      const res = await postForm(t.app, linkPath(draftGoal), linkForm({ measure: 'unweighted_mean' }));
      expect(res.status, textOf(await res.clone().text()).slice(0, 1500)).toBe(303);
      expect(await repos().goalIndicators.forGoals([draftGoal])).toHaveLength(1);
    });

    it('refuses an empty form with every required field named', async () => {
      const html = await refused(linkPath(otherGoal), { targetYear: '' });
      const body = textOf(html);
      for (const [field, message] of [
        ['indicatorKey', 'Välj ett nyckeltal i listan.'],
        ['measure', 'Välj vad som ska följas.'],
        ['targetKind', 'Välj slag av mål: ett målvärde, eller jämfört med ett annat område.'],
        ['direction', 'Välj om högre eller lägre värden är bättre.'],
        ['baseYear', 'Skriv basåret med fyra siffror, till exempel 2023.'],
        ['targetYear', 'Skriv målåret med fyra siffror, till exempel 2035.'],
      ]) {
        expect(body, field).toContain(message);
        expect(html, field).toContain(`href="#${field}"`);
      }
      expect(html).toContain('<title>Fel: Koppla ett nyckeltal till målet – samverkan</title>');
    });

    it('refuses malformed numbers, years and texts, keeping what was typed', async () => {
      const html = await refused(
        linkPath(otherGoal),
        linkForm({
          targetValue: 'mycket',
          baseValue: '12,5,1',
          baseYear: 'tjugo',
          targetYear: '1800',
          note: 'n'.repeat(2001),
        }),
      );
      const body = textOf(html);
      for (const [field, message] of [
        ['targetValue', 'Målvärdet ska vara ett tal, med decimalkomma om det behövs, till exempel 12,5.'],
        ['baseValue', 'Basvärdet ska vara ett tal'],
        ['baseYear', 'Basåret ska vara ett årtal med fyra siffror, till exempel 2023.'],
        ['targetYear', 'Målåret ska ligga mellan 1950 och 2100.'],
        ['note', 'Anteckningen får vara högst 2000 tecken.'],
      ]) {
        expect(body, field).toContain(message);
        expect(html, field).toContain(`href="#${field}"`);
      }
      for (const typed of ['mycket', '12,5,1', 'tjugo', '1800']) expect(html).toContain(`value="${typed}"`);
      expect(html).toMatch(new RegExp(`<option value="${EMPLOYMENT}" selected=""`));
      expect(html).toMatch(/id="measure-2"[^>]*value="weighted_mean" checked=""/);
    });

    const relative = { targetKind: 'relative', targetValue: '', comparisonAreaCode: '0000' };
    it.each([
      [
        'an unknown indicator',
        { indicatorKey: 'finns-inte' },
        'indicatorKey',
        'Nyckeltalet ”finns-inte” finns inte här.',
      ],
      ['a sum of a share', { measure: 'sum' }, 'measure', 'är ett medelvärde och kan inte summeras'],
      ['a mean of a count', { indicatorKey: 'sm-folkmangd' }, 'measure', 'är ett antal som summeras för gruppen'],
      ['a weighted mean without a weight', { indicatorKey: 'utan-vikt' }, 'measure', 'har ingen vikt'],
      ['one area without the area', { measure: 'area' }, 'areaCode', 'Välj kommunen eller området som ska följas.'],
      [
        'an area outside the cooperation',
        { measure: 'area', areaCode: '0180' },
        'areaCode',
        'Området ”0180” är varken',
      ],
      ['an area with a group figure', { areaCode: '0136' }, 'areaCode', 'Välj inget område när gruppens värde följs'],
      ['an absolute target without a value', { targetValue: '' }, 'targetValue', 'Skriv målvärdet, till exempel 12,5.'],
      [
        'an absolute target with a comparison area',
        { comparisonAreaCode: '0000' },
        'comparisonAreaCode',
        'Ett målvärde jämförs inte med ett annat område.',
      ],
      [
        'a relative target without a comparison area',
        { ...relative, comparisonAreaCode: '' },
        'comparisonAreaCode',
        'Välj området målet jämförs med, till exempel Riket.',
      ],
      [
        'a member as comparison area',
        { ...relative, comparisonAreaCode: '0136' },
        'comparisonAreaCode',
        'Området ”0136” är inget jämförelseområde.',
      ],
      [
        'an area compared with itself',
        { ...relative, measure: 'area', areaCode: '0000' },
        'comparisonAreaCode',
        'Ett område kan inte jämföras med sig självt.',
      ],
      [
        'a relative target with a target value',
        { ...relative, targetValue: '30' },
        'targetValue',
        'Ett mål jämfört med ett annat område har inget målvärde.',
      ],
      [
        'a relative target with a base value',
        { ...relative, baseValue: '20' },
        'baseValue',
        'Ett mål jämfört med ett annat område har inget basvärde',
      ],
      [
        'a target year before the base year',
        { targetYear: '2005' },
        'targetYear',
        'Målåret ska vara senare än basåret 2005.',
      ],
    ])('refuses %s', async (_what, overrides, field, message) => {
      if (!(await repos().indicators.byKey('utan-vikt'))) {
        await defineLocalIndicator(t.ctx, indicatorForm({ key: 'utan-vikt', title: 'Utan vikt', weightKey: '' }));
      }
      const html = await refused(linkPath(otherGoal), linkForm(overrides));
      expect(textOf(html)).toContain(message);
      expect(html).toContain(`href="#${field}"`);
      expect(html).toContain('value="Programmets text, avsnitt 3."');
    });

    it('refuses the same indicator and measure twice on a goal, and a second single area', async () => {
      await postForm(t.app, linkPath(otherGoal), linkForm());
      const again = textOf(await refused(linkPath(otherGoal), linkForm({ targetValue: '90' })));
      expect(again).toContain(
        'Målet följer redan ”Sysselsättningsgrad 20–64 år” som befolkningsviktat medelvärde. Välj ett annat sätt att följa det, eller ta bort den kopplingen först.',
      );
      // The table allows one link per indicator and measure: a second area is the same measure.
      const area = (areaCode: string) => linkForm({ measure: 'area', areaCode });
      expect((await postForm(t.app, linkPath(otherGoal), area('0136'))).status).toBe(303);
      expect(textOf(await refused(linkPath(otherGoal), area('0127')))).toContain(
        'Målet följer redan ”Sysselsättningsgrad 20–64 år” för Haninge; ett mål följer ett nyckeltal för högst ett enskilt område.',
      );
    });

    it('answers 404 for a goal or link that does not exist', async () => {
      expect((await get('/mal/999999/nyckeltal/ny')).status).toBe(404);
      expect((await get('/mal/99999999999/nyckeltal/ny')).status).toBe(404);
      expect((await postForm(t.app, '/mal/999999/nyckeltal/ny', linkForm())).status).toBe(404);
      expect((await get(`/mal/${goal}/nyckeltal/999999/ta-bort`)).status).toBe(404);
      // A link of another goal is not found under this goal.
      const [foreign] = await repos().goalIndicators.forGoals([otherGoal]);
      const before = await contentFingerprint(t.storage);
      expect((await postForm(t.app, `/mal/${goal}/nyckeltal/${foreign!.id}/ta-bort`, {})).status).toBe(404);
      expect(await contentFingerprint(t.storage)).toEqual(before);
    });

    it('removes a link after a confirmation page; the history keeps the target', async () => {
      const [link] = await repos().goalIndicators.forGoals([goal]);
      const goalPage = await (await get(`/mal/${goal}`)).text();
      expect(goalPage).toContain(`href="/mal/${goal}/nyckeltal/${link!.id}/ta-bort"`);
      expect(textOf(goalPage)).toContain(
        'Ta bort nyckeltalet från målet – Sysselsättningsgrad 20–64 år, Södertörnskommunerna (befolkningsviktat medelvärde)',
      );

      const confirm = await get(`/mal/${goal}/nyckeltal/${link!.id}/ta-bort`);
      expect(confirm.status).toBe(200);
      const confirmHtml = await confirm.text();
      expect(confirmHtml).toContain(`method="post" action="/mal/${goal}/nyckeltal/${link!.id}/ta-bort"`);
      expect(textOf(confirmHtml)).toContain(
        'slutar följas med nyckeltalet ”Sysselsättningsgrad 20–64 år” (befolkningsviktat medelvärde), med målet 80,5 procent år 2030 (basår 2005).',
      );

      const res = await postForm(t.app, `/mal/${goal}/nyckeltal/${link!.id}/ta-bort`, {});
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/mal/${goal}?sparat=borttaget`);
      expect(await repos().goalIndicators.byId(link!.id)).toBeUndefined();
      const events = await repos().audit.list({ entityType: 'goal_indicator', entityId: String(link!.id) });
      expect(events.map((e) => e.action)).toEqual(['goal_indicator.linked', 'goal_indicator.removed']);
      expect(events[1]!.afterJson).toBeNull();
      expect(JSON.parse(events[1]!.beforeJson!)).toMatchObject({ indicator: EMPLOYMENT, targetValue: 80.5 });

      const after = textOf(await (await get(`/mal/${goal}?sparat=borttaget`)).text());
      expect(after).toContain('Nyckeltalet är borttaget från målet.');
      expect(after).not.toContain('Sysselsättningsgrad 20–64 år');
      expect(after).toContain('Andel 25–64 år med minst tre års eftergymnasial utbildning');
      expect((await postForm(t.app, `/mal/${goal}/nyckeltal/${link!.id}/ta-bort`, {})).status).toBe(404);
    });
  });

  describe('refusals', () => {
    const WHO: Who[] = ['public', 'reader', 'member_officer', 'network_lead', 'network_member'];
    /** [path, fields] of every write route; the link route is resolved when the test runs. */
    const routes = async (): Promise<[string, Record<string, string>][]> => {
      const [link] = await repos().goalIndicators.forGoals([otherGoal]);
      return [
        ['/nyckeltal/nytt', indicatorForm({ key: 'obehorig' })],
        [`/mal/${otherGoal}/nyckeltal/ny`, linkForm({ indicatorKey: EDUCATION })],
        [`/mal/${otherGoal}/nyckeltal/${link!.id}/ta-bort`, {}],
      ];
    };

    it.each(WHO)('every write route refuses %s with 401/403 and changes nothing', async (who) => {
      for (const [path, fields] of await routes()) {
        const before = await contentFingerprint(t.storage);
        const res = await postForm(t.app, path, fields, as.get(who) ?? null);
        expect(res.status, `${path} som ${who}`).toBe(who === 'public' ? 401 : 403);
        expect(await contentFingerprint(t.storage)).toEqual(before);
      }
    });

    it.each(WHO)('the forms are not shown to %s, nor the controls on the goal page', async (who) => {
      const session = as.get(who) ?? null;
      const cookie = session ? session.cookie : ANONYMOUS_COOKIE;
      const [link] = await repos().goalIndicators.forGoals([otherGoal]);
      for (const path of [
        '/nyckeltal/nytt',
        `/mal/${otherGoal}/nyckeltal/ny`,
        `/mal/${otherGoal}/nyckeltal/${link!.id}/ta-bort`,
      ]) {
        const res = await get(path, cookie);
        if (who === 'public') {
          expect(res.status, path).toBe(303);
          expect(res.headers.get('location'), path).toMatch(/^\/logga-in/);
        } else {
          expect(res.status, path).toBe(403);
        }
      }
      const goalPage = textOf(await (await get(`/mal/${otherGoal}`, cookie)).text());
      expect(goalPage).toContain('Sysselsättningsgrad 20–64 år');
      expect(goalPage).not.toContain('Koppla ett nyckeltal');
      expect(goalPage).not.toContain('Ta bort nyckeltalet');
    });

    it('refuses a form without the session’s CSRF token, or with a wrong one, even from the administrator', async () => {
      for (const [path, fields] of await routes()) {
        const before = await contentFingerprint(t.storage);
        const missing = await t.app.request(`http://localhost${path}`, {
          method: 'POST',
          body: new URLSearchParams(fields),
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: 'http://localhost',
            Cookie: t.admin.cookie,
          },
        });
        expect(missing.status, path).toBe(403);
        expect((await postForm(t.app, path, { ...fields, _csrf: 'fel' })).status, path).toBe(403);
        expect(await contentFingerprint(t.storage)).toEqual(before);
      }
    });
  });
});

/** The options commander hands the command for a complete call. */
const cliOptions = (overrides: Partial<IndicatorAddOptions> = {}): IndicatorAddOptions => ({
  key: 'lokal-cli',
  title: 'Antal bostäder färdigställda',
  definition: 'Antal lägenheter i nybyggda hus som färdigställts under året.',
  unit: 'antal',
  decimals: '0',
  aggregation: 'sum',
  gender: false,
  source: 'SCB, Bostadsbyggande (www.scb.se).',
  licence: 'CC0',
  ...overrides,
});

describe.each(testDialects)('samverkan indicator add on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  }, 120_000);
  afterAll(() => t?.close());

  /** Runs the command's function; returns its exit code and what it printed. */
  async function run(options: IndicatorAddOptions) {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await addIndicator(t.ctx, options);
      const text = (spy: typeof out) => spy.mock.calls.map((c) => c.join(' ')).join('\n');
      return { code, stdout: text(out), stderr: text(err) };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('defines the indicator as the system and says so', async () => {
    const result = await run(cliOptions({ gender: true }));
    expect(result).toEqual({
      code: 0,
      stdout: 'Nyckeltalet lokal-cli ”Antal bostäder färdigställda” är tillagt. Läs in värden med samverkan import.',
      stderr: '',
    });
    const indicator = await readRepos(t.ctx).indicators.byKey('lokal-cli');
    expect(indicator).toMatchObject({ origin: 'local', aggregation: 'sum', decimals: 0, byGender: true });
    const [event] = await readRepos(t.ctx).audit.list({ entityType: 'indicator', entityId: String(indicator!.id) });
    expect(event).toMatchObject({ action: 'indicator.defined', actorKind: 'system' });
  });

  it('names the option of each problem, exits with 1 and stores nothing', async () => {
    const before = await contentFingerprint(t.ctx.storage);
    const result = await run(
      cliOptions({ key: 'lokal-cli', decimals: '5', aggregation: 'median', weight: 'sm-folkmangd' }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'Uppgifterna innehåller 3 fel. Rätta dem och försök igen.',
      '  --key: Id:t ”lokal-cli” används redan av ett annat nyckeltal. Välj ett annat id.',
      '  --decimals: Välj hur många decimaler som visas, 0–3.',
      '  --aggregation: Välj om gruppens värde är ett medelvärde eller en summa.',
      'Inget sparades.',
    ]);
    expect(await contentFingerprint(t.ctx.storage)).toEqual(before);
  });
});

describe('samverkan indicator add as a command (SQLite file)', { timeout: 120_000 }, () => {
  let dir: string;
  let database: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-indicator-'));
    database = join(dir, 'demo.sqlite');
    const storage = createDb(database);
    await migrateToLatest(storage);
    await seedDemo(createContext(storage));
    await storage.db.destroy();
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds a mean weighted by a population, by gender, with one decimal by default', async () => {
    const args = [
      ...['indicator', 'add', '--key', 'andel-65-plus', '--title', 'Andel invånare 65 år och äldre'],
      ...['--definition', 'Andel av folkmängden den 31 december som är 65 år eller äldre.', '--unit', 'procent'],
      ...['--weight', 'sm-folkmangd', '--gender', '--source', 'SCB, Befolkningsstatistik.', '--licence', 'CC0'],
    ];
    const run = await cli(database, ...args);
    expect(run).toEqual({
      code: 0,
      stdout:
        'Nyckeltalet andel-65-plus ”Andel invånare 65 år och äldre” är tillagt. Läs in värden med samverkan import.\n',
      stderr: '',
    });
    const storage = createDb(database);
    try {
      expect(await readRepos(createContext(storage)).indicators.byKey('andel-65-plus')).toMatchObject({
        origin: 'local',
        unit: 'procent',
        decimals: 1,
        aggregation: 'mean',
        weightKey: 'sm-folkmangd',
        byGender: true,
        source: 'SCB, Befolkningsstatistik.',
        licence: 'CC0',
      });
    } finally {
      await storage.db.destroy();
    }
  });
});
