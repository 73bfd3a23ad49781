/**
 * The four documents over real HTTP on both databases: each as its page (links to the other formats and
 * back; without Chromium the PDF link is a Swedish sentence and the .pdf address a 503), as a Word file
 * read back with mammoth, and — for the memo and the annual report — as a PDF printed by the system's
 * Chromium and read back with poppler. Then the memos: who may read them, a draft programme and an
 * unknown member refused, the member's texts form (saved, refused to another member, a stale version,
 * an invalid status, a post without its token) and the overview of the eight.
 */
import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { getMemo } from '../../src/app/memos/get-memos.js';
import { createPdfPrinter, PdfBusyError, type PdfPrinter } from '../../src/documents/pdf-printer.js';
import { createApp } from '../../src/compose-app.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { CHROMIUM_PATH } from '../support/browser.js';
import { testDialects } from '../support/databases.js';
import { pdfInfo, pdfText } from '../support/pdf-reading.js';

const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
// Without Chromium the PDF tests are skipped on a developer's machine; under CI=true nothing may be skipped.
const PRINT = HAVE_CHROMIUM || process.env.CI === 'true';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DATE = '2026-11-27'; // TEST_NOW
const PROPOSAL = 'sup-2035-proposal';
const HANINGE = '0136';
const BOTKYRKA = '0127';
const MEMOS = `/program/${PROPOSAL}/tjansteskrivelser`;
const HANINGE_MEMO = `${MEMOS}/${HANINGE}`;
const NO_PDF = 'PDF kan inte skapas på den här servern';
const NO_CHROMIUM_MESSAGE =
  'PDF kan inte skapas på den här servern: Chromium saknas. Dokumentet finns som HTML och Word.';
const CONFLICT =
  'Tjänsteskrivelsen har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats.';

interface DocumentCase {
  name: string;
  /** The page's address; the files are at the same address with .docx and .pdf. */
  path: string;
  title: string;
  back: { href: string; label: string };
  /** The file name without its extension. */
  fileName: string;
}

const DOCUMENTS: DocumentCase[] = [
  {
    name: 'the programme document',
    path: '/program/sup-2035/dokument',
    title: 'Södertörns utvecklingsprogram 2035',
    back: { href: '/program/sup-2035', label: 'Till programmets sida' },
    fileName: `sodertorns-utvecklingsprogram-2035-version-1-${DATE}`,
  },
  {
    name: 'Haninge’s memo',
    path: `${HANINGE_MEMO}/dokument`,
    title: 'Södertörns utvecklingsprogram 2035',
    back: { href: HANINGE_MEMO, label: 'Till tjänsteskrivelsens texter' },
    fileName: `tjansteskrivelse-haninge-sodertorns-utvecklingsprogram-2035-version-1-${DATE}`,
  },
  {
    name: 'the annual report',
    path: '/uppfoljning/2026/arsredovisning/dokument',
    title: 'Årsredovisning 2026 – utkast',
    back: { href: '/uppfoljning/2026/arsredovisning', label: 'Till årsredovisningens sida' },
    fileName: `arsredovisning-2026-utkast-exempel-${DATE}`,
  },
  {
    name: 'the conference pack',
    path: '/nyckeltalskonferensen/2015/dokument',
    title: 'Nyckeltalskonferensen 2015',
    back: { href: '/nyckeltal', label: 'Till nyckeltalen' },
    fileName: `nyckeltalskonferensen-2015-${DATE}`,
  },
];

/** A page's text without its markup, entities resolved, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const docxText = async (res: Response) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;

/** The number on the first page's "Sida 1 (N)". */
function statedPageCount(text: string): number | undefined {
  const match = /Sida\s+1 \((\d+)\)/.exec(text.split('\f')[0]!);
  return match ? Number(match[1]) : undefined;
}

/** Valid texts for the memo form; `version` 0 for a memo not saved before. */
const memoFields = (overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  status: 'draft',
  diarienummer: 'KS 2019/124',
  officer: 'Handläggaren Testsson, utvecklingsstrateg',
  committee: 'Kommunledningsutskottet',
  administration: 'Kommunstyrelseförvaltningen',
  consequenceKinds: ['economy', 'children'],
  summary: 'Haninges egen sammanfattning av förslaget.',
  assessment: 'Förvaltningen tillstyrker förslaget.',
  consequenceEconomy: 'Förslaget ryms inom befintlig budget.',
  consequenceClimate: '',
  consequenceGenderEquality: '',
  consequenceChildren: 'Barnens perspektiv har beaktats.',
  recipients: 'Södertörns samarbetskommitté\nKommunledningskontoret',
  signatories: 'Anna Andersson, kommundirektör\nBertil Berg, utvecklingschef',
  version: '0',
  ...overrides,
});

describe.each(testDialects)('documents over HTTP on %s', (dialect) => {
  let t: TestApp;
  let printer: PdfPrinter | undefined;
  /** The same database served by an app without Chromium. */
  let noPrinter: Hono;
  let draftSlug: string;

  beforeAll(async () => {
    if (PRINT) {
      if (!HAVE_CHROMIUM)
        throw new Error(`Chromium saknas i ${CHROMIUM_PATH}; under CI=true får PDF-testerna inte hoppas över.`);
      printer = createPdfPrinter({ executablePath: CHROMIUM_PATH });
    }
    t = await openTestApp(dialect, printer ? { pdfPrinter: printer } : {});
    noPrinter = createApp(t.ctx);
    const draft = await postForm(t.app, '/program/nytt', { from: 'sup-2023', name: 'Utkast till nytt program' });
    expect(draft.status).toBe(303);
    draftSlug = draft.headers.get('location')!.split('/')[2]!;
  });
  afterAll(async () => {
    await printer?.close();
    await t?.close();
  });

  const get = (path: string, cookie?: string) =>
    t.app.request(`http://localhost${path}`, cookie ? { headers: { Cookie: cookie } } : undefined);
  const getWithoutPrinter = (path: string) =>
    noPrinter.request(`http://localhost${path}`, { headers: { Cookie: t.admin.cookie } });
  const memberId = async (code: string) => {
    const repos = readRepos(t.ctx);
    const collaboration = (await repos.collaboration.first())!;
    return (await repos.collaboration.members(collaboration.id)).find((m) => m.code === code)!.id;
  };
  const storedMemo = async (code: string) => (await getMemo(t.ctx, PROPOSAL, code)).memo;

  describe.each(DOCUMENTS)('$name', (d) => {
    it.skipIf(!PRINT)('is a page with its title, links to the Word file and the PDF, and the way back', async () => {
      const res = await get(d.path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const html = await res.text();
      expect(html).toContain(`<h1>${d.title}</h1>`);
      expect(html).toContain(`<title>${d.title}</title>`);
      expect(html).toContain(`<a href="${d.path}.docx">Ladda ner som Word (DOCX)</a>`);
      expect(html).toContain(`<a href="${d.path}.pdf">Ladda ner som PDF</a>`);
      expect(html).toContain(`<a href="${d.back.href}">${d.back.label}</a>`);
      expect(html).not.toContain(NO_PDF);
      expect(textOf(html)).toContain('Källor');
    });

    it('says on a server without Chromium that there is no PDF, and its .pdf address answers 503', async () => {
      const page = await getWithoutPrinter(d.path);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<h1>${d.title}</h1>`);
      expect(html).toContain(`<a href="${d.path}.docx">Ladda ner som Word (DOCX)</a>`);
      expect(html).not.toContain(`${d.path}.pdf`);
      expect(html).toContain(`<li>${NO_PDF} (Chromium saknas); Word och webbsidan finns.</li>`);
      expect(html).toContain(`<a href="${d.back.href}">${d.back.label}</a>`);

      const pdf = await getWithoutPrinter(`${d.path}.pdf`);
      expect(pdf.status).toBe(503);
      expect(pdf.headers.get('content-type')).toMatch(/^text\/html/);
      expect(pdf.headers.get('content-disposition')).toBeNull();
      expect(pdf.headers.get('cache-control')).toBe('private, no-store');
      expect(textOf(await pdf.text())).toContain(NO_CHROMIUM_MESSAGE);
    });

    it('is a Word file with a Swedish file name, not kept in shared caches, with its title and sources', async () => {
      const res = await get(`${d.path}.docx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(DOCX);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${d.fileName}\\.docx"`),
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const text = await docxText(res);
      expect(text).toContain(d.title);
      expect(text).toContain('Källor');
      expect(text).toContain(DATE);
      for (const junk of ['undefined', 'NaN', '[object']) expect(text).not.toContain(junk);
    });
  });

  describe.skipIf(!PRINT)('PDF with the system Chromium', () => {
    it.each([DOCUMENTS[1]!, DOCUMENTS[2]!])(
      '$name is a tagged PDF with its title and the page count on the first page',
      async (d) => {
        const res = await get(`${d.path}.pdf`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toMatch(
          new RegExp(`^attachment; filename="${d.fileName}\\.pdf"`),
        );
        expect(res.headers.get('cache-control')).toBe('private, no-store');
        const pdf = Buffer.from(await res.arrayBuffer());
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const info = await pdfInfo(pdf);
        expect(info['Tagged']).toBe('yes');
        expect(info['Title']).toBe(d.title);
        const pages = Number(info['Pages']);
        expect(pages).toBeGreaterThanOrEqual(1);
        const text = await pdfText(pdf);
        expect(statedPageCount(text)).toBe(pages);
        expect(text).toContain('Källor');
      },
      60_000,
    );
  });

  it('links the PDFs on the site’s pages when the server can print, and says it cannot otherwise', async () => {
    const printing: PdfPrinter = {
      available: () => true,
      print: () => Promise.reject(new PdfBusyError()),
      stats: () => ({ queued: 0, running: 0, printed: 0, failed: 0, restarts: 0 }),
      close: () => Promise.resolve(),
    };
    const withPrinter = createApp(t.ctx, { pdfPrinter: printing });
    const pages: [string, string, string][] = [
      ['/program/sup-2035', '/program/sup-2035/dokument.pdf', 'Programdokumentet'],
      ['/program/sup-2035/antagande', '/program/sup-2035/dokument.pdf', 'Programdokumentet'],
      ['/uppfoljning/2026/arsredovisning', '/uppfoljning/2026/arsredovisning/dokument.pdf', 'Årsredovisningen'],
      ['/nyckeltal', '/nyckeltalskonferensen/2026/dokument.pdf', 'Konferensunderlaget 2026'],
      [`${HANINGE_MEMO}`, `${HANINGE_MEMO}/dokument.pdf`, 'Tjänsteskrivelsen'],
      [`/program/${PROPOSAL}/tjansteskrivelser`, `${HANINGE_MEMO}/dokument.pdf`, 'Tjänsteskrivelserna'],
    ];
    for (const [path, pdf, name] of pages) {
      const on = await (
        await withPrinter.request(`http://localhost${path}`, { headers: { Cookie: t.admin.cookie } })
      ).text();
      expect(on, path).toContain(`href="${pdf}"`);
      expect(on, path).not.toContain('kan inte skapas på den här servern');
      const off = await (await getWithoutPrinter(path)).text();
      expect(off, path).not.toContain(`href="${pdf}"`);
      expect(textOf(off), path).toContain(`${name} som PDF: kan inte skapas på den här servern (Chromium saknas).`);
    }
  });

  it('answers a PDF with 503 and Retry-After while the printer is busy; the page still offers the PDF', async () => {
    const busy: PdfPrinter = {
      available: () => true,
      print: () => Promise.reject(new PdfBusyError()),
      stats: () => ({ queued: 50, running: 2, printed: 0, failed: 0, restarts: 0 }),
      close: () => Promise.resolve(),
    };
    const app = createApp(t.ctx, { pdfPrinter: busy });
    const path = `${HANINGE_MEMO}/dokument`;
    const page = await app.request(`http://localhost${path}`, { headers: { Cookie: t.admin.cookie } });
    expect(await page.text()).toContain(`<a href="${path}.pdf">Ladda ner som PDF</a>`);
    const res = await app.request(`http://localhost${path}.pdf`, { headers: { Cookie: t.admin.cookie } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(textOf(await res.text())).toContain('Många PDF:er skapas just nu. Försök igen om en stund.');
  });

  describe('who may read the memos', () => {
    it('sends the signed-out to sign in from the memo pages and documents, and back afterwards', async () => {
      for (const path of [MEMOS, HANINGE_MEMO, `${HANINGE_MEMO}/dokument`, `${HANINGE_MEMO}/dokument.docx`]) {
        const res = await get(path, ANONYMOUS_COOKIE);
        expect(res.status, path).toBe(303);
        expect(res.headers.get('location'), path).toBe(`/logga-in?till=${encodeURIComponent(path)}`);
      }
    });

    it('refuses a post from the signed-out and saves nothing', async () => {
      const res = await postForm(t.app, HANINGE_MEMO, memoFields(), null);
      expect(res.status).toBe(401);
      expect(await storedMemo(HANINGE)).toBeUndefined();
    });

    it('lets a reader read the memo, without the form', async () => {
      const reader = await t.session('reader');
      const page = await get(HANINGE_MEMO, reader.cookie);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain(`<form method="post" action="${HANINGE_MEMO}"`);
      expect(textOf(html)).toContain('Du kan läsa dokumentet ovan.');
      const overview = await get(MEMOS, reader.cookie);
      expect(overview.status).toBe(200);
      const docx = await get(`${HANINGE_MEMO}/dokument.docx`, reader.cookie);
      expect(docx.status).toBe(200);
      expect(await docxText(docx)).toContain('Förslag till beslut');
    });

    it('answers 404 for a member that is not in the cooperation', async () => {
      for (const path of [`${MEMOS}/9999`, `${MEMOS}/9999/dokument`, `${MEMOS}/9999/dokument.docx`]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(textOf(await res.text()), path).toContain('Kommunen');
      }
    });

    it('answers 409 for a draft programme: memos are written on proposed programmes', async () => {
      const message =
        'Programmet är ett utkast. Tjänsteskrivelser skrivs när samarbetskommittén har föreslagit programmet.';
      const memos = `/program/${draftSlug}/tjansteskrivelser`;
      for (const path of [
        memos,
        `${memos}/${HANINGE}`,
        `${memos}/${HANINGE}/dokument`,
        `${memos}/${HANINGE}/dokument.docx`,
      ]) {
        const res = await get(path);
        expect(res.status, path).toBe(409);
        expect(textOf(await res.text()), path).toContain(message);
      }
      const posted = await postForm(t.app, `${memos}/${HANINGE}`, memoFields());
      expect(posted.status).toBe(409);
    });
  });

  describe('the memos’ overview', () => {
    it('lists the eight members, where each memo stands, with links to the texts and the documents', async () => {
      const repos = readRepos(t.ctx);
      const members = await repos.collaboration.members((await repos.collaboration.first())!.id);
      expect(members).toHaveLength(8);
      const salem = members.find((m) => m.name === 'Salem')!;
      const saved = await postForm(t.app, `${MEMOS}/${salem.code}`, memoFields());
      expect(saved.status).toBe(303);

      const res = await get(MEMOS);
      expect(res.status).toBe(200);
      const html = await res.text();
      const rows = html.match(/<tr>.*?<\/tr>/gs)!.slice(1);
      expect(rows).toHaveLength(8);
      for (const member of members) {
        const row = rows.find((r) => r.includes(`href="${MEMOS}/${member.code}"`));
        expect(row, member.name).toBeDefined();
        const cells = textOf(row!);
        expect(cells).toContain(member.name);
        if (member.code === salem.code) expect(cells).toContain('Utkast');
        else if (member.code !== HANINGE) expect(cells).toContain('Inte påbörjad');
        expect(row).toContain(`href="${MEMOS}/${member.code}/dokument"`);
        expect(row).toContain(`href="${MEMOS}/${member.code}/dokument.docx"`);
      }
      expect(textOf(html)).toContain('Utkast: 1');
    });
  });

  describe('the member’s texts form', () => {
    it('shows Haninge’s officer the form for a memo not saved yet', async () => {
      const officer = await t.session('member_officer', { member: HANINGE });
      const res = await get(HANINGE_MEMO, officer.cookie);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<form method="post" action="${HANINGE_MEMO}"`);
      expect(html).toContain('<input type="hidden" name="version" value="0"');
      expect(html).toContain('name="_csrf"');
      expect(textOf(html)).toContain('Inte påbörjad');
    });

    it('refuses a post without the form’s token and saves nothing', async () => {
      const officer = await t.session('member_officer', { member: HANINGE });
      const res = await postForm(t.app, HANINGE_MEMO, memoFields({ _csrf: 'fel' }), officer);
      expect(res.status).toBe(403);
      expect(await storedMemo(HANINGE)).toBeUndefined();
    });

    it('refuses Botkyrka’s officer Haninge’s memo and saves nothing', async () => {
      const botkyrka = await t.session('member_officer', { member: BOTKYRKA });
      const page = await get(HANINGE_MEMO, botkyrka.cookie);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain(`<form method="post" action="${HANINGE_MEMO}"`);
      const res = await postForm(t.app, HANINGE_MEMO, memoFields({ summary: 'Botkyrkas text' }), botkyrka);
      expect(res.status).toBe(403);
      expect(await storedMemo(HANINGE)).toBeUndefined();
      expect((await readRepos(t.ctx).memos.settings(await memberId(HANINGE)))?.committee ?? '').not.toBe(
        'Kommunledningsutskottet',
      );
    });

    it('shows an invalid status beside the field, keeps what was written, and saves nothing', async () => {
      const officer = await t.session('member_officer', { member: HANINGE });
      const res = await postForm(
        t.app,
        HANINGE_MEMO,
        memoFields({ status: 'beslutad', diarienummer: 'KS 2019/999' }),
        officer,
      );
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(
        /id="status-error"[^>]*>\s*<span class="ds-sr-only">Fel: <\/span>\s*Välj var tjänsteskrivelsen står: utkast, klar eller skickad\./,
      );
      expect(html).toContain('href="#status"');
      expect(html).toContain('value="KS 2019/999"');
      expect(await storedMemo(HANINGE)).toBeUndefined();
    });

    it('saves Haninge’s texts for its officer, and the Word file has them', async () => {
      const officer = await t.session('member_officer', { member: HANINGE });
      const res = await postForm(t.app, HANINGE_MEMO, memoFields(), officer);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${HANINGE_MEMO}?sparat=1`);
      const page = await get(`${HANINGE_MEMO}?sparat=1`, officer.cookie);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(textOf(html)).toContain('Tjänsteskrivelsens texter är sparade.');
      expect(html).toContain('<input type="hidden" name="version" value="1"');
      expect((await storedMemo(HANINGE))?.version).toBe(1);

      const text = await docxText(await get(`${HANINGE_MEMO}/dokument.docx`, officer.cookie));
      for (const written of [
        'KS 2019/124',
        'Handläggaren Testsson, utvecklingsstrateg',
        'Kommunledningsutskottet',
        'Kommunstyrelseförvaltningens förslag till kommunledningsutskottet för beslut i kommunstyrelsen',
        'Haninges egen sammanfattning av förslaget.',
        'Förvaltningen tillstyrker förslaget.',
        'Förslaget ryms inom befintlig budget.',
        'Barnens perspektiv har beaktats.',
        'Kommunledningskontoret',
        'Anna Andersson',
        'Bertil Berg',
        'utvecklingschef',
      ])
        expect(text, written).toContain(written);
      expect(text).not.toContain('[diarienummer]');
      expect(text).not.toContain('Konsekvenser för klimat och miljö');
      for (const junk of ['undefined', 'NaN', '[object']) expect(text).not.toContain(junk);
    });

    it('answers a stale version with 409, saves nothing and shows what was written', async () => {
      const before = await storedMemo(HANINGE);
      expect(before?.version).toBe(1);
      const officer = await t.session('member_officer', { member: HANINGE });
      const res = await postForm(
        t.app,
        HANINGE_MEMO,
        memoFields({ version: '0', assessment: 'En text som kom för sent.' }),
        officer,
      );
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(textOf(html)).toContain(CONFLICT);
      expect(textOf(html)).toContain('Ändringen sparades inte');
      expect(html).toContain(
        '<textarea id="assessment" name="assessment" class="ds-input" rows="5">En text som kom för sent.</textarea>',
      );
      // The form now carries the stored version: saving again makes the texts written here apply.
      expect(html).toContain('<input type="hidden" name="version" value="1"');
      const after = await storedMemo(HANINGE);
      expect(after?.version).toBe(1);
      expect(after?.assessment).toBe('Förvaltningen tillstyrker förslaget.');
    });
  });
});
