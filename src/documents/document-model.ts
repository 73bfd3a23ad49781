/**
 * A document as structured content, independent of how it is rendered: the memo to a board, the
 * programme document, the annual report and the key-indicator conference pack are each built as one of
 * these, and the same model is rendered as a page (HTML), as Word (DOCX) and as PDF (the HTML printed by
 * Chromium). Pure data: no rendering decisions beyond what the structure says.
 */
import type { IsoDate } from '../domain/dates.js';

export type DocumentKind = 'memo' | 'programme' | 'annual-report' | 'conference-pack' | 'consultation-report';

/**
 * A run of text. `placeholder` marks text the author must still fill in (e.g. a decision that is not
 * recorded): rendered in brackets and highlighted, never by colour alone.
 */
export type Inline = string | { text: string; href?: string; strong?: boolean; placeholder?: boolean };

/** A paragraph's or list item's content: plain text or a sequence of runs. */
export type Content = string | readonly Inline[];

export interface TableBlock {
  kind: 'table';
  /** Says what the table shows; rendered as the table's caption. */
  caption: string;
  /** Column headers. */
  head: readonly string[];
  /** Cells as display text (numbers already formatted the Swedish way). */
  rows: readonly (readonly string[])[];
  /** Columns to align right (numbers). */
  numericColumns?: readonly number[];
  /** The first cell of each row is that row's header. */
  rowHeaders?: boolean;
}

export type Block =
  /** Level 1 is the document title's level: sections start at 2. `id` makes it a target for the contents. */
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; id?: string }
  | { kind: 'paragraph'; content: Content; style?: 'lead' | 'note' }
  | { kind: 'list'; ordered: boolean; items: readonly Content[] }
  | TableBlock
  /** Label–value pairs, e.g. the memo's Datum, Dnr and Handläggare. */
  | { kind: 'facts'; items: readonly { term: string; value: Content }[] }
  /** A chart (accessible SVG) and the table with the same figures, which it never replaces. */
  | { kind: 'figure'; svg: string; alt: string; caption: string; table: TableBlock }
  /** A notice set apart from the text: that the document builds on example data, or is a draft. */
  | { kind: 'notice'; text: string }
  /** Names and titles of those who sign. */
  | { kind: 'signatures'; people: readonly { name: Content; title: Content }[] }
  /** The table of contents: the level-2 headings that have an id. */
  | { kind: 'contents' }
  | { kind: 'pageBreak' };

export interface DocumentModel {
  kind: DocumentKind;
  /** The document's title (its one level-1 heading, and the title in the file's metadata). */
  title: string;
  /** A line under the title, e.g. "Kommunstyrelseförvaltningens förslag till …". */
  subtitle?: string;
  /** Who issues it, e.g. "Haninge kommun" or "Södertörns samarbetskommitté" (the file's author). */
  issuer: string;
  /** A word or two for the file's metadata, e.g. "Tjänsteskrivelse". */
  documentType: string;
  /** The date the document carries. */
  date: IsoDate;
  /** The file name without extension: Swedish, with the version and date, e.g. "tjansteskrivelse-…-2026-12-07". */
  fileName: string;
  /** Shown before the body, under the title: Datum, Dnr, … (in the body, so the PDF keeps them tagged). */
  header: readonly { term: string; value: Content }[];
  blocks: readonly Block[];
  /** Where everything in the document comes from; rendered as the last section, "Källor". */
  sources: readonly string[];
}

/** The plain text of some content (for metadata, tests and file names). */
export const contentText = (content: Content): string =>
  typeof content === 'string' ? content : content.map((i) => (typeof i === 'string' ? i : i.text)).join('');

/** The level-2 headings the contents list, in order. */
export const contentsEntries = (doc: Pick<DocumentModel, 'blocks'>): { id: string; text: string }[] =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 && b.id ? [{ id: b.id, text: b.text }] : []));

/** The heading of the sources section, the same in every format. */
export const SOURCES_HEADING = 'Källor';

export type DocumentFormat = 'html' | 'docx' | 'pdf';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['html', 'docx', 'pdf'];

export const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  html: 'text/html; charset=UTF-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
