/**
 * Reading PDFs in tests with poppler-utils (Debian: `apt-get install poppler-utils`): what pdfinfo,
 * pdffonts and pdftotext say about a file, and a page as PNG to look at. Each helper writes the buffer
 * to a temporary file of its own and removes it afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-pdf-'));
  try {
    const file = join(dir, 'dokument.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's fields by name ("Pages", "Tagged", "Title", "Page size", …), values trimmed. */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
    const fields: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      if (match) fields[match[1]!.trim()] = match[2]!.trim();
    }
    return fields;
  });
}

export interface PdfFont {
  name: string;
  type: string;
  /** Whether the font is embedded ("emb" yes). */
  emb: boolean;
  /** Whether only the glyphs used are embedded ("sub"). */
  sub: boolean;
}

/**
 * pdffonts' rows. Read from the right, as a long name pushes the columns along: object number and
 * generation, uni, sub, emb, encoding (one word), then the type (words) after the name (no spaces).
 */
export function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    const lines = stdout.split('\n');
    const rule = lines.findIndex((l) => /^-+( -+)+$/.test(l));
    if (rule < 1) throw new Error(`pdffonts svarade oväntat:\n${stdout}`);
    return lines
      .slice(rule + 1)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const words = l.trim().split(/\s+/);
        if (words.length < 8) throw new Error(`pdffonts-raden kunde inte läsas: ${l}`);
        const [emb, sub] = words.slice(-5, -3);
        return { name: words[0]!, type: words.slice(1, -6).join(' '), emb: emb === 'yes', sub: sub === 'yes' };
      });
  });
}

/** The text as pdftotext lays it out (`-layout`), pages separated by form feeds. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** Page `page` (from 1) as a PNG at 60 dpi, written to `outFile` (a path ending in .png). */
export function pdfToPng(pdf: Buffer, page: number, outFile: string): Promise<void> {
  if (!outFile.endsWith('.png')) throw new Error(`${outFile}: ange en fil som slutar på .png`);
  return withPdfFile(pdf, async (file) => {
    const n = String(page);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      n,
      '-l',
      n,
      '-singlefile',
      file,
      outFile.slice(0, -'.png'.length),
    ]);
  });
}
