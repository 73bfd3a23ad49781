/**
 * The plan pages and forms over real HTTP on both databases: who sees which plans, creating a plan and
 * its activities with the errors shown beside the fields and the input kept, next year's plan from
 * last year's, submitting and the committee's decision — and a foreign network's member refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { makeActivity, makePlan, makeRound, networkByKey, report } from '../support/plans.js';

const text = async (r: Response) =>
  (await r.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe.each(testDialects)('plan forms over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (path: string, cookie?: string) =>
    t.app.request(`http://localhost${path}`, cookie ? { headers: { Cookie: cookie } } : undefined);
  const planIdOf = (location: string | null) => Number(/\/planer\/(\d+)/.exec(location ?? '')![1]);

  it('shows the public adopted plans only; the signed-in see drafts; filters by network and year', async () => {
    const draft = await makePlan(t.ctx, {
      networkKey: 'naringslivschefer',
      year: 2025,
      state: 'draft',
      title: 'Hemligt utkast 2025',
    });
    const adopted = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2026, title: 'Antagen plan 2026' });
    await makeActivity(t.ctx, adopted);
    const publicList = await text(await get('/planer', ANONYMOUS_COOKIE));
    expect(publicList).toContain('Antagen plan 2026');
    expect(publicList).not.toContain('Hemligt utkast 2025');
    expect(publicList).not.toContain('Ny plan');
    expect((await get(`/planer/${draft.id}`, ANONYMOUS_COOKIE)).status).toBe(404);
    expect((await get(`/planer/${adopted.id}`, ANONYMOUS_COOKIE)).status).toBe(200);

    const reader = await t.session('reader');
    const internal = await text(await get('/planer', reader.cookie));
    expect(internal).toContain('Hemligt utkast 2025');
    expect(internal).not.toContain('Ny plan');

    const filtered = await text(await get('/planer?natverk=naringslivschefer&ar=2026', reader.cookie));
    expect(filtered).toContain('Antagen plan 2026');
    expect(filtered).not.toContain('Hemligt utkast 2025');
    expect(filtered).toMatch(/Antagen plan 2026 Verksamhetsplan Antagen 1 /);
    expect((await get('/planer?ar=tjugo')).status).toBe(422);
  });

  it('sends the signed-out to sign in and refuses the new-plan form to those without a network', async () => {
    const signedOut = await get('/planer/ny', ANONYMOUS_COOKIE);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/logga-in?till=%2Fplaner%2Fny');
    const officer = await t.session('member_officer', { member: '0136' });
    expect((await get('/planer/ny', officer.cookie)).status).toBe(403);
  });

  it('lets a network member create a plan and add an activity; errors keep the input', async () => {
    const member = await t.session('network_member', { network: 'yh-natverket' });
    const network = await networkByKey(t.ctx, 'yh-natverket');
    const form = await get('/planer/ny', member.cookie);
    expect(form.status).toBe(200);
    // Only the member's own network is offered.
    const body = await form.text();
    expect(body).toContain(`<option value="${network.id}">YH-nätverket</option>`);
    expect(body).not.toContain('Planeringschefer</option>');

    const bad = await postForm(t.app, '/planer/ny', { networkId: String(network.id), year: '2030', title: '' }, member);
    expect(bad.status).toBe(422);
    const badText = await text(bad);
    expect(badText).toContain('Året ska vara mellan 2025 och 2028.');
    expect(badText).toContain('Skriv planens namn.');

    const created = await postForm(
      t.app,
      '/planer/ny',
      { networkId: String(network.id), year: '2027', title: 'Verksamhetsplan 2027 för YH', summary: 'Fokus.' },
      member,
    );
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toMatch(/^\/planer\/\d+\?sparat=skapad$/);
    const planId = planIdOf(created.headers.get('location'));
    const page = await text(await get(created.headers.get('location')!, member.cookie));
    expect(page).toContain('Planen är skapad som utkast.');
    expect(page).toContain('Lägg till aktivitet');
    expect(page).toContain('Planen har inga aktiviteter ännu.');

    const goals = goalsOf((await programmeForPlans(t.ctx))!.programme);
    const goal = goals[1]!;
    const refused = await postForm(
      t.app,
      `/planer/${planId}/aktiviteter/ny`,
      {
        title: 'Yrkeshögskola i Södertälje',
        strategyIds: [String(goal.strategies[0]!.id)],
        ownerName: 'YH-samordnaren',
        startDate: '2027-01-15',
        endDate: '2027-12-15',
        budgetKr: '300 000',
        climateEffect: 'neutral',
        dimension: 'social',
      },
      member,
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Välj minst ett mål i programmet som aktiviteten bidrar till.');
    expect(html).toContain('href="#goalIds"');
    expect(html).toContain('value="Yrkeshögskola i Södertälje"');
    expect(html).toContain('value="300 000"');
    // The strategy the person ticked stays ticked.
    expect(html).toMatch(new RegExp(`value="${goal.strategies[0]!.id}" checked`));

    const added = await postForm(
      t.app,
      `/planer/${planId}/aktiviteter/ny`,
      {
        title: 'Yrkeshögskola i Södertälje',
        goalIds: [String(goal.id)],
        strategyIds: [String(goal.strategies[0]!.id)],
        ownerName: 'YH-samordnaren',
        startDate: '2027-01-15',
        endDate: '2027-12-15',
        budgetKr: '300 000',
        climateEffect: 'neutral',
        dimension: 'social',
      },
      member,
    );
    expect(added.headers.get('location')).toBe(`/planer/${planId}?sparat=aktivitet-tillagd`);
    const withActivity = await text(await get(added.headers.get('location')!, member.cookie));
    expect(withActivity).toContain('Aktiviteten är tillagd.');
    expect(withActivity).toContain('300 000 kr');
    expect(withActivity).toContain(goal.title);
  });

  it("refuses a foreign network's member the forms and the posts (403), changing nothing", async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'etablering-sodertorn', year: 2027, state: 'draft' });
    const activity = await makeActivity(t.ctx, plan);
    const outsider = await t.session('network_lead', { network: 'klimatstrateger' });
    const page = await text(await get(`/planer/${plan.id}`, outsider.cookie));
    expect(page).not.toContain('Lägg till aktivitet');
    expect(page).not.toContain('Skapa nästa års plan');
    for (const path of [
      `/planer/${plan.id}/aktiviteter/ny`,
      `/planer/${plan.id}/redigera`,
      `/planer/${plan.id}/aktiviteter/${activity.id}/redigera`,
      `/planer/${plan.id}/aktiviteter/${activity.id}/ta-bort`,
      `/planer/${plan.id}/handlingsplaner/ny`,
    ])
      expect((await get(path, outsider.cookie)).status, path).toBe(403);
    const before = await contentFingerprint(t.storage);
    for (const path of [
      `/planer/${plan.id}/aktiviteter/ny`,
      `/planer/${plan.id}/aktiviteter/${activity.id}/ta-bort`,
      `/planer/${plan.id}/kopiera`,
      `/planer/${plan.id}/lamna-in`,
      `/planer/${plan.id}/handlingsplaner/ny`,
    ])
      expect((await postForm(t.app, path, { title: 'Intrång', ownerName: 'X' }, outsider)).status, path).toBe(403);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('copies last year’s plan into next year’s draft; a second copy links to it', async () => {
    const source = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2027, title: 'Verksamhetsplan 2027' });
    const unfinished = await makeActivity(t.ctx, source, { title: 'Pågående utredning' });
    const finished = await makeActivity(t.ctx, source, { title: 'Avslutad utredning' });
    const round = await makeRound(t.ctx, 2027, { dueDate: '2027-09-15' });
    await report(t.ctx, unfinished, round, 50);
    await report(t.ctx, finished, round, 100);
    const member = await t.session('network_member', { network: 'planeringschefer' });
    const sourcePage = await text(await get(`/planer/${source.id}`, member.cookie));
    expect(sourcePage).toContain('Skapa nästa års plan från denna');
    expect(sourcePage).toContain('Grön, 100 %');

    const copied = await postForm(t.app, `/planer/${source.id}/kopiera`, {}, member);
    expect(copied.status).toBe(303);
    expect(copied.headers.get('location')).toMatch(/\?sparat=kopierad$/);
    const copyPage = await text(await get(copied.headers.get('location')!, member.cookie));
    expect(copyPage).toContain('Verksamhetsplan 2028');
    expect(copyPage).toContain('Pågående utredning');
    expect(copyPage).toContain('Överförd från 2027');
    expect(copyPage).not.toContain('Avslutad utredning');
    expect(copyPage).toContain('Skapad från Verksamhetsplan 2027 (2027)');

    const again = await postForm(t.app, `/planer/${source.id}/kopiera`, {}, member);
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('Nästa års plan skapades inte');
    expect(html).toContain(`href="/planer/${planIdOf(copied.headers.get('location'))}"`);
    // The plan page now points to next year's plan instead of offering the copy.
    expect(await text(await get(`/planer/${source.id}`, member.cookie))).toContain('Nästa års plan finns redan');
  });

  it('is renamed, submitted by the lead and decided by the committee through the forms', async () => {
    const plan = await makePlan(t.ctx, {
      networkKey: 'klimatstrateger',
      year: 2027,
      state: 'draft',
      title: 'Klimat 2027',
    });
    const lead = await t.session('network_lead', { network: 'klimatstrateger' });

    const stale = await postForm(
      t.app,
      `/planer/${plan.id}/redigera`,
      { title: 'Klimatplan 2027', summary: '', version: String(plan.version + 5) },
      lead,
    );
    expect(stale.status).toBe(409);
    const staleText = await text(stale);
    expect(staleText).toContain('Ändringen sparades inte');
    expect(staleText).toContain('Planen har ändrats av någon annan sedan du öppnade sidan.');
    const renamed = await postForm(
      t.app,
      `/planer/${plan.id}/redigera`,
      { title: 'Klimatplan 2027', summary: 'Inriktning.', version: String(plan.version) },
      lead,
    );
    expect(renamed.headers.get('location')).toBe(`/planer/${plan.id}?sparat=andrad`);

    const empty = await postForm(t.app, `/planer/${plan.id}/lamna-in`, {}, lead);
    expect(empty.status).toBe(422);
    expect(await text(empty)).toContain('Planen har inga aktiviteter.');
    await makeActivity(t.ctx, plan);
    const submitted = await postForm(t.app, `/planer/${plan.id}/lamna-in`, {}, lead);
    expect(submitted.headers.get('location')).toBe(`/planer/${plan.id}?sparat=inlamnad`);
    expect((await get(`/planer/${plan.id}/beslut`, lead.cookie)).status).toBe(403);

    const badDecision = await postForm(t.app, `/planer/${plan.id}/beslut`, {
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2026-02-30',
      paragraph: '§ 3',
    });
    expect(badDecision.status).toBe(422);
    const badText = await badDecision.text();
    expect(badText).toContain('Datumet ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD');
    expect(badText).toContain('value="§ 3"');
    const decided = await postForm(t.app, `/planer/${plan.id}/beslut`, {
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2026-11-20',
      paragraph: '§ 3',
    });
    expect(decided.headers.get('location')).toBe(`/planer/${plan.id}?sparat=beslut`);
    expect((await readRepos(t.ctx).plans.planById(plan.id))!.state).toBe('adopted');
    const publicPage = await text(await get(`/planer/${plan.id}`, ANONYMOUS_COOKIE));
    expect(publicPage).toContain('Antagen av samarbetskommittén');
    expect(publicPage).toMatch(/2026-11-20 § 3 Antagen/);
  });

  it('keeps the second person’s text when two edit the same activity: first save 303, second 409', async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2027, state: 'draft' });
    const activity = await makeActivity(t.ctx, plan, { title: 'Företagsbesök', description: 'Som förr.' });
    const first = await t.session('network_member', { network: 'naringslivschefer' });
    const second = await t.session('network_lead', { network: 'naringslivschefer' });
    const path = `/planer/${plan.id}/aktiviteter/${activity.id}/redigera`;
    const versionIn = (html: string) => /<input type="hidden" name="version" value="(\d+)"\/>/.exec(html)?.[1];

    // Both open the form at the same version.
    const opened = versionIn(await (await get(path, first.cookie)).text());
    expect(opened).toBe(String(activity.version));
    expect(versionIn(await (await get(path, second.cookie)).text())).toBe(opened);
    const form = (title: string, description: string, version = opened!) => ({
      title,
      description,
      goalIds: activity.goalIds.map(String),
      strategyIds: activity.strategyIds.map(String),
      ownerName: activity.ownerName,
      startDate: activity.startDate,
      endDate: activity.endDate,
      budgetKr: '250 000',
      weight: '1',
      climateEffect: 'neutral',
      dimension: 'social',
      version,
    });

    const saved = await postForm(t.app, path, form('Företagsbesök i Huddinge', 'Den förstas beskrivning.'), first);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/planer/${plan.id}?sparat=aktivitet-andrad`);
    const stored = await readRepos(t.ctx).plans.activityById(activity.id);
    expect(stored!.version).toBe(activity.version + 1);

    const stale = await postForm(t.app, path, form('Företagsbesök i Nynäshamn', 'Den andras beskrivning.'), second);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    // The second person's own text stays in the form, now at the stored version ...
    expect(html).toContain('value="Företagsbesök i Nynäshamn"');
    expect(html).toContain('Den andras beskrivning.</textarea>');
    expect(versionIn(html)).toBe(String(stored!.version));
    // ... with a clear message and the values saved meanwhile beside it.
    const staleText = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(staleText).toContain('Aktiviteten sparades inte');
    expect(staleText).toContain('Aktiviteten har ändrats av någon annan sedan du öppnade sidan.');
    expect(html).toContain('<dd>Företagsbesök i Huddinge</dd>');
    expect(html).toMatch(/<dd[^>]*>Den förstas beskrivning\.<\/dd>/);
    // Nothing of the second save was stored.
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toEqual(stored);

    // Sent again as the refusal rendered it, the second person's text wins deliberately.
    const again = await postForm(
      t.app,
      path,
      form('Företagsbesök i Nynäshamn', 'Den andras beskrivning.', versionIn(html)),
      second,
    );
    expect(again.status).toBe(303);
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toMatchObject({
      title: 'Företagsbesök i Nynäshamn',
      version: activity.version + 2,
    });
  });

  it('does not remove an activity changed since the removal page was opened (409)', async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2028, state: 'draft' });
    const activity = await makeActivity(t.ctx, plan, { title: 'Mässa' });
    const lead = await t.session('network_lead', { network: 'naringslivschefer' });
    const path = `/planer/${plan.id}/aktiviteter/${activity.id}/ta-bort`;
    const confirm = await (await get(path, lead.cookie)).text();
    expect(confirm).toContain(`<input type="hidden" name="version" value="${activity.version}"/>`);
    await readRepos(t.ctx).plans.updateActivity(
      activity.id,
      { ...activity, title: 'Mässa med nytt namn' },
      activity.version,
      new Date().toISOString(),
    );

    const stale = await postForm(t.app, path, { version: String(activity.version) }, lead);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    const staleText = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(staleText).toContain('Aktiviteten togs inte bort');
    expect(staleText).toContain(
      'Aktiviteten har ändrats av någon annan sedan du öppnade sidan och har inte tagits bort.',
    );
    expect(staleText).toContain('Mässa med nytt namn');
    expect(html).toContain(`<input type="hidden" name="version" value="${activity.version + 1}"/>`);
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toBeDefined();

    const removed = await postForm(t.app, path, { version: String(activity.version + 1) }, lead);
    expect(removed.headers.get('location')).toBe(`/planer/${plan.id}?sparat=aktivitet-borttagen`);
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toBeUndefined();
  });
});
