/**
 * `samverkan document read` as an officer runs it: the real command line as a child process against an
 * SQLite file holding the demo. The board memo in data/demo/ (a real scan's OCR text, å/ä/ö damaged)
 * comes back as a memo about Södertörns utvecklingsprogram 2035 citing the decision of 2013-04-29 § 78,
 * with its letters repaired; a minutes extract printed to PDF (an invented example) is read from its
 * text layer; a file that is neither a PDF nor an image is refused in Swedish with exit code 1.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DocumentReadingJson } from '../../src/app/decision-documents/reading-json.js';
import { cli } from '../support/cli.js';

const MEMO = fileURLToPath(new URL('../../data/demo/utvecklingsprogram-2035-tjansteskrivelse.txt', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

describe('samverkan document read', { timeout: 90_000 }, () => {
  let dir: string;
  let database: string;
  const run = (...args: string[]) => cli(database, 'document', 'read', ...args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-document-read-'));
    database = join(dir, 'samverkan.sqlite');
    copyFileSync(inject('databaseTemplates').sqlite.files.demo, database);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the board memo as a memo about the 2035 programme, citing 2013-04-29 § 78, with its letters repaired', async () => {
    const result = await run(MEMO, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const reading = JSON.parse(result.stdout) as DocumentReadingJson;
    expect(reading.kind).toBe('memo');
    expect(reading.fields.programme?.name).toBe('Södertörns utvecklingsprogram 2035');
    expect(reading.fields.earlierDecision).toMatchObject({ date: '2013-04-29', paragraph: '§ 78' });
    expect(reading.document).toMatchObject({
      fileName: 'utvecklingsprogram-2035-tjansteskrivelse.txt',
      method: 'pasted',
    });
    // The scan's damage repaired where the memo's words are plain: "förslag", "Södertörns", "godkänns".
    expect(reading.text).toContain('Forslag till Sodertorns utvecklingsprogram 2035 godkinns');
    expect(reading.repairedText).toContain('Förslag till Södertörns utvecklingsprogram 2035 godkänns');
    for (const r of reading.repairs) expect(reading.text.slice(r.at, r.at + r.from.length)).toBe(r.from);
    // Numbers, dates and the paragraph sign are never changed.
    expect(reading.repairedText).toContain('2013-04-29');
    expect(reading.repairedText).toContain('§ 78');
  });

  it('prints the fields, each repair and the repaired text for a person', async () => {
    const result = await run(fixture('protokollsutdrag.pdf'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^protokollsutdrag\.pdf: protokoll /);
    expect(result.stdout).toContain('läst från textlagret');
    expect(result.stdout).toMatch(/Kommun\s+Botkyrka \(0127\)/);
    expect(result.stdout).toMatch(/Datum\s+2025-11-17/);
    expect(result.stdout).toMatch(/Paragraf\s+§ 142/);
    expect(result.stdout).toContain('Lagad text');
  });

  it('refuses a file that is neither a PDF nor an image, in Swedish, with exit code 1', async () => {
    const result = await run(fixture('inte-en-pdf.docx'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Filen är inte en PDF eller en bild (PNG, JPEG, TIFF).');
  });
});
