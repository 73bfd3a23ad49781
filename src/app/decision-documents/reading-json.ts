import type {
  DocumentKind,
  DecisionFields,
  Evidence,
  TextRepair,
} from '../../domain/decision-documents/document-reading.js';
import type { ReadMethod } from '../../domain/decision-documents/decision-document.js';
import type { DocumentReading } from './read-decision-document.js';

/** A document as read, as `POST /api/v1/documents/read` and `samverkan document read --json` give it. */
export interface DocumentReadingJson {
  kind: DocumentKind;
  kindReason: string;
  text: string;
  repairedText: string;
  repairs: TextRepair[];
  fields: DecisionFields;
  evidence: Record<string, Evidence[]>;
  document: {
    fileName: string;
    mediaType: string;
    sha256: string;
    size: number;
    pages: number;
    method: ReadMethod;
    ocrConfidence: number | null;
  };
}

export const readingJson = (r: DocumentReading): DocumentReadingJson => ({
  kind: r.extraction.kind,
  kindReason: r.extraction.kindReason,
  text: r.readText,
  repairedText: r.text,
  repairs: r.repairs,
  fields: r.extraction.fields,
  evidence: r.extraction.evidence as Record<string, Evidence[]>,
  document: {
    fileName: r.file.fileName,
    mediaType: r.file.mediaType,
    sha256: r.file.sha256,
    size: r.file.sizeBytes,
    pages: r.file.pages,
    method: r.file.readMethod,
    ocrConfidence: r.file.ocrConfidence,
  },
});
