import type { Kysely, Transaction } from 'kysely';
import { sealEvent } from '../domain/audit/audit-chain.js';
import type { AuditAction, AuditEntityType, AuditEvent, AuditRecord } from '../domain/audit/audit-event.js';
import type { StorageDialect } from './dialect/dialect.js';
import { reusableQuery } from './reusable-query.js';
import type { AuditEventRow, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The trail's last position: the version of the data, read by every page (src/app/shared-reads.ts). */
const auditHead = reusableQuery((db: Db) => db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('head')));

export interface EntityRef {
  entityType: AuditEntityType;
  entityId: string;
}

const toRecord = (r: AuditEventRow): AuditRecord => ({
  id: r.id,
  occurredAt: r.occurred_at,
  actorKind: r.actor_kind as AuditRecord['actorKind'],
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  action: r.action as AuditAction,
  entityType: r.entity_type as AuditEntityType,
  entityId: r.entity_id,
  summary: r.summary,
  beforeJson: r.before_json,
  afterJson: r.after_json,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The audit trail. Offers no update and no delete: rows are only ever appended. */
export const auditRepository = (db: Db, dialect: StorageDialect) => ({
  /**
   * Appends `event` as the next link of the chain, inside the caller's transaction, so the event is
   * stored if and only if the change it records is. Call it last in the transaction: on PostgreSQL it
   * holds the chain lock until commit, and every other appender waits for it.
   */
  async append(event: AuditEvent): Promise<AuditRecord> {
    if (!db.isTransaction) throw new Error('audit.append måste köras i samma transaktion som ändringen.');
    await dialect.lockAuditChain(db);
    const last = await db
      .selectFrom('audit_events')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const record = sealEvent(last, event);
    await db
      .insertInto('audit_events')
      .values({
        id: record.id,
        occurred_at: record.occurredAt,
        actor_kind: record.actorKind,
        actor_user_id: record.actorUserId,
        actor_name: record.actorName,
        action: record.action,
        entity_type: record.entityType,
        entity_id: record.entityId,
        summary: record.summary,
        before_json: record.beforeJson,
        after_json: record.afterJson,
        prev_hash: record.prevHash,
        hash: record.hash,
      })
      .execute();
    return record;
  },

  /** The events about any of `entities`, oldest first. */
  async list(...entities: EntityRef[]): Promise<AuditRecord[]> {
    if (entities.length === 0) return [];
    const byType = new Map<AuditEntityType, string[]>();
    for (const e of entities) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e.entityId]);
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where((eb) =>
        eb.or([...byType].map(([type, ids]) => eb.and([eb('entity_type', '=', type), eb('entity_id', 'in', ids)]))),
      )
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  },

  /** The events an account caused (itself or through its API tokens), oldest first. */
  async byActor(userId: number): Promise<AuditRecord[]> {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  },

  /** Every event in chain order, read a page at a time so any length fits in memory. */
  async *all(pageSize = 1000): AsyncGenerator<AuditRecord> {
    for (let after = 0; ;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      for (const row of rows) yield toRecord(row);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  },

  /** The last event's position (0 when the trail is empty). */
  async headId(): Promise<number> {
    const [row] = await auditHead(db);
    return Number(row?.head ?? 0);
  },

  async count(): Promise<number> {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
});

export type AuditRepository = ReturnType<typeof auditRepository>;
