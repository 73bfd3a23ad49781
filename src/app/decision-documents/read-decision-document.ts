import type { DocumentFile, ReadMethod } from '../../domain/decision-documents/decision-document.js';
import type {
  ExtractedDecision,
  ExtractionContext,
  RepairedText,
} from '../../domain/decision-documents/document-reading.js';
import { extractDecision } from '../../domain/decision-documents/extract-decision.js';
import { keptName } from '../../domain/decision-documents/kept-name.js';
import { readDocumentFile, readPastedText, type DocumentText } from '../../documents/reading/read-document.js';
import { repairScannedText } from '../../documents/reading/ocr-repair.js';
import { membersAndProgrammes } from '../collaboration.js';
import type { AppContext } from '../context.js';

/** What is read: a file's bytes (a PDF or an image) or text pasted into the form. */
export type DocumentSource = { bytes: Uint8Array; fileName: string } | { text: string };

/** A document as read: the file, its text, the text repaired, and the decision found in it. */
export interface DocumentReading extends RepairedText {
  file: DocumentFile & { readMethod: ReadMethod; ocrConfidence: number | null };
  readText: string;
  extraction: ExtractedDecision;
}

/** The name a pasted text is kept under. */
export const PASTED_TEXT_NAME = 'inklistrad-text.txt';

/**
 * Reads a board's document (the text layer of a PDF, OCR in Swedish of a scan, or pasted text),
 * repairs the damage scans do to Swedish letters, and extracts the decision it records or proposes,
 * matched to the cooperation's members and programmes. Reads and stores nothing.
 */
export async function readDecisionDocument(ctx: AppContext, source: DocumentSource): Promise<DocumentReading> {
  const read: DocumentText = 'text' in source ? readPastedText(source.text) : await readDocumentFile(source.bytes);
  const [repaired, context] = await Promise.all([repairScannedText(read.text), extractionContext(ctx)]);
  return {
    file: {
      fileName: 'text' in source ? PASTED_TEXT_NAME : keptName(source.fileName),
      mediaType: read.mediaType,
      sha256: read.sha256,
      sizeBytes: read.size,
      pages: read.pages,
      readMethod: read.method,
      ocrConfidence: read.ocrConfidence,
    },
    readText: read.text,
    text: repaired.text,
    repairs: repaired.repairs,
    extraction: extractDecision(repaired.text, context),
  };
}

/**
 * The members, and the programmes a decision can concern (drafts are not decided on) in the register's
 * order: extraction takes the first of equally good matches, and the person confirming may choose another.
 */
async function extractionContext(ctx: AppContext): Promise<ExtractionContext> {
  const { members, programmes } = await membersAndProgrammes(ctx);
  return {
    members: members.map((m) => ({ code: m.code, name: m.name })),
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, targetYear: p.targetYear })),
  };
}
