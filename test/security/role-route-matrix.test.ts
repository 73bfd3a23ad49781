import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdoption } from '../../src/app/adoption/get-adoption.js';
import { addFocusArea, addGoal } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';
import { readRepos } from '../../src/app/context.js';
import { addRound } from '../../src/app/follow-up/rounds.js';
import { createPlan } from '../../src/app/plans/create-plan.js';
import { addActivity } from '../../src/app/plans/edit-activities.js';
import { submitPlan } from '../../src/app/plans/submit-plan.js';
import { networkByKey, planGoals } from '../support/plans.js';

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
  // Plans: the demo's adopted 2026 example plans, and drafts made here for 2027.
  let plan: { adopted: number; adoptedActivity: number; round: number; klimat: number };
  let draftPlan: { id: number; activity: number; toSubmit: number; submitted: number };
  let rounds: { toEdit: number; toRemove: number };

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

    const repos = readRepos(t.ctx);
    const collaborationId = (await repos.collaboration.first())!.id;
    const planeringschefer = await networkByKey(t.ctx, 'planeringschefer');
    const klimatstrateger = await networkByKey(t.ctx, 'klimatstrateger');
    const of2026 = (networkId: number) =>
      repos.plans
        .plans({ collaborationId, year: 2026, networkId })
        .then((plans) => plans.find((p) => p.kind === 'operational')!);
    const adopted = await of2026(planeringschefer.id);
    const round = (await repos.followUp.rounds(collaborationId, 2026)).find((r) => r.name === 'Tertial 2')!;
    plan = {
      adopted: adopted.id,
      adoptedActivity: (await repos.plans.activitiesOf([adopted.id]))[0]!.id,
      round: round.id,
      klimat: (await of2026(klimatstrateger.id)).id,
    };
    const goal = (await planGoals(t.ctx))[0]!;
    const activity = {
      title: 'Matrisens aktivitet',
      goalIds: [String(goal.id)],
      ownerName: 'Planeringschef',
      startDate: '2027-02-01',
      endDate: '2027-11-30',
      climateEffect: 'unknown',
      dimension: 'social',
    };
    const draft2027 = await createPlan(t.ctx, {
      networkId: String(planeringschefer.id),
      year: '2027',
      kind: 'operational',
      title: 'Matrisens verksamhetsplan 2027',
    });
    const newAction = async (title: string) => {
      const p = await createPlan(t.ctx, {
        networkId: String(planeringschefer.id),
        year: '2027',
        kind: 'action',
        parentPlanId: String(draft2027.id),
        title,
      });
      await addActivity(t.ctx, p.id, activity);
      return p.id;
    };
    const submitted = await newAction('Matrisens inlämnade handlingsplan');
    await submitPlan(t.ctx, submitted);
    draftPlan = {
      id: draft2027.id,
      activity: (await addActivity(t.ctx, draft2027.id, activity)).id,
      toSubmit: await newAction('Matrisens handlingsplan att lämna in'),
      submitted,
    };
    const dated = (name: string) => ({ name, periodEnd: '2027-06-30', dueDate: '2027-07-15' });
    rounds = {
      toEdit: (await addRound(t.ctx, 2027, dated('Matrisens omgång'))).id,
      toRemove: (await addRound(t.ctx, 2027, dated('Matrisens omgång att ta bort'))).id,
    };
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
    // A chief network's plans: its lead and members write them (the secretariat too); other roles and
    // other networks' people may not. The network roles here are planeringschefer's.
    [
      '/planer/ny',
      async () => {
        // One operational plan per network and year: each allowed role's plan is moved out of the way first.
        await t.ctx.storage.db
          .updateTable('plans')
          .set((eb) => ({ year: eb('id', '+', 0) }))
          .where('title', '=', 'Matrisens nya plan')
          .execute();
        return {
          networkId: String((await networkByKey(t.ctx, 'planeringschefer')).id),
          year: '2028',
          title: 'Matrisens nya plan',
        };
      },
      NETWORK,
    ],
    [
      '/planer/{utkast}/redigera',
      async () => ({
        version: String((await readRepos(t.ctx).plans.planById(draftPlan.id))!.version),
        title: 'Matrisens verksamhetsplan 2027',
        summary: 'Ändrad inledning.',
      }),
      NETWORK,
    ],
    ['/planer/{utkast}/handlingsplaner/ny', async () => ({ title: 'Ännu en handlingsplan' }), NETWORK],
    ['/planer/{utkast}/aktiviteter/ny', async () => activityFields('Ny aktivitet'), NETWORK],
    [
      '/planer/{utkast}/aktiviteter/{aktivitet}/redigera',
      async () => ({
        ...(await activityFields('Omdöpt aktivitet')),
        version: String((await readRepos(t.ctx).plans.activityById(draftPlan.activity))!.version),
      }),
      NETWORK,
    ],
    // Another network's plan: only the secretariat may copy it (2027 has no plan for klimatstrateger yet).
    ['/planer/{klimat}/kopiera', async () => ({}), ['admin']],
    [
      '/planer/{inlamnas}/lamna-in',
      async () => {
        // Each allowed role submits the same plan: put it back to draft first.
        await readRepos(t.ctx).plans.changeState(draftPlan.toSubmit, 'submitted', 'draft', new Date().toISOString());
        return {};
      },
      ['admin', 'network_lead'],
    ],
    [
      '/planer/{inlamnad}/beslut',
      async () => ({ outcome: 'adopted', datePrecision: 'exact', date: '2026-11-20', paragraph: '§ 9' }),
      ['admin'],
    ],
    [
      '/planer/{antagen}/aktiviteter/{antagen-aktivitet}/rapport',
      async () => ({ roundId: String(plan.round), status: 'yellow', progress: '55', comment: 'Försenad leverans.' }),
      NETWORK,
    ],
    // Follow-up rounds are the secretariat's; a network lead sees (and reminds) their own network's late reports.
    [
      '/uppfoljning/omgangar',
      async () => ({ ar: '2027', name: 'Extraomgång', periodEnd: '2027-10-31', dueDate: '2027-11-15' }),
      ['admin'],
    ],
    ['/uppfoljning/omgangar/standard', async () => ({ ar: '2028' }), ['admin']],
    [
      '/uppfoljning/omgangar/{omgang}/redigera',
      async () => ({ name: 'Matrisens omgång', periodEnd: '2027-06-30', dueDate: '2027-07-20' }),
      ['admin'],
    ],
    ['/uppfoljning/omgangar/{omgang-att-ta-bort}/ta-bort', async () => ({}), ['admin']],
    // Without SMTP the page answers with the late list and says e-mail is not set up.
    ['/uppfoljning/paminnelser', async () => ({ natverk: 'planeringschefer' }), ['admin', 'network_lead'], 200],
  ];

  const NETWORK: Who[] = ['admin', 'network_lead', 'network_member'];

  const activityFields = async (title: string) => {
    const goal = (await planGoals(t.ctx))[0]!;
    return {
      title,
      goalIds: String(goal.id),
      ownerName: 'Planeringschef',
      startDate: '2027-02-01',
      endDate: '2027-11-30',
      climateEffect: 'unknown',
      dimension: 'social',
    };
  };

  const path = (route: string) =>
    route
      .replace('DRAFT', draft)
      .replace('PERSPECTIVE', String(ids.perspective))
      .replace('AREA', String(ids.area))
      .replace('GOAL', String(ids.goal))
      .replace('{utkast}', String(draftPlan.id))
      .replace('{aktivitet}', String(draftPlan.activity))
      .replace('{inlamnas}', String(draftPlan.toSubmit))
      .replace('{inlamnad}', String(draftPlan.submitted))
      .replace('{klimat}', String(plan.klimat))
      .replace('{antagen-aktivitet}', String(plan.adoptedActivity))
      .replace('{antagen}', String(plan.adopted))
      .replace('{omgang-att-ta-bort}', String(rounds.toRemove))
      .replace('{omgang}', String(rounds.toEdit))
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
