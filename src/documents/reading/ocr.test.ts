/** OCR in Swedish: the local model, one worker, jobs in order, closed for the process to end. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr, recognise, swedishLangPath } from './ocr.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

afterAll(closeOcr);

describe('OCR', () => {
  it('uses the model in node_modules', () => {
    expect(swedishLangPath()).toMatch(/node_modules\/@tesseract\.js-data\/swe\/4\.0\.0_best_int$/);
  });

  it('reads the top of the minutes (TIFF and JPEG) in Swedish, queued one after the other', async () => {
    const [tiff, jpeg] = await Promise.all([
      recognise(fixture('protokollsutdrag-topp.tif')),
      recognise(fixture('protokollsutdrag-topp.jpg')),
    ]);
    for (const result of [tiff, jpeg]) {
      expect(result.text).toContain('Protokollsutdrag');
      expect(result.text).toContain('Botkyrka kommun');
      expect(result.text).toContain('Kommunstyrelsen');
      expect(result.text).toContain('2025-11-17');
      expect(result.text).toMatch(/Södertörns utvecklingsprogram 2035/);
      expect(result.confidence).toBeGreaterThan(60);
      expect(result.confidence).toBeLessThanOrEqual(100);
    }
  });

  it('fails a bad image with a Swedish message and goes on working; starts again after closeOcr', async () => {
    const broken = fixture('protokollsutdrag-topp.jpg').subarray(0, 600);
    await expect(recognise(broken)).rejects.toThrow(
      'Bilden kunde inte läsas av textigenkänningen (OCR). Filen kan vara skadad.',
    );
    await closeOcr();
    const again = await recognise(fixture('protokollsutdrag-topp.tif'));
    expect(again.text).toContain('Botkyrka');
  });

  it('gives up a job past its time limit', async () => {
    await expect(recognise(fixture('protokollsutdrag-topp.tif'), { timeoutMs: 50 })).rejects.toThrow(
      'Textigenkänningen (OCR) tog för lång tid och avbröts.',
    );
    expect((await recognise(fixture('protokollsutdrag-topp.jpg'))).text).toContain('Botkyrka');
  });
});
