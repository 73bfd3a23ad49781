import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  DecisionDocument,
  DecisionDocumentSummary,
  DecisionSource,
  ReadMethod,
} from '../domain/decision-documents/decision-document.js';
import type { ExtractedDecision, TextRepair } from '../domain/decision-documents/document-reading.js';
import type { Database, DecisionDocumentTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewDecisionDocument = Omit<DecisionDocument, 'id' | 'decisionId' | 'confirmedBy' | 'confirmedAt'> & {
  content: Uint8Array;
};

/** Every column but the file's bytes, which only a download reads. */
const COLUMNS = [
  'id',
  'file_name',
  'media_type',
  'sha256',
  'size_bytes',
  'pages',
  'read_method',
  'ocr_confidence',
  'read_text',
  'repaired_text',
  'repairs',
  'extraction',
  'read_by',
  'read_at',
  'decision_id',
  'confirmed_by',
  'confirmed_at',
] as const;

type Row = Pick<Selectable<DecisionDocumentTable>, (typeof COLUMNS)[number]>;

const toDocument = (row: Row): DecisionDocument => ({
  id: row.id,
  fileName: row.file_name,
  mediaType: row.media_type,
  sha256: row.sha256,
  sizeBytes: Number(row.size_bytes),
  pages: Number(row.pages),
  readMethod: row.read_method as ReadMethod,
  ocrConfidence: row.ocr_confidence === null ? null : Number(row.ocr_confidence),
  readText: row.read_text,
  repairedText: row.repaired_text,
  repairs: JSON.parse(row.repairs) as TextRepair[],
  extraction: JSON.parse(row.extraction) as ExtractedDecision,
  readBy: row.read_by,
  readAt: row.read_at,
  decisionId: row.decision_id,
  confirmedBy: row.confirmed_by,
  confirmedAt: row.confirmed_at,
});

/** Documents read to record decisions, and the decision each became once confirmed. */
export const decisionDocumentRepository = (db: Db) => ({
  async insert(doc: NewDecisionDocument): Promise<DecisionDocument> {
    const row = await db
      .insertInto('decision_documents')
      .values({
        file_name: doc.fileName,
        media_type: doc.mediaType,
        sha256: doc.sha256,
        size_bytes: doc.sizeBytes,
        pages: doc.pages,
        read_method: doc.readMethod,
        ocr_confidence: doc.ocrConfidence,
        content: doc.content,
        read_text: doc.readText,
        repaired_text: doc.repairedText,
        repairs: JSON.stringify(doc.repairs),
        extraction: JSON.stringify(doc.extraction),
        read_by: doc.readBy,
        read_at: doc.readAt,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toDocument(row);
  },

  async byId(id: number): Promise<DecisionDocument | undefined> {
    const row = await db.selectFrom('decision_documents').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toDocument(row);
  },

  /** The file's bytes, for a download. */
  async content(id: number): Promise<Uint8Array | undefined> {
    const row = await db.selectFrom('decision_documents').select('content').where('id', '=', id).executeTakeFirst();
    return row && new Uint8Array(row.content);
  },

  /**
   * The documents read by one person (newest first), or by anyone when `readBy` is null: what a list
   * shows, without the texts.
   */
  async list(readBy: number | null, limit = 50): Promise<DecisionDocumentSummary[]> {
    let query = db
      .selectFrom('decision_documents')
      .select(['id', 'file_name', 'read_at', 'decision_id', 'extraction'])
      .orderBy('id', 'desc')
      .limit(limit);
    if (readBy !== null) query = query.where('read_by', '=', readBy);
    return (await query.execute()).map((r) => ({
      id: r.id,
      fileName: r.file_name,
      kind: (JSON.parse(r.extraction) as ExtractedDecision).kind,
      readAt: r.read_at,
      decisionId: r.decision_id,
    }));
  },

  /** The documents these decisions were confirmed from: which decision, which document, its file's name. */
  async sourcesOf(decisionIds: number[]): Promise<DecisionSource[]> {
    if (decisionIds.length === 0) return [];
    const rows = await db
      .selectFrom('decision_documents')
      .select(['id', 'decision_id', 'file_name'])
      .where('decision_id', 'in', decisionIds)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ decisionId: r.decision_id!, documentId: r.id, fileName: r.file_name }));
  },

  /** Marks the document confirmed as the source of `decisionId`; false when it was confirmed already. */
  async confirm(id: number, decisionId: number, confirmedBy: number, confirmedAt: string): Promise<boolean> {
    const result = await db
      .updateTable('decision_documents')
      .set({ decision_id: decisionId, confirmed_by: confirmedBy, confirmed_at: confirmedAt })
      .where('id', '=', id)
      .where('decision_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
});

export type DecisionDocumentRepository = ReturnType<typeof decisionDocumentRepository>;
