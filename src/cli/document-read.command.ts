import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../app/context.js';
import { readingJson, type DocumentReadingJson } from '../app/decision-documents/reading-json.js';
import { loadConfig } from '../config/env.js';
import { MAX_DOCUMENT_BYTES } from '../documents/reading/file-type.js';
import { DomainError } from '../domain/errors.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

const KIND_WORDS = { memo: 'tjänsteskrivelse', minutes: 'protokoll', unknown: 'okänt' } as const;
const OUTCOME_WORDS = { adopted: 'bifall (antas/godkänns)', rejected: 'avslag', referred_back: 'återremiss' } as const;

/** The reading for a person at a terminal: the kind, the fields, each repair, then the repaired text. */
export function formatReading(r: DocumentReadingJson): string {
  const f = r.fields;
  const line = (label: string, value: string | null | undefined) => `  ${label.padEnd(18)} ${value ?? '–'}`;
  const earlier = f.earlierDecision;
  return [
    `${r.document.fileName}: ${KIND_WORDS[r.kind]} (${r.kindReason})`,
    `  ${r.document.pages} sid., ${r.document.size} byte, SHA-256 ${r.document.sha256}, läst från ${
      r.document.method === 'ocr' ? 'OCR' : r.document.method === 'text-layer' ? 'textlagret' : 'inklistrad text'
    }`,
    '',
    'Uppgifter',
    line('Organ', f.body),
    line('Kommun', f.member && `${f.member.name} (${f.member.code})`),
    line('Datum', f.date),
    line('Paragraf', f.paragraph),
    line('Diarienummer', f.diarienummer),
    line('Beslut', f.outcome && OUTCOME_WORDS[f.outcome]),
    line('Program', f.programme?.name),
    line('Tidigare beslut', earlier && [earlier.body, earlier.date, earlier.paragraph].filter(Boolean).join(' ')),
    line('Undertecknat av', f.signatories.join(', ') || null),
    '',
    `Lagningar (${r.repairs.length})`,
    ...r.repairs.map((x) => `  ${String(x.at).padStart(6)}  ${x.from} → ${x.to}  (${x.reason})`),
    '',
    'Lagad text',
    r.repairedText,
  ].join('\n');
}

/** `samverkan document read FILE [--json]`: reads a board's document and prints what it found. Stores nothing. */
export function registerDocumentReadCommand(document: Command): void {
  document
    .command('read <file>')
    .description(
      'Läser ett protokollsutdrag eller en tjänsteskrivelse (PDF, skannad bild eller textfil), lagar skanningsskador ' +
        'på å, ä och ö och skriver ut beslutets uppgifter. Sparar ingenting.',
    )
    .option('--json', 'skriv resultatet som JSON (samma som POST /api/v1/documents/read)')
    .action(async (file: string, options: { json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        if (statSync(file).size > MAX_DOCUMENT_BYTES) throw new Error('för stor');
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'för stor';
        console.error(tooLarge ? `${file} är större än 20 MB.` : `Kan inte läsa filen ${file}.`);
        process.exitCode = 1;
        return;
      }
      const storage = createDb(loadConfig().DATABASE_URL);
      const [{ readDecisionDocument }, { closeDocumentReaders }] = await Promise.all([
        import('../app/decision-documents/read-decision-document.js'),
        import('../documents/reading/close-readers.js'),
      ]);
      try {
        await migrateToLatest(storage);
        // A text file is read as pasted text; anything else as a document whose type its content tells.
        const source = /\.(txt|text)$/i.test(file)
          ? { text: new TextDecoder().decode(bytes) }
          : { bytes, fileName: basename(file) };
        const reading = readingJson(await readDecisionDocument(createContext(storage), source));
        if ('text' in source) reading.document.fileName = basename(file);
        process.stdout.write(options.json ? `${JSON.stringify(reading, null, 2)}\n` : `${formatReading(reading)}\n`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error([error.message, ...error.problems.map((p) => `  ${p.message}`)].join('\n'));
        process.exitCode = 1;
      } finally {
        await closeDocumentReaders();
        await storage.db.destroy();
      }
    });
}
