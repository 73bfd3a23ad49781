/**
 * The draft-editing forms through the real app (no port): creating drafts, editing them, refusing bad
 * input and stale versions without changing anything, proposing, and the adoption that follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCollaboration } from '../../src/app/collaboration.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { listProgrammes } from '../../src/app/programmes/list-programmes.js';
import { goalsOf, type Goal, type Programme } from '../../src/domain/programme/programme.js';
import { openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

/** The text of a page with the entities hono/jsx writes decoded, so messages can be matched as written. */
const textOf = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const year = (y: number | null) => (y === null ? '' : String(y));

/** The programme-fields form as the editor renders it for `p`. */
const fieldsForm = (p: Programme): Record<string, string> => ({
  version: String(p.version),
  name: p.name,
  targetYear: year(p.targetYear),
  validFromYear: year(p.validFromYear),
  validToYear: year(p.validToYear),
  vision: p.vision,
  overarchingGoal: p.overarchingGoal,
  note: p.note,
});

/** The goal form as the goal page renders it for a saved goal. */
const goalForm = (p: Programme, goal: Goal): Record<string, string | string[]> => ({
  version: String(p.version),
  focusAreaId: String(goal.focusAreaId),
  title: goal.title,
  description: goal.description,
  networkId: goal.networkId === null ? '' : String(goal.networkId),
  strategies: goal.strategies.map((s) => s.text).join('\n'),
  predecessorGoalIds: goal.predecessorGoalIds.map(String),
  ...Object.fromEntries(p.perspectives.map((x) => [`statements.${x.id}`, goal.statements[x.id] ?? ''])),
});

describe.each(testDialects)('draft forms (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.app.request(`http://localhost${path}`);
  const programme = async (slug: string) => (await getProgramme(t.ctx, slug)).programme;

  /** Creates a draft through the form; returns its slug. */
  async function newDraft(fields: Record<string, string>): Promise<string> {
    const res = await postForm(t.app, '/program/nytt', fields);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/program\/[a-z0-9-]+\/redigera$/);
    return location.split('/')[2]!;
  }

  it('offers the new-draft form with an empty choice and every programme', async () => {
    const res = await get('/program/nytt');
    expect(res.status).toBe(200);
    const html = textOf(await res.text());
    expect(html).toContain('<option value="" selected="">Tomt utkast</option>');
    expect(html).toContain('value="sup-2035"');
    expect(html).toContain('method="post" action="/program/nytt"');
  });

  it('creates an empty draft with the default perspectives and opens its editor', async () => {
    const slug = await newDraft({ from: '', name: 'Tomt testprogram' });
    const p = await programme(slug);
    expect(p).toMatchObject({ name: 'Tomt testprogram', state: 'draft', derivedFromProgrammeId: null, focusAreas: [] });
    expect(p.perspectives.map((x) => x.name)).toEqual(['Hållbar utveckling', 'Klimat']);

    const res = await get(`/program/${slug}/redigera`);
    expect(res.status).toBe(200);
    const html = textOf(await res.text());
    expect(html).toContain('Redigera utkast: Tomt testprogram');
    expect(html).toContain('Logga ut');
    expect(html).toContain(`<input type="hidden" name="version" value="${p.version}"/>`);
  });

  it('derives a draft from sup-2035: perspectives and goals copied, each goal continuing the goal it copies', async () => {
    const source = await programme('sup-2035');
    const slug = await newDraft({ from: 'sup-2035', name: '' });
    const draft = await programme(slug);
    expect(draft).toMatchObject({
      name: source.name,
      state: 'draft',
      derivedFromProgrammeId: source.id,
      replacesProgrammeId: source.id,
    });
    expect(draft.perspectives.map((x) => [x.name, x.description])).toEqual(
      source.perspectives.map((x) => [x.name, x.description]),
    );
    expect(draft.focusAreas.map((a) => a.name)).toEqual(source.focusAreas.map((a) => a.name));
    const copied = goalsOf(draft);
    expect(copied.map((g) => g.title)).toEqual(goalsOf(source).map((g) => g.title));
    expect(copied.map((g) => g.predecessorGoalIds)).toEqual(goalsOf(source).map((g) => [g.id]));

    // The goal form offers the source's goals as predecessors, the copied one ticked.
    const goal = copied[0]!;
    const res = await get(`/program/${slug}/mal/${goal.id}`);
    expect(res.status).toBe(200);
    const html = textOf(await res.text());
    expect(html).toContain(`Mål i ${source.name} (sup-2035)`);
    expect(html).toMatch(new RegExp(`name="predecessorGoalIds" value="${goal.predecessorGoalIds[0]}" checked=""`));
    for (const x of draft.perspectives) expect(html).toContain(`Hur bidrar målet till ${x.name.toLowerCase()}?`);
  });

  it('refuses a source programme that does not exist with 422 on the field', async () => {
    const res = await postForm(t.app, '/program/nytt', { from: 'finns-inte', name: 'Mitt namn' });
    expect(res.status).toBe(422);
    const html = textOf(await res.text());
    expect(html).toContain('href="#from"');
    expect(html).toContain('Programmet du valde finns inte längre');
    expect(html).toContain('value="Mitt namn"');
  });

  it('saves the programme fields and redirects back to the editor', async () => {
    const slug = await newDraft({ from: '' });
    const before = await programme(slug);
    const res = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(before),
      name: 'Utvecklingsprogram 2040',
      targetYear: '2040',
      validFromYear: '2027',
      validToYear: '2030',
      vision: 'Södertörn – en attraktiv region.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/program/${slug}/redigera?sparat=uppgifter`);
    const after = await programme(slug);
    expect(after).toMatchObject({
      name: 'Utvecklingsprogram 2040',
      targetYear: 2040,
      validFromYear: 2027,
      validToYear: 2030,
      vision: 'Södertörn – en attraktiv region.',
    });
    expect(after.version).toBe(before.version + 1);
    expect(textOf(await (await get(`/program/${slug}/redigera?sparat=uppgifter`)).text())).toContain(
      'Programmets uppgifter är sparade.',
    );
  });

  it('refuses bad input with 422 and Swedish messages, keeps what was typed and changes nothing', async () => {
    const slug = await newDraft({ from: '', name: 'Orört utkast' });
    const before = await programme(slug);

    const res = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(before),
      name: '',
      targetYear: 'tjugo',
      vision: 'En vision jag inte vill skriva om',
    });
    expect(res.status).toBe(422);
    const html = textOf(await res.text());
    expect(html).toContain('Skriv namn.');
    expect(html).toContain('Målår ska vara ett årtal med fyra siffror, till exempel 2035.');
    expect(html).toContain('href="#name"');
    expect(html).toContain('href="#targetYear"');
    expect(html).toContain('value="tjugo"');
    expect(html).toContain('En vision jag inte vill skriva om</textarea>');
    expect(html).toContain('aria-invalid="true"');

    const period = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(before),
      validFromYear: '2023',
      validToYear: '2019',
    });
    expect(period.status).toBe(422);
    const periodHtml = textOf(await period.text());
    expect(periodHtml).toContain('Giltighetsperioden kan inte sluta före det år den börjar.');
    expect(periodHtml).toContain('href="#validToYear"');
    expect(periodHtml).toContain('value="2023"');
    expect(periodHtml).toContain('value="2019"');

    expect(await programme(slug)).toEqual(before);
  });

  it('refuses a stale version with 409, keeps the text, shows the saved values, and takes a deliberate resubmit', async () => {
    const slug = await newDraft({ from: '', name: 'Delat utkast' });
    const opened = await programme(slug);
    // Someone else saves first.
    expect(
      (await postForm(t.app, `/program/${slug}/redigera`, { ...fieldsForm(opened), vision: 'Kollegans vision' }))
        .status,
    ).toBe(303);
    const current = await programme(slug);

    const res = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(opened),
      vision: 'Min egen vision',
    });
    expect(res.status).toBe(409);
    const html = textOf(await res.text());
    expect(html).toContain('Programmet har ändrats av någon annan sedan du öppnade sidan.');
    expect(html).toContain('Min egen vision</textarea>');
    expect(html).toContain('<dd>Kollegans vision</dd>');
    expect(html).toContain('href="#senast-sparat"');
    expect(html).toContain(`<input type="hidden" name="version" value="${current.version}"/>`);
    expect(await programme(slug)).toEqual(current);

    // Resubmitting the kept text with the version the refusal rendered wins deliberately.
    const again = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(opened),
      version: String(current.version),
      vision: 'Min egen vision',
    });
    expect(again.status).toBe(303);
    expect((await programme(slug)).vision).toBe('Min egen vision');
  });

  it('refuses a stale version on the goal form too, keeping every statement typed', async () => {
    const slug = await newDraft({ from: 'sup-2035' });
    const opened = await programme(slug);
    const goal = goalsOf(opened)[0]!;
    const [sustainability, climate] = opened.perspectives;
    await postForm(t.app, `/program/${slug}/redigera`, { ...fieldsForm(opened), note: 'ändrat av en kollega' });
    const current = await programme(slug);

    const res = await postForm(t.app, `/program/${slug}/mal/${goal.id}`, {
      ...goalForm(opened, goal),
      [`statements.${sustainability!.id}`]: 'Hållbart resande',
      [`statements.${climate!.id}`]: 'Minskade utsläpp från transporter',
    });
    expect(res.status).toBe(409);
    const html = textOf(await res.text());
    expect(html).toContain('Programmet har ändrats av någon annan');
    expect(html).toContain('Minskade utsläpp från transporter</textarea>');
    expect(html).toContain('Hållbart resande</textarea>');
    expect(html).toContain(`<input type="hidden" name="version" value="${current.version}"/>`);
    expect(await programme(slug)).toEqual(current);
  });

  it('adds a focus area and a goal with statements and strategies; a goal without wording is refused with the text kept', async () => {
    const slug = await newDraft({ from: '', name: 'Program med mål' });
    const { networks } = await getCollaboration(t.ctx);
    let p = await programme(slug);
    const added = await postForm(t.app, `/program/${slug}/omraden`, {
      version: String(p.version),
      name: 'Infrastruktur',
      description: 'Transporter och bostäder',
      networkId: String(networks[0]!.id),
    });
    expect(added.status).toBe(303);
    p = await programme(slug);
    const area = p.focusAreas[0]!;
    expect(area).toMatchObject({
      name: 'Infrastruktur',
      description: 'Transporter och bostäder',
      networkId: networks[0]!.id,
    });
    const [sustainability, climate] = p.perspectives;

    const refused = await postForm(t.app, `/program/${slug}/mal`, {
      version: String(p.version),
      focusAreaId: String(area.id),
      title: '',
      [`statements.${climate!.id}`]: 'Kollektivtrafik minskar utsläppen',
      strategies: 'Bygg ut spårtrafiken',
    });
    expect(refused.status).toBe(422);
    const refusedHtml = textOf(await refused.text());
    expect(refusedHtml).toContain('Skriv målets lydelse.');
    expect(refusedHtml).toContain('href="#title"');
    expect(refusedHtml).toContain('Kollektivtrafik minskar utsläppen</textarea>');
    expect(refusedHtml).toContain('Bygg ut spårtrafiken</textarea>');
    expect(goalsOf(await programme(slug))).toEqual([]);

    const res = await postForm(t.app, `/program/${slug}/mal`, {
      version: String(p.version),
      focusAreaId: String(area.id),
      title: 'Fler resor med kollektivtrafik',
      description: '',
      networkId: '',
      [`statements.${sustainability!.id}`]: 'Jämlik tillgång till arbetsmarknaden',
      [`statements.${climate!.id}`]: 'Kollektivtrafik minskar utsläppen',
      strategies: 'Bygg ut spårtrafiken\n\nSamordna busslinjer över kommungränser\n',
    });
    expect(res.status).toBe(303);
    const goal = goalsOf(await programme(slug))[0]!;
    expect(res.headers.get('location')).toBe(`/program/${slug}/redigera?sparat=mal#mal-${goal.id}`);
    expect(goal).toMatchObject({
      title: 'Fler resor med kollektivtrafik',
      focusAreaId: area.id,
      networkId: null,
      statements: {
        [sustainability!.id]: 'Jämlik tillgång till arbetsmarknaden',
        [climate!.id]: 'Kollektivtrafik minskar utsläppen',
      },
    });
    expect(goal.strategies.map((s) => s.text)).toEqual([
      'Bygg ut spårtrafiken',
      'Samordna busslinjer över kommungränser',
    ]);

    const editor = textOf(await (await get(`/program/${slug}/redigera`)).text());
    expect(editor).toContain(`href="/program/${slug}/mal/${goal.id}"`);
    expect(editor).toContain(`href="/program/${slug}/mal/nytt?omrade=${area.id}"`);
  });

  it('edits, adds and removes perspectives, and moves and removes focus areas', async () => {
    const slug = await newDraft({ from: 'sup-2035' });
    let p = await programme(slug);
    const climate = p.perspectives[1]!;
    expect(
      (
        await postForm(t.app, `/program/${slug}/perspektiv/${climate.id}`, {
          version: String(p.version),
          name: 'Klimat och miljö',
          description: 'Ny beskrivning',
        })
      ).status,
    ).toBe(303);
    p = await programme(slug);
    expect(p.perspectives[1]).toMatchObject({ name: 'Klimat och miljö', description: 'Ny beskrivning' });

    const empty = await postForm(t.app, `/program/${slug}/perspektiv`, {
      version: String(p.version),
      name: '  ',
      description: 'Text som ska finnas kvar',
    });
    expect(empty.status).toBe(422);
    const emptyHtml = textOf(await empty.text());
    expect(emptyHtml).toContain('href="#perspective-new-name"');
    expect(emptyHtml).toContain('Skriv perspektivets namn.');
    expect(emptyHtml).toContain('Text som ska finnas kvar</textarea>');

    expect(
      (
        await postForm(t.app, `/program/${slug}/perspektiv`, {
          version: String(p.version),
          name: 'Jämställdhet',
          description: '',
        })
      ).status,
    ).toBe(303);
    p = await programme(slug);
    const equality = p.perspectives.find((x) => x.name === 'Jämställdhet')!;
    expect(
      (await postForm(t.app, `/program/${slug}/perspektiv/${equality.id}/ta-bort`, { version: String(p.version) }))
        .status,
    ).toBe(303);
    p = await programme(slug);
    expect(p.perspectives.map((x) => x.name)).toEqual(['Hållbar utveckling', 'Klimat och miljö']);

    const [first, second] = p.focusAreas;
    const moved = await postForm(t.app, `/program/${slug}/omraden/${second!.id}/flytta`, {
      version: String(p.version),
      direction: 'up',
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/program/${slug}/redigera?sparat=omrade-flyttat#omrade-${second!.id}`);
    p = await programme(slug);
    expect(p.focusAreas.slice(0, 2).map((a) => a.id)).toEqual([second!.id, first!.id]);

    // A stale button press changes nothing and says why.
    const stale = await postForm(t.app, `/program/${slug}/omraden/${first!.id}/ta-bort`, {
      version: String(p.version - 1),
    });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Programmet har ändrats av någon annan');
    expect(await programme(slug)).toEqual(p);

    expect(
      (await postForm(t.app, `/program/${slug}/omraden/${first!.id}/ta-bort`, { version: String(p.version) })).status,
    ).toBe(303);
    p = await programme(slug);
    expect(p.focusAreas.map((a) => a.id)).not.toContain(first!.id);
  });

  it('refuses to propose while a goal lacks its climate statement, naming the goal; accepts once every goal has them; records an adoption', async () => {
    const slug = await newDraft({ from: 'sup-2035', name: 'Södertörns utvecklingsprogram 2039' });
    let p = await programme(slug);
    const climate = p.perspectives.find((x) => x.name === 'Klimat')!;
    const [firstGoal] = goalsOf(p);

    const refused = await postForm(t.app, `/program/${slug}/foresla`, { version: String(p.version) });
    expect(refused.status).toBe(422);
    const html = textOf(await refused.text());
    expect(html).toContain(
      `Målet ”${firstGoal!.title}” saknar en redovisning av hur det bidrar till perspektivet ”Klimat”.`,
    );
    expect(html).toContain(`href="/program/${slug}/mal/${firstGoal!.id}#statement-${climate.id}"`);
    expect((await programme(slug)).state).toBe('draft');

    for (const goal of goalsOf(p)) {
      const fields = goalForm(p, goal);
      for (const x of p.perspectives)
        fields[`statements.${x.id}`] = `${goal.title} bidrar till ${x.name.toLowerCase()}.`;
      const saved = await postForm(t.app, `/program/${slug}/mal/${goal.id}`, fields);
      expect(saved.status).toBe(303);
      p = await programme(slug);
    }
    // Saving the statements kept strategies and lineage.
    const source = await programme('sup-2035');
    expect(goalsOf(p).map((g) => g.strategies.length)).toEqual(goalsOf(source).map((g) => g.strategies.length));
    expect(goalsOf(p).map((g) => g.predecessorGoalIds)).toEqual(goalsOf(source).map((g) => [g.id]));

    const proposed = await postForm(t.app, `/program/${slug}/foresla`, { version: String(p.version) });
    expect(proposed.status).toBe(303);
    expect(proposed.headers.get('location')).toBe(`/program/${slug}/antagande`);
    expect((await programme(slug)).state).toBe('proposed');

    // The editor of a proposed programme explains why it cannot be edited.
    const editor = await get(`/program/${slug}/redigera`);
    expect(editor.status).toBe(409);
    expect(textOf(await editor.text())).toContain('Programmet är inte ett utkast och kan inte ändras.');
    const late = await postForm(t.app, `/program/${slug}/redigera`, {
      ...fieldsForm(await programme(slug)),
      name: 'För sent',
    });
    expect(late.status).toBe(409);
    expect((await programme(slug)).name).toBe('Södertörns utvecklingsprogram 2039');

    const { members } = await getCollaboration(t.ctx);
    const decision = await postForm(t.app, `/program/${slug}/beslut`, {
      memberId: String(members[0]!.id),
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2026-11-20',
      paragraph: '§ 12',
    });
    expect(decision.status).toBe(303);
    const adoption = textOf(await (await get(`/program/${slug}/antagande?registrerat=1`)).text());
    expect(adoption).toContain('1 av 8');
  });

  it('refuses a form post without a same-origin Origin header (403) and changes nothing', async () => {
    const slug = await newDraft({ from: '', name: 'Skyddat utkast' });
    const before = await programme(slug);
    const count = (await listProgrammes(t.ctx)).length;
    const res = await t.app.request(`http://localhost/program/${slug}/redigera`, {
      method: 'POST',
      body: new URLSearchParams({ ...fieldsForm(before), name: 'Kapat' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
    const foreign = await t.app.request('http://localhost/program/nytt', {
      method: 'POST',
      body: new URLSearchParams({ from: '' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://elak.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await programme(slug)).toEqual(before);
    expect((await listProgrammes(t.ctx)).length).toBe(count);
  });
});
