/** Pages rendered for OCR with pdftoppm: 300 dpi, less for huge pages, the temporary files removed. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, readImageSize } from './image-size.js';
import { assertOcrPageCount, MAX_OCR_PAGES, rasterDpi, rasterisePdfPages, type PageRaster } from './rasterise-pdf.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

const root = mkdtempSync(join(tmpdir(), 'samverkan-raster-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function collect(generator: AsyncGenerator<PageRaster>): Promise<PageRaster[]> {
  const out: PageRaster[] = [];
  for await (const raster of generator) out.push(raster);
  return out;
}

describe('rasterising PDF pages', () => {
  it('chooses 300 dpi for A4 and A3, less for a huge page, never past the pixel limit', () => {
    expect(rasterDpi(595.28, 841.89)).toBe(300);
    expect(rasterDpi(841.89, 1190.55)).toBe(300);
    for (const [w, h] of [
      [14400, 14400],
      [14400, 200],
      [3000, 3000],
      [2384, 3370], // A0
    ] as const) {
      const dpi = rasterDpi(w, h);
      expect(dpi).toBeLessThan(300);
      const pw = Math.ceil((w / 72) * dpi);
      const ph = Math.ceil((h / 72) * dpi);
      expect(pw * ph).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
      expect(Math.max(pw, ph)).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    }
    expect(rasterDpi(14400, 14400)).toBe(31);
  });

  it('renders the scanned page at 300 dpi as greyscale-content PNG and removes its files', async () => {
    const tmpRoot = mkdtempSync(join(root, 'a-'));
    const rasters = await collect(
      rasterisePdfPages(fixture('protokollsutdrag-skannad.pdf'), [{ number: 1, width: 595.28, height: 841.89 }], {
        tmpRoot,
      }),
    );
    expect(rasters).toHaveLength(1);
    expect(rasters[0]!.dpi).toBe(300);
    expect(readImageSize(rasters[0]!.png, 'image/png')).toEqual({ width: 2481, height: 3508 });
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('renders the huge page at 31 dpi within the limit, only the pages asked for', async () => {
    const tmpRoot = mkdtempSync(join(root, 'b-'));
    const [raster] = await collect(
      rasterisePdfPages(fixture('jattesida.pdf'), [{ number: 1, width: 14400, height: 14400 }], { tmpRoot }),
    );
    expect(raster!.dpi).toBe(31);
    expect(readImageSize(raster!.png, 'image/png')).toEqual({ width: 6200, height: 6200 });
    const mixed = await collect(
      rasterisePdfPages(fixture('blandad.pdf'), [{ number: 2, width: 595.2, height: 264 }], { tmpRoot }),
    );
    expect(mixed.map((r) => r.number)).toEqual([2]);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('removes its files when the caller stops early or pdftoppm fails', async () => {
    const tmpRoot = mkdtempSync(join(root, 'c-'));
    const pages = [1, 2, 3].map((number) => ({ number, width: 595, height: 842 }));
    for await (const raster of rasterisePdfPages(fixture('tio-sidor.pdf'), pages, { tmpRoot })) {
      expect(raster.number).toBe(1);
      break;
    }
    expect(readdirSync(tmpRoot)).toEqual([]);
    await expect(
      collect(rasterisePdfPages(fixture('trasig.pdf'), [{ number: 1, width: 595, height: 842 }], { tmpRoot })),
    ).rejects.toThrow('Sidan 1 i PDF-filen kunde inte omvandlas till bild för textigenkänning.');
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it(`refuses more than ${MAX_OCR_PAGES} pages for OCR`, async () => {
    expect(() => assertOcrPageCount(MAX_OCR_PAGES)).not.toThrow();
    const pages = Array.from({ length: 21 }, (_, i) => ({ number: i + 1, width: 595, height: 842 }));
    await expect(collect(rasterisePdfPages(fixture('tio-sidor.pdf'), pages))).rejects.toThrow(
      'PDF-filen har 21 sidor utan text; högst 20 sidor kan läsas med textigenkänning (OCR).',
    );
  });
});
