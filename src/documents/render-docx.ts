/**
 * A document as Word (DOCX), built with the `docx` package. It says what the HTML page says, in the same
 * order (render-html.tsx): the issuer and the document type, the title, the subtitle, the header facts,
 * the blocks, and last the sources ("Källor") and the line on when it was made.
 *
 * Everything is written with Word's built-in style ids (Title, Subtitle, Heading1…, ListNumber,
 * ListBullet, Caption, Hyperlink, TOCHeading), so text a municipality pastes into its own template takes
 * on the template's look and keeps its structure: headings stay headings (and reach its contents),
 * lists stay lists. The document's title is the Title; its sections (the model's level 2) are Heading1,
 * level 3 Heading2 and level 4 Heading3. Numbers, dates and texts come formatted from the model: this
 * file formats nothing of its own but the page numbers.
 */
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { SOURCES_HEADING, type Block, type Content, type DocumentModel, type TableBlock } from './document-model.js';

/** A4 in twips (1/20 pt), with margins of 2.5 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
/** The width text runs in, in twips: 9070, about 16 cm. */
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The same width in pixels at 96 to the inch, the unit of ImageRun's size: about 604. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
/** How wide a chart is drawn on the page, in pixels (ImageRun's unit). */
const FIGURE_WIDTH_PX = Math.min(600, TEXT_WIDTH_PX);
/** The fallback PNG of a chart is rasterised at twice the width it is shown at, so it prints sharp. */
const FIGURE_RASTER_WIDTH = 1200;

const FONT = 'Arial';
const TEXT_COLOR = '1A1A1A';
const MUTED_COLOR = '4A4A4A';
const ACCENT_COLOR = '1F4E79';
const RULE_COLOR = 'B8B8B8';
const NOTICE_FILL = 'FFF4CE';
const NOTICE_BORDER = '8A6D00';

/** Where the value of a fact starts (the term before it, then a tab): 4.5 cm. */
const FACT_TAB = 2552;

const ORDERED = 'samverkan-numrerad-lista';
const BULLETS = 'samverkan-punktlista';

/** Every paragraph goes through here: a page break from the model lands on the paragraph after it. */
class Body {
  readonly children: (Paragraph | Table | TableOfContents)[] = [];
  private breakBefore = false;
  /** Each ordered list is a list instance of its own, so it counts from 1. */
  private orderedLists = 0;

  paragraph(options: IParagraphOptions): void {
    this.children.push(new Paragraph(this.breakBefore ? { ...options, pageBreakBefore: true } : options));
    this.breakBefore = false;
  }

  table(table: Table): void {
    this.children.push(table);
  }

  contents(toc: TableOfContents): void {
    this.children.push(toc);
  }

  pageBreak(): void {
    // A paragraph with only a page break in it leaves an empty line at the top of the next page:
    // the next paragraph starts the page instead.
    this.breakBefore = true;
  }

  list(ordered: boolean, items: readonly Content[]): void {
    const instance = ordered ? ++this.orderedLists : 0;
    for (const item of items) {
      this.paragraph({
        style: ordered ? 'ListNumber' : 'ListBullet',
        numbering: ordered ? { reference: ORDERED, level: 0, instance } : { reference: BULLETS, level: 0 },
        children: runs(item),
      });
    }
  }
}

/** The document as a .docx file. */
export async function renderDocumentDocx(doc: DocumentModel): Promise<Buffer> {
  const body = new Body();

  body.paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    spacing: { after: 240 },
    children: [
      new TextRun({ text: doc.issuer, bold: true }),
      // In capitals as on the page, by formatting: the text stays as written, for pasting and searching.
      new TextRun({ children: [new Tab(), doc.documentType], allCaps: true, color: MUTED_COLOR }),
    ],
  });
  body.paragraph({ style: 'Title', children: [new TextRun(doc.title)] });
  if (doc.subtitle) body.paragraph({ style: 'Subtitle', children: [new TextRun(doc.subtitle)] });
  facts(body, doc.header);
  for (const block of doc.blocks) renderBlock(body, block);

  body.paragraph({ style: 'Heading1', children: [new TextRun(SOURCES_HEADING)] });
  body.list(false, doc.sources);
  body.paragraph({ spacing: { before: 240 }, children: [new TextRun(`Skapat ${doc.date} i samverkan.`)] });

  const document = new Document({
    title: doc.title,
    subject: doc.documentType,
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    description: `${doc.documentType}: ${doc.title}, ${doc.issuer}, ${doc.date}.`,
    styles: STYLES,
    numbering: NUMBERING,
    // The contents: a TOC field is empty until Word updates it, and `features.updateFields` makes Word
    // ask about updating fields whenever the file is opened, which confuses readers. So when the document
    // has contents, its pages are laid out here as Word would lay them out (docx's estimatePageNumbers)
    // and the field is written with its entries and their page numbers filled in, and clean: it reads
    // correctly as it is, in Word and in applications that never update fields, and Word still updates it
    // like any contents once the text changes. The layout costs some 60–70 ms a page (ten pages: about
    // 0.9 s instead of 0.25 s), so a document without contents skips it: the footer's fields are Word's.
    ...(doc.blocks.some((b) => b.kind === 'contents') ? { pageNumbers: estimatePageNumbers } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        footers: { default: pageFooter() },
        children: body.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function renderBlock(body: Body, block: Block): void {
  switch (block.kind) {
    case 'heading':
      body.paragraph({ style: `Heading${block.level - 1}`, children: [new TextRun(block.text)] });
      return;
    case 'paragraph':
      body.paragraph({
        children: runs(block.content, block.style === 'lead' ? LEAD : block.style === 'note' ? NOTE : {}),
      });
      return;
    case 'list':
      body.list(block.ordered, block.items);
      return;
    case 'table':
      table(body, block);
      return;
    case 'facts':
      facts(body, block.items);
      return;
    case 'figure':
      figure(body, block);
      return;
    case 'notice':
      body.paragraph({
        keepLines: true,
        spacing: { before: 120, after: 240 },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: NOTICE_FILL },
        border: {
          left: { style: BorderStyle.SINGLE, size: 36, color: NOTICE_BORDER, space: 8 },
          top: { style: BorderStyle.SINGLE, size: 4, color: NOTICE_FILL, space: 4 },
          bottom: { style: BorderStyle.SINGLE, size: 4, color: NOTICE_FILL, space: 4 },
          right: { style: BorderStyle.SINGLE, size: 4, color: NOTICE_FILL, space: 4 },
        },
        children: [new TextRun({ text: block.text, bold: true })],
      });
      return;
    case 'signatures':
      block.people.forEach((person, i) => {
        // Room to sign above each name; the name keeps with its title.
        body.paragraph({
          keepNext: true,
          keepLines: true,
          spacing: { before: i === 0 ? 960 : 720, after: 0 },
          children: runs(person.name, { bold: true }),
        });
        body.paragraph({ spacing: { after: 120 }, children: runs(person.title) });
      });
      return;
    case 'contents':
      // The same heading as the HTML's, in Word's own style for it: TOC Heading looks like Heading 1 but
      // has no outline level, so the contents never list their own heading.
      body.paragraph({ style: 'TOCHeading', children: [new TextRun('Innehåll')] });
      // Level 1 only: the sections (the model's level 2) and the sources, as on the HTML page.
      body.contents(new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-1' }));
      return;
    case 'pageBreak':
      body.pageBreak();
      return;
  }
}

type RunLook = { bold?: boolean; italics?: boolean; size?: number; color?: string };
const LEAD: RunLook = { size: 26 };
const NOTE: RunLook = { size: 19, color: MUTED_COLOR };

/**
 * Text and runs, as the HTML's Text: a link is a hyperlink in the Hyperlink style, strong is bold, and a
 * placeholder is bracketed, bold and highlighted, so it shows without colour too.
 */
function runs(content: Content, look: RunLook = {}): ParagraphChild[] {
  if (typeof content === 'string') return [new TextRun({ text: content, ...look })];
  return content.map((run) => {
    if (typeof run === 'string') return new TextRun({ text: run, ...look });
    if (run.placeholder) return new TextRun({ text: `[${run.text}]`, ...look, bold: true, highlight: 'yellow' });
    const text = new TextRun({
      text: run.text,
      ...look,
      ...(run.strong ? { bold: true } : {}),
      ...(run.href ? { style: 'Hyperlink' } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/** Label–value pairs as the HTML's grid: the term in bold, a tab, the value (wrapping under itself). */
function facts(body: Body, items: readonly { term: string; value: Content }[]): void {
  items.forEach((item, i) => {
    body.paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: FACT_TAB }],
      indent: { left: FACT_TAB, hanging: FACT_TAB },
      spacing: { after: i === items.length - 1 ? 240 : 40 },
      keepNext: i < items.length - 1,
      children: [
        new TextRun({ text: item.term, bold: true }),
        new TextRun({ children: [new Tab()] }),
        ...runs(item.value),
      ],
    });
  });
}

const CELL_RULE = { style: BorderStyle.SINGLE, size: 4, color: RULE_COLOR } as const;
const HEAD_RULE = { style: BorderStyle.SINGLE, size: 12, color: TEXT_COLOR } as const;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * A table under its caption (Word's Caption style, kept with the table): the header row repeats on every
 * page, header cells and row headers are bold, numbers are right-aligned. Rows don't break across pages.
 */
function table(body: Body, block: TableBlock): void {
  body.paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] });
  const numeric = new Set(block.numericColumns ?? []);
  const columns = Math.max(block.head.length, ...block.rows.map((r) => r.length), 1);
  const cell = (text: string, column: number, header: boolean, rule: typeof CELL_RULE | typeof HEAD_RULE) =>
    new TableCell({
      borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: rule },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          alignment: numeric.has(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text, bold: header, size: 20 })],
        }),
      ],
    });
  const fill = (cells: readonly string[]) => Array.from({ length: columns }, (_, i) => cells[i] ?? '');
  body.table(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns)),
      borders: {
        top: NO_BORDER,
        bottom: NO_BORDER,
        left: NO_BORDER,
        right: NO_BORDER,
        insideHorizontal: NO_BORDER,
        insideVertical: NO_BORDER,
      },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: fill(block.head).map((h, i) => cell(h, i, true, HEAD_RULE)),
        }),
        ...block.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: fill(row).map((text, i) => cell(text, i, i === 0 && block.rowHeaders === true, CELL_RULE)),
            }),
        ),
      ],
    }),
  );
  // Space after the table, and a paragraph between two tables so Word doesn't join them.
  body.paragraph({ spacing: { before: 0, after: 120 }, children: [] });
}

/** PNGs of the charts by their SVG (its SHA-256): the most recently used kept. */
const RASTERS_KEPT = 64;
const rasters = new Map<string, { png: Buffer; ratio: number }>();

/**
 * The chart as a PNG for Word versions without SVG, made once per chart. Each rasterisation loads the
 * system's fonts into native memory that is given back only when the garbage collector gets to the
 * object, which it is in no hurry to do: the conference pack's Word file (a dozen charts) took some
 * 250 MB of memory over 30 downloads; the same charts (cached by their data version) come back in
 * every copy of a document.
 */
function raster(svg: string): { png: Buffer; ratio: number } {
  const key = createHash('sha256').update(svg).digest('base64');
  let found = rasters.get(key);
  if (found) rasters.delete(key);
  else {
    const rendered = new Resvg(svg, {
      fitTo: { mode: 'width', value: FIGURE_RASTER_WIDTH },
      font: { loadSystemFonts: true },
    }).render();
    const ratio = rendered.width > 0 && rendered.height > 0 ? rendered.height / rendered.width : 0.5;
    found = { png: rendered.asPng(), ratio };
    if (rasters.size >= RASTERS_KEPT) rasters.delete(rasters.keys().next().value!);
  }
  rasters.set(key, found);
  return found;
}

/**
 * A chart as vector graphics (the SVG itself, which Word 2016 and later draw) with a PNG of it for
 * applications that can't, the width of the text and as tall as the SVG's proportions say; then its
 * caption and the table with the same figures, which the chart never replaces.
 */
function figure(body: Body, block: Extract<Block, { kind: 'figure' }>): void {
  const { png, ratio } = raster(block.svg);
  const width = FIGURE_WIDTH_PX;
  const height = Math.max(1, Math.round(width * ratio));
  body.paragraph({
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(block.svg, 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: { width, height },
        altText: { title: block.caption, description: block.alt, name: block.caption },
      }),
    ],
  });
  body.paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] });
  table(body, block.table);
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 18,
            color: MUTED_COLOR,
            children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'],
          }),
        ],
      }),
    ],
  });
}

/** A heading style: Arial in bold, kept with what follows, at its outline level (0 is Heading 1). */
const heading = (
  outlineLevel: number,
  size: number,
  before: number,
  look: { italics?: boolean; color?: string } = {},
) => ({
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size, bold: true, color: look.color ?? TEXT_COLOR, ...(look.italics ? { italics: true } : {}) },
  paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before, after: 120 } },
});

const STYLES = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: TEXT_COLOR, language: { value: 'sv-SE' } },
      paragraph: { spacing: { after: 160, line: 276 } },
    },
    title: {
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 48, bold: true, color: TEXT_COLOR },
      paragraph: { keepNext: true, spacing: { before: 0, after: 120 } },
    },
    heading1: heading(0, 32, 360, { color: ACCENT_COLOR }),
    heading2: heading(1, 26, 280),
    heading3: heading(2, 22, 240),
    heading4: heading(3, 22, 200, { italics: true }),
    caption: {
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 20, bold: true, color: TEXT_COLOR },
      paragraph: { keepNext: true, spacing: { before: 120, after: 80 } },
    },
    hyperlink: { run: { color: ACCENT_COLOR, underline: {} } },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 26, color: MUTED_COLOR },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Heading1',
      next: 'Normal',
      quickFormat: true,
      // Outline level 9 is "body text": the contents' own heading is not in the contents.
      paragraph: { outlineLevel: 9 },
    },
    {
      id: 'ListNumber',
      name: 'List Number',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: 'ListBullet',
      name: 'List Bullet',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 80 } },
    },
  ],
};

const NUMBERING = {
  config: [
    {
      reference: ORDERED,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 567, hanging: 397 } } },
        },
      ],
    },
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 567, hanging: 397 } } },
        },
      ],
    },
  ],
};
