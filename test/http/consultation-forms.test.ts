/**
 * A consultation's pages and forms over HTTP on both databases: the public page with its texts on public
 * records and the service's rules (and without a mailer, that commenting is not possible now); the comment
 * form (sent, confirmed through the mailed link, refused on bad input, on a personnummer, from another
 * site, past the flood limits), reporting, the secretariat's settings, moderation, themes and answers
 * with who may use them, and the samrådsredogörelse as page, Word, PDF address and CSV.
 */
import type { Hono } from 'hono';
import mammoth from 'mammoth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { readRepos } from '../../src/app/context.js';
import { FLOOD_LIMITS } from '../../src/app/consultation/flood-limits.js';
import { partKey } from '../../src/domain/consultation/consultation.js';
import { createApp } from '../../src/compose-app.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, postForm } from '../support/app.js';
import { openTestContext, TEST_NOW, type TestContext } from '../support/context.js';
import { confirmationLink, firstGoal, mailerFor, nextVersion, proposedRevision } from '../support/consultation.js';
import { testDialects } from '../support/databases.js';
import { sessionFor, type TestSession } from '../support/sessions.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(testDialects)('consultation pages and forms on %s', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let clock: Date;
  let app: Hono;
  let noMail: Hono;
  let admin: TestSession;
  let officer: TestSession;
  let slug: string;
  let base: string;
  let goalPath: string;
  let goalTitle: string;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    smtp = await startSmtpServer();
    mailer = mailerFor(smtp);
    clock = TEST_NOW;
    const ctx: AppContext = { ...t.ctx, mailer, now: () => clock };
    app = createApp(ctx);
    noMail = createApp({ ...t.ctx, now: () => clock });
    admin = await sessionFor(t.ctx, 'admin');
    officer = await sessionFor(t.ctx, 'member_officer', { member: '0136' });
    slug = await proposedRevision(t.ctx);
    base = `/program/${slug}/samrad`;
    const goal = firstGoal((await getProgramme(t.ctx, slug)).programme);
    goalTitle = goal.title;
    goalPath = `${base}/del/${partKey({ kind: 'goal', id: goal.id })}`;
  }, 60_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await t?.close();
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    await t.storage.db.deleteFrom('consultation_attempts').execute();
  });

  const get = (path: string, as: TestSession | null = null, on: Hono = app) =>
    Promise.resolve(on.request(`http://localhost${path}`, { headers: { Cookie: as ? as.cookie : ANONYMOUS_COOKIE } }));
  const post = (path: string, fields: Record<string, string | string[]>, as: TestSession | null = null) =>
    postForm(app, path, fields, as);

  describe('opening', () => {
    it('is refused to the public and to a member’s officer, before anything is read', async () => {
      const public_ = await get(`${base}/installningar`);
      expect(public_.status).toBe(303);
      expect(public_.headers.get('location')).toBe(`/logga-in?till=${encodeURIComponent(`${base}/installningar`)}`);
      expect((await get(`${base}/installningar`, officer)).status).toBe(403);
      const before = await contentFingerprint(t.storage);
      expect((await post(`${base}/installningar`, { startDate: '2026-11-20' })).status).toBe(401);
      expect((await post(`${base}/installningar`, { startDate: '2026-11-20' }, officer)).status).toBe(403);
      expect(await contentFingerprint(t.storage)).toEqual(before);
    });

    it('is offered on the programme page to the secretariat, and refused on a draft', async () => {
      expect(await (await get(`/program/${slug}`, admin)).text()).toContain('Öppna ett samråd om förslaget');
      expect(await (await get(`/program/${slug}`)).text()).not.toContain('samrad');
      const draft = await get('/program/sup-2035/samrad/installningar', admin);
      expect(draft.status).toBe(200);
      const { slug: draftSlug } = await (
        await import('../../src/app/programmes/create-draft.js')
      ).createDraft(t.ctx, {
        from: 'sup-2035',
        name: 'Utkast',
      });
      const refused = await get(`/program/${draftSlug}/samrad/installningar`, admin);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('Ett samråd hålls om ett föreslaget program');
    });

    it('shows every mistake in the form, then opens the consultation', async () => {
      const form = await get(`${base}/installningar`, admin);
      const html = await form.text();
      expect(html).toContain('<h1>Öppna samråd om Södertörns utvecklingsprogram 2035, revidering</h1>');
      expect(html).toContain('value="Södertörns samarbetskommitté"');
      const bad = await post(
        `${base}/installningar`,
        { startDate: '2026-13-01', endDate: '2026-11-01', responsible: '', reportsToHide: 'tre', version: '0' },
        admin,
      );
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain('id="felsammanfattning"');
      expect(badHtml).toContain('Första dagen ska vara ett datum som 2027-03-01 (år-månad-dag).');
      expect(badHtml).toContain('Skriv vem som tar emot synpunkterna.');
      expect(badHtml).toContain('Skriv ett helt tal från 1 till 50.');
      expect(badHtml).toContain('value="tre"');

      const opened = await post(
        `${base}/installningar`,
        {
          startDate: '2026-11-20',
          endDate: '2026-12-10',
          responsible: 'Huddinge kommun',
          description: 'Vi vill veta vad du tycker.',
          reportsToHide: '2',
          version: '0',
        },
        admin,
      );
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe(base);
      expect(await (await get(`/program/${slug}`)).text()).toContain(
        `href="${base}">Samråd (pågår, 2026-11-20–2026-12-10)</a>`,
      );
    });

    it('refuses a signed-in form without its CSRF token', async () => {
      const res = await post(`${base}/installningar`, { _csrf: 'fel', responsible: 'X' }, admin);
      expect(res.status).toBe(403);
    });
  });

  describe('the public page and commenting', () => {
    it('says what becomes of a comment and who runs the service, and links each part to its form', async () => {
      const res = await get(base);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>Samråd om Södertörns utvecklingsprogram 2035, revidering</h1>');
      expect(html).toContain('blir allmänna handlingar hos Huddinge kommun');
      expect(html).toContain('Namn och e-postadress kan lämnas ut');
      expect(html).toContain('lagen (1998:112) om ansvar för elektroniska anslagstavlor');
      expect(html).toContain('Samrådet tillhandahålls av Huddinge kommun i');
      expect(html).toContain(`href="${goalPath}"`);
      expect(html).not.toContain('För sekretariatet');
      expect(await (await get(base, admin)).text()).toContain('För sekretariatet');
    });

    it('says commenting is not possible now when no mail can be sent', async () => {
      const html = await (await get(goalPath, admin, noMail)).text();
      expect(html).toContain('Det går inte att kommentera just nu');
      expect(html).not.toContain('name="email"');
    });

    it('takes a comment, mails the link, and publishes it when the link’s button is pressed', async () => {
      const form = await (await get(goalPath)).text();
      expect(form).toContain('<label class="ds-label" for="email">E-postadress</label>');
      expect(form).toContain('När du skickar blir kommentaren en allmän handling hos Huddinge kommun.');
      const sent = await post(goalPath, {
        displayName: 'Fatima',
        email: 'fatima@test.invalid',
        body: 'Tydligare mål om cykelvägar, tack.',
      });
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe(`${goalPath}?skickad=1`);
      expect(await (await get(`${goalPath}?skickad=1`)).text()).toContain('Vi har skickat ett e-postmeddelande');
      expect(smtp.messages).toHaveLength(1);
      const link = new URL(confirmationLink(smtp.messages[0]!.text));
      expect(link.origin).toBe('http://localhost');
      expect(await (await get(goalPath)).text()).not.toContain('Tydligare mål om cykelvägar');

      const page = await get(link.pathname);
      expect(page.status).toBe(200);
      const pageHtml = await page.text();
      expect(pageHtml).toContain('Tydligare mål om cykelvägar, tack.');
      expect(pageHtml).not.toContain('fatima@test.invalid');
      const confirmed = await post(link.pathname, {});
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toMatch(new RegExp(`^${goalPath}\\?bekraftad=1#kommentar-\\d+$`));
      const thread = await (await get(goalPath)).text();
      expect(thread).toContain('Tydligare mål om cykelvägar, tack.');
      expect(thread).toContain('Fatima, 2026-11-27');
      expect(thread).not.toContain('fatima@test.invalid');
      expect(await (await get(base)).text()).not.toContain('fatima@test.invalid');

      expect((await post(link.pathname, {})).status).toBe(404);
      expect((await get('/samrad/bekrafta/finns-inte')).status).toBe(404);
    });

    it('shows every mistake, keeps what was written and stores nothing', async () => {
      const before = await contentFingerprint(t.storage);
      const res = await post(goalPath, { displayName: '', email: 'fel', body: 'Ring mig på 811218-9876.' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Skriv namnet som visas.');
      expect(html).toContain('Skriv en e-postadress som namn@exempel.se.');
      expect(html).toContain('Texten innehåller ett personnummer.');
      expect(html).toContain('Ring mig på 811218-9876.');
      expect(html).toContain('<title>Fel: Mål:');
      expect(await contentFingerprint(t.storage)).toEqual(before);
      expect(smtp.messages).toHaveLength(0);
      expect(
        (await post(`${base}/del/goal-999999`, { displayName: 'A', email: 'a@test.invalid', body: 'x' })).status,
      ).toBe(404);
    });

    it('is in English too, the programme’s words as written and the staff’s pages left in Swedish', async () => {
      const res = await get(`/en${base}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="en"');
      expect(html).toContain('<h1>Consultation on Södertörns utvecklingsprogram 2035, revidering</h1>');
      expect(html).toContain('become public records (allmänna handlingar) held by Huddinge kommun');
      expect(html).toContain(`href="/en${goalPath}"`);
      const admin_ = await (await get(`/en${base}`, admin)).text();
      expect(admin_).toContain(`href="${base}/moderering"`);
      const form = await (await get(`/en${goalPath}`)).text();
      expect(form).toContain(`action="/en${goalPath}"`);
      expect(form).toContain('<label class="ds-label" for="email">E-mail address</label>');
      const sent = await postForm(
        app,
        `/en${goalPath}`,
        { displayName: 'Jo', email: 'jo@test.invalid', body: 'In English.' },
        null,
      );
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe(`/en${goalPath}?skickad=1`);
      expect(await (await get(`/en${goalPath}?skickad=1`)).text()).toContain('We have sent you an e-mail with a link.');
    });

    it('refuses a post from another site', async () => {
      const before = await contentFingerprint(t.storage);
      const res = await app.request(`http://localhost${goalPath}`, {
        method: 'POST',
        body: new URLSearchParams({ displayName: 'X', email: 'x@test.invalid', body: 'Från en annan webbplats' }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'https://annan.example',
          Cookie: ANONYMOUS_COOKIE,
        },
      });
      expect(res.status).toBe(403);
      expect(await contentFingerprint(t.storage)).toEqual(before);
    });

    it('limits comments per address and per e-mail, with 429', async () => {
      for (let i = 0; i < FLOOD_LIMITS.commentsPerEmail; i++)
        expect((await post(goalPath, { displayName: 'G', email: 'g@test.invalid', body: `Nr ${i}` })).status).toBe(303);
      const byEmail = await post(goalPath, { displayName: 'G', email: 'g@test.invalid', body: 'En till' });
      expect(byEmail.status).toBe(429);
      expect(await byEmail.text()).toContain('med den här e-postadressen den senaste timmen');
      for (let i = FLOOD_LIMITS.commentsPerEmail; i < FLOOD_LIMITS.commentsPerAddress; i++)
        expect((await post(goalPath, { displayName: 'H', email: `h${i}@test.invalid`, body: `Nr ${i}` })).status).toBe(
          303,
        );
      const byAddress = await post(goalPath, { displayName: 'H', email: 'ny@test.invalid', body: 'En till' });
      expect(byAddress.status).toBe(429);
      expect(await byAddress.text()).toContain('från din anslutning den senaste timmen');
    });
  });

  describe('reporting and moderation', () => {
    let commentId: number;
    beforeAll(async () => {
      const comments = await readRepos(t.ctx).consultations.comments(
        (await readRepos(t.ctx).consultations.byProgramme((await getProgramme(t.ctx, slug)).programme.id))!.id,
        ['published'],
      );
      commentId = comments[0]!.id;
    });

    it('takes a report with a reason, and asks for one', async () => {
      const path = `${base}/kommentarer/${commentId}/anmal`;
      const form = await (await get(path)).text();
      expect(form).toContain('Hets eller kränkningar');
      const bad = await post(path, { reason: 'tråkig' });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('Välj varför du anmäler kommentaren.');
      const ok = await post(path, { reason: 'spam', details: '' });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(`${goalPath}?anmald=1`);
      // The same address again: counted once.
      expect((await post(path, { reason: 'spam' })).headers.get('location')).toBe(`${goalPath}?anmald=2`);
      expect((await get(`${base}/kommentarer/999999/anmal`)).status).toBe(404);
    });

    it('is the secretariat’s: the public is asked to sign in, an officer refused', async () => {
      expect((await get(`${base}/moderering`)).status).toBe(303);
      expect((await get(`${base}/moderering`, officer)).status).toBe(403);
      const before = await contentFingerprint(t.storage);
      expect((await post(`${base}/moderering/${commentId}/dolj`, { reason: 'x' })).status).toBe(401);
      expect((await post(`${base}/moderering/${commentId}/dolj`, { reason: 'x' }, officer)).status).toBe(403);
      expect(await contentFingerprint(t.storage)).toEqual(before);
    });

    it('hides with a reason the author is mailed, and shows the hidden comment as hidden', async () => {
      const list = await (await get(`${base}/moderering`, admin)).text();
      expect(list).toContain('1 anmälan');
      const empty = await post(`${base}/moderering/${commentId}/dolj`, { reason: '' }, admin);
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain('href="#hide-reason"');
      const hidden = await post(`${base}/moderering/${commentId}/dolj`, { reason: 'Reklam för ett företag.' }, admin);
      expect(hidden.status).toBe(303);
      expect(hidden.headers.get('location')).toBe(`${base}/moderering/${commentId}?klart=1`);
      expect(smtp.messages.at(-1)!.envelopeTo).toEqual(['fatima@test.invalid']);
      expect(smtp.messages.at(-1)!.text).toContain('Skäl: Reklam för ett företag.');
      const thread = await (await get(goalPath)).text();
      expect(thread).toContain('Kommentaren är dold av en moderator.');
      expect(thread).not.toContain('Tydligare mål om cykelvägar');
      const page = await (await get(`${base}/moderering/${commentId}?klart=1`, admin)).text();
      expect(page).toContain('Författaren har fått e-post med skälet.');
      expect(page).toContain('Tydligare mål om cykelvägar');
      expect((await get(`${base}/kommentarer/${commentId}/anmal`)).status).toBe(409);
      const restored = await post(`${base}/moderering/${commentId}/visa`, { reason: 'Granskad: inte reklam.' }, admin);
      expect(restored.status).toBe(303);
    });
  });

  describe('answers', () => {
    it('groups comments under a theme and saves an answer as a draft, then publishes it', async () => {
      const repos = readRepos(t.ctx);
      const consultation = (await repos.consultations.byProgramme((await getProgramme(t.ctx, slug)).programme.id))!;
      const ids = (await repos.consultations.comments(consultation.id, ['published'])).map((c) => String(c.id));
      expect((await get(`${base}/svar`, officer)).status).toBe(403);
      const noTitle = await post(`${base}/svar/teman`, { commentIds: ids, themeId: '', title: '' }, admin);
      expect(noTitle.status).toBe(422);
      expect(await noTitle.text()).toContain('Skriv temats namn, eller välj ett tema som finns.');
      const grouped = await post(`${base}/svar/teman`, { commentIds: ids, themeId: '', title: 'Cykel' }, admin);
      expect(grouped.status).toBe(303);
      const theme = (await repos.consultations.themes(consultation.id))[0]!;
      const path = `${base}/svar/teman/${theme.id}`;
      const bad = await post(path, { body: '', outcome: '', action: 'draft', version: '0' }, admin);
      expect(bad.status).toBe(422);
      const draft = await post(
        path,
        { body: 'Cykelvägar läggs till.', outcome: 'accommodated', action: 'draft', version: '0' },
        admin,
      );
      expect(draft.headers.get('location')).toBe(`${path}?sparat=utkast`);
      expect(await (await get(goalPath)).text()).not.toContain('Cykelvägar läggs till.');
      const published = await post(
        path,
        { body: 'Cykelvägar läggs till.', outcome: 'accommodated', action: 'publish', version: '1' },
        admin,
      );
      expect(published.headers.get('location')).toBe(`${path}?sparat=publicerat`);
      const thread = await (await get(goalPath)).text();
      expect(thread).toContain('Svar på temat ”Cykel”');
      expect(thread).toContain('Cykelvägar läggs till.');
      const stale = await post(path, { body: 'x', outcome: 'noted', action: 'draft', version: '1' }, admin);
      expect(stale.status).toBe(409);
    });
  });

  describe('the samrådsredogörelse', () => {
    it('is refused to the public while the consultation runs, and offered in every format once it has closed', async () => {
      const running = await get(`${base}/redogorelse`);
      expect(running.status).toBe(409);
      expect(await running.text()).toContain('Samrådsredogörelsen publiceras när samrådet har avslutats.');
      expect((await get(`${base}/redogorelse`, admin)).status).toBe(200);
      await nextVersion(t.ctx, slug, `${goalTitle} och cykelvägar`);

      clock = new Date('2026-12-11T09:00:00Z');
      try {
        const page = await (await get(base)).text();
        expect(page).toContain('Samrådet pågick');
        expect(page).toContain(`href="${base}/redogorelse.docx"`);
        expect(page).toContain(`href="${base}/redogorelse.csv"`);
        expect(page).not.toContain('>Kommentera<');
        const closedForm = await (await get(goalPath)).text();
        expect(closedForm).toContain('Samrådet är avslutat. Inga fler kommentarer tas emot.');
        const refused = await post(goalPath, { displayName: 'Sen', email: 'sen@test.invalid', body: 'För sent' });
        expect(refused.status).toBe(409);

        const report = await get(`${base}/redogorelse`);
        expect(report.status).toBe(200);
        const html = await report.text();
        expect(html).toContain('Samrådsredogörelse: Södertörns utvecklingsprogram 2035, revidering');
        expect(html).toContain('Bilaga: alla kommentarer');
        expect(html).not.toContain('@test.invalid');

        const docx = await get(`${base}/redogorelse.docx`);
        expect(docx.status).toBe(200);
        expect(docx.headers.get('content-type')).toBe(DOCX);
        expect(docx.headers.get('content-disposition')).toMatch(/samradsredogorelse-.*\.docx/);
        const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
        expect(text).toContain('Synpunkter och ställningstaganden per del');
        expect(text).toContain('Cykelvägar läggs till.');

        // Without Chromium this app cannot print: it says so.
        expect((await get(`${base}/redogorelse.pdf`)).status).toBe(503);

        const csv = await get(`${base}/redogorelse.csv`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        const bytes = Buffer.from(await csv.arrayBuffer());
        // The byte order mark Excel needs (Response.text() would drop it).
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const body = bytes.subarray(3).toString('utf8');
        expect(body.startsWith('Nr;Del;Delens text;Namn;Publicerad;Status;Tema;Kommentar;Svar;Tas om hand\r\n')).toBe(
          true,
        );
        expect(body).toContain('Cykelvägar läggs till.');
        expect(body).not.toContain('@');
      } finally {
        clock = TEST_NOW;
      }
    });
  });
});
