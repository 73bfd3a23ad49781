import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { getAnnualReportDocument } from '../app/documents/annual-report-document.js';
import { getConferencePack } from '../app/documents/conference-pack.js';
import { getMemoDocument } from '../app/documents/memo-document.js';
import { getProgrammeDocument } from '../app/documents/programme-document.js';
import { DOCUMENT_FORMATS, type DocumentModel } from '../documents/document-model.js';
import type { PdfPrinter } from '../documents/pdf-printer.js';
import { FORMAT_SUFFIX, memoPath } from './document-paths.js';
import { sendDocument } from './document-response.js';
import { annualReportPath } from './pages/results-parts.page.js';

interface Built {
  doc: DocumentModel;
  back: { href: string; label: string };
}

const YEAR = ':year{[0-9]{4}}';
const MEMBER = ':code{[0-9]+}';

/**
 * The documents as pages and files: the programme document, a member's memo, the annual report and the
 * key-indicator conference pack, each at …/dokument, …/dokument.docx and …/dokument.pdf. Who may read
 * each is the use case's decision (a draft's documents and every memo need a role).
 */
export function documentRoutes(ctx: AppContext, printer: PdfPrinter): Hono {
  const web = new Hono();
  const serve = (pattern: string, build: (c: Context) => Promise<Built>) => {
    for (const format of DOCUMENT_FORMATS) {
      web.get(`${pattern}${FORMAT_SUFFIX[format]}`, async (c) => {
        const { doc, back } = await build(c);
        const htmlPath = c.req.path.slice(0, c.req.path.length - FORMAT_SUFFIX[format].length);
        return sendDocument(c, doc, format, printer, htmlPath, back);
      });
    }
  };
  const year = (c: Context) => Number(c.req.param('year'));

  serve('/program/:slug/dokument', async (c) => {
    const slug = c.req.param('slug')!;
    return {
      doc: await getProgrammeDocument(ctx, slug),
      back: { href: `/program/${slug}`, label: 'Till programmets sida' },
    };
  });

  serve(`/program/:slug/tjansteskrivelser/${MEMBER}/dokument`, async (c) => {
    const slug = c.req.param('slug')!;
    const code = c.req.param('code')!;
    return {
      doc: await getMemoDocument(ctx, slug, code),
      back: { href: memoPath(slug, code), label: 'Till tjänsteskrivelsens texter' },
    };
  });

  serve(`/uppfoljning/${YEAR}/arsredovisning/dokument`, async (c) => ({
    doc: await getAnnualReportDocument(ctx, year(c), {
      pageUrl: new URL(annualReportPath(year(c)), c.req.url).toString(),
    }),
    back: { href: annualReportPath(year(c)), label: 'Till årsredovisningens sida' },
  }));

  serve(`/nyckeltalskonferensen/${YEAR}/dokument`, async (c) => ({
    doc: await getConferencePack(ctx, year(c)),
    back: { href: '/nyckeltal', label: 'Till nyckeltalen' },
  }));

  return web;
}
