import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  AgendaItem,
  DatePrecision,
  EventFields,
  EventFile,
  EventKind,
  EventOutcome,
  EventPublication,
  EventRecord,
  EventRecording,
  EventStatus,
  EventSummary,
  FileFormat,
} from '../domain/events/event.js';
import type { CalendarEventTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const toSummary = (row: Selectable<CalendarEventTable>): EventSummary => ({
  id: row.id,
  collaborationId: row.collaboration_id,
  slug: row.slug,
  kind: row.kind as EventKind,
  date: { precision: row.date_precision as DatePrecision, value: row.date_value },
  startTime: row.start_time,
  endTime: row.end_time,
  place: row.place,
  hostMemberId: row.host_member_id,
  theme: row.theme,
  programmeId: row.programme_id,
  programmeText: row.programme_text,
  status: row.status as EventStatus,
  publication: row.publication as EventPublication,
  summary: row.summary,
  source: row.source,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const fieldColumns = (f: EventFields) => ({
  kind: f.kind,
  date_value: f.date.value,
  date_precision: f.date.precision,
  start_time: f.startTime,
  end_time: f.endTime,
  place: f.place,
  host_member_id: f.hostMemberId,
  theme: f.theme,
  programme_id: f.programmeId,
  programme_text: f.programmeText,
  status: f.status,
  publication: f.publication,
  source: f.source,
});

/** The events of the cooperation with their agenda and documentation. */
export const eventRepository = (db: Db) => {
  /** Saves over `expectedVersion` and stamps the event; false when it changed since (nothing saved). */
  const bump = async (id: number, expectedVersion: number, at: string): Promise<boolean> => {
    const row = await db
      .updateTable('calendar_events')
      .set((eb) => ({ updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  };
  const touch = (id: number, at: string) =>
    db.updateTable('calendar_events').set({ updated_at: at }).where('id', '=', id).execute();

  return {
    /** Every event of the cooperation, oldest first (by the date as far as it is known). */
    async list(collaborationId: number): Promise<EventSummary[]> {
      const rows = await db
        .selectFrom('calendar_events')
        .selectAll()
        .where('collaboration_id', '=', collaborationId)
        .orderBy('date_value')
        .orderBy('start_time')
        .orderBy('id')
        .execute();
      return rows.map(toSummary);
    },

    async idBySlug(slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('calendar_events').select('id').where('slug', '=', slug).executeTakeFirst();
      return row?.id;
    },

    /** The slugs that start with `base` (to find a free one: `radslaget-2019`, `radslaget-2019-2`, …). */
    async slugsStartingWith(base: string): Promise<string[]> {
      const rows = await db.selectFrom('calendar_events').select('slug').where('slug', 'like', `${base}%`).execute();
      return rows.map((r) => r.slug);
    },

    /** One event with its agenda and documentation. */
    async get(id: number): Promise<EventRecord | undefined> {
      const row = await db.selectFrom('calendar_events').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [agenda, files, recordings, outcomes] = await Promise.all([
        db
          .selectFrom('calendar_event_agenda_items')
          .selectAll()
          .where('event_id', '=', id)
          .orderBy('position')
          .execute(),
        db.selectFrom('calendar_event_files').selectAll().where('event_id', '=', id).orderBy('id').execute(),
        db.selectFrom('calendar_event_recordings').selectAll().where('event_id', '=', id).orderBy('id').execute(),
        db.selectFrom('calendar_event_outcomes').selectAll().where('event_id', '=', id).orderBy('id').execute(),
      ]);
      return {
        ...toSummary(row),
        agenda: agenda.map((a): AgendaItem => ({ startTime: a.start_time, endTime: a.end_time, title: a.title })),
        files: files.map((f): EventFile => ({
          id: f.id,
          name: f.name,
          url: f.url,
          format: f.format as FileFormat,
          sizeBytes: f.size_bytes === null ? null : Number(f.size_bytes),
        })),
        recordings: recordings.map((r): EventRecording => ({
          id: r.id,
          title: r.title,
          url: r.url,
          hasCaptions: r.has_captions === 1,
          published: r.published === 1,
        })),
        outcomes: outcomes.map((o): EventOutcome => ({ id: o.id, text: o.text, url: o.url })),
      };
    },

    async insert(collaborationId: number, slug: string, fields: EventFields, at: string): Promise<number> {
      const row = await db
        .insertInto('calendar_events')
        .values({
          collaboration_id: collaborationId,
          slug,
          ...fieldColumns(fields),
          summary: '',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Saves the event's own fields over `expectedVersion`; false when it changed since (nothing saved). */
    async update(id: number, fields: EventFields, expectedVersion: number, at: string): Promise<boolean> {
      const row = await db
        .updateTable('calendar_events')
        .set((eb) => ({ ...fieldColumns(fields), updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async saveSummary(id: number, summary: string, expectedVersion: number, at: string): Promise<boolean> {
      if (!(await bump(id, expectedVersion, at))) return false;
      await db.updateTable('calendar_events').set({ summary }).where('id', '=', id).execute();
      return true;
    },

    /** Replaces the whole agenda over `expectedVersion`; false when the event changed since. */
    async replaceAgenda(id: number, items: readonly AgendaItem[], expectedVersion: number, at: string) {
      if (!(await bump(id, expectedVersion, at))) return false;
      await db.deleteFrom('calendar_event_agenda_items').where('event_id', '=', id).execute();
      if (items.length > 0) {
        await db
          .insertInto('calendar_event_agenda_items')
          .values(
            items.map((item, i) => ({
              event_id: id,
              position: i + 1,
              start_time: item.startTime,
              end_time: item.endTime,
              title: item.title,
            })),
          )
          .execute();
      }
      return true;
    },

    async addFile(eventId: number, file: Omit<EventFile, 'id'>, at: string): Promise<number> {
      const row = await db
        .insertInto('calendar_event_files')
        .values({
          event_id: eventId,
          name: file.name,
          url: file.url,
          format: file.format,
          size_bytes: file.sizeBytes,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await touch(eventId, at);
      return row.id;
    },

    async removeFile(eventId: number, fileId: number, at: string): Promise<boolean> {
      const result = await db
        .deleteFrom('calendar_event_files')
        .where('event_id', '=', eventId)
        .where('id', '=', fileId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await touch(eventId, at);
      return true;
    },

    async addRecording(eventId: number, recording: Omit<EventRecording, 'id'>, at: string): Promise<number> {
      const row = await db
        .insertInto('calendar_event_recordings')
        .values({
          event_id: eventId,
          title: recording.title,
          url: recording.url,
          has_captions: recording.hasCaptions ? 1 : 0,
          published: recording.published ? 1 : 0,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await touch(eventId, at);
      return row.id;
    },

    async updateRecording(
      eventId: number,
      recordingId: number,
      state: Pick<EventRecording, 'hasCaptions' | 'published'>,
      at: string,
    ): Promise<boolean> {
      const row = await db
        .updateTable('calendar_event_recordings')
        .set({ has_captions: state.hasCaptions ? 1 : 0, published: state.published ? 1 : 0, updated_at: at })
        .where('event_id', '=', eventId)
        .where('id', '=', recordingId)
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await touch(eventId, at);
      return true;
    },

    async removeRecording(eventId: number, recordingId: number, at: string): Promise<boolean> {
      const result = await db
        .deleteFrom('calendar_event_recordings')
        .where('event_id', '=', eventId)
        .where('id', '=', recordingId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await touch(eventId, at);
      return true;
    },

    async addOutcome(eventId: number, outcome: Omit<EventOutcome, 'id'>, at: string): Promise<number> {
      const row = await db
        .insertInto('calendar_event_outcomes')
        .values({ event_id: eventId, text: outcome.text, url: outcome.url, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await touch(eventId, at);
      return row.id;
    },

    async removeOutcome(eventId: number, outcomeId: number, at: string): Promise<boolean> {
      const result = await db
        .deleteFrom('calendar_event_outcomes')
        .where('event_id', '=', eventId)
        .where('id', '=', outcomeId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await touch(eventId, at);
      return true;
    },
  };
};
