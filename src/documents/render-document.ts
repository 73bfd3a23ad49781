/**
 * One document model in the format asked for: the page (HTML), Word (DOCX) or PDF (the page printed by
 * the shared Chromium). The HTTP routes, the API and the CLI all come through here.
 */
import { MEDIA_TYPES, type DocumentFormat, type DocumentModel } from './document-model.js';
import { PdfBusyError, PdfPrintError, PdfTimeoutError, PdfUnavailableError, type PdfPrinter } from './pdf-printer.js';
import { renderDocumentHtml, type HtmlRenderOptions } from './render-html.js';

export interface RenderedDocument {
  body: string | Buffer;
  mediaType: string;
  /** The file name with its extension (the format's name). */
  fileName: string;
}

/**
 * `html` renders the page with `html` options (links for a served page, inline styles for a file);
 * `pdf` needs a printer and fails with its Swedish errors when it cannot print.
 */
export async function renderDocument(
  doc: DocumentModel,
  format: DocumentFormat,
  printer: PdfPrinter,
  html: HtmlRenderOptions = { styles: 'inline' },
): Promise<RenderedDocument> {
  const body =
    format === 'html'
      ? renderDocumentHtml(doc, html)
      : format === 'docx'
        ? // Loaded with the first Word file (docx and resvg): a process that makes none does not hold them.
          await (await import('./render-docx.js')).renderDocumentDocx(doc)
        : await printer.print(doc);
  return { body, mediaType: MEDIA_TYPES[format], fileName: `${doc.fileName}.${format}` };
}

/**
 * Whether an error is the printer saying it cannot print now (no Chromium, too busy, too slow, failed),
 * with its Swedish message and, when trying again later may help, the seconds to wait. HTTP answers 503.
 */
export function printerFailure(error: unknown): { message: string; retryAfter?: string } | undefined {
  if (error instanceof PdfUnavailableError) return { message: error.message };
  if (error instanceof PdfBusyError || error instanceof PdfTimeoutError || error instanceof PdfPrintError)
    return { message: error.message, retryAfter: '10' };
  return undefined;
}
