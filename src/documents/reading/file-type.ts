/**
 * What an uploaded file is, judged by its first bytes only: never by its name or the type the browser or
 * client declared. PDF (`%PDF-` at the start), PNG, JPEG and TIFF (`II*\0` or `MM\0*`); anything else is
 * refused. And the size limit every upload shares.
 */
import { DomainError } from '../../domain/errors.js';

/** The largest file read: 20 MB (20 × 1024 × 1024 bytes). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentFileType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

/**
 * Bad input to the reading of documents: a `validation_failed` domain error (HTTP 422), its Swedish message
 * both the error's own and the one problem's, on the field `file`. Nothing has been written when it is thrown.
 */
export const unreadable = (message: string, field = 'file'): DomainError =>
  new DomainError('validation_failed', message, [{ field, message }]);

export const NOT_A_DOCUMENT = 'Filen är inte en PDF eller en bild (PNG, JPEG, TIFF).';

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF_LITTLE = [0x49, 0x49, 0x2a, 0x00]; // II*\0
const TIFF_BIG = [0x4d, 0x4d, 0x00, 0x2a]; // MM\0*

/** The type the bytes begin with, or null when they are none of the four. */
export function sniffFileType(bytes: Uint8Array): DocumentFileType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, TIFF_LITTLE) || startsWith(bytes, TIFF_BIG)) return 'image/tiff';
  return null;
}

/** The file's type, after its size: throws a Swedish `unreadable` error for an empty, too large or unknown file. */
export function judgeFileType(bytes: Uint8Array): DocumentFileType {
  if (bytes.length === 0) throw unreadable('Filen är tom.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw unreadable('Filen är större än 20 MB.');
  const type = sniffFileType(bytes);
  if (type === null) throw unreadable(NOT_A_DOCUMENT);
  return type;
}
