/**
 * A document's three forms as links: the page, the Word file and the PDF. Each link names the document, so
 * it makes sense on its own (WCAG 2.4.4). A server without Chromium cannot make PDFs: it says so in place
 * of the PDF link.
 */
import type { DocumentFormat } from '../../documents/document-model.js';
import { texts } from '../i18n/texts.js';

export interface DocumentLinksProps {
  /** The document as the links name it, e.g. "Programdokumentet". */
  name: string;
  path: (format: DocumentFormat) => string;
  pdfAvailable: boolean;
  /** Links in a list (the default), or buttons in a row of actions. */
  variant?: 'list' | 'buttons';
}

/** That a server without Chromium cannot make the PDF, in the page's language. */
export const pdfUnavailableText = (name: string) => texts().common.pdfUnavailable(name);

/** The documents themselves are Swedish: on English pages the links say so, and point at the Swedish forms. */
export function DocumentLinks({ name, path, pdfAvailable, variant = 'list' }: DocumentLinksProps) {
  const t = texts().common;
  const links = [
    { href: path('html'), label: t.documentAsPage(name), download: false },
    { href: path('docx'), label: t.documentAsWord(name), download: true },
    ...(pdfAvailable ? [{ href: path('pdf'), label: t.documentAsPdf(name), download: true }] : []),
  ];
  if (variant === 'buttons')
    return (
      <>
        {links.map((l) => (
          <a class="ds-button" data-variant="secondary" href={l.href} download={l.download || undefined}>
            {l.label}
          </a>
        ))}
        {!pdfAvailable && <span class="meta">{pdfUnavailableText(name)}</span>}
      </>
    );
  return (
    <ul class="plain-list">
      {links.map((l) => (
        <li>
          <a class="ds-link" href={l.href}>
            {l.label}
          </a>
        </li>
      ))}
      {!pdfAvailable && <li class="meta">{pdfUnavailableText(name)}</li>}
    </ul>
  );
}
