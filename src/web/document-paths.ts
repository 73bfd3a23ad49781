/** Where the documents are: each at a page of its own, and the same address with .docx or .pdf for the files. */
import type { DocumentFormat } from '../documents/document-model.js';

export const FORMAT_SUFFIX: Readonly<Record<DocumentFormat, string>> = { html: '', docx: '.docx', pdf: '.pdf' };

export const programmeDocumentPath = (slug: string, format: DocumentFormat = 'html') =>
  `/program/${slug}/dokument${FORMAT_SUFFIX[format]}`;

/** Every member's memo on a proposed version, where each stands. */
export const memosPath = (slug: string) => `/program/${slug}/tjansteskrivelser`;
/** One member's memo: its texts, to edit. */
export const memoPath = (slug: string, memberCode: string) => `${memosPath(slug)}/${memberCode}`;
export const memoDocumentPath = (slug: string, memberCode: string, format: DocumentFormat = 'html') =>
  `${memoPath(slug, memberCode)}/dokument${FORMAT_SUFFIX[format]}`;

export const annualReportDocumentPath = (year: number, format: DocumentFormat = 'html') =>
  `/uppfoljning/${year}/arsredovisning/dokument${FORMAT_SUFFIX[format]}`;

export const conferencePackPath = (year: number, format: DocumentFormat = 'html') =>
  `/nyckeltalskonferensen/${year}/dokument${FORMAT_SUFFIX[format]}`;
