import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * The memo (tjänsteskrivelse) each member's administration writes for its board on a proposed
 * programme version: the free texts per member and version, with an optimistic-locking version and
 * where it stands (draft, ready, sent to the board); and each member's own memo settings (the
 * committee it goes to, the administration, which consequences it always describes). Forward-only.
 */
export const memberMemos = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    const text = 'text' as const;

    await db.schema
      .createTable('member_memo_settings')
      .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id'))
      .addColumn('committee', text, (c) => c.notNull().defaultTo(''))
      .addColumn('administration', text, (c) => c.notNull().defaultTo(''))
      // The consequence headings the member describes, comma-separated keys in order.
      .addColumn('consequences', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('member_memos')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('diarienummer', text, (c) => c.notNull().defaultTo(''))
      .addColumn('officer', text, (c) => c.notNull().defaultTo(''))
      .addColumn('summary', text, (c) => c.notNull().defaultTo(''))
      .addColumn('assessment', text, (c) => c.notNull().defaultTo(''))
      .addColumn('consequence_economy', text, (c) => c.notNull().defaultTo(''))
      .addColumn('consequence_climate', text, (c) => c.notNull().defaultTo(''))
      .addColumn('consequence_gender_equality', text, (c) => c.notNull().defaultTo(''))
      .addColumn('consequence_children', text, (c) => c.notNull().defaultTo(''))
      // One per line.
      .addColumn('recipients', text, (c) => c.notNull().defaultTo(''))
      // One per line: "Namn, titel".
      .addColumn('signatories', text, (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('member_memos_programme_member_idx')
      .on('member_memos')
      .columns(['programme_id', 'member_id'])
      .unique()
      .execute();
  },
});
