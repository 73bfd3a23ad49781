import type { Context } from 'hono';
import type { DocumentFormat, DocumentModel } from '../documents/document-model.js';
import type { PdfPrinter } from '../documents/pdf-printer.js';
import { printerFailure, renderDocument } from '../documents/render-document.js';
import { DOCUMENT_STYLESHEET_HREF, renderDocumentHtml } from '../documents/render-html.js';
import { versionedHref } from './static-assets.js';
import { sendFile } from '../http/send-file.js';
import { FORMAT_SUFFIX } from './document-paths.js';
import { renderErrorPage } from './pages/error.page.js';

/** Said where the PDF link would be on a server that cannot print. */
export const PDF_UNAVAILABLE_LABEL =
  'PDF kan inte skapas på den här servern (Chromium saknas); Word och webbsidan finns.';

/**
 * Sends a document as its page (`html`, with links to the other formats and back to `back`) or as a
 * file. `htmlPath` is the page's address; the files are at the same address with .docx and .pdf.
 * Documents can hold what only a signed-in reader may see, so nothing is kept in shared caches.
 */
export async function sendDocument(
  c: Context,
  doc: DocumentModel,
  format: DocumentFormat,
  printer: PdfPrinter,
  htmlPath: string,
  back: { href: string; label: string },
): Promise<Response> {
  const headers = { 'Cache-Control': 'private, no-store' };
  if (format === 'html') {
    const tools = [
      { href: `${htmlPath}${FORMAT_SUFFIX.docx}`, label: 'Ladda ner som Word (DOCX)' },
      printer.available()
        ? { href: `${htmlPath}${FORMAT_SUFFIX.pdf}`, label: 'Ladda ner som PDF' }
        : { label: PDF_UNAVAILABLE_LABEL },
      back,
    ];
    const stylesheetHref = versionedHref(DOCUMENT_STYLESHEET_HREF);
    return c.html(renderDocumentHtml(doc, { styles: 'link', stylesheetHref, tools }), 200, headers);
  }
  try {
    return sendFile(c, await renderDocument(doc, format, printer));
  } catch (error) {
    const failure = printerFailure(error);
    if (!failure) throw error;
    return c.html(renderErrorPage({ status: 503, message: failure.message }), 503, {
      ...headers,
      ...(failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {}),
    });
  }
}
