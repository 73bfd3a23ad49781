import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createContext, type AppContext } from '../app/context.js';
import { loadConfig } from '../config/env.js';
import { DOCUMENT_FORMATS, type DocumentFormat, type DocumentModel } from '../documents/document-model.js';
import { printerFailure } from '../documents/render-document.js';
import { DomainError } from '../domain/errors.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';
import { registerDocumentReadCommand } from './document-read.command.js';

interface FileOptions {
  format: string;
  out?: string;
}

/**
 * Builds a document with the use case `build`, renders it and writes it to --out (or, for html, to
 * standard output). Mistakes are told in Swedish with a non-zero exit code; nothing is written then.
 */
async function writeDocument(options: FileOptions, build: (ctx: AppContext) => Promise<DocumentModel>): Promise<void> {
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(options.format)) {
    console.error(`--format ska vara html, docx eller pdf (inte ”${options.format}”).`);
    process.exitCode = 1;
    return;
  }
  const format = options.format as DocumentFormat;
  if (format !== 'html' && !options.out) {
    console.error(`Ange filen att skriva med --out, till exempel --out dokument.${format}.`);
    process.exitCode = 1;
    return;
  }
  const config = loadConfig();
  const storage = createDb(config.DATABASE_URL);
  const [{ createPdfPrinter }, { renderDocument }] = await Promise.all([
    import('../documents/pdf-printer.js'),
    import('../documents/render-document.js'),
  ]);
  const printer = createPdfPrinter({ executablePath: config.CHROMIUM_PATH, concurrency: 1 });
  try {
    await migrateToLatest(storage);
    const doc = await build(createContext(storage));
    const file = await renderDocument(doc, format, printer);
    if (options.out) {
      writeFileSync(options.out, file.body);
      console.log(`Skrev ${options.out} (${file.mediaType.split(';')[0]}, föreslaget filnamn ${file.fileName}).`);
    } else {
      process.stdout.write(file.body);
    }
  } catch (error) {
    if (error instanceof DomainError) {
      console.error([error.message, ...error.problems.map((p) => `  ${p.message}`)].join('\n'));
    } else if (printerFailure(error)) {
      console.error((error as Error).message);
    } else {
      throw error;
    }
    process.exitCode = 1;
  } finally {
    await printer.close();
    await storage.db.destroy();
  }
}

const year = (text: string): number => {
  if (!/^\d{4}$/.test(text))
    throw new DomainError('validation_failed', `Året anges med fyra siffror, till exempel 2015 (inte ”${text}”).`);
  return Number(text);
};

/** `samverkan document …`: the memo, the programme document, the annual report and the conference pack as files. */
export function registerDocumentCommands(program: Command): void {
  const document = program
    .command('document')
    .description(
      'Skriver ett dokument som HTML, Word (DOCX) eller PDF: tjänsteskrivelsen till en kommunstyrelse, programdokumentet, ' +
        'årsredovisningen eller underlaget till nyckeltalskonferensen. PDF kräver Chromium (CHROMIUM_PATH). ' +
        'Läser också ett beslutsdokument (read).',
    );
  registerDocumentReadCommand(document);
  const withFile = (command: Command) =>
    command
      .option('--format <format>', 'html, docx eller pdf', 'html')
      .option('--out <file>', 'filen att skriva (html utan --out skrivs till standard ut)');

  withFile(
    document
      .command('memo <programme>')
      .description('Tjänsteskrivelsen om ett föreslaget program för en medlemskommun, till exempel sup-2035-proposal.')
      .requiredOption('--member <code>', 'kommunens kod, till exempel 0136 för Haninge'),
  ).action(async (programme: string, options: FileOptions & { member: string }) => {
    const { getMemoDocument } = await import('../app/documents/memo-document.js');
    await writeDocument(options, (ctx) => getMemoDocument(ctx, programme, options.member));
  });

  withFile(
    document.command('programme <programme>').description('Programdokumentet för en version, till exempel sup-2035.'),
  ).action(async (programme: string, options: FileOptions) => {
    const { getProgrammeDocument } = await import('../app/documents/programme-document.js');
    await writeDocument(options, (ctx) => getProgrammeDocument(ctx, programme));
  });

  withFile(document.command('annual-report <year>').description('Årsredovisningen för ett uppföljningsår.')).action(
    async (text: string, options: FileOptions) => {
      const { getAnnualReportDocument } = await import('../app/documents/annual-report-document.js');
      await writeDocument(options, (ctx) => getAnnualReportDocument(ctx, year(text)));
    },
  );

  withFile(
    document
      .command('conference-pack <year>')
      .description('Underlaget till nyckeltalskonferensen det året (siffrorna för åren före).'),
  ).action(async (text: string, options: FileOptions) => {
    const { getConferencePack } = await import('../app/documents/conference-pack.js');
    await writeDocument(options, (ctx) => getConferencePack(ctx, year(text)));
  });
}
