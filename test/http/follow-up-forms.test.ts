/**
 * The follow-up's forms and pages through the real app (no port): the rounds' set-up, the report form
 * with Post/Redirect/Get, the late list and the reminders (with and without SMTP), and the hub. Every
 * refusal — bad input, a foreign network, a role without the right — changes nothing.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { listRounds } from '../../src/app/follow-up/rounds.js';
import { createApp } from '../../src/compose-app.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import type { FollowUpRound } from '../../src/domain/plans/follow-up.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { eventsOf, makeActivity, makePlan, makeRound, report } from '../support/plans.js';

/** The page's text without markup, entities decoded, white space as one space. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(testDialects)('follow-up forms on %s', (dialect) => {
  let t: TestApp;
  let member: TestSession;
  let lead: TestSession;
  let foreignMember: TestSession;
  /** A late year (2024) whose rounds' deadlines passed before the test clock (2026-11-27). */
  let plan: Plan;
  let activity: Activity;
  let foreignPlan: Plan;
  let round: FollowUpRound;

  const get = (path: string, as?: TestSession | null) =>
    t.app.request(`http://localhost${path}`, {
      headers: { Cookie: as === undefined ? t.admin.cookie : as === null ? ANONYMOUS_COOKIE : as.cookie },
    });

  beforeAll(async () => {
    t = await openTestApp(dialect);
    member = await t.session('network_member', { network: 'planeringschefer' });
    lead = await t.session('network_lead', { network: 'planeringschefer' });
    foreignMember = await t.session('network_member', { network: 'klimatstrateger' });
    round = await makeRound(t.ctx, 2024, { name: 'Tertial 1', periodEnd: '2024-04-30', dueDate: '2024-05-15' });
    plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2024 });
    activity = await makeActivity(t.ctx, plan, { title: 'Regional bostadsanalys 2024' });
    // Never reported: late throughout.
    await makeActivity(t.ctx, plan, { title: 'Stationsnära planering 2024' });
    foreignPlan = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year: 2024, isExample: true });
    await makeActivity(t.ctx, foreignPlan, { title: 'Skyfallskartering 2024' });
  });
  afterAll(() => t?.close());

  describe('rounds of a plan year', () => {
    it('adds a round after showing every problem with what was typed, then confirms', async () => {
      const bad = await postForm(t.app, '/uppfoljning/omgangar', {
        ar: '2090',
        name: '',
        periodEnd: '2090-13-01',
        dueDate: '2089-12-31',
      });
      expect(bad.status).toBe(422);
      const page = textOf(await bad.text());
      expect(page).toContain('Skriv namnet på omgången.');
      expect(page).toContain('Periodens slut ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2090-04-30.');
      expect(page).toContain('Sista dag för rapport ska ligga under planåret 2090 eller året efter.');
      expect(await listRounds(t.ctx, 2090)).toEqual([]);

      const good = await postForm(t.app, '/uppfoljning/omgangar', {
        ar: '2090',
        name: 'Halvår',
        periodEnd: '2090-06-30',
        dueDate: '2090-07-15',
      });
      expect(good.status).toBe(303);
      expect(good.headers.get('location')).toBe('/uppfoljning/omgangar?ar=2090&sparat=tillagd');
      const after = textOf(await (await get('/uppfoljning/omgangar?ar=2090&sparat=tillagd')).text());
      expect(after).toContain('Omgången är tillagd.');
      expect(after).toContain('Halvår 2090 2090-06-30 2090-07-15');

      const standard = await postForm(t.app, '/uppfoljning/omgangar/standard', { ar: '2090' });
      expect(standard.headers.get('location')).toBe('/uppfoljning/omgangar?ar=2090&sparat=standard&antal=3');
      expect((await listRounds(t.ctx, 2090)).map((r) => r.name)).toEqual([
        'Tertial 1',
        'Halvår',
        'Tertial 2',
        'Årsuppföljning',
      ]);
      expect(textOf(await (await get('/uppfoljning/omgangar?ar=2090&sparat=standard&antal=3')).text())).toContain(
        '3 standardomgångar lades till. ',
      );
    });

    it('edits a round and refuses to remove one that has reports', async () => {
      const r = await makeRound(t.ctx, 2091, { name: 'Tertial 1', periodEnd: '2091-04-30', dueDate: '2091-05-15' });
      const form = await get(`/uppfoljning/omgangar/${r.id}/redigera`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('value="2091-05-15"');
      const bad = await postForm(t.app, `/uppfoljning/omgangar/${r.id}/redigera`, {
        name: 'Tertial 1',
        periodEnd: '2091-04-30',
        dueDate: '2091-04-29',
      });
      expect(bad.status).toBe(422);
      expect(textOf(await bad.text())).toContain(
        'Sista dag för rapport kan inte vara före periodens slut (2091-04-30).',
      );
      const good = await postForm(t.app, `/uppfoljning/omgangar/${r.id}/redigera`, {
        name: 'Tertial 1',
        periodEnd: '2091-04-30',
        dueDate: '2091-05-20',
      });
      expect(good.headers.get('location')).toBe('/uppfoljning/omgangar?ar=2091&sparat=andrad');
      expect((await readRepos(t.ctx).followUp.roundById(r.id))!.dueDate).toBe('2091-05-20');

      // Round 2024 gets a report below; a report blocks removal.
      const p = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2091 });
      const a = await makeActivity(t.ctx, p);
      await report(t.ctx, a, r, 10, { status: 'green' });
      const confirm = textOf(await (await get(`/uppfoljning/omgangar/${r.id}/ta-bort`)).text());
      expect(confirm).toContain('Tertial 1 2091 kan inte tas bort: 1 rapport har lämnats för omgången.');
      expect(confirm).not.toContain('Ta bort omgången');
      const refused = await postForm(t.app, `/uppfoljning/omgangar/${r.id}/ta-bort`, {});
      expect(refused.status).toBe(409);
      expect(textOf(await refused.text())).toContain(
        'Tertial 1 2091 kan inte tas bort: 1 rapport har lämnats för omgången. Ändra namn eller datum i stället.',
      );
      expect(await readRepos(t.ctx).followUp.roundById(r.id)).toBeDefined();

      const empty = await makeRound(t.ctx, 2091, { name: 'Extra', periodEnd: '2091-06-30', dueDate: '2091-07-01' });
      const removed = await postForm(t.app, `/uppfoljning/omgangar/${empty.id}/ta-bort`, {});
      expect(removed.headers.get('location')).toBe('/uppfoljning/omgangar?ar=2091&sparat=borttagen');
      expect(await readRepos(t.ctx).followUp.roundById(empty.id)).toBeUndefined();
    });

    it('is the secretariat’s: others are refused, the public sent to sign in, and nothing changes', async () => {
      expect((await get('/uppfoljning/omgangar?ar=2092', lead)).status).toBe(403);
      const signIn = await get('/uppfoljning/omgangar?ar=2092', null);
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('location')).toBe('/logga-in?till=%2Fuppfoljning%2Fomgangar');
      const raw = { ar: '2092', name: 'Tertial 1', periodEnd: '2092-04-30', dueDate: '2092-05-15' };
      expect((await postForm(t.app, '/uppfoljning/omgangar', raw, lead)).status).toBe(403);
      expect((await postForm(t.app, '/uppfoljning/omgangar/standard', { ar: '2092' }, member)).status).toBe(403);
      expect((await postForm(t.app, `/uppfoljning/omgangar/${round.id}/ta-bort`, {}, lead)).status).toBe(403);
      expect(await listRounds(t.ctx, 2092)).toEqual([]);
      expect(await readRepos(t.ctx).followUp.roundById(round.id)).toEqual(round);
      expect((await get('/uppfoljning/omgangar?ar=20x4')).status).toBe(422);
    });
  });

  describe('the report form', () => {
    const path = () => `/planer/${plan.id}/aktiviteter/${activity.id}/rapport`;

    it('shows the activity with the chosen round, and keeps what was typed with the problems', async () => {
      const res = await get(`${path()}?omgang=${round.id}`, member);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<option value="${round.id}" selected="">Tertial 1 2024 – sista dag 2024-05-15</option>`);
      expect(textOf(html)).toContain('Grön – enligt plan');
      expect(textOf(html)).toContain('Krävs vid gul eller röd status');

      const bad = await postForm(
        t.app,
        path(),
        { roundId: String(round.id), status: 'red', progress: '120 %', comment: '' },
        member,
      );
      expect(bad.status).toBe(422);
      const page = await bad.text();
      expect(textOf(page)).toContain(
        'Skriv hur stor del av aktiviteten som är genomförd, i hela procent från 0 till 100, till exempel 40.',
      );
      expect(textOf(page)).toContain('Skriv en kommentar: vid gul eller röd status');
      expect(page).toContain('value="120 %"');
      expect(page).toMatch(/<input[^>]*id="status-3"[^>]*value="red"[^>]*checked=""/);
      expect(await readRepos(t.ctx).followUp.reportsFor([activity.id])).toEqual([]);
    });

    it('saves the report and redirects to the activity on the plan page', async () => {
      const res = await postForm(
        t.app,
        path(),
        {
          roundId: String(round.id),
          status: 'yellow',
          progress: '40 %',
          comment: 'Underlag dröjer.',
          climateEffect: '',
        },
        member,
      );
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/planer/${plan.id}?sparat=rapport#aktivitet-${activity.id}`);
      const [saved] = await readRepos(t.ctx).followUp.reportsFor([activity.id]);
      expect(saved).toMatchObject({ roundId: round.id, status: 'yellow', progress: 40, comment: 'Underlag dröjer.' });
      expect(saved!.reportedByName).toMatch(/^Test network_member/);
      // The form shows it afterwards, and prefills it for the same round.
      const again = await (await get(`${path()}?omgang=${round.id}`, member)).text();
      expect(textOf(again)).toContain('Tertial 1 2024 Gul 40 % Underlag dröjer.');
      expect(again).toContain('value="40"');
    });

    it('refuses a foreign network, a wrong plan, a draft, and a form without its token', async () => {
      const foreignActivity = (await readRepos(t.ctx).plans.activitiesOf([foreignPlan.id]))[0]!;
      const valid = { roundId: String(round.id), status: 'green', progress: '10', comment: '' };
      expect((await get(path(), foreignMember)).status).toBe(403);
      expect((await postForm(t.app, path(), valid, foreignMember)).status).toBe(403);
      expect((await get(`/planer/${plan.id}/aktiviteter/${foreignActivity.id}/rapport`, member)).status).toBe(404);
      expect(
        (await postForm(t.app, `/planer/${plan.id}/aktiviteter/${foreignActivity.id}/rapport`, valid)).status,
      ).toBe(404);
      const noToken = await postForm(t.app, path(), { ...valid, _csrf: 'fel' }, member);
      expect(noToken.status).toBe(403);
      expect(await readRepos(t.ctx).followUp.reportsFor([foreignActivity.id])).toEqual([]);

      const draft = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2093, state: 'draft' });
      const draftActivity = await makeActivity(t.ctx, draft);
      const draftPage = await get(`/planer/${draft.id}/aktiviteter/${draftActivity.id}/rapport`, member);
      expect(draftPage.status).toBe(409);
      expect(textOf(await draftPage.text())).toContain('Planen är ett utkast.');
      expect((await get(path(), null)).status).toBe(303);
    });
  });

  describe('late reports and reminders', () => {
    it('shows a lead their network’s late reports, refuses a member, and says reminders are not set up', async () => {
      const res = await get('/uppfoljning/sena', lead);
      expect(res.status).toBe(200);
      const page = textOf(await res.text());
      expect(page).toContain('Listan gäller Planeringschefer.');
      expect(page).not.toContain('Skyfallskartering 2024');
      expect(page).toContain('E-postpåminnelser är inte inställda (SMTP_URL saknas).');
      expect(page).not.toContain('Skicka påminnel');

      const all = textOf(await (await get('/uppfoljning/sena?natverk=klimatstrateger')).text());
      expect(all).toContain('Skyfallskartering 2024 Klimatstrateger');
      expect(all).toContain('Exempel');
      expect(all).toContain('Exempel: uppgifterna bygger på påhittade exempelplaner');
      expect((await get('/uppfoljning/sena?natverk=klimatstrateger', lead)).status).toBe(403);
      expect((await get('/uppfoljning/sena', member)).status).toBe(403);
      expect((await get('/uppfoljning/sena', null)).status).toBe(303);

      const before = (await eventsOf(t.ctx, 'reminders.sent')).length;
      const post = await postForm(t.app, '/uppfoljning/paminnelser', {}, lead);
      expect(post.status).toBe(200);
      expect(textOf(await post.text())).toContain('E-postpåminnelser är inte inställda (SMTP_URL saknas).');
      expect(await eventsOf(t.ctx, 'reminders.sent')).toHaveLength(before);
    });

    describe('with SMTP', () => {
      let smtp: TestSmtpServer;
      let mailer: Mailer;
      let app: Hono;
      beforeAll(async () => {
        smtp = await startSmtpServer();
        mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: 'uppfoljning@samverkan.test' })!;
        app = createApp({ ...t.ctx, mailer });
      });
      afterAll(async () => {
        mailer?.close();
        await smtp?.close();
      });

      it('lets a lead send reminders for their network and shows what was sent', async () => {
        const page = textOf(
          await (await app.request('http://localhost/uppfoljning/sena', { headers: { Cookie: lead.cookie } })).text(),
        );
        expect(page).toMatch(/Skicka påminnelse(r)? om \d+ sen(a)? rapport(er)?/);
        expect((await postForm(app, '/uppfoljning/paminnelser', {}, member)).status).toBe(403);
        expect(smtp.messages).toEqual([]);

        const res = await postForm(app, '/uppfoljning/paminnelser', {}, lead);
        expect(res.status).toBe(200);
        const result = textOf(await res.text());
        // The demo's example plan of the network is late too; its activities go to the lead as well.
        const leadEmail = lead.email;
        expect(smtp.messages.length).toBeGreaterThan(0);
        expect(smtp.messages.every((m) => m.envelopeTo.join() === leadEmail)).toBe(true);
        expect(result).toContain(
          smtp.messages.length === 1 ? '1 påminnelse skickades.' : `${smtp.messages.length} påminnelser skickades.`,
        );
        expect(result).toContain(
          `Stationsnära planering 2024 Tertial 1 2024 Nätverkets ledare (ansvarig saknar konto) ${leadEmail}`,
        );
        const mail = smtp.messages.find((m) => m.subject.includes('Stationsnära planering 2024'))!;
        expect(mail.subject).toBe('Påminnelse: rapport saknas för ”Stationsnära planering 2024” (Tertial 1 2024)');
        expect(mail.text).toMatch(
          new RegExp(
            `Rapportera här: http://localhost/planer/${plan.id}/aktiviteter/\\d+/rapport\\?omgang=${round.id}`,
          ),
        );
        // The activity reported on is not late any more.
        expect(smtp.messages.some((m) => m.subject.includes('Regional bostadsanalys'))).toBe(false);
        expect(smtp.messages.some((m) => m.subject.includes('Skyfallskartering'))).toBe(false);
      });
    });
  });

  describe('the hub', () => {
    it('shows the year’s rounds with reports in, and links on by role', async () => {
      const admin = textOf(await (await get('/uppfoljning?ar=2024')).text());
      expect(admin).toContain('Uppföljning 2024');
      expect(admin).toMatch(/Tertial 1 2024 2024-04-30 2024-05-15 1 av 3 Sista dagen har passerat – rapporter saknas/);
      expect(admin).toContain('Sena rapporter');
      expect(admin).toContain('Ställ in omgångarna för 2024');
      const html = await (await get('/uppfoljning?ar=2024', null)).text();
      expect(html).toContain('href="/uppfoljning/2024/maluppfyllelse"');
      expect(html).toContain('href="/uppfoljning/2024/arsredovisning"');
      expect(html).toContain('href="/uppfoljning/kalender.ics"');
      expect(html).not.toContain('href="/uppfoljning/sena"');
      expect(html).not.toContain('/uppfoljning/omgangar');
      // The public counts adopted plans only; both are adopted, one is an example.
      expect(textOf(html)).toContain('Exempel: uppgifterna bygger på påhittade exempelplaner');
      expect((await get('/uppfoljning?ar=abcd')).status).toBe(422);
    });
  });
});
