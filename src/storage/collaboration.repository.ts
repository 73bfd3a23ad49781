import type { Kysely, Transaction } from 'kysely';
import type { BodyKind, Member } from '../domain/adoption/decision.js';
import type { Body, Collaboration, CollaborationEvent, ComparisonArea, Network } from '../domain/collaboration.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The cooperation and what belongs to it: members, bodies, networks, events. */
export const collaborationRepository = (db: Db) => ({
  async insert(c: Omit<Collaboration, 'id'>, now: string): Promise<number> {
    const row = await db
      .insertInto('collaborations')
      .values({
        slug: c.slug,
        name: c.name,
        formalised_year: c.formalisedYear,
        kolada_group_id: c.koladaGroupId,
        kolada_group_title: c.koladaGroupTitle,
        source: c.source,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertMember(collaborationId: number, m: Omit<Member, 'id'>): Promise<number> {
    const row = await db
      .insertInto('members')
      .values({ collaboration_id: collaborationId, code: m.code, name: m.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertComparisonArea(collaborationId: number, a: ComparisonArea): Promise<void> {
    await db
      .insertInto('comparison_areas')
      .values({ collaboration_id: collaborationId, code: a.code, name: a.name })
      .execute();
  },

  async insertBody(collaborationId: number, b: Omit<Body, 'id'>): Promise<number> {
    const row = await db
      .insertInto('bodies')
      .values({
        collaboration_id: collaborationId,
        member_id: b.memberId,
        key: b.key,
        kind: b.kind,
        name: b.name,
        description: b.description,
        source: b.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertNetwork(collaborationId: number, n: Omit<Network, 'id'>): Promise<number> {
    const row = await db
      .insertInto('networks')
      .values({
        collaboration_id: collaborationId,
        key: n.key,
        name: n.name,
        kind: n.kind,
        area: n.area,
        source: n.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertEvent(collaborationId: number, position: number, e: Omit<CollaborationEvent, 'id'>): Promise<void> {
    await db
      .insertInto('events')
      .values({
        collaboration_id: collaborationId,
        position,
        name: e.name,
        when_text: e.whenText,
        audience: e.audience,
        content: e.content,
        memo_change: e.memoChange,
        source: e.source,
      })
      .execute();
  },

  async first(): Promise<Collaboration | undefined> {
    const row = await db.selectFrom('collaborations').selectAll().orderBy('id').limit(1).executeTakeFirst();
    return (
      row && {
        id: row.id,
        slug: row.slug,
        name: row.name,
        formalisedYear: row.formalised_year,
        koladaGroupId: row.kolada_group_id,
        koladaGroupTitle: row.kolada_group_title,
        source: row.source,
      }
    );
  },

  async count(): Promise<number> {
    const row = await db
      .selectFrom('collaborations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async members(collaborationId: number): Promise<Member[]> {
    return db
      .selectFrom('members')
      .select(['id', 'code', 'name'])
      .where('collaboration_id', '=', collaborationId)
      .orderBy('name')
      .execute();
  },

  async comparisonAreas(collaborationId: number): Promise<ComparisonArea[]> {
    return db
      .selectFrom('comparison_areas')
      .select(['code', 'name'])
      .where('collaboration_id', '=', collaborationId)
      .orderBy('code', 'desc')
      .execute();
  },

  async bodies(collaborationId: number): Promise<Body[]> {
    const rows = await db
      .selectFrom('bodies')
      .selectAll()
      .where('collaboration_id', '=', collaborationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      key: r.key,
      kind: r.kind as BodyKind,
      name: r.name,
      description: r.description,
      source: r.source,
    }));
  },

  async networks(collaborationId: number): Promise<Network[]> {
    const rows = await db
      .selectFrom('networks')
      .selectAll()
      .where('collaboration_id', '=', collaborationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      name: r.name,
      kind: r.kind as Network['kind'],
      area: r.area,
      source: r.source,
    }));
  },

  async events(collaborationId: number): Promise<CollaborationEvent[]> {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('collaboration_id', '=', collaborationId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      whenText: r.when_text,
      audience: r.audience,
      content: r.content,
      memoChange: r.memo_change,
      source: r.source,
    }));
  },
});

export type CollaborationRepository = ReturnType<typeof collaborationRepository>;
