/**
 * A document's three forms as links: the page, the Word file and the PDF. Each link names the document, so
 * it makes sense on its own (WCAG 2.4.4). A server without Chromium cannot make PDFs: it says so in place
 * of the PDF link.
 */
import type { DocumentFormat } from '../../documents/document-model.js';

export interface DocumentLinksProps {
  /** The document as the links name it, e.g. "Programdokumentet". */
  name: string;
  path: (format: DocumentFormat) => string;
  pdfAvailable: boolean;
  /** Links in a list (the default), or buttons in a row of actions. */
  variant?: 'list' | 'buttons';
}

export const pdfUnavailableText = (name: string) =>
  `${name} som PDF: kan inte skapas på den här servern (Chromium saknas).`;

export function DocumentLinks({ name, path, pdfAvailable, variant = 'list' }: DocumentLinksProps) {
  const links = [
    { href: path('html'), label: `${name} som webbsida`, download: false },
    { href: path('docx'), label: `${name} som Word-fil (DOCX)`, download: true },
    ...(pdfAvailable ? [{ href: path('pdf'), label: `${name} som PDF`, download: true }] : []),
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
