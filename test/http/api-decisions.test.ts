import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFocusArea, addGoal, updateProgrammeFields } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { proposeProgramme } from '../../src/app/programmes/propose-programme.js';
import { grantKey } from '../../src/app/auth/api-tokens.js';
import { readRepos, type AppContext } from '../../src/app/context.js';
import type { AdoptionJson, DecisionRecordedJson, ErrorJson } from '../../src/http/api/schemas.js';
import { openTestApp, postForm, type TestApp, ANONYMOUS_COOKIE } from '../support/app.js';
import { testDialects } from '../support/databases.js';

/** POST /api/v1/programmes/{id}/decisions on the real demo plus a programme proposed through the use cases. */

const versionOf = async (ctx: AppContext, slug: string) => (await getProgramme(ctx, slug)).programme.version;

/** A small, complete programme, proposed for adoption: the normal way a new programme reaches the boards. */
async function proposeNewProgramme(ctx: AppContext): Promise<string> {
  const { slug } = await createDraft(ctx, { name: 'Södertörns utvecklingsprogram 2030' });
  await updateProgrammeFields(ctx, slug, await versionOf(ctx, slug), {
    name: 'Södertörns utvecklingsprogram 2030',
    targetYear: 2030,
    validFromYear: 2027,
    validToYear: 2030,
    vision: '',
    overarchingGoal: 'Ett hållbart Södertörn.',
    note: '',
  });
  const areaId = await addFocusArea(ctx, slug, await versionOf(ctx, slug), {
    name: 'Infrastruktur',
    description: '',
    networkId: null,
  });
  const { perspectives } = (await getProgramme(ctx, slug)).programme;
  await addGoal(ctx, slug, await versionOf(ctx, slug), {
    focusAreaId: areaId,
    title: 'Stark infrastruktur är en förutsättning för hållbar utveckling',
    description: '',
    networkId: null,
    statements: Object.fromEntries(
      perspectives.map((p) => [String(p.id), `Målet bidrar till ${p.name.toLowerCase()}.`]),
    ),
    strategies: ['Genom att prioriterade infrastrukturobjekt genomförs.'],
    predecessorGoalIds: [],
  });
  await proposeProgramme(ctx, slug, await versionOf(ctx, slug));
  return slug;
}

const valid = {
  memberCode: '0127',
  bodyKind: 'board',
  datePrecision: 'exact',
  date: '2026-11-20',
  paragraph: '§ 112',
  outcome: 'adopted',
  note: 'Antaget utan ändringar.',
  source: 'Botkyrka kommunstyrelses protokoll 2026-11-20',
};

describe.each(testDialects)('JSON API v1 (recording decisions) on %s', (dialect) => {
  let t: TestApp;
  let proposed: string;
  let draft: string;

  const post = async (slug: string, body: unknown, contentType: string | null = 'application/json') => {
    const res = await t.app.request(`/api/v1/programmes/${slug}/decisions`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: contentType === null ? {} : { 'Content-Type': contentType },
    });
    // One of the two, as the status says; typed as both so each test reads the one it expects.
    return { res, body: (await res.json()) as DecisionRecordedJson & ErrorJson };
  };
  const adoption = async (slug: string) =>
    (await (await t.app.request(`/api/v1/programmes/${slug}/adoption`)).json()) as AdoptionJson;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    proposed = await proposeNewProgramme(t.ctx);
    draft = (await createDraft(t.ctx, { name: 'Ett utkast' })).slug;
  });
  afterAll(() => t.close());

  it('starts with a proposed programme that nobody has decided on', async () => {
    const before = await adoption(proposed);
    expect(before.status).toMatchObject({ kind: 'proposed', adoptedCount: 0, requiredCount: 8 });
    expect(before.members.every((m) => m.decisions.length === 0)).toBe(true);
  });

  it('records a valid decision: 201 with the decision and the new status', async () => {
    const { res, body } = await post(proposed, valid);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/programmes/${proposed}/adoption`);
    expect(body.programme).toEqual({ id: proposed, name: 'Södertörns utvecklingsprogram 2030' });
    expect(body.decision).toEqual({
      date: { precision: 'exact', date: '2026-11-20' },
      bodyKind: 'board',
      member: { code: '0127', name: 'Botkyrka' },
      paragraph: '§ 112',
      outcome: 'adopted',
      note: 'Antaget utan ändringar.',
      source: 'Botkyrka kommunstyrelses protokoll 2026-11-20',
      recordedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(body.status).toMatchObject({
      kind: 'adopting',
      label: 'Antas (1 av 8)',
      adoptedCount: 1,
      requiredCount: 8,
      inForceFrom: null,
    });

    const after = await adoption(proposed);
    const botkyrka = after.members.find((m) => m.code === '0127');
    expect(botkyrka?.standing).toBe('adopted');
    expect(botkyrka?.decisions).toEqual([body.decision]);
    expect(after.status).toEqual(body.status);
  });

  it('accepts the member by id and a decision on or before a date', async () => {
    const { members } = await adoption(proposed);
    const haninge = members.find((m) => m.code === '0136');
    const { res, body } = await post(proposed, {
      ...valid,
      memberCode: undefined,
      memberId: (
        await t.ctx.storage.db.selectFrom('members').select('id').where('code', '=', '0136').executeTakeFirstOrThrow()
      ).id,
      datePrecision: 'on_or_before',
      date: '2026-11-01',
      outcome: 'referred_back',
    });
    expect(res.status).toBe(201);
    expect(body.decision).toMatchObject({
      member: { code: '0136', name: haninge?.name },
      outcome: 'referred_back',
      date: { precision: 'on_or_before', date: '2026-11-01' },
    });
    expect(body.status).toMatchObject({ kind: 'adopting', adoptedCount: 1 });
  });

  it('accepts the programme by its numeric id too, and names it by slug in the Location', async () => {
    const numericId = (await getProgramme(t.ctx, proposed)).programme.id;
    const { res, body } = await post(String(numericId), { ...valid, memberCode: '0138', date: '2026-11-02' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/programmes/${proposed}/adoption`);
    expect(body.programme.id).toBe(proposed);
    expect(body.status).toMatchObject({ kind: 'adopting', adoptedCount: 2 });
  });

  it('accepts a decision on any proposed programme, also one already in force (sup-2023)', async () => {
    const { res, body } = await post('sup-2023', {
      ...valid,
      date: '2026-10-01',
      paragraph: '§ 7',
      note: 'Bekräftat.',
    });
    expect(res.status).toBe(201);
    expect(body.status).toMatchObject({ kind: 'in_force', adoptedCount: 8 });
  });

  describe('refuses bad requests and changes nothing', () => {
    let before: AdoptionJson;
    beforeAll(async () => {
      before = await adoption(proposed);
    });

    it('a member code from outside the cooperation: 422 foreign_member', async () => {
      const { res, body } = await post(proposed, { ...valid, memberCode: '0180' });
      expect(res.status).toBe(422);
      expect(body.error.code).toBe('foreign_member');
      expect(body.error.message).toBe('Kommunen är inte medlem i Södertörnssamarbetet. Välj en av medlemskommunerna.');
      expect(body.error.problems).toEqual([
        { field: 'memberCode', message: 'Kommunen är inte medlem i Södertörnssamarbetet.' },
      ]);
    });

    it('an impossible date: 422 with a problem on date', async () => {
      const { res, body } = await post(proposed, { ...valid, date: '2019-02-30' });
      expect(res.status).toBe(422);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.problems).toEqual([
        { field: 'date', message: 'Datumet ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2019-10-11.' },
      ]);
    });

    it('a date after today: 422 with a problem on date', async () => {
      const { res, body } = await post(proposed, { ...valid, date: '2026-11-28' });
      expect(res.status).toBe(422);
      expect(body.error.problems).toEqual([
        { field: 'date', message: 'Ett beslut kan inte ha fattats efter i dag (2026-11-27).' },
      ]);
    });

    it('a missing outcome: 422 with a problem on outcome', async () => {
      const { outcome: _, ...withoutOutcome } = valid;
      const { res, body } = await post(proposed, withoutOutcome);
      expect(res.status).toBe(422);
      expect(body.error).toEqual({
        code: 'validation_failed',
        message: 'Uppgifterna innehåller ett fel. Rätta det och försök igen.',
        problems: [{ field: 'outcome', message: 'Välj beslutet: antaget, avslaget eller återremitterat.' }],
      });
    });

    it('an unknown outcome and body kind: one problem per field', async () => {
      const { res, body } = await post(proposed, { ...valid, outcome: 'approved', bodyKind: 'council' });
      expect(res.status).toBe(422);
      expect(body.error.problems?.map((p) => p.field).sort()).toEqual(['bodyKind', 'outcome']);
    });

    it('malformed JSON: 400 invalid_json', async () => {
      const { res, body } = await post(proposed, '{"memberCode": "0127", ');
      expect(res.status).toBe(400);
      expect(body).toEqual({ error: { code: 'invalid_json', message: 'Förfrågan är inte giltig JSON.' } });
    });

    it('an empty body: 400 invalid_json', async () => {
      const { res, body } = await post(proposed, '');
      expect(res.status).toBe(400);
      expect(body.error.code).toBe('invalid_json');
    });

    it('JSON that is not an object: 422 validation_failed in Swedish', async () => {
      for (const payload of ['null', '[1,2]', '"antaget"']) {
        const { res, body } = await post(proposed, payload);
        expect(res.status, payload).toBe(422);
        expect(body.error.code).toBe('validation_failed');
        expect(body.error.problems).toEqual([
          { field: 'body', message: expect.stringMatching(/^Skicka beslutet som ett JSON-objekt/) },
        ]);
      }
    });

    it('a form-encoded body: 415 unsupported_media_type', async () => {
      // With an API key: signed out the request is refused (401) before its body is looked at, and with a
      // session a form post lacking the CSRF token is refused (403) even earlier.
      const admin = (await readRepos(t.ctx).users.byEmail(t.admin.email))!;
      const created = await postForm(t.app, '/konto/api-nycklar', {
        name: 'Formulär',
        grant: grantKey(admin.grants[0]!),
      });
      const token = /sv_[A-Za-z0-9_-]{43}/.exec(await created.text())![0];
      const res = await t.app.request(`/api/v1/programmes/${proposed}/decisions`, {
        method: 'POST',
        body: new URLSearchParams({ outcome: 'adopted' }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'http://localhost',
          Cookie: ANONYMOUS_COOKIE,
          Authorization: `Bearer ${token}`,
        },
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as ErrorJson).error.code).toBe('unsupported_media_type');
    });

    it('a draft programme: 409 not_proposed', async () => {
      const { res, body } = await post(draft, valid);
      expect(res.status).toBe(409);
      expect(body.error).toEqual({
        code: 'not_proposed',
        message: 'Programmet är ett utkast. Det måste föreslås innan beslut om det kan registreras.',
      });
    });

    it('an unknown programme: 404 not_found', async () => {
      const { res, body } = await post('finns-inte', valid);
      expect(res.status).toBe(404);
      expect(body.error.code).toBe('not_found');
    });

    it('a committee decision that names a member: 422', async () => {
      const { res, body } = await post(proposed, { ...valid, bodyKind: 'committee' });
      expect(res.status).toBe(422);
      expect(body.error.problems?.[0]?.field).toBe('memberId');
    });

    it('… and after all of them the record is exactly as it was', async () => {
      expect(await adoption(proposed)).toEqual(before);
      expect((await adoption(draft)).members.flatMap((m) => m.decisions)).toEqual([]);
      expect((await adoption(draft)).otherDecisions).toEqual([]);
    });
  });
});
