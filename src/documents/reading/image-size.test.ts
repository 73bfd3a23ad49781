/** Image sizes from headers (no decoding), and the pixel limit that stops image bombs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertReadableSize, MAX_IMAGE_PIXELS, readImageSize } from './image-size.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

/** A little-endian TIFF header with one IFD: width, height (LONG) and compression (SHORT). */
function tiff(width: number, height: number, compression: number): Uint8Array {
  const bytes = new Uint8Array(8 + 2 + 3 * 12 + 4);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  view.setUint16(8, 3, true);
  const entry = (i: number, tag: number, type: number, value: number) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === 3) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  };
  entry(0, 256, 4, width);
  entry(1, 257, 4, height);
  entry(2, 259, 3, compression);
  return bytes;
}

describe('image size', () => {
  it('reads the fixtures’ sizes from PNG, JPEG and TIFF headers', () => {
    // A4 at 300 dpi from pdftoppm, and its top 1 100 rows
    expect(readImageSize(fixture('protokollsutdrag-skannad.png'), 'image/png')).toEqual({ width: 2479, height: 3508 });
    expect(readImageSize(fixture('protokollsutdrag-topp.jpg'), 'image/jpeg')).toEqual({ width: 2479, height: 1100 });
    expect(readImageSize(fixture('protokollsutdrag-topp.tif'), 'image/tiff')).toEqual({ width: 2479, height: 1100 });
    expect(readImageSize(tiff(300, 200, 1), 'image/tiff')).toEqual({ width: 300, height: 200 });
  });

  it('lets an A4 page at 600 dpi through', () => {
    expect(4961 * 7016).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(() => assertReadableSize({ width: 4961, height: 7016 })).not.toThrow();
  });

  it('refuses a 50 000 × 50 000 PNG of 274 bytes before decoding it', () => {
    const bomb = fixture('bildbomb.png');
    expect(bomb.length).toBeLessThan(1000);
    const size = readImageSize(bomb, 'image/png');
    expect(size).toEqual({ width: 50_000, height: 50_000 });
    expect(() => assertReadableSize(size)).toThrow(/Bilden är för stor för att läsas: 50 000 × 50 000 bildpunkter/);
    expect(() => assertReadableSize({ width: 30_000, height: 10 })).toThrow(/för stor/);
    expect(() => assertReadableSize({ width: 0, height: 10 })).toThrow('Bilden har inga bildpunkter.');
  });

  it('refuses broken headers and the TIFF compressions OCR cannot read', () => {
    const png = fixture('protokollsutdrag-skannad.png');
    expect(() => readImageSize(png.subarray(0, 20), 'image/png')).toThrow('PNG-bilden är skadad');
    expect(() => readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toThrow(
      'JPEG-bilden är skadad',
    );
    expect(() => readImageSize(new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0, 0]), 'image/tiff')).toThrow(
      'TIFF-bilden är skadad',
    );
    expect(() => readImageSize(tiff(300, 200, 8), 'image/tiff')).toThrow(/komprimerad med Deflate, som inte kan läsas/);
    expect(() => readImageSize(tiff(300, 200, 7), 'image/tiff')).toThrow(/komprimerad med JPEG/);
  });
});
