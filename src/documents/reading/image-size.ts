/**
 * An image's width and height, read from its header without decoding a pixel (PNG's IHDR, JPEG's SOF
 * marker, TIFF's first IFD), so that an image bomb (50 000 × 50 000 pixels in a few hundred bytes) is
 * refused before OCR decodes it into gigabytes.
 *
 * The limit, MAX_IMAGE_PIXELS = 40 megapixels, lets an A4 page scanned at 600 dpi (4 961 × 7 016 =
 * 34.8 MP) through, and an A3 page at 400 dpi (4 677 × 6 614 = 30.9 MP); no side may exceed 20 000 pixels
 * (A0 at 300 dpi is 9 933 × 14 043). Decoded as 32-bit pixels, 40 MP is 160 MB: the most OCR is asked to hold.
 *
 * TIFF also tells how it is compressed: tesseract.js reads uncompressed, LZW, PackBits and CCITT fax TIFFs
 * but not Deflate or JPEG-in-TIFF, which are refused here with a message saying so.
 */
import { unreadable, type DocumentFileType } from './file-type.js';

export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 20_000;

export interface ImageSize {
  width: number;
  height: number;
}

type ImageType = Exclude<DocumentFileType, 'application/pdf'>;

const BROKEN: Record<ImageType, string> = {
  'image/png': 'PNG-bilden är skadad: dess storlek går inte att läsa.',
  'image/jpeg': 'JPEG-bilden är skadad: dess storlek går inte att läsa.',
  'image/tiff': 'TIFF-bilden är skadad: dess storlek går inte att läsa.',
};

/** TIFF compressions tesseract.js (leptonica's libtiff) reads: none, CCITT RLE/G3/G4, LZW, PackBits. */
const TIFF_READABLE = new Set([1, 2, 3, 4, 5, 32773]);
const TIFF_NAMES: Record<number, string> = { 6: 'JPEG', 7: 'JPEG', 8: 'Deflate', 32946: 'Deflate', 34712: 'JPEG 2000' };

function pngSize(bytes: Uint8Array): ImageSize | null {
  // Signature (8), then the first chunk must be IHDR: length 13, "IHDR", width, height (big-endian).
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (type !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2; // after SOI (FF D8)
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    let marker = bytes[at + 1]!;
    // Fill bytes: any number of 0xFF before the marker.
    while (marker === 0xff && at + 2 < bytes.length) marker = bytes[++at + 1]!;
    at += 2;
    // Markers without a length: TEM, RST0–7, SOI, EOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      if (marker === 0xd9) return null; // EOI before any frame
      continue;
    }
    if (at + 2 > bytes.length) return null;
    const length = view.getUint16(at);
    if (length < 2) return null;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 7 > bytes.length) return null;
      return { height: view.getUint16(at + 3), width: view.getUint16(at + 5) };
    }
    if (marker === 0xda) return null; // start of scan before any frame header
    at += length;
  }
  return null;
}

function tiffSize(bytes: Uint8Array): (ImageSize & { compression: number }) | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > bytes.length) return null;
  const entries = u16(ifd);
  if (ifd + 2 + entries * 12 > bytes.length) return null;
  let width: number | undefined;
  let height: number | undefined;
  let compression = 1;
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = u16(entry);
    const type = u16(entry + 2);
    // SHORT (3) is held in the first two bytes of the value field, LONG (4) in all four.
    const value = type === 3 ? u16(entry + 8) : type === 4 ? u32(entry + 8) : undefined;
    if (tag === 256) width = value;
    else if (tag === 257) height = value;
    else if (tag === 259 && value !== undefined) compression = value;
  }
  return width === undefined || height === undefined ? null : { width, height, compression };
}

/** The image's size from its header; throws a Swedish `unreadable` error when the header is broken. */
export function readImageSize(bytes: Uint8Array, type: ImageType): ImageSize {
  if (type === 'image/tiff') {
    const tiff = tiffSize(bytes);
    if (!tiff) throw unreadable(BROKEN[type]);
    if (!TIFF_READABLE.has(tiff.compression)) {
      const name = TIFF_NAMES[tiff.compression] ?? `nr ${tiff.compression}`;
      throw unreadable(
        `TIFF-bilden är komprimerad med ${name}, som inte kan läsas. Spara den som PNG, eller som TIFF med LZW eller utan komprimering.`,
      );
    }
    return { width: tiff.width, height: tiff.height };
  }
  const size = type === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) throw unreadable(BROKEN[type]);
  return size;
}

const grouped = (n: number): string => n.toLocaleString('sv-SE').replace(/\s/g, ' ');

/** Throws a Swedish `unreadable` error when an image of this size is empty or too large to read. */
export function assertReadableSize({ width, height }: ImageSize): void {
  if (width === 0 || height === 0) throw unreadable('Bilden har inga bildpunkter.');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw unreadable(
      `Bilden är för stor för att läsas: ${grouped(width)} × ${grouped(height)} bildpunkter. ` +
        `Högst ${grouped(MAX_IMAGE_PIXELS / 1_000_000)} miljoner bildpunkter (en A4-sida skannad i 600 dpi) och ` +
        `${grouped(MAX_IMAGE_SIDE)} bildpunkter på längsta sidan kan läsas.`,
    );
}
