/**
 * Reading a .docx (a zip of XML parts) back in the tests: the parts by name, and small helpers over
 * WordprocessingML, kept to regular expressions since the tests only need to find elements, not edit them.
 */
import yauzl from 'yauzl';

/** Every entry of the zip, by its name (e.g. "word/document.xml"), as bytes. */
export async function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** One part of the zip as text; fails the test when the part is missing. */
export function part(entries: Map<string, Buffer>, name: string): string {
  const bytes = entries.get(name);
  if (!bytes) throw new Error(`${name} saknas i filen; den har ${[...entries.keys()].join(', ')}`);
  return bytes.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities resolved. */
export const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : ENTITIES[e]!,
  );

/** The body's paragraphs (w:p elements) in order, nested ones (in table cells) included. */
export const paragraphsOf = (xml: string): string[] => xml.match(/<w:p[ >].*?<\/w:p>|<w:p\/>/gs) ?? [];

/** The text of a piece of WordprocessingML: its w:t elements, with w:tab as a tab. */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => unescapeXml(m[1] ?? '\t')).join('');

/** The style id of a paragraph (its w:pStyle), if it has one. */
export const styleOf = (paragraph: string): string | undefined =>
  /<w:pPr>.*?<w:pStyle w:val="([^"]+)"\/>/s.exec(paragraph)?.[1];

/** The tables (w:tbl elements) in order; tables in tables aren't expected. */
export const tablesOf = (xml: string): string[] => xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];

/** The rows of a table, each as its cells' XML. */
export const rowsOf = (table: string): string[][] =>
  (table.match(/<w:tr[ >].*?<\/w:tr>/gs) ?? []).map((row) => row.match(/<w:tc>.*?<\/w:tc>/gs) ?? []);
