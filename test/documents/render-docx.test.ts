/**
 * The Word rendering of documents, read back two ways: by mammoth, as a reader of Word files sees the
 * structure (Word's heading styles as h1…, lists as lists, tables with their header rows), and straight
 * from the zip's XML, for what mammoth doesn't show: the style ids, the repeating header rows, the
 * file's properties and language, the chart's media.
 */
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentsEntries, SOURCES_HEADING, type DocumentModel } from '../../src/documents/document-model.js';
import { renderDocumentDocx } from '../../src/documents/render-docx.js';
import {
  paragraphsOf,
  part,
  readZip,
  rowsOf,
  styleOf,
  tablesOf,
  textOf,
  unescapeXml,
} from '../support/docx-reading.js';
import { longSampleDocument, sampleDocument } from '../support/sample-document.js';

interface Rendered {
  doc: DocumentModel;
  docx: Buffer;
  html: string;
  text: string;
  zip: Map<string, Buffer>;
  documentXml: string;
}

async function render(doc: DocumentModel): Promise<Rendered> {
  const docx = await renderDocumentDocx(doc);
  const zip = await readZip(docx);
  return {
    doc,
    docx,
    html: (await mammoth.convertToHtml({ buffer: docx })).value,
    text: (await mammoth.extractRawText({ buffer: docx })).value,
    zip,
    documentXml: part(zip, 'word/document.xml'),
  };
}

const stripTags = (html: string): string => html.replace(/<[^>]*>/g, '');

/** The headings mammoth finds, in order, as "h1 Text". */
const headingsIn = (html: string): string[] =>
  [...html.matchAll(/<(h[1-6])>(.*?)<\/\1>/g)].map((m) => `${m[1]} ${stripTags(m[2]!)}`);

/** The headings the model says, in order, as Word headings: level 2 is Heading 1 (h1), and so on. */
const expectedHeadings = (doc: DocumentModel): string[] => [
  ...doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`h${b.level - 1} ${b.text}`] : [])),
  `h1 ${SOURCES_HEADING}`,
];

/** The items of every list of a kind, list by list, as text. */
const listsIn = (html: string, tag: 'ol' | 'ul'): string[][] =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) =>
    [...m[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((li) => stripTags(li[1]!)),
  );

/** The tables mammoth finds: header cells (th in thead) and body rows, as text. */
const tablesIn = (html: string): { head: string[]; rows: string[][] }[] =>
  [...html.matchAll(/<table>(.*?)<\/table>/g)].map((m) => ({
    head: [...(/<thead>(.*?)<\/thead>/.exec(m[1]!)?.[1] ?? '').matchAll(/<th>(.*?)<\/th>/g)].map((c) =>
      stripTags(c[1]!),
    ),
    rows: [...(/<tbody>(.*?)<\/tbody>/.exec(m[1]!)?.[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => stripTags(c[1]!)),
    ),
  }));

/** Text that must never reach a document: a value that was missing, or an object turned into text. */
const NEVER = ['undefined', 'NaN', '[object', 'null'];

function expectNoLeaks(xml: string, where: string): void {
  const text = textOf(xml);
  for (const word of NEVER) {
    expect(text, `${where} innehåller "${word}"`).not.toContain(word);
  }
  for (const word of ['undefined', 'NaN', '[object']) expect(xml, `${where} (XML)`).not.toContain(word);
}

describe('renderDocumentDocx: the sample document', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(sampleDocument());
  });

  it('is a zip with the parts of a Word document', () => {
    expect(r.docx.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) {
      expect(r.zip.has(name), name).toBe(true);
    }
  });

  it('has the headings in the model’s order, sections as Heading 1 (h1) and below, then Källor', () => {
    expect(headingsIn(r.html)).toEqual(expectedHeadings(r.doc));
    expect(headingsIn(r.html)).toEqual([
      'h1 Förslag till beslut',
      'h1 Sammanfattning',
      'h2 Fokusområden och mål',
      'h3 Mål 1: Öka företagandet',
      'h1 Utfall',
      `h1 ${SOURCES_HEADING}`,
    ]);
  });

  it('writes Word’s built-in style ids: Title for the title, Heading1–3 for the sections', () => {
    const paragraphs = paragraphsOf(r.documentXml);
    const titles = paragraphs.filter((p) => styleOf(p) === 'Title');
    expect(titles.map(textOf)).toEqual([r.doc.title]);
    expect(paragraphs.filter((p) => styleOf(p) === 'Heading1').map(textOf)).toEqual([
      'Förslag till beslut',
      'Sammanfattning',
      'Utfall',
      SOURCES_HEADING,
    ]);
    expect(paragraphs.filter((p) => styleOf(p) === 'Heading2').map(textOf)).toEqual(['Fokusområden och mål']);
    expect(paragraphs.filter((p) => styleOf(p) === 'Heading3').map(textOf)).toEqual(['Mål 1: Öka företagandet']);
    expect(paragraphs.filter((p) => styleOf(p) === 'Subtitle').map(textOf)).toEqual([r.doc.subtitle]);

    const styles = part(r.zip, 'word/styles.xml');
    for (const [id, name] of [
      ['Title', 'Title'],
      ['Heading1', 'Heading 1'],
      ['Heading2', 'Heading 2'],
      ['Heading3', 'Heading 3'],
      ['Caption', 'caption'],
      ['ListNumber', 'List Number'],
      ['ListBullet', 'List Bullet'],
      ['Hyperlink', 'Hyperlink'],
    ]) {
      expect(styles, id).toMatch(new RegExp(`w:styleId="${id}"><w:name w:val="${name}"/>`));
    }
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:rFonts w:ascii="Arial"/s);
  });

  it('starts as the HTML page does: the issuer and type, the title, the subtitle, the header facts', () => {
    const lines = r.text.split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(0, 5)).toEqual([
      'Haninge kommun\tTjänsteskrivelse',
      r.doc.title,
      r.doc.subtitle,
      'Datum\t2026-11-27',
      'Diarienummer\t[diarienummer]',
    ]);
  });

  it('writes ordered lists as Word numbering (1.) and unordered ones as bullets', () => {
    expect(listsIn(r.html, 'ol')).toEqual([
      [
        'Förslag till Södertörns utvecklingsprogram 2035 godkänns.',
        'Programmet ersätter motsvarande program som godkändes av kommunstyrelsen [datum och paragraf].',
      ],
    ]);
    expect(listsIn(r.html, 'ul')).toEqual([
      ['Ökad sysselsättning', 'Hållbar tillväxt', 'Trygghet för äldre'],
      [...r.doc.sources],
    ]);
    const numbering = part(r.zip, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>.*?<w:lvlText w:val="%1\."\/>/s);
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    const styled = paragraphsOf(r.documentXml).filter((p) => styleOf(p) === 'ListNumber');
    expect(styled).toHaveLength(2);
    for (const p of styled) expect(p).toContain('<w:numPr>');
  });

  it('counts each ordered list from 1: two lists are two Word lists', async () => {
    const base = sampleDocument();
    const two = await render({
      ...base,
      blocks: [
        ...base.blocks,
        { kind: 'paragraph', content: 'Mellan listorna.' },
        { kind: 'list', ordered: true, items: ['Första', 'Andra'] },
      ],
    });
    expect(listsIn(two.html, 'ol')).toHaveLength(2);
    const numIds = paragraphsOf(two.documentXml)
      .filter((p) => styleOf(p) === 'ListNumber')
      .map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1]);
    expect(new Set(numIds.slice(0, 2)).size).toBe(1);
    expect(new Set(numIds.slice(2)).size).toBe(1);
    expect(numIds[0]).not.toBe(numIds[2]);
  });

  it('writes tables under their captions, with a repeating header row, bold headers and numbers to the right', () => {
    expect(tablesIn(r.html)).toEqual([
      {
        head: ['Kommun', 'Invånare', 'Förändring, %'],
        rows: [
          ['Huddinge', '104 000', '1,8'],
          ['Södertälje', '91 000', '−0,4'],
        ],
      },
      {
        head: ['År', 'Andel, %'],
        rows: [
          ['2019', '41,5'],
          ['2020', '52,0'],
        ],
      },
    ]);
    // The caption comes right before its table, in Word's Caption style.
    const body = r.documentXml;
    const tables = tablesOf(body);
    expect(tables).toHaveLength(2);
    const captionBefore = (table: string) => {
      const before = paragraphsOf(body.slice(0, body.indexOf(table)));
      return before.at(-1)!;
    };
    expect(styleOf(captionBefore(tables[0]!))).toBe('Caption');
    expect(textOf(captionBefore(tables[0]!))).toBe('Invånare per kommun, 2014');
    expect(textOf(captionBefore(tables[1]!))).toBe('Andel i procent per år (tabellen till figur 1)');

    const rows = rowsOf(tables[0]!);
    expect(rows).toHaveLength(3);
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(/<w:trPr>.*?<\/w:trPr>/s.exec(tables[0]!)?.[0]).toContain('<w:tblHeader/>');
    for (const cell of rows[0]!) expect(cell).toMatch(/<w:rPr><w:b\/>/);
    const [huddinge, invanare, forandring] = rows[1]!;
    expect(huddinge).toMatch(/<w:rPr><w:b\/>/); // the row header
    expect(huddinge).toContain('<w:jc w:val="left"/>');
    expect(invanare).not.toMatch(/<w:b\/>/);
    expect(invanare).toContain('<w:jc w:val="right"/>');
    expect(forandring).toContain('<w:jc w:val="right"/>');
    expect(rows[0]![1]).toContain('<w:jc w:val="right"/>');
  });

  it('keeps å, ä and ö, and the minus sign, intact', () => {
    for (const word of ['Södertälje', 'Fokusområden', 'Trygghet för äldre', 'Källor', 'Målår', '−0,4']) {
      expect(r.text).toContain(word);
    }
    expect(r.documentXml).toContain('Förslag till Södertörns utvecklingsprogram 2035');
  });

  it('brackets placeholders, in bold and highlighted so they show without colour', () => {
    for (const placeholder of ['[diarienummer]', '[datum och paragraf]']) expect(r.text).toContain(placeholder);
    expect(r.text.match(/\[namn\]/g)).toHaveLength(2);
    const runs = r.documentXml.match(/<w:r>(?:(?!<\/w:r>).)*\[diarienummer\](?:(?!<\/w:r>).)*<\/w:r>/gs) ?? [];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('<w:b/>');
    expect(runs[0]).toContain('<w:highlight w:val="yellow"/>');
    expect(r.html).toContain('<strong>[datum och paragraf]</strong>');
  });

  it('writes links as hyperlinks in the Hyperlink style, and strong text in bold', () => {
    expect(r.html).toContain('<a href="https://www.sodertorn.se/">sodertorn.se</a>');
    expect(r.documentXml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/>/);
    const rels = part(r.zip, 'word/_rels/document.xml.rels');
    expect(rels).toMatch(/Target="https:\/\/www\.sodertorn\.se\/" TargetMode="External"/);
    expect(r.html).toContain('om <strong>åtta</strong> kommuner.');
  });

  it('ends with the sources and the line on when it was made', () => {
    expect(headingsIn(r.html).at(-1)).toBe(`h1 ${SOURCES_HEADING}`);
    const afterSources = r.html.slice(r.html.lastIndexOf('<h1>'));
    expect(afterSources).toContain(
      `<ul>${r.doc.sources.map((s) => `<li>${s}</li>`).join('')}</ul><p>Skapat 2026-11-27 i samverkan.</p>`,
    );
    expect(r.text.trimEnd().endsWith(`${r.doc.sources.join('\n\n')}\n\nSkapat 2026-11-27 i samverkan.`)).toBe(true);
  });

  it('writes the contents as a TOC field of the sections and the sources, filled in with page numbers', () => {
    const paragraphs = paragraphsOf(r.documentXml);
    const heading = paragraphs.findIndex((p) => styleOf(p) === 'TOCHeading');
    expect(textOf(paragraphs[heading]!)).toBe('Innehåll');
    expect(r.documentXml).toMatch(/<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
    const entries = paragraphs.filter((p) => styleOf(p) === 'TOC1').map(textOf);
    expect(entries.map((e) => e.split('\t')[0])).toEqual([
      ...contentsEntries(r.doc).map((e) => e.text),
      SOURCES_HEADING,
    ]);
    for (const entry of entries) expect(entry).toMatch(/\t\d+$/);
    // The field is written clean: Word doesn't ask to update it when the file is opened.
    expect(r.documentXml).not.toContain('w:dirty="true"');
    // The sections come after the contents, as on the page.
    expect(paragraphs.findIndex((p) => styleOf(p) === 'Heading1')).toBeGreaterThan(heading);
  });

  it('draws the chart as SVG with a PNG fallback, the width of the text, with alt text, then caption and table', () => {
    const media = [...r.zip.keys()].filter((name) => name.startsWith('word/media/'));
    const svg = media.find((name) => name.endsWith('.svg'));
    const png = media.find((name) => name.endsWith('.png'));
    expect(svg, media.join(', ')).toBeDefined();
    expect(png, media.join(', ')).toBeDefined();
    expect(r.zip.get(svg!)!.toString('utf8')).toContain('<title id="t">Andel i procent per år</title>');
    const pngBytes = r.zip.get(png!)!;
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngBytes.readUInt32BE(16)).toBe(1200); // rasterised at twice the width it is shown at
    expect(pngBytes.readUInt32BE(20)).toBe(600); // with the SVG's proportions (200 × 100)

    const figure = r.doc.blocks.find((b) => b.kind === 'figure')!;
    const docPr = /<wp:docPr [^>]*\/>/.exec(r.documentXml)?.[0] ?? '';
    expect(unescapeXml(/descr="([^"]*)"/.exec(docPr)?.[1] ?? '')).toBe(figure.alt);
    expect(unescapeXml(/title="([^"]*)"/.exec(docPr)?.[1] ?? '')).toBe(figure.caption);
    expect(r.documentXml).toContain('<asvg:svgBlip');
    // 600 px at 9525 EMU a pixel, half as tall: the chart's own proportions.
    expect(r.documentXml).toContain('<wp:extent cx="5715000" cy="2857500"/>');
    expect(r.html).toContain(`alt="${figure.alt}"`);

    const afterImage = r.text.slice(r.text.indexOf('Utfall'));
    expect(afterImage.indexOf(figure.caption)).toBeLessThan(afterImage.indexOf(figure.table.caption));
    expect(afterImage.indexOf(figure.table.caption)).toBeLessThan(afterImage.indexOf('41,5'));
  });

  it('sets the notice apart, bordered and shaded, in bold; and signatures as names and titles', () => {
    const notice = paragraphsOf(r.documentXml).find((p) => textOf(p).startsWith('Provdokument för testerna'))!;
    expect(notice).toContain('<w:pBdr>');
    expect(notice).toMatch(/<w:shd [^>]*w:fill="FFF4CE"/);
    expect(notice).toContain('<w:b/>');
    const lines = r.text.split('\n').filter((l) => l.trim() !== '');
    const first = lines.indexOf('Kommundirektör');
    expect(lines.slice(first - 1, first + 3)).toEqual(['[namn]', 'Kommundirektör', '[namn]', 'Utvecklingsstrateg']);
  });

  it('starts a new page where the model breaks it, with no empty paragraph on top', () => {
    const utfall = paragraphsOf(r.documentXml).find((p) => styleOf(p) === 'Heading1' && textOf(p) === 'Utfall')!;
    expect(utfall).toContain('<w:pageBreakBefore/>');
    expect(r.documentXml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(r.documentXml).not.toContain('w:type="page"');
  });

  it('is an A4 page with 2.5 cm margins and page numbers "Sida X (Y)" in the footer', () => {
    expect(r.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(r.documentXml).toMatch(/<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418"/);
    const footerName = [...r.zip.keys()].find((n) => /^word\/footer\d+\.xml$/.test(n))!;
    const footer = part(r.zip, footerName);
    expect(textOf(footer)).toMatch(/^Sida \d* \(\d*\)$/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
  });

  it('has the title, author, subject and description in the file’s properties, in Swedish', () => {
    const core = part(r.zip, 'docProps/core.xml');
    const field = (name: string) => unescapeXml(new RegExp(`<${name}>([^<]*)</${name}>`).exec(core)?.[1] ?? '');
    expect(field('dc:title')).toBe(r.doc.title);
    expect(field('dc:creator')).toBe('Haninge kommun');
    expect(field('dc:subject')).toBe('Tjänsteskrivelse');
    expect(field('dc:description')).toBe(
      'Tjänsteskrivelse: Förslag till Södertörns utvecklingsprogram 2035, Haninge kommun, 2026-11-27.',
    );
    const styles = part(r.zip, 'word/styles.xml');
    expect(/<w:rPrDefault>.*?<\/w:rPrDefault>/s.exec(styles)?.[0]).toContain('<w:lang w:val="sv-SE"/>');
  });

  it('never writes "undefined", "NaN" or "[object" anywhere', () => {
    for (const [name, bytes] of r.zip) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expectNoLeaks(bytes.toString('utf8'), name);
    }
  });
});

describe('renderDocumentDocx: other documents', () => {
  it('renders a long document (ten sections with tables) with every heading and table in order', async () => {
    const r = await render(longSampleDocument(10));
    const headings = headingsIn(r.html);
    expect(headings).toEqual(expectedHeadings(r.doc));
    const sections = headings.filter((h) => h.startsWith('h1 Avsnitt'));
    expect(sections).toEqual(Array.from({ length: 10 }, (_, i) => `h1 Avsnitt ${i + 1}: Ökad tillväxt i Södertörn`));
    expect(tablesOf(r.documentXml)).toHaveLength(12);
    expect(r.documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(12);
    const last = tablesIn(r.html).at(-1)!;
    expect(last.head).toEqual(['Rad', 'Värde']);
    expect(last.rows).toHaveLength(24);
    expect(last.rows[23]).toEqual(['Rad 24 för Södertälje', '28393,5']);
    // The contents list every section and the sources, with page numbers that grow.
    const entries = paragraphsOf(r.documentXml)
      .filter((p) => styleOf(p) === 'TOC1')
      .map(textOf);
    expect(entries).toHaveLength(contentsEntries(r.doc).length + 1);
    const pages = entries.map((e) => Number(/\t(\d+)$/.exec(e)?.[1]));
    for (const page of pages) expect(page).toBeGreaterThan(0);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages.at(-1)).toBeGreaterThan(pages[0]! + 5);
    expect(r.text.trimEnd().endsWith('Skapat 2026-11-27 i samverkan.')).toBe(true);
    for (const [name, bytes] of r.zip) {
      if (name.endsWith('.xml')) expectNoLeaks(bytes.toString('utf8'), name);
    }
  });

  it('escapes what XML would read as markup, in the text and in the properties', async () => {
    const title = 'Mål & medel <2035> "nu"';
    const r = await render(
      sampleDocument({ title, blocks: [{ kind: 'paragraph', content: ['A & B ', { text: '<c>', strong: true }] }] }),
    );
    expect(unescapeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(part(r.zip, 'docProps/core.xml'))?.[1] ?? '')).toBe(title);
    expect(r.text).toContain(title);
    expect(r.text).toContain('A & B <c>');
  });

  it('leaves out what the model leaves out: no subtitle, no contents, no sources', async () => {
    const r = await render(
      sampleDocument({
        subtitle: undefined,
        header: [],
        sources: [],
        blocks: [{ kind: 'paragraph', content: 'Bara ett stycke.' }],
      }),
    );
    const paragraphs = paragraphsOf(r.documentXml);
    expect(paragraphs.some((p) => styleOf(p) === 'Subtitle')).toBe(false);
    expect(r.documentXml).not.toContain('TOC \\');
    expect(headingsIn(r.html)).toEqual([`h1 ${SOURCES_HEADING}`]);
    expect(r.text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Haninge kommun\tTjänsteskrivelse',
      'Förslag till Södertörns utvecklingsprogram 2035',
      'Bara ett stycke.',
      SOURCES_HEADING,
      'Skapat 2026-11-27 i samverkan.',
    ]);
    for (const [name, bytes] of r.zip) {
      if (name.endsWith('.xml')) expectNoLeaks(bytes.toString('utf8'), name);
    }
  });
});
