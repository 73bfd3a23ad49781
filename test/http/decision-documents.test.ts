/**
 * Reading a board's document to record its decision, through the real app on both databases: pasted
 * minutes are read, kept and shown for review with what was found; confirming records the decision
 * with the document as its source and the audit trail says who confirmed what; a member's officer may
 * confirm their own member's decision only; a memo records nothing; bad input changes nothing. And
 * `POST /api/v1/documents/read`, which reads and stores nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantKey } from '../../src/app/auth/api-tokens.js';
import { readRepos } from '../../src/app/context.js';
import { closeDocumentReaders } from '../../src/documents/reading/close-readers.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, postMultipart, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

/**
 * An invented minutes extract (not a real decision): Huddinge's executive board adopting the 2035
 * programme, as such extracts are laid out.
 */
const MINUTES = [
  'HUDDINGE KOMMUN',
  'PROTOKOLLSUTDRAG',
  'Kommunstyrelsen',
  'Sammanträdesdatum 2019-10-14',
  '',
  '§ 142 Södertörns utvecklingsprogram 2035',
  'Dnr KS-2019/1234',
  '',
  'Kommunstyrelsens beslut',
  'Förslag till Södertörns utvecklingsprogram 2035 godkänns och ersätter motsvarande program som godkändes av',
  'kommunstyrelsen 2013-04-29 § 78.',
  '',
  'Justerandes signatur',
  'Vid protokollet',
  'Anna Andersson',
  'Justeras',
  'Daniel Dronjak',
].join('\n');

/** The same with the damage scans do to Swedish letters. */
const DAMAGED_MINUTES = MINUTES.replace('Sammanträdesdatum', 'Sammantridesdatum')
  .replace('Förslag', 'Forslag')
  .replace('godkänns', 'godkinns');

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Posts the upload form as a browser does: a file, or pasted text. */
const upload = (
  t: TestApp,
  fields: { text?: string; file?: { bytes: Uint8Array; name: string; type: string } },
  as: TestSession,
) =>
  postMultipart(
    t.app,
    '/antagande/dokument',
    { text: fields.text ?? '', ...(fields.file ? { fil: fields.file } : {}) },
    as,
  );

const idFrom = (response: Response) =>
  Number(/\/antagande\/dokument\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);

describe.each(testDialects)('documents read for decisions on %s', (dialect) => {
  let t: TestApp;
  let huddinge: TestSession;
  let haninge: TestSession;
  let reader: TestSession;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    huddinge = await t.session('member_officer', { member: '0126' });
    haninge = await t.session('member_officer', { member: '0136' });
    reader = await t.session('reader');
  });
  afterAll(async () => {
    await t?.close();
    await closeDocumentReaders();
  });

  const rowsIn = async (table: 'audit_events' | 'decisions' | 'decision_documents') =>
    Number(
      (
        await t.ctx.storage.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    documents: await rowsIn('decision_documents'),
    audit: await rowsIn('audit_events'),
    decisions: await rowsIn('decisions'),
  });

  it('is closed to the public and to readers', async () => {
    const publicPage = await t.app.request('/antagande/dokument', { headers: { Cookie: ANONYMOUS_COOKIE } });
    expect(publicPage.status).toBe(303);
    expect(publicPage.headers.get('location')).toMatch(/^\/logga-in/);
    const readerPage = await t.app.request('/antagande/dokument', { headers: { Cookie: reader.cookie } });
    expect(readerPage.status).toBe(403);
    const before = await counts();
    expect((await upload(t, { text: MINUTES }, reader)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('reads pasted minutes, repairs them, keeps them for review and shows what was found', async () => {
    const before = await counts();
    const response = await upload(t, { text: DAMAGED_MINUTES }, huddinge);
    expect(response.status).toBe(303);
    const id = idFrom(response);
    expect(await counts()).toMatchObject({ documents: before.documents + 1, audit: before.audit + 1 });
    const kept = await readRepos(t.ctx).decisionDocuments.byId(id);
    expect(kept).toMatchObject({ readMethod: 'pasted', mediaType: 'text/plain', decisionId: null });
    expect(kept!.repairedText).toContain('Förslag till Södertörns utvecklingsprogram 2035 godkänns');
    expect(kept!.repairs.map((r) => r.to)).toEqual(expect.arrayContaining(['Förslag', 'godkänns']));
    expect(kept!.extraction.kind).toBe('minutes');
    expect(kept!.extraction.fields).toMatchObject({
      member: { code: '0126', name: 'Huddinge' },
      date: '2019-10-14',
      paragraph: '§ 142',
      diarienummer: 'KS-2019/1234',
      outcome: 'adopted',
      earlierDecision: { date: '2013-04-29', paragraph: '§ 78' },
    });
    expect(kept!.extraction.fields.programme?.name).toBe('Södertörns utvecklingsprogram 2035');

    const page = await t.app.request(`/antagande/dokument/${id}`, { headers: { Cookie: huddinge.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    // Every change marked in both texts, by a line (del/ins) and a number, and listed.
    expect(html).toMatch(/<del class="repair" id="las-1">/);
    expect(html).toMatch(/<ins class="repair" id="lagad-1">/);
    expect(textOf(html)).toContain('Ändringar i texten');
    // The form is filled in from the text.
    expect(html).toMatch(/<input[^>]*id="date"[^>]*value="2019-10-14"/);
    expect(html).toMatch(/<input[^>]*id="paragraph"[^>]*value="§ 142"/);
    expect(html).toMatch(/<option value="\d+" selected="">Huddinge \(0126\)<\/option>/);

    // Another member's officer does not learn that it exists.
    const foreign = await t.app.request(`/antagande/dokument/${id}`, { headers: { Cookie: haninge.cookie } });
    expect(foreign.status).toBe(404);
  });

  it('records the confirmed decision with the document as its source, and the audit trail says who', async () => {
    const id = idFrom(await upload(t, { text: MINUTES }, huddinge));
    const kept = (await readRepos(t.ctx).decisionDocuments.byId(id))!;
    const programmes = await readRepos(t.ctx).programmes.list((await readRepos(t.ctx).collaboration.first())!.id);
    const programme = programmes.find((p) => p.id === kept.extraction.fields.programme?.id)!;
    const members = await readRepos(t.ctx).collaboration.members(programme.collaborationId);
    const huddingeId = members.find((m) => m.code === '0126')!.id;
    const form = {
      kind: 'minutes',
      programme: programme.slug,
      memberId: String(huddingeId),
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2019-10-14',
      paragraph: '§ 142',
      note: '',
      source: '',
    };

    // Haninge's officer may not record Huddinge's decision: refused, nothing changed.
    const before = await counts();
    const refused = await postForm(t.app, `/antagande/dokument/${id}/bekrafta`, form, haninge);
    expect(refused.status).toBe(404);
    expect(await counts()).toEqual(before);

    const confirmed = await postForm(t.app, `/antagande/dokument/${id}/bekrafta`, form, huddinge);
    expect(confirmed.status).toBe(303);
    expect(await counts()).toMatchObject({ decisions: before.decisions + 1, audit: before.audit + 2 });
    const document = (await readRepos(t.ctx).decisionDocuments.byId(id))!;
    expect(document.decisionId).not.toBeNull();
    const [decision] = (await readRepos(t.ctx).decisions.forProgrammes([programme.id])).filter(
      (d) => d.id === document.decisionId,
    );
    expect(decision).toMatchObject({
      memberId: huddingeId,
      bodyKind: 'board',
      outcome: 'adopted',
      decided: { precision: 'exact', date: '2019-10-14' },
      paragraph: '§ 142',
    });
    expect(decision!.source).toContain(document.sha256);
    const events = await t.ctx.storage.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name', 'after_json'])
      .where('entity_type', '=', 'decision_document')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['decision_document.read', 'decision_document.confirmed']);
    expect(events[1]!.actor_name).toMatch(/^Test member_officer/);
    expect(JSON.parse(events[1]!.after_json!)).toMatchObject({
      'confirmed.date': '2019-10-14',
      'read.date': '2019-10-14',
    });

    // Once confirmed, it stays so: a second confirmation is refused and changes nothing.
    const again = await counts();
    expect((await postForm(t.app, `/antagande/dokument/${id}/bekrafta`, form, huddinge)).status).toBe(409);
    expect(await counts()).toEqual(again);
    const page = await (
      await t.app.request(`/antagande/dokument/${id}`, { headers: { Cookie: huddinge.cookie } })
    ).text();
    expect(textOf(page)).toContain('Beslutet är bekräftat och registrerat med dokumentet som källa.');
    // The adoption page links the decision to its document for those who read internal records, not for the public.
    const adoption = `/program/${programme.slug}/antagande`;
    const signedIn = await (await t.app.request(adoption, { headers: { Cookie: reader.cookie } })).text();
    expect(signedIn).toContain(`href="/antagande/dokument/${id}/fil"`);
    const publicPage = await (await t.app.request(adoption, { headers: { Cookie: ANONYMOUS_COOKIE } })).text();
    expect(publicPage).not.toContain(`/antagande/dokument/${id}/fil`);
    // A reader may open the file of a confirmed decision's source, but not a document still under review.
    const asReader = (path: string) => t.app.request(path, { headers: { Cookie: reader.cookie } });
    expect((await asReader(`/antagande/dokument/${id}/fil`)).status).toBe(200);
    const underReview = idFrom(await upload(t, { text: MINUTES }, huddinge));
    expect((await asReader(`/antagande/dokument/${underReview}/fil`)).status).toBe(404);
    expect((await asReader(`/antagande/dokument/${underReview}`)).status).toBe(404);
    // Its file is there to download, as it was received.
    const file = await t.app.request(`/antagande/dokument/${id}/fil`, { headers: { Cookie: huddinge.cookie } });
    expect(file.status).toBe(200);
    // As the form posted it (a browser's form sends line breaks as CRLF).
    expect((await file.text()).replace(/\r\n/g, '\n')).toBe(MINUTES);
  });

  it('lets a member’s officer record only their own member’s decision from a document they read', async () => {
    // Haninge's officer reads Huddinge's minutes (theirs to read) but may not record Huddinge's decision.
    const id = idFrom(await upload(t, { text: MINUTES }, haninge));
    const members = await readRepos(t.ctx).collaboration.members((await readRepos(t.ctx).collaboration.first())!.id);
    const before = await counts();
    const response = await postForm(
      t.app,
      `/antagande/dokument/${id}/bekrafta`,
      {
        kind: 'minutes',
        programme: 'sup-2035',
        memberId: String(members.find((m) => m.code === '0126')!.id),
        bodyKind: 'board',
        outcome: 'adopted',
        datePrecision: 'exact',
        date: '2019-10-14',
      },
      haninge,
    );
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await readRepos(t.ctx).decisionDocuments.byId(id))!.decisionId).toBeNull();
    // The secretariat sees every member's documents.
    const page = await t.app.request(`/antagande/dokument/${id}`);
    expect(page.status).toBe(200);
  });

  it('records nothing from a memo, which proposes a decision', async () => {
    const memo = readFileSync('data/demo/utvecklingsprogram-2035-tjansteskrivelse.txt', 'utf8');
    const id = idFrom(await upload(t, { text: memo }, t.admin));
    const kept = (await readRepos(t.ctx).decisionDocuments.byId(id))!;
    expect(kept.extraction.kind).toBe('memo');
    const before = await counts();
    const response = await postForm(t.app, `/antagande/dokument/${id}/bekrafta`, {
      kind: 'memo',
      programme: 'sup-2035',
      memberId: '',
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'unknown',
    });
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('En tjänsteskrivelse föreslår ett beslut men registrerar inget.');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is neither a PDF nor an image, and an empty form, keeping nothing', async () => {
    const before = await counts();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const bad = await upload(t, { file: { bytes: zip, name: 'protokoll.pdf', type: 'application/pdf' } }, huddinge);
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Filen är inte en PDF eller en bild (PNG, JPEG, TIFF).');
    const empty = await upload(t, {}, huddinge);
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain('Välj en fil att läsa in, eller klistra in texten.');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over 20 MB before reading it, keeping nothing', async () => {
    const before = await counts();
    const big = new Uint8Array(20 * 1024 * 1024 + 128 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const response = await upload(t, { file: { bytes: big, name: 'stor.pdf', type: 'application/pdf' } }, huddinge);
    expect(response.status).toBe(413);
    expect(textOf(await response.text())).toContain('Filen är större än 20 MB.');
    expect(await counts()).toEqual(before);
  });

  describe('POST /api/v1/documents/read', () => {
    let token: string;
    beforeAll(async () => {
      token = await apiKeyOf(t, huddinge);
    });

    it('reads text and answers the documented JSON, storing nothing', async () => {
      const before = await counts();
      const response = await t.app.request('/api/v1/documents/read', {
        method: 'POST',
        body: DAMAGED_MINUTES,
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          Authorization: `Bearer ${token}`,
          Cookie: ANONYMOUS_COOKIE,
        },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown> & { fields: Record<string, unknown> };
      expect(body).toMatchObject({
        kind: 'minutes',
        text: DAMAGED_MINUTES,
        document: { method: 'pasted', mediaType: 'text/plain' },
      });
      expect(body['repairedText']).toContain('godkänns');
      expect(body.fields).toMatchObject({
        date: '2019-10-14',
        paragraph: '§ 142',
        outcome: 'adopted',
        member: { code: '0126' },
      });
      expect(await counts()).toEqual(before);
    });

    it('needs an API key, and a key of someone who records decisions', async () => {
      const send = (headers: Record<string, string>) =>
        t.app.request('/api/v1/documents/read', {
          method: 'POST',
          body: MINUTES,
          headers: { 'Content-Type': 'text/plain', Cookie: ANONYMOUS_COOKIE, ...headers },
        });
      // Without a key (from the same origin, so the CSRF check is not what answers).
      expect((await send({ Origin: 'http://localhost' })).status).toBe(401);
      // A reader's key reads the cooperation's records but records no decisions.
      expect((await send({ Authorization: `Bearer ${await apiKeyOf(t, reader)}` })).status).toBe(403);
    });

    it('refuses a body that is neither a file nor text', async () => {
      const response = await t.app.request('/api/v1/documents/read', {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Cookie: ANONYMOUS_COOKIE },
      });
      expect(response.status).toBe(415);
    });
  });
});

/** An API key for the person of `session`, made through their "API-nycklar" page as they would make it. */
async function apiKeyOf(t: TestApp, session: TestSession): Promise<string> {
  const user = (await readRepos(t.ctx).users.byEmail(session.email))!;
  const created = await postForm(
    t.app,
    '/konto/api-nycklar',
    { name: 'Dokument', grant: grantKey(user.grants[0]!) },
    session,
  );
  return /sv_[A-Za-z0-9_-]{43}/.exec(await created.text())![0];
}
