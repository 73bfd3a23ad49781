import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Area } from '../domain/indicators/indicator.js';
import { batches } from './batches.js';
import type { Database, KoladaKpiTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A KPI in Kolada's catalogue (metadata, not values). */
export interface KoladaKpi {
  id: string;
  title: string;
  description: string;
  isDividedByGender: boolean;
  municipalityType: string;
  operatingArea: string;
  auspice: string;
  publPeriod: string;
  publicationDate: string;
}

export interface AreaGroup {
  id: string;
  title: string;
  members: string[];
}

const toKpi = (r: Selectable<KoladaKpiTable>): KoladaKpi => ({
  id: r.id,
  title: r.title,
  description: r.description,
  isDividedByGender: r.is_divided_by_gender === 1,
  municipalityType: r.municipality_type,
  operatingArea: r.operating_area,
  auspice: r.auspice,
  publPeriod: r.publ_period,
  publicationDate: r.publication_date,
});

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv');

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
const likePattern = (word: string) => `%${folded(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Kolada's catalogue: KPIs, municipalities and regions (areas), and municipality groups. */
export const koladaCatalogueRepository = (db: Db) => ({
  /** Inserts or replaces the given KPIs (a catalogue sync brings the current metadata). */
  async upsertKpis(kpis: readonly KoladaKpi[], now: string): Promise<void> {
    for (const batch of batches(kpis, 400)) {
      await db
        .insertInto('kolada_kpis')
        .values(
          batch.map((k) => ({
            id: k.id,
            title: k.title,
            description: k.description,
            is_divided_by_gender: k.isDividedByGender ? 1 : 0,
            municipality_type: k.municipalityType,
            operating_area: k.operatingArea,
            auspice: k.auspice,
            publ_period: k.publPeriod,
            publication_date: k.publicationDate,
            search_text: folded(`${k.id} ${k.title} ${k.description}`),
            updated_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            description: eb.ref('excluded.description'),
            is_divided_by_gender: eb.ref('excluded.is_divided_by_gender'),
            municipality_type: eb.ref('excluded.municipality_type'),
            operating_area: eb.ref('excluded.operating_area'),
            auspice: eb.ref('excluded.auspice'),
            publ_period: eb.ref('excluded.publ_period'),
            publication_date: eb.ref('excluded.publication_date'),
            search_text: eb.ref('excluded.search_text'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  async kpiCount(): Promise<number> {
    const row = await db
      .selectFrom('kolada_kpis')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n); // pg returns count(*) as string
  },

  async kpi(id: string): Promise<KoladaKpi | undefined> {
    const row = await db.selectFrom('kolada_kpis').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toKpi(row);
  },

  /** The KPIs of the catalogue among `ids` (in no particular order; unknown ids are left out). */
  async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('kolada_kpis').selectAll().where('id', 'in', ids).execute();
    return rows.map(toKpi);
  },

  /**
   * KPIs whose id equals the query, or whose title or description holds every word of it
   * (case-insensitive); exact id first, then by id.
   */
  async searchKpis(query: string, limit: number): Promise<KoladaKpi[]> {
    const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length === 0) return [];
    const id = query.trim().toUpperCase();
    const rows = await db
      .selectFrom('kolada_kpis')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', '=', id),
          eb.and(words.map((w) => eb('search_text', 'like', sql<string>`${likePattern(w)} escape '\\'`))),
        ]),
      )
      .orderBy(sql`case when id = ${id} then 0 else 1 end`)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toKpi);
  },

  async upsertAreas(areas: readonly Area[]): Promise<void> {
    for (const batch of batches(areas, 400)) {
      await db
        .insertInto('areas')
        .values(batch.map((a) => ({ code: a.code, title: a.title, type: a.type })))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), type: eb.ref('excluded.type') })),
        )
        .execute();
    }
  },

  async areas(): Promise<Area[]> {
    const rows = await db.selectFrom('areas').selectAll().orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, title: r.title, type: r.type as Area['type'] }));
  },

  /** Replaces the given groups with their members as listed. */
  async replaceGroups(groups: readonly AreaGroup[]): Promise<void> {
    for (const batch of batches(groups, 400)) {
      const ids = batch.map((g) => g.id);
      await db.deleteFrom('area_group_members').where('group_id', 'in', ids).execute();
      await db
        .insertInto('area_groups')
        .values(batch.map((g) => ({ id: g.id, title: g.title })))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ title: eb.ref('excluded.title') })))
        .execute();
      const members = batch.flatMap((g) =>
        [...new Set(g.members)].map((code) => ({ group_id: g.id, area_code: code })),
      );
      for (const rows of batches(members, 800)) await db.insertInto('area_group_members').values(rows).execute();
    }
  },

  async groupCount(): Promise<number> {
    const row = await db
      .selectFrom('area_groups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async group(id: string): Promise<AreaGroup | undefined> {
    const group = await db.selectFrom('area_groups').selectAll().where('id', '=', id).executeTakeFirst();
    if (!group) return undefined;
    const members = await db
      .selectFrom('area_group_members')
      .select('area_code')
      .where('group_id', '=', id)
      .orderBy('area_code')
      .execute();
    return { id: group.id, title: group.title, members: members.map((m) => m.area_code) };
  },
});

export type KoladaCatalogueRepository = ReturnType<typeof koladaCatalogueRepository>;
