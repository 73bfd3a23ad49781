import type { Context } from 'hono';
import type { RenderedDocument } from '../documents/render-document.js';
import { contentDispositionAttachment } from '../exports/content-disposition.js';

/**
 * A rendered document as a download: an attachment with its Swedish file name, never kept in shared
 * caches (documents can hold what only a signed-in reader may see). The pages and the API send files so.
 */
export function sendFile(c: Context, file: RenderedDocument): Response {
  const body = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : new Uint8Array(file.body);
  return c.body(body, 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': contentDispositionAttachment(file.fileName),
    'Cache-Control': 'private, no-store',
  });
}
