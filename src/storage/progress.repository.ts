import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A focus area with its goals' titles: what the public progress overview lists of a programme. */
export interface OutlineFocusArea {
  id: number;
  programmeId: number;
  name: string;
  description: string;
  /** English texts, when stored ('' when not). */
  nameEn: string;
  descriptionEn: string;
  goals: {
    id: number;
    focusAreaId: number;
    title: string;
    description: string;
    titleEn: string;
    descriptionEn: string;
  }[];
}

/** Reads for the public progress pages, each one query however many programmes or indicators there are. */
export const progressRepository = (db: Db) => ({
  /** The focus areas of the programmes with their goals, in document order; one query for each. */
  async outlines(programmeIds: readonly number[]): Promise<Map<number, OutlineFocusArea[]>> {
    const outlines = new Map<number, OutlineFocusArea[]>(programmeIds.map((id) => [id, []]));
    if (programmeIds.length === 0) return outlines;
    const [areas, goals] = await Promise.all([
      db
        .selectFrom('focus_areas')
        .select(['id', 'programme_id', 'name', 'description', 'name_en', 'description_en'])
        .where('programme_id', 'in', [...programmeIds])
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('goals')
        .select(['id', 'focus_area_id', 'title', 'description', 'title_en', 'description_en'])
        .where('programme_id', 'in', [...programmeIds])
        .orderBy('position')
        .orderBy('id')
        .execute(),
    ]);
    const byArea = new Map<number, OutlineFocusArea['goals']>(areas.map((a) => [a.id, []]));
    for (const g of goals)
      byArea.get(g.focus_area_id)?.push({
        id: g.id,
        focusAreaId: g.focus_area_id,
        title: g.title,
        description: g.description,
        titleEn: g.title_en,
        descriptionEn: g.description_en,
      });
    for (const a of areas)
      outlines.get(a.programme_id)?.push({
        id: a.id,
        programmeId: a.programme_id,
        name: a.name,
        description: a.description,
        nameEn: a.name_en,
        descriptionEn: a.description_en,
        goals: byArea.get(a.id) ?? [],
      });
    return outlines;
  },

  /**
   * When each indicator's values last changed: the latest finish of an import that wrote one of its
   * current values (an import that changed nothing leaves the values with their earlier import).
   */
  async valuesChangedAt(indicatorIds: readonly number[]): Promise<Map<number, string>> {
    if (indicatorIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('indicator_values')
      .innerJoin('indicator_imports', 'indicator_imports.id', 'indicator_values.import_id')
      .select(['indicator_values.indicator_id as indicatorId'])
      .select((eb) => eb.fn.max('indicator_imports.finished_at').as('changedAt'))
      .where('indicator_values.indicator_id', 'in', [...indicatorIds])
      .groupBy('indicator_values.indicator_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.indicatorId), String(r.changedAt)]));
  },
});
