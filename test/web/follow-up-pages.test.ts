/**
 * The follow-up pages in Chromium on the real app: the hub, the rounds' set-up with its error state,
 * the edit and remove pages (including a refused removal), the report form with its error state, the
 * late list without and with e-mail, and the reminders' outcome — zero axe violations (WCAG 2.1 A/AA)
 * and no sideways scroll at 320 px on each.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { createApp } from '../../src/compose-app.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { actAs, makeActivity, makePlan, makeRound, report } from '../support/plans.js';
import { openTestApp, type TestApp } from '../support/app.js';
import {
  launchBrowser,
  signIn,
  startServer,
  type RunningServer,
  submitExpecting,
  expectAccessible as expectPageAccessible,
  errorSummaryLinks,
} from '../support/browser.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

describe.each(testDialects)('follow-up pages in Chromium on %s', (dialect) => {
  let t: TestApp;
  let browser: Browser;
  let server: RunningServer;
  let mailServer: RunningServer;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let context: BrowserContext;
  let page: Page;
  let member: TestSession;
  let lead: TestSession;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    member = await t.session('network_member', { network: 'planeringschefer' });
    lead = await t.session('network_lead', { network: 'planeringschefer' });
    smtp = await startSmtpServer({ reject: ['avvisad@test.invalid'] });
    mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: 'uppfoljning@samverkan.test' })!;
    [browser, server, mailServer] = await Promise.all([
      launchBrowser(),
      startServer(t.app),
      startServer(createApp({ ...t.ctx, mailer })),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mailServer?.close();
    mailer?.close();
    await smtp?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function as(session: TestSession | null, url = server.url): Promise<void> {
    if (session) await signIn(context, url, session);
  }

  async function open(path: string, status = 200, url = server.url): Promise<void> {
    const res = await page.goto(`${url}${path}`);
    expect(res?.status(), path).toBe(status);
  }

  const submit = (button: string | RegExp, status: number) =>
    submitExpecting(page, page.locator('main').getByRole('button', { name: button }), status);

  const expectAccessible = () => expectPageAccessible(page);

  const summaryLinks = () => errorSummaryLinks(page);
  const mainText = () => page.locator('main').innerText();

  it('the hub, for the public and the secretariat', { timeout: 120_000 }, async () => {
    await open('/uppfoljning?ar=2026');
    await expect(page.locator('h1').textContent()).resolves.toBe('Uppföljning 2026');
    await expect(mainText()).resolves.toContain('Exempel: uppgifterna bygger på påhittade exempelplaner');
    await expectAccessible();

    await as(t.admin);
    await open('/uppfoljning');
    await expect(page.getByRole('link', { name: 'Sena rapporter' }).count()).resolves.toBe(1);
    await expectAccessible();
    await Promise.all([
      page.waitForURL(/\/uppfoljning\/omgangar\?ar=2026$/),
      page.getByRole('link', { name: /^Ställ in omgångarna för 2026/ }).click(),
    ]);
    await expectAccessible();
  });

  it(
    'the rounds’ set-up: error state, standard rounds, edit, remove and a refused removal',
    { timeout: 120_000 },
    async () => {
      await as(t.admin);
      await open('/uppfoljning/omgangar?ar=2095');
      await expectAccessible();

      await page.fill('#periodEnd', '2095-02-30');
      await submit('Lägg till omgången', 422);
      expect(await summaryLinks()).toEqual(['#name', '#periodEnd', '#dueDate']);
      await expect(page.inputValue('#periodEnd')).resolves.toBe('2095-02-30');
      await expectAccessible();

      await submit('Lägg till standardomgångarna för 2095', 303);
      await page.waitForURL(/sparat=standard&antal=3$/);
      await expect(page.getByRole('status').textContent()).resolves.toBe('3 standardomgångar lades till.');
      await expectAccessible();

      await Promise.all([
        page.waitForURL(/\/redigera$/),
        page.getByRole('link', { name: /^Ändra\W+Tertial 2 2095/ }).click(),
      ]);
      await expectAccessible();
      await page.fill('#dueDate', '2095-08-01');
      await submit('Spara ändringarna', 422);
      expect(await summaryLinks()).toEqual(['#dueDate']);
      await expectAccessible();
      await page.fill('#dueDate', '2095-09-20');
      await submit('Spara ändringarna', 303);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Ändringarna av omgången är sparade.');

      // A round without reports: asked, then removed.
      await Promise.all([
        page.waitForURL(/\/ta-bort$/),
        page.getByRole('link', { name: /^Ta bort\W+Tertial 2 2095/ }).click(),
      ]);
      await expectAccessible();
      await submit('Ta bort omgången', 303);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Omgången är borttagen.');

      // Someone reports while the confirmation is open: the removal is refused and says why.
      const [tertial1] = await readRepos(t.ctx).followUp.rounds(1, 2095);
      await open(`/uppfoljning/omgangar/${tertial1!.id}/ta-bort`);
      const plan = await makePlan(t.ctx, { networkKey: 'yh-natverket', year: 2095 });
      const activity = await makeActivity(t.ctx, plan);
      await report(t.ctx, activity, tertial1!, 5, { status: 'green' });
      await submit('Ta bort omgången', 409);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Tertial 1 2095 kan inte tas bort');
      await expectAccessible();
      await open(`/uppfoljning/omgangar/${tertial1!.id}/ta-bort`);
      await expect(mainText()).resolves.toContain('1 rapport har lämnats för omgången');
      await expectAccessible();
    },
  );

  it(
    'the report form: an example plan’s activity, its error state, and the redirect',
    { timeout: 120_000 },
    async () => {
      const repos = readRepos(t.ctx);
      const round = await makeRound(t.ctx, 2025, { name: 'Tertial 1', periodEnd: '2025-04-30', dueDate: '2025-05-15' });
      const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2025, isExample: true });
      const activity = await makeActivity(t.ctx, plan, { title: 'Gemensam analys 2025' });
      await as(member);
      await open(`/planer/${plan.id}/aktiviteter/${activity.id}/rapport?omgang=${round.id}`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Rapportera: Gemensam analys 2025');
      await expect(mainText()).resolves.toContain('Exempel: planen är påhittad för att visa tjänsten');
      await expectAccessible();

      await page.check('#status-2');
      await page.fill('#progress', '140');
      await submit('Spara rapporten', 422);
      expect(await summaryLinks()).toEqual(['#progress', '#comment']);
      await expect(page.isChecked('#status-2')).resolves.toBe(true);
      await expectAccessible();
      // The summary's link takes focus to the field.
      await page.locator('#felsammanfattning a[href="#comment"]').click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('comment');

      await page.fill('#progress', '35 %');
      await page.fill('#comment', 'Två kommuner har inte lämnat underlag.');
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('main').getByRole('button', { name: 'Spara rapporten' }).click(),
      ]);
      expect(res.status()).toBe(303);
      expect(res.headers()['location']).toBe(`/planer/${plan.id}?sparat=rapport#aktivitet-${activity.id}`);
      expect(await repos.followUp.report(activity.id, round.id)).toMatchObject({ status: 'yellow', progress: 35 });

      // With a report, the form lists it.
      await open(`/planer/${plan.id}/aktiviteter/${activity.id}/rapport`);
      await expect(mainText()).resolves.toContain('Två kommuner har inte lämnat underlag.');
      await expectAccessible();
    },
  );

  it('late reports without e-mail, and with it the reminders’ outcome', { timeout: 120_000 }, async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2023 });
    await makeRound(t.ctx, 2023, { name: 'Tertial 1', periodEnd: '2023-04-30', dueDate: '2023-05-15' });
    await makeActivity(t.ctx, plan, { title: 'Sen aktivitet 2023' });
    // An owner whose mailbox the server refuses: the page lists the mail as not sent.
    const refused = await actAs(t.ctx, 'network_member', 'planeringschefer', 'avvisad@test.invalid');
    await makeActivity(t.ctx, plan, { title: 'Avvisad mottagare 2023', ownerUserId: refused.userId });

    await as(lead);
    await open('/uppfoljning/sena');
    await expect(mainText()).resolves.toContain('E-postpåminnelser är inte inställda (SMTP_URL saknas).');
    await expect(mainText()).resolves.toContain('Sen aktivitet 2023');
    await expectAccessible();

    // The secretariat, all networks: the planning network's lead gets theirs; the climate network's
    // example plan has neither an owner account nor a lead, and the page says so.
    await as(t.admin, mailServer.url);
    await open('/uppfoljning/sena', 200, mailServer.url);
    await expectAccessible();
    await submit(/^Skicka påminnelse/, 200);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(
      /^\d+ påminnelser? skickades\. 1 kunde inte skickas och räknas inte som skickade\.$/,
    );
    await expect(mainText()).resolves.toContain('Ingen att skicka till');
    await expect(mainText()).resolves.toMatch(
      /Kunde inte skickas\n+”Avvisad mottagare 2023” \(Tertial 1 2023\) till avvisad@test\.invalid: E-postservern tog inte emot/,
    );
    await expectAccessible();
    expect(smtp.messages.length).toBeGreaterThan(0);
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual(smtp.messages.map(() => [lead.email]));
    expect(smtp.messages.some((m) => m.subject.includes('Sen aktivitet 2023'))).toBe(true);
  });
});
