/**
 * Reading indicator values from an uploaded file: a Kolada JSON file as saved from the API, or a CSV
 * or Excel table as users make them. The command line and the web upload page both call this; it
 * knows nothing of either.
 */
import { createHash } from 'node:crypto';
import { allowsSomewhere, type Principal } from '../../domain/auth/policies.js';
import { validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { ValueKey, ValueRow } from '../../domain/indicators/indicator.js';
import { KoladaFormatError, parseKoladaValuesFile } from '../../imports/kolada/kolada-format.js';
import { createImportLookup, readValuesFile } from '../../imports/tabular/read-values-file.js';
import { readRepos, type AppContext } from '../context.js';
import { authorizeSomewhere } from '../auth/authorize.js';
import { importValues, type ImportKind, type ImportSummary } from './import-values.js';

export interface ValuesFileUpload {
  bytes: Uint8Array;
  /** The file's name as the user chose it; shown in the import list, the type is judged by content. */
  fileName: string;
  /** The indicator the values belong to when the table has no indicator column. */
  indicatorKey?: string;
}

export interface FileImportSummary extends ImportSummary {
  kind: Extract<ImportKind, 'kolada_file' | 'csv' | 'xlsx'>;
}

/** A JSON text begins with `{` or `[` (after a UTF-8 byte order mark and white space); a table never does. */
function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/**
 * Only those who may import anything get to have a file read: the secretariat, and member officers
 * (who may import their own member's values; which rows they may import is checked per row).
 */
export const mayUploadValues = (p: Principal): boolean => allowsSomewhere(p, 'import_indicator_values');

export const authorizeUpload = (ctx: AppContext): void => authorizeSomewhere(ctx, ['import_indicator_values']);

function readKoladaFile(upload: ValuesFileUpload): { rows: ValueRow[]; deleted: ValueKey[] } {
  let read: { rows: ValueRow[]; deleted: ValueKey[] };
  try {
    read = parseKoladaValuesFile(new TextDecoder('utf-8').decode(upload.bytes));
  } catch (error) {
    if (error instanceof KoladaFormatError) throw validationFailed([{ field: 'fil', message: error.message }]);
    throw error;
  }
  if (upload.indicatorKey !== undefined) {
    const wanted = upload.indicatorKey.trim().toUpperCase();
    const others = [...new Set(read.rows.map((r) => r.indicatorKey).filter((k) => k.toUpperCase() !== wanted))];
    if (others.length > 0) {
      throw validationFailed([
        {
          field: 'fil',
          message: `Filen innehåller värden för ${others.join(', ')}, inte bara för det valda nyckeltalet ${upload.indicatorKey}.`,
        },
      ]);
    }
  }
  return read;
}

/**
 * Reads the file and stores its values as one import: all-or-nothing, idempotent, and recorded with
 * the file's SHA-256. A file that cannot be read throws a validation error with one problem per
 * error found (field `fil.<line>`, the message naming the line) and changes nothing.
 */
export async function importValuesFile(ctx: AppContext, upload: ValuesFileUpload): Promise<FileImportSummary> {
  authorizeUpload(ctx);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');

  if (looksLikeJson(upload.bytes)) {
    const { rows, deleted } = readKoladaFile(upload);
    const summary = await importValues(ctx, {
      kind: 'kolada_file',
      sourceName: upload.fileName,
      sha256,
      rows,
      deleted,
    });
    return { ...summary, kind: 'kolada_file' };
  }

  const repos = readRepos(ctx);
  const [areas, indicators] = await Promise.all([repos.catalogue.areas(), repos.indicators.list()]);
  const read = await readValuesFile(upload.bytes, {
    fileName: upload.fileName,
    lookup: createImportLookup(areas, indicators),
    indicatorKey: upload.indicatorKey,
  });
  if (!read.ok) {
    const problems: FieldProblem[] = read.errors.map((e) => ({
      field: e.line === null ? 'fil' : `fil.${e.line}`,
      message: e.message,
    }));
    throw validationFailed(problems);
  }
  const summary = await importValues(ctx, { kind: read.format, sourceName: upload.fileName, sha256, rows: read.rows });
  return { ...summary, kind: read.format };
}
