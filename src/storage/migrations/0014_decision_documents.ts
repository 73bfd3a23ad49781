import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * Documents read to record a board's decision: a minutes extract or a memo, uploaded (PDF, scan) or
 * pasted. The file itself (its bytes, SHA-256, size and pages), the text as read, the text with OCR
 * damage repaired and each repair, and the fields extracted, as the person who read it saw them. Once
 * confirmed, the decision it became: the document is that decision's source. Forward-only.
 */
export const decisionDocuments = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const text = 'text' as const;
    await db.schema
      .createTable('decision_documents')
      .addColumn('id', 'integer', dialect.idColumn)
      .addColumn('file_name', text, (c) => c.notNull())
      .addColumn('media_type', text, (c) => c.notNull())
      .addColumn('sha256', text, (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('read_method', text, (c) => c.notNull())
      .addColumn('ocr_confidence', 'real')
      .addColumn('content', dialect.name === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('read_text', text, (c) => c.notNull())
      .addColumn('repaired_text', text, (c) => c.notNull())
      .addColumn('repairs', text, (c) => c.notNull())
      .addColumn('extraction', text, (c) => c.notNull())
      .addColumn('read_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('read_at', text, (c) => c.notNull())
      .addColumn('decision_id', 'integer', (c) => c.references('decisions.id'))
      .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('confirmed_at', text)
      .execute();
    await db.schema.createIndex('decision_documents_read_by_idx').on('decision_documents').column('read_by').execute();
    await db.schema
      .createIndex('decision_documents_decision_idx')
      .on('decision_documents')
      .column('decision_id')
      .execute();
  },
});
