import type { DocumentKind, ExtractedDecision, TextRepair } from './document-reading.js';

export type ReadMethod = 'text-layer' | 'ocr' | 'pasted';

/** The file as received, identified by its content. */
export interface DocumentFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  pages: number;
}

/**
 * A document read to record a board's decision, kept with what was read from it. Once confirmed it is
 * the source of the decision it became (`decisionId`); until then only its reader and the secretariat
 * see it.
 */
export interface DecisionDocument extends DocumentFile {
  id: number;
  readMethod: ReadMethod;
  ocrConfidence: number | null;
  readText: string;
  repairedText: string;
  repairs: TextRepair[];
  extraction: ExtractedDecision;
  readBy: number;
  readAt: string;
  decisionId: number | null;
  confirmedBy: number | null;
  confirmedAt: string | null;
}

/** A kept document as a list shows it. */
export type DecisionDocumentSummary = Pick<DecisionDocument, 'id' | 'fileName' | 'readAt' | 'decisionId'> & {
  kind: DocumentKind;
};

/** A recorded decision's source: the document it was confirmed from. */
export interface DecisionSource {
  decisionId: number;
  documentId: number;
  fileName: string;
}
