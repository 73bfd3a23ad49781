/**
 * The documents in the JSON API v1 on the real demo, on both databases: the programme document, a
 * member's memo, the annual report and the conference pack in html, docx and (once, printed by the
 * system's Chromium) pdf; the memo needs a key; mistakes answer in Swedish JSON; a server without
 * Chromium answers a PDF with 503 pdf_unavailable. Every answer is checked against the OpenAPI document.
 */
import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, grantKey } from '../../src/app/auth/api-tokens.js';
import { actingAs, readRepos } from '../../src/app/context.js';
import { createPdfPrinter, PdfBusyError, type PdfPrinter } from '../../src/documents/pdf-printer.js';
import { createApp } from '../../src/compose-app.js';
import type { ErrorJson } from '../../src/http/api/schemas.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { CHROMIUM_PATH } from '../support/browser.js';
import { testDialects } from '../support/databases.js';
import { check, type OpenApiDocument } from '../support/openapi-check.js';
import { pdfInfo } from '../support/pdf-reading.js';

const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
// Without Chromium the PDF test is skipped on a developer's machine; under CI=true nothing may be skipped.
const PRINT = HAVE_CHROMIUM || process.env.CI === 'true';

const DATE = '2026-11-27'; // TEST_NOW
const MEDIA = {
  html: 'text/html; charset=UTF-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
const FORMAT_MESSAGE = 'Ange formatet som html, docx eller pdf.';

interface ApiDocument {
  name: string;
  /** The operation's path in the OpenAPI document. */
  template: string;
  /** The address under /api/v1, with its query string started. */
  path: string;
  title: string;
  fileName: string;
  needsKey: boolean;
}

const DOCUMENTS: ApiDocument[] = [
  {
    name: 'the programme document',
    template: '/programmes/{id}/document',
    path: '/programmes/sup-2035/document?',
    title: 'Södertörns utvecklingsprogram 2035',
    fileName: `sodertorns-utvecklingsprogram-2035-version-1-${DATE}`,
    needsKey: false,
  },
  {
    name: 'Haninge’s memo',
    template: '/programmes/{id}/memo',
    path: '/programmes/sup-2035-proposal/memo?member=0136&',
    title: 'Södertörns utvecklingsprogram 2035',
    fileName: `tjansteskrivelse-haninge-sodertorns-utvecklingsprogram-2035-version-1-${DATE}`,
    needsKey: true,
  },
  {
    name: 'the annual report',
    template: '/follow-up/{year}/annual-report',
    path: '/follow-up/2026/annual-report?',
    title: 'Årsredovisning 2026 – utkast',
    fileName: `arsredovisning-2026-utkast-exempel-${DATE}`,
    needsKey: false,
  },
  {
    name: 'the conference pack',
    template: '/conference-packs/{id}',
    path: '/conference-packs/2015?',
    title: 'Nyckeltalskonferensen 2015',
    fileName: `nyckeltalskonferensen-2015-${DATE}`,
    needsKey: false,
  },
];

describe.each(testDialects)('JSON API v1 (documents) on %s', (dialect) => {
  let t: TestApp;
  let printer: PdfPrinter | undefined;
  /** The same database served without Chromium. */
  let noPrinter: Hono;
  let doc: OpenApiDocument;
  let readerToken: string;
  let draftSlug: string;

  /** A reader's account and an API key with its reader grant. */
  async function readerKey(): Promise<string> {
    const session = await t.session('reader');
    const user = (await readRepos(t.ctx).users.byEmail(session.email))!;
    const ctx = actingAs(
      t.ctx,
      { kind: 'user', userId: user.id, name: user.name },
      { signedIn: true, grants: user.grants },
    );
    return (await createApiToken(ctx, { name: 'Dokument', grant: grantKey(user.grants[0]!) })).token;
  }

  /** Calls the API signed out (with `token` if given); checks the status and the body against the document. */
  async function call(
    template: string,
    path: string,
    options: { token?: string; app?: Hono } = {},
  ): Promise<{ res: Response; body: Buffer; json: (ErrorJson & Record<string, unknown>) | undefined }> {
    const res = await (options.app ?? t.app).request(`http://localhost/api/v1${path}`, {
      headers: {
        Cookie: ANONYMOUS_COOKIE,
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
    });
    const body = Buffer.from(await res.arrayBuffer());
    const documented = doc.paths[template]?.get?.responses[String(res.status)];
    expect(documented, `GET ${path}: status ${res.status} is not documented`).toBeDefined();
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = Object.keys(documented!.content).map((k) => k.split(';')[0]!.trim());
    expect(content, `GET ${path}: ${mediaType} is not documented for ${res.status}`).toContain(mediaType);
    let json: (ErrorJson & Record<string, unknown>) | undefined;
    if (mediaType === 'application/json') {
      json = JSON.parse(body.toString('utf8')) as ErrorJson & Record<string, unknown>;
      const schema = documented!.content['application/json']!.schema;
      expect(check(json, schema, doc), `GET ${path}`).toEqual([]);
    }
    return { res, body, json };
  }

  beforeAll(async () => {
    if (PRINT) {
      if (!HAVE_CHROMIUM)
        throw new Error(`Chromium saknas i ${CHROMIUM_PATH}; under CI=true får PDF-testerna inte hoppas över.`);
      printer = createPdfPrinter({ executablePath: CHROMIUM_PATH });
    }
    t = await openTestApp(dialect, printer ? { pdfPrinter: printer } : {});
    noPrinter = createApp(t.ctx);
    doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    readerToken = await readerKey();
    const draft = await postForm(t.app, '/program/nytt', { from: 'sup-2023', name: 'Utkast till nytt program' });
    expect(draft.status).toBe(303);
    draftSlug = draft.headers.get('location')!.split('/')[2]!;
  });
  afterAll(async () => {
    await printer?.close();
    await t?.close();
  });

  it('documents the four operations with their formats, under the tag Dokument', () => {
    for (const d of DOCUMENTS) {
      const operation = doc.paths[d.template]?.get;
      expect(operation, d.template).toBeDefined();
      expect(operation!.tags).toEqual(['Dokument']);
      expect(operation!.parameters?.map((p) => p.name)).toContain('format');
      expect(Object.keys(operation!.responses['200']!.content).sort()).toEqual(Object.values(MEDIA).sort());
      expect(operation!.responses['503']!.content['application/json']).toBeDefined();
    }
  });

  describe.each(DOCUMENTS)('$name', (d) => {
    const token = () => (d.needsKey ? readerToken : undefined);

    it.each(['html', 'docx'] as const)('is sent as %s, an attachment with a Swedish file name', async (format) => {
      const { res, body } = await call(d.template, `${d.path}format=${format}`, { token: token() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(MEDIA[format]);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${d.fileName}\\.${format}"`),
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const text = format === 'html' ? body.toString('utf8') : (await mammoth.extractRawText({ buffer: body })).value;
      if (format === 'html') {
        expect(text).toMatch(/^<!DOCTYPE html>/);
        expect(text).toContain(`<h1>${d.title}</h1>`);
      }
      expect(text).toContain(d.title);
      expect(text).toContain('Källor');
      for (const junk of ['undefined', 'NaN', '[object']) expect(text).not.toContain(junk);
    });

    it('is html when no format is asked for', async () => {
      const { res } = await call(d.template, d.path.slice(0, -1), { token: token() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(MEDIA.html);
    });

    it('answers an unknown format with 422 and a Swedish message', async () => {
      const { res, json } = await call(d.template, `${d.path}format=odt`, { token: token() });
      expect(res.status).toBe(422);
      expect(json!.error.code).toBe('validation_failed');
      expect(JSON.stringify(json)).toContain(FORMAT_MESSAGE);
    });

    it('answers format=pdf on a server without Chromium with 503 pdf_unavailable', async () => {
      const { res, json } = await call(d.template, `${d.path}format=pdf`, { token: token(), app: noPrinter });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(json!.error).toEqual({
        code: 'pdf_unavailable',
        message: 'PDF kan inte skapas på den här servern: Chromium saknas. Dokumentet finns som HTML och Word.',
      });
    });
  });

  it.skipIf(!PRINT)(
    'prints the memo as a tagged PDF for a reader’s key',
    async () => {
      const memo = DOCUMENTS[1]!;
      const { res, body } = await call(memo.template, `${memo.path}format=pdf`, { token: readerToken });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(MEDIA.pdf);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${memo.fileName}\\.pdf"`),
      );
      const info = await pdfInfo(body);
      expect(info['Tagged']).toBe('yes');
      expect(info['Title']).toBe(memo.title);
    },
    60_000,
  );

  it('answers a PDF with 503 pdf_unavailable and Retry-After while the printer is busy', async () => {
    const busy: PdfPrinter = {
      available: () => true,
      print: () => Promise.reject(new PdfBusyError()),
      stats: () => ({ queued: 50, running: 2, printed: 0, failed: 0, restarts: 0 }),
      close: () => Promise.resolve(),
    };
    const { res, json } = await call('/follow-up/{year}/annual-report', '/follow-up/2026/annual-report?format=pdf', {
      app: createApp(t.ctx, { pdfPrinter: busy }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(json!.error).toEqual({
      code: 'pdf_unavailable',
      message: 'Många PDF:er skapas just nu. Försök igen om en stund.',
    });
  });

  describe('the memo', () => {
    const template = '/programmes/{id}/memo';

    it('answers without a key with 401 and a Bearer challenge', async () => {
      for (const format of ['html', 'docx', 'pdf']) {
        const { res, json } = await call(template, `/programmes/sup-2035-proposal/memo?member=0136&format=${format}`);
        expect(res.status).toBe(401);
        expect(json!.error.code).toBe('unauthenticated');
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      }
    });

    it('answers an unknown programme and an unknown member with 404 JSON', async () => {
      const unknownProgramme = await call(template, '/programmes/finns-inte/memo?member=0136', { token: readerToken });
      expect(unknownProgramme.res.status).toBe(404);
      expect(unknownProgramme.json!.error.code).toBe('not_found');
      const unknownMember = await call(template, '/programmes/sup-2035-proposal/memo?member=9999', {
        token: readerToken,
      });
      expect(unknownMember.res.status).toBe(404);
      expect(unknownMember.json!.error.code).toBe('not_found');
      expect(unknownMember.json!.error.message).toContain('Kommunen');
    });

    it('answers a member code that is not four digits with 422 in Swedish', async () => {
      const { res, json } = await call(template, '/programmes/sup-2035-proposal/memo?member=136', {
        token: readerToken,
      });
      expect(res.status).toBe(422);
      expect(JSON.stringify(json)).toContain('Ange kommunens kod (member), fyra siffror, till exempel 0136.');
      const missing = await call(template, '/programmes/sup-2035-proposal/memo', { token: readerToken });
      expect(missing.res.status).toBe(422);
    });

    it('answers a draft programme with 409 not_proposed', async () => {
      const { res, json } = await call(template, `/programmes/${draftSlug}/memo?member=0136`, { token: readerToken });
      expect(res.status).toBe(409);
      expect(json!.error).toEqual({
        code: 'not_proposed',
        message: 'Programmet är ett utkast. Tjänsteskrivelser skrivs när samarbetskommittén har föreslagit programmet.',
      });
    });
  });

  it('answers unknown documents with 404 JSON', async () => {
    const programme = await call('/programmes/{id}/document', '/programmes/finns-inte/document');
    expect(programme.res.status).toBe(404);
    expect(programme.json!.error.code).toBe('not_found');
    const year = await call('/follow-up/{year}/annual-report', '/follow-up/1999/annual-report?format=docx');
    expect(year.res.status).toBe(404);
    expect(year.json!.error.code).toBe('not_found');
  });

  it('answers a year that is not four digits with 422 in Swedish', async () => {
    const { res, json } = await call('/conference-packs/{id}', '/conference-packs/20x5');
    expect(res.status).toBe(422);
    expect(JSON.stringify(json)).toContain('Ange året med fyra siffror, till exempel 2026.');
  });
});
