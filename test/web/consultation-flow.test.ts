/**
 * The whole consultation in Chromium on the real app, on both databases: the secretariat opens a
 * consultation on a proposed version (its form first with a mistake); two residents comment on a goal,
 * each confirming their address through the link in the mail the tests' SMTP server caught; one comment is
 * reported and hidden by a moderator (its author gets the mail with the reason); the secretariat gathers
 * and answers the other, a draft first; the consultation closes when the clock passes its last day; and
 * the samrådsredogörelse is read as a page and downloaded as Word, PDF and CSV. Every page template of the
 * consultation is checked with axe (zero violations, WCAG 2.1 A/AA) and for sideways scroll at 320 px.
 */
import { existsSync } from 'node:fs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { createPdfPrinter, type PdfPrinter } from '../../src/documents/pdf-printer.js';
import { createApp } from '../../src/compose-app.js';
import type { Mailer } from '../../src/mail/mailer.js';
import {
  CHROMIUM_PATH,
  expectAccessible,
  launchBrowser,
  signIn,
  startServer,
  submitExpecting,
  tab,
  type RunningServer,
} from '../support/browser.js';
import { openTestContext, TEST_NOW, type TestContext } from '../support/context.js';
import { confirmationLink, firstGoal, mailerFor, nextVersion, proposedRevision } from '../support/consultation.js';
import { testDialects } from '../support/databases.js';
import { pdfText } from '../support/pdf-reading.js';
import { sessionFor } from '../support/sessions.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

const PRINT = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Each step is a whole flow in Chromium (pages, forms, mail caught by the test SMTP server): on a busy
// 2-core machine one step took over 30 s, so the steps get 90 s each.
describe.each(testDialects)(
  'a consultation from opening to its report, in Chromium on %s',
  { timeout: 90_000 },
  (dialect) => {
    let t: TestContext;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let printer: PdfPrinter | undefined;
    let clock: Date;
    let server: RunningServer;
    let browser: Browser;
    let secretariat: BrowserContext;
    let resident: BrowserContext;
    let slug: string;
    let goalTitle: string;

    beforeAll(async () => {
      t = await openTestContext(dialect);
      smtp = await startSmtpServer();
      mailer = mailerFor(smtp);
      clock = TEST_NOW;
      if (PRINT) printer = createPdfPrinter({ executablePath: CHROMIUM_PATH });
      const ctx: AppContext = { ...t.ctx, mailer, now: () => clock };
      const app = createApp(ctx, printer ? { pdfPrinter: printer } : {});
      [browser, server] = await Promise.all([launchBrowser(), startServer(app)]);
      slug = await proposedRevision(t.ctx);
      goalTitle = firstGoal((await getProgramme(t.ctx, slug)).programme).title;
      secretariat = await browser.newContext();
      await signIn(secretariat, server.url, await sessionFor(t.ctx, 'admin'));
      resident = await browser.newContext();
    }, 120_000);
    afterAll(async () => {
      await Promise.all([secretariat?.close(), resident?.close()]);
      await browser?.close();
      await server?.close();
      await printer?.close();
      mailer?.close();
      await smtp?.close();
      await t?.close();
    });

    const go = async (context: BrowserContext, path: string, status = 200): Promise<Page> => {
      const page = await tab(context);
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(status);
      return page;
    };
    const base = () => `/program/${slug}/samrad`;

    /** A resident comments on the goal and confirms through the mail (`check`: axe on the confirmation page). */
    async function commentAndConfirm(name: string, email: string, text: string, check = false): Promise<void> {
      const page = await go(resident, base());
      await page.getByRole('link', { name: `Kommentera Mål: ${goalTitle}` }).click();
      await page.waitForLoadState();
      await page.getByLabel('Namn som visas').fill(name);
      await page.getByLabel('E-postadress').fill(email);
      await page.getByLabel('Kommentar', { exact: true }).fill(text);
      const before = smtp.messages.length;
      await submitExpecting(page, page.getByRole('button', { name: 'Skicka kommentaren' }), 303);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Vi har skickat ett e-postmeddelande');
      const mail = smtp.messages[before]!;
      expect(mail.envelopeTo).toEqual([email]);
      const link = confirmationLink(mail.text);
      expect(link.startsWith(server.url)).toBe(true);
      const confirm = await tab(resident);
      await confirm.goto(link);
      await expect.poll(() => confirm.locator('h1').textContent()).toBe('Bekräfta din kommentar');
      if (check) await expectAccessible(confirm);
      await submitExpecting(confirm, confirm.getByRole('button', { name: 'Bekräfta och publicera' }), 303);
      expect(await confirm.getByRole('status').textContent()).toBe('Tack! Din kommentar är publicerad.');
      expect(await confirm.locator('main').textContent()).toContain(text);
      expect(await confirm.content()).not.toContain(email);
    }

    it('is opened by the secretariat on the proposed version', async () => {
      const programme = await go(secretariat, `/program/${slug}`);
      await programme.getByRole('link', { name: 'Öppna ett samråd om förslaget' }).click();
      await programme.waitForLoadState();
      expect(await programme.locator('h1').textContent()).toMatch(/^Öppna samråd om /);
      await expectAccessible(programme);

      await programme.getByLabel('Första dagen').fill('2026-11-20');
      await submitExpecting(programme, programme.getByRole('button', { name: 'Öppna samrådet' }), 422);
      expect(await programme.locator('#felsammanfattning a').first().getAttribute('href')).toBe('#endDate');
      await expectAccessible(programme);
      await programme.getByLabel('Sista dagen').fill('2026-12-10');
      await programme.getByLabel('Beskrivning (valfri)').fill('Säg vad du tycker om revideringen.');
      await submitExpecting(programme, programme.getByRole('button', { name: 'Öppna samrådet' }), 303);
      expect(new URL(programme.url()).pathname).toBe(base());
      expect(await programme.locator('.lead').textContent()).toContain('Samrådet pågår till och med 10 december 2026.');
    });

    it('takes residents’ comments on a goal, each published once its address is confirmed', async () => {
      const page = await go(resident, base());
      expect(await page.locator('main').textContent()).toContain('blir allmänna handlingar hos');
      await expectAccessible(page);
      await commentAndConfirm('Greta', `greta-${dialect}@test.invalid`, 'Ni glömmer pendeltåget helt.', true);
      await expectAccessible(await tab(resident));
      await commentAndConfirm('Hugo', `hugo-${dialect}@test.invalid`, 'Bra mål, men lägg till cykelvägarna.');

      // The form's error summary, by keyboard: a personnummer is refused.
      const form = await go(resident, base());
      await form.getByRole('link', { name: `Kommentera Mål: ${goalTitle}` }).click();
      await form.waitForLoadState();
      await form.getByLabel('Namn som visas').fill('Ida');
      await form.getByLabel('E-postadress').fill(`ida-${dialect}@test.invalid`);
      await form.getByLabel('Kommentar', { exact: true }).fill('Mitt personnummer är 811218-9876.');
      await form.getByLabel('Kommentar', { exact: true }).press('Tab');
      await expect.poll(() => form.evaluate(() => document.activeElement?.textContent)).toBe('Skicka kommentaren');
      const [response] = await Promise.all([
        form.waitForResponse((r) => r.request().method() === 'POST'),
        form.keyboard.press('Enter'),
      ]);
      expect(response.status()).toBe(422);
      await form.waitForLoadState();
      expect(await form.locator('#felsammanfattning').textContent()).toContain('Texten innehåller ett personnummer.');
      await expectAccessible(form);
    });

    it('lets anyone report a comment, and a moderator hide it with a reason its author is mailed', async () => {
      const thread = await go(resident, base());
      await thread.getByRole('link', { name: 'Anmäl kommentaren av Greta' }).click();
      await thread.waitForLoadState();
      expect(await thread.locator('h1').textContent()).toBe('Anmäl en kommentar');
      await expectAccessible(thread);
      await thread.getByLabel('Hets eller kränkningar').check();
      await submitExpecting(thread, thread.getByRole('button', { name: 'Anmäl kommentaren' }), 303);
      expect(await thread.getByRole('status').textContent()).toBe(
        'Tack för din anmälan. En moderator granskar kommentaren.',
      );

      const moderation = await go(secretariat, `${base()}/moderering`);
      expect(await moderation.locator('main').textContent()).toContain('1 anmälan');
      await expectAccessible(moderation);
      await moderation.getByRole('link', { name: /^Granska kommentar 1$/ }).click();
      await moderation.waitForLoadState();
      expect(await moderation.locator('h1').textContent()).toBe('Granska kommentar 1');
      await expectAccessible(moderation);
      await moderation.getByLabel('Skäl (skickas till författaren)').fill('Kommentaren hör inte till målet.');
      const mails = smtp.messages.length;
      await submitExpecting(moderation, moderation.getByRole('button', { name: 'Dölj kommentaren' }), 303);
      expect(await moderation.getByRole('status').textContent()).toBe('Klart. Författaren har fått e-post med skälet.');
      const mail = smtp.messages[mails]!;
      expect(mail.envelopeTo).toEqual([`greta-${dialect}@test.invalid`]);
      expect(mail.text).toContain('Skäl: Kommentaren hör inte till målet.');
      await expectAccessible(moderation);

      const after = await go(resident, base());
      const text = await after.locator('main').textContent();
      expect(text).toContain('Kommentaren är dold av en moderator.');
      expect(text).not.toContain('Ni glömmer pendeltåget helt.');
    });

    it('lets the secretariat answer, a draft first and then published', async () => {
      const answers = await go(secretariat, `${base()}/svar`);
      await expectAccessible(answers);
      await answers.getByLabel('Kommentar 2: Hugo').check();
      await answers.getByLabel('Det nya temats namn').fill('Cykel och kollektivtrafik');
      await submitExpecting(answers, answers.getByRole('button', { name: 'Samla under temat' }), 303);
      await answers.getByRole('link', { name: 'Svara på temat ”Cykel och kollektivtrafik”' }).click();
      await answers.waitForLoadState();
      await expectAccessible(answers);
      await answers.getByLabel('Svar', { exact: true }).fill('Cykelvägarna skrivs in i målet.');
      await answers.getByLabel('Tillgodoses', { exact: true }).check();
      await submitExpecting(answers, answers.getByRole('button', { name: 'Spara som utkast' }), 303);
      expect(await (await go(resident, base())).locator('main').textContent()).not.toContain('Cykelvägarna skrivs in');
      const form = await go(secretariat, `${base()}/svar`);
      await form.getByRole('link', { name: 'Svara på temat ”Cykel och kollektivtrafik”' }).click();
      await form.waitForLoadState();
      await submitExpecting(form, form.getByRole('button', { name: 'Publicera svaret' }), 303);
      expect(await form.getByRole('status').textContent()).toBe('Svaret är publicerat.');

      // The hidden comment is answered on its own.
      const single = await go(secretariat, `${base()}/svar`);
      await single.getByRole('link', { name: 'Svara på kommentar 1' }).click();
      await single.waitForLoadState();
      await expectAccessible(single);
      await single.getByLabel('Svar', { exact: true }).fill('Pendeltåget ligger utanför programmets mål.');
      await single.getByLabel('Tillgodoses inte').check();
      await submitExpecting(single, single.getByRole('button', { name: 'Publicera svaret' }), 303);

      const thread = await go(resident, base());
      expect(await thread.locator('main').textContent()).toContain('Cykelvägarna skrivs in i målet.');
    });

    it('closes when its last day has passed, and its samrådsredogörelse is offered as page, Word, PDF and CSV', async () => {
      await nextVersion(t.ctx, slug, `${goalTitle} och cykelvägarna`);
      clock = new Date('2026-12-11T09:00:00Z');
      const page = await go(resident, base());
      expect(await page.locator('.lead').textContent()).toContain('är avslutat');
      expect(await page.getByRole('link', { name: /^Kommentera/ }).count()).toBe(0);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Samrådsredogörelsen som webbsida' }).click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toContain('Samrådsredogörelse');
      const report = await page.locator('main').textContent();
      expect(report).toContain('Synpunkter och ställningstaganden per del');
      expect(report).toContain('Pendeltåget ligger utanför programmets mål.');
      expect(report).toContain('Dold av en moderator');
      expect(report).not.toContain('Ni glömmer pendeltåget helt.');
      await expectAccessible(page);

      const docx = await page.request.get(`${server.url}${base()}/redogorelse.docx`);
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-type']).toBe(DOCX);
      const { value: word } = await mammoth.extractRawText({ buffer: await docx.body() });
      expect(word).toContain('Cykelvägarna skrivs in i målet.');
      expect(word).toContain('Bilaga: alla kommentarer');

      if (printer) {
        const pdf = await page.request.get(`${server.url}${base()}/redogorelse.pdf`, { timeout: 60_000 });
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        const text = await pdfText(await pdf.body());
        expect(text).toContain('Samrådsredogörelse');
        expect(text).toContain('Cykelvägarna skrivs in i målet.');
      }

      const csv = await page.request.get(`${server.url}${base()}/redogorelse.csv`);
      expect(csv.status()).toBe(200);
      const rows = (await csv.body()).toString('utf8').split('\r\n');
      expect(rows[0]).toBe('\uFEFFNr;Del;Delens text;Namn;Publicerad;Status;Tema;Kommentar;Svar;Tas om hand');
      expect(rows.filter((r) => r !== '')).toHaveLength(3);
      expect(rows.join('\n')).not.toContain('@');
    }, 90_000);
  },
);
