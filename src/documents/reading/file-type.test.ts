/** The type of a file judged by its first bytes only, and the 20 MB limit. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { judgeFileType, MAX_DOCUMENT_BYTES, NOT_A_DOCUMENT, sniffFileType } from './file-type.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

describe('file type', () => {
  it('knows the fixtures by their bytes', () => {
    expect(sniffFileType(fixture('protokollsutdrag.pdf'))).toBe('application/pdf');
    expect(sniffFileType(fixture('protokollsutdrag-skannad.png'))).toBe('image/png');
    expect(sniffFileType(fixture('protokollsutdrag-topp.jpg'))).toBe('image/jpeg');
    expect(sniffFileType(fixture('protokollsutdrag-topp.tif'))).toBe('image/tiff');
    expect(sniffFileType(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image/tiff');
  });

  it('refuses a Word file (a zip), text and HTML whatever they are called', () => {
    expect(sniffFileType(fixture('inte-en-pdf.docx'))).toBeNull();
    expect(() => judgeFileType(fixture('inte-en-pdf.docx'))).toThrow(NOT_A_DOCUMENT);
    expect(() => judgeFileType(new TextEncoder().encode('Protokollsutdrag § 142'))).toThrow(NOT_A_DOCUMENT);
    // "%PDF" not at the start, and a PDF header cut short
    expect(() => judgeFileType(new TextEncoder().encode(' %PDF-1.7'))).toThrow(NOT_A_DOCUMENT);
    expect(() => judgeFileType(new TextEncoder().encode('%PDF'))).toThrow(NOT_A_DOCUMENT);
  });

  it('refuses an empty file and one over 20 MB with a validation error', () => {
    expect(() => judgeFileType(new Uint8Array())).toThrow('Filen är tom.');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    let error: unknown;
    try {
      judgeFileType(big);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).message).toBe('Filen är större än 20 MB.');
    expect((error as DomainError).problems).toEqual([{ field: 'file', message: 'Filen är större än 20 MB.' }]);
    // exactly 20 MB is allowed
    expect(judgeFileType(big.subarray(0, MAX_DOCUMENT_BYTES))).toBe('application/pdf');
  });
});
