import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * The cooperation's events as records (Rådslaget, Södertörnskonferensen, the key-indicator and the
 * planning conference): one row per occasion with its date as far as it is known (`date_value` is
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, `date_precision` says which), host, theme, programme and state;
 * its agenda, and the documentation afterwards (files as links, recordings with whether they have
 * captions, outcomes). `events` (0001) stays what it is: the recurring meetings as the sources describe
 * them. Forward-only.
 */
export const eventRecords = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    const text = 'text' as const;

    await db.schema
      .createTable('calendar_events')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('slug', text, (c) => c.notNull().unique())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('date_value', text, (c) => c.notNull())
      .addColumn('date_precision', text, (c) => c.notNull())
      .addColumn('start_time', text, (c) => c.notNull().defaultTo(''))
      .addColumn('end_time', text, (c) => c.notNull().defaultTo(''))
      .addColumn('place', text, (c) => c.notNull().defaultTo(''))
      .addColumn('host_member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('theme', text, (c) => c.notNull().defaultTo(''))
      .addColumn('programme_id', 'integer', (c) => c.references('programmes.id'))
      .addColumn('programme_text', text, (c) => c.notNull().defaultTo(''))
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('publication', text, (c) => c.notNull())
      .addColumn('summary', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('calendar_events_date_idx')
      .on('calendar_events')
      .columns(['collaboration_id', 'date_value'])
      .execute();

    await db.schema
      .createTable('calendar_event_agenda_items')
      .addColumn('id', 'integer', id)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('calendar_events.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('start_time', text, (c) => c.notNull().defaultTo(''))
      .addColumn('end_time', text, (c) => c.notNull().defaultTo(''))
      .addColumn('title', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('calendar_event_agenda_items_event_idx')
      .on('calendar_event_agenda_items')
      .columns(['event_id', 'position'])
      .execute();

    await db.schema
      .createTable('calendar_event_files')
      .addColumn('id', 'integer', id)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('calendar_events.id'))
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('url', text, (c) => c.notNull())
      .addColumn('format', text, (c) => c.notNull())
      .addColumn('size_bytes', 'bigint')
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('calendar_event_files_event_idx')
      .on('calendar_event_files')
      .column('event_id')
      .execute();

    await db.schema
      .createTable('calendar_event_recordings')
      .addColumn('id', 'integer', id)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('calendar_events.id'))
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('url', text, (c) => c.notNull())
      .addColumn('has_captions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('calendar_event_recordings_event_idx')
      .on('calendar_event_recordings')
      .column('event_id')
      .execute();

    await db.schema
      .createTable('calendar_event_outcomes')
      .addColumn('id', 'integer', id)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('calendar_events.id'))
      .addColumn('text', text, (c) => c.notNull())
      .addColumn('url', text, (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('calendar_event_outcomes_event_idx')
      .on('calendar_event_outcomes')
      .column('event_id')
      .execute();
  },
});
