import type { Kysely, Transaction } from 'kysely';
import type {
  AdoptionRule,
  FocusArea,
  Goal,
  Perspective,
  Programme,
  ProgrammeState,
  ProgrammeSummary,
} from '../domain/programme/programme.js';
import type { Database, ProgrammeRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A programme to insert. Ids inside it (perspectives, areas, goals, strategies) are
 * placeholders, unique within the object: statements refer to perspectives by them.
 * `predecessorGoalIds`, `networkId` and the programme links are real ids.
 */
export type NewProgramme = Omit<Programme, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** A programme's own fields; the English texts change only when given. */
export type ProgrammeFields = Pick<
  Programme,
  | 'name'
  | 'targetYear'
  | 'validFromYear'
  | 'validToYear'
  | 'vision'
  | 'overarchingGoal'
  | 'note'
  | 'nameEn'
  | 'visionEn'
  | 'overarchingGoalEn'
>;

/** A perspective's texts; the English ones change only when given. */
export interface PerspectiveFields {
  name: string;
  description: string;
  nameEn?: string;
  descriptionEn?: string;
}

export interface GoalFields {
  focusAreaId: number;
  title: string;
  description: string;
  networkId: number | null;
  statements: Record<number, string>;
  strategies: string[];
  predecessorGoalIds: number[];
  /** English texts; unchanged when not given. */
  titleEn?: string;
  descriptionEn?: string;
  /**
   * The strategies in English, by position (the first line is the first strategy's). When not given, a
   * strategy keeps the English text it had if its Swedish text is unchanged.
   */
  strategiesEn?: string[];
}

export interface FocusAreaFields {
  name: string;
  description: string;
  networkId: number | null;
  /** English texts; unchanged when not given. */
  nameEn?: string;
  descriptionEn?: string;
}

/** Only the English texts that were given, as columns (an update sets them, '' included). */
const given = <T extends Record<string, string | undefined>>(columns: T): Partial<Record<keyof T, string>> =>
  Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;

/**
 * Only the English texts that are stored (non-empty), as columns: a new row without English texts
 * names none of them and gets the columns' default '' (and is written the same before migration 0012).
 */
const stored = <T extends Record<string, string | undefined>>(columns: T): Partial<Record<keyof T, string>> =>
  Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined && v !== '')) as Partial<
    Record<keyof T, string>
  >;

const toSummary = (r: ProgrammeRow, statedChanges: string[]): ProgrammeSummary => ({
  id: r.id,
  collaborationId: r.collaboration_id,
  slug: r.slug,
  name: r.name,
  targetYear: r.target_year,
  validFromYear: r.valid_from_year,
  validToYear: r.valid_to_year,
  vision: r.vision,
  overarchingGoal: r.overarching_goal,
  nameEn: r.name_en,
  visionEn: r.vision_en,
  overarchingGoalEn: r.overarching_goal_en,
  state: r.state as ProgrammeState,
  adoptionRule: r.adoption_rule as AdoptionRule,
  replacesProgrammeId: r.replaces_programme_id,
  derivedFromProgrammeId: r.derived_from_programme_id,
  statedChanges,
  note: r.note,
  source: r.source,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const groupBy = <T, K>(items: T[], key: (t: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};

/** Programmes as aggregates: the row plus perspectives, focus areas, goals, strategies and lineage. */
export const programmeRepository = (db: Db) => {
  async function statedChanges(programmeIds: number[]): Promise<Map<number, string[]>> {
    if (programmeIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('programme_stated_changes')
      .select(['programme_id', 'text'])
      .where('programme_id', 'in', programmeIds)
      .orderBy('programme_id')
      .orderBy('position')
      .execute();
    const byProgramme = groupBy(rows, (r) => r.programme_id);
    return new Map([...byProgramme].map(([id, list]) => [id, list.map((r) => r.text)]));
  }

  async function summaries(rows: ProgrammeRow[]): Promise<ProgrammeSummary[]> {
    const changes = await statedChanges(rows.map((r) => r.id));
    return rows.map((r) => toSummary(r, changes.get(r.id) ?? []));
  }

  async function structure(programmeId: number): Promise<{ perspectives: Perspective[]; focusAreas: FocusArea[] }> {
    const [perspectives, areas, goals] = await Promise.all([
      db
        .selectFrom('perspectives')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('focus_areas')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('goals')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
    ]);
    const goalIds = goals.map((g) => g.id);
    const [strategies, statements, lineage] =
      goalIds.length === 0
        ? [[], [], []]
        : await Promise.all([
            db
              .selectFrom('strategies')
              .selectAll()
              .where('goal_id', 'in', goalIds)
              .orderBy('position')
              .orderBy('id')
              .execute(),
            db.selectFrom('goal_statements').selectAll().where('goal_id', 'in', goalIds).execute(),
            db
              .selectFrom('goal_lineage')
              .selectAll()
              .where('goal_id', 'in', goalIds)
              .orderBy('predecessor_goal_id')
              .execute(),
          ]);
    const strategiesByGoal = groupBy(strategies, (s) => s.goal_id);
    const statementsByGoal = groupBy(statements, (s) => s.goal_id);
    const lineageByGoal = groupBy(lineage, (l) => l.goal_id);
    const goalsByArea = groupBy(
      goals.map((g): Goal => ({
        id: g.id,
        focusAreaId: g.focus_area_id,
        position: g.position,
        title: g.title,
        description: g.description,
        titleEn: g.title_en,
        descriptionEn: g.description_en,
        networkId: g.network_id,
        note: g.note,
        statements: Object.fromEntries((statementsByGoal.get(g.id) ?? []).map((s) => [s.perspective_id, s.statement])),
        predecessorGoalIds: (lineageByGoal.get(g.id) ?? []).map((l) => l.predecessor_goal_id),
        strategies: (strategiesByGoal.get(g.id) ?? []).map((s) => ({
          id: s.id,
          position: s.position,
          text: s.text,
          textEn: s.text_en,
        })),
      })),
      (g) => g.focusAreaId,
    );
    return {
      perspectives: perspectives.map((p) => ({
        id: p.id,
        position: p.position,
        name: p.name,
        description: p.description,
        nameEn: p.name_en,
        descriptionEn: p.description_en,
      })),
      focusAreas: areas.map((a) => ({
        id: a.id,
        position: a.position,
        name: a.name,
        description: a.description,
        nameEn: a.name_en,
        descriptionEn: a.description_en,
        networkId: a.network_id,
        note: a.note,
        goals: goalsByArea.get(a.id) ?? [],
      })),
    };
  }

  async function replaceGoalChildren(
    goalId: number,
    fields: Pick<GoalFields, 'statements' | 'strategies' | 'predecessorGoalIds' | 'strategiesEn'>,
  ) {
    const earlierEnglish = new Map(
      fields.strategiesEn === undefined
        ? (await db.selectFrom('strategies').select(['text', 'text_en']).where('goal_id', '=', goalId).execute()).map(
            (s) => [s.text, s.text_en] as const,
          )
        : [],
    );
    const englishOf = (text: string, i: number) =>
      fields.strategiesEn === undefined ? (earlierEnglish.get(text) ?? '') : (fields.strategiesEn[i] ?? '');
    await db.deleteFrom('strategies').where('goal_id', '=', goalId).execute();
    await db.deleteFrom('goal_statements').where('goal_id', '=', goalId).execute();
    await db.deleteFrom('goal_lineage').where('goal_id', '=', goalId).execute();
    const english = fields.strategies.map(englishOf);
    // Every row names the same columns: text_en only when some strategy has an English text.
    const strategies = fields.strategies.map((text, i) => ({
      goal_id: goalId,
      position: i + 1,
      text,
      ...(english.some((e) => e !== '') ? { text_en: english[i]! } : {}),
    }));
    if (strategies.length) await db.insertInto('strategies').values(strategies).execute();
    const statements = Object.entries(fields.statements)
      .filter(([, s]) => s.trim() !== '')
      .map(([perspectiveId, statement]) => ({ goal_id: goalId, perspective_id: Number(perspectiveId), statement }));
    if (statements.length) await db.insertInto('goal_statements').values(statements).execute();
    const lineage = [...new Set(fields.predecessorGoalIds)].map((p) => ({ goal_id: goalId, predecessor_goal_id: p }));
    if (lineage.length) await db.insertInto('goal_lineage').values(lineage).execute();
  }

  async function nextPosition(table: 'focus_areas' | 'perspectives', programmeId: number): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    return Number(row?.p ?? 0) + 1;
  }

  async function nextGoalPosition(focusAreaId: number): Promise<number> {
    const row = await db
      .selectFrom('goals')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('focus_area_id', '=', focusAreaId)
      .executeTakeFirst();
    return Number(row?.p ?? 0) + 1;
  }

  return {
    async list(collaborationId: number): Promise<ProgrammeSummary[]> {
      const rows = await db
        .selectFrom('programmes')
        .selectAll()
        .where('collaboration_id', '=', collaborationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return summaries(rows);
    },

    async summary(id: number): Promise<ProgrammeSummary | undefined> {
      const row = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await summaries([row]))[0];
    },

    async idBySlug(collaborationId: number, slug: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('programmes')
        .select('id')
        .where('collaboration_id', '=', collaborationId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row?.id;
    },

    async get(id: number): Promise<Programme | undefined> {
      const summary = await this.summary(id);
      return summary && { ...summary, ...(await structure(id)) };
    },

    /** Goal ids of a programme mapped to their programme, for lineage links across versions. */
    async goalsWithProgramme(
      goalIds: number[],
    ): Promise<{ goalId: number; programmeId: number; title: string; titleEn: string }[]> {
      if (goalIds.length === 0) return [];
      const rows = await db
        .selectFrom('goals')
        .select(['id', 'programme_id', 'title', 'title_en'])
        .where('id', 'in', goalIds)
        .execute();
      return rows.map((r) => ({ goalId: r.id, programmeId: r.programme_id, title: r.title, titleEn: r.title_en }));
    },

    /** Goals that name any of `goalIds` as predecessor. */
    async successorGoals(
      goalIds: number[],
    ): Promise<{ goalId: number; predecessorGoalId: number; programmeId: number; title: string; titleEn: string }[]> {
      if (goalIds.length === 0) return [];
      const rows = await db
        .selectFrom('goal_lineage')
        .innerJoin('goals', 'goals.id', 'goal_lineage.goal_id')
        .select([
          'goals.id as goalId',
          'goal_lineage.predecessor_goal_id as predecessorGoalId',
          'goals.programme_id as programmeId',
          'goals.title',
          'goals.title_en as titleEn',
        ])
        .where('goal_lineage.predecessor_goal_id', 'in', goalIds)
        .orderBy('goals.id')
        .execute();
      return rows;
    },

    /** Inserts a whole programme; returns its id and the placeholder → real goal id map. */
    async insert(p: NewProgramme, now: string): Promise<{ id: number; goalIds: Map<number, number> }> {
      const { id } = await db
        .insertInto('programmes')
        .values({
          collaboration_id: p.collaborationId,
          slug: p.slug,
          name: p.name,
          target_year: p.targetYear,
          valid_from_year: p.validFromYear,
          valid_to_year: p.validToYear,
          vision: p.vision,
          overarching_goal: p.overarchingGoal,
          ...stored({ name_en: p.nameEn, vision_en: p.visionEn, overarching_goal_en: p.overarchingGoalEn }),
          state: p.state,
          adoption_rule: p.adoptionRule,
          replaces_programme_id: p.replacesProgrammeId,
          derived_from_programme_id: p.derivedFromProgrammeId,
          note: p.note,
          source: p.source,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.statedChanges.length) {
        await db
          .insertInto('programme_stated_changes')
          .values(p.statedChanges.map((text, i) => ({ programme_id: id, position: i + 1, text })))
          .execute();
      }
      const perspectiveIds = new Map<number, number>();
      for (const [i, persp] of p.perspectives.entries()) {
        const row = await db
          .insertInto('perspectives')
          .values({
            programme_id: id,
            position: i + 1,
            name: persp.name,
            description: persp.description,
            ...stored({ name_en: persp.nameEn, description_en: persp.descriptionEn }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        perspectiveIds.set(persp.id, row.id);
      }
      const goalIds = new Map<number, number>();
      for (const [i, area] of p.focusAreas.entries()) {
        const areaRow = await db
          .insertInto('focus_areas')
          .values({
            programme_id: id,
            position: i + 1,
            name: area.name,
            description: area.description,
            ...stored({ name_en: area.nameEn, description_en: area.descriptionEn }),
            network_id: area.networkId,
            note: area.note,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [j, goal] of area.goals.entries()) {
          const goalRow = await db
            .insertInto('goals')
            .values({
              programme_id: id,
              focus_area_id: areaRow.id,
              position: j + 1,
              title: goal.title,
              description: goal.description,
              ...stored({ title_en: goal.titleEn, description_en: goal.descriptionEn }),
              network_id: goal.networkId,
              note: goal.note,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          goalIds.set(goal.id, goalRow.id);
          const statements: Record<number, string> = {};
          for (const [placeholder, text] of Object.entries(goal.statements)) {
            const real = perspectiveIds.get(Number(placeholder));
            if (real !== undefined) statements[real] = text;
          }
          await replaceGoalChildren(goalRow.id, {
            statements,
            strategies: goal.strategies.map((s) => s.text),
            strategiesEn: goal.strategies.map((s) => s.textEn ?? ''),
            predecessorGoalIds: goal.predecessorGoalIds,
          });
        }
      }
      return { id, goalIds };
    },

    /**
     * Bumps the version if it is still `expectedVersion`; false when someone else changed
     * the programme meanwhile. Every structural change goes through this first.
     */
    async touch(id: number, expectedVersion: number, now: string): Promise<boolean> {
      const result = await db
        .updateTable('programmes')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async updateFields(id: number, fields: ProgrammeFields): Promise<void> {
      await db
        .updateTable('programmes')
        .set({
          name: fields.name,
          target_year: fields.targetYear,
          valid_from_year: fields.validFromYear,
          valid_to_year: fields.validToYear,
          vision: fields.vision,
          overarching_goal: fields.overarchingGoal,
          note: fields.note,
          ...given({
            name_en: fields.nameEn,
            vision_en: fields.visionEn,
            overarching_goal_en: fields.overarchingGoalEn,
          }),
        })
        .where('id', '=', id)
        .execute();
    },

    async setState(id: number, state: ProgrammeState): Promise<void> {
      await db.updateTable('programmes').set({ state }).where('id', '=', id).execute();
    },

    async addPerspective(programmeId: number, fields: PerspectiveFields): Promise<number> {
      const position = await nextPosition('perspectives', programmeId);
      const row = await db
        .insertInto('perspectives')
        .values({
          programme_id: programmeId,
          position,
          name: fields.name,
          description: fields.description,
          ...stored({ name_en: fields.nameEn, description_en: fields.descriptionEn }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updatePerspective(programmeId: number, perspectiveId: number, fields: PerspectiveFields): Promise<void> {
      await db
        .updateTable('perspectives')
        .set({
          name: fields.name,
          description: fields.description,
          ...given({ name_en: fields.nameEn, description_en: fields.descriptionEn }),
        })
        .where('id', '=', perspectiveId)
        .where('programme_id', '=', programmeId)
        .execute();
    },

    async removePerspective(programmeId: number, perspectiveId: number): Promise<void> {
      await db.deleteFrom('goal_statements').where('perspective_id', '=', perspectiveId).execute();
      await db
        .deleteFrom('perspectives')
        .where('id', '=', perspectiveId)
        .where('programme_id', '=', programmeId)
        .execute();
    },

    async addFocusArea(programmeId: number, fields: FocusAreaFields): Promise<number> {
      const position = await nextPosition('focus_areas', programmeId);
      const row = await db
        .insertInto('focus_areas')
        .values({
          programme_id: programmeId,
          position,
          name: fields.name,
          description: fields.description,
          ...stored({ name_en: fields.nameEn, description_en: fields.descriptionEn }),
          network_id: fields.networkId,
          note: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateFocusArea(programmeId: number, areaId: number, fields: FocusAreaFields): Promise<void> {
      await db
        .updateTable('focus_areas')
        .set({
          name: fields.name,
          description: fields.description,
          network_id: fields.networkId,
          ...given({ name_en: fields.nameEn, description_en: fields.descriptionEn }),
        })
        .where('id', '=', areaId)
        .where('programme_id', '=', programmeId)
        .execute();
    },

    async setFocusAreaPositions(programmeId: number, orderedIds: number[]): Promise<void> {
      for (const [i, areaId] of orderedIds.entries()) {
        await db
          .updateTable('focus_areas')
          .set({ position: i + 1 })
          .where('id', '=', areaId)
          .where('programme_id', '=', programmeId)
          .execute();
      }
    },

    async removeFocusArea(programmeId: number, areaId: number): Promise<void> {
      const goalIds = (await db.selectFrom('goals').select('id').where('focus_area_id', '=', areaId).execute()).map(
        (g) => g.id,
      );
      for (const goalId of goalIds) await this.removeGoal(programmeId, goalId);
      await db.deleteFrom('focus_areas').where('id', '=', areaId).where('programme_id', '=', programmeId).execute();
    },

    async addGoal(programmeId: number, fields: GoalFields): Promise<number> {
      const { id } = await db
        .insertInto('goals')
        .values({
          programme_id: programmeId,
          focus_area_id: fields.focusAreaId,
          position: await nextGoalPosition(fields.focusAreaId),
          title: fields.title,
          description: fields.description,
          ...stored({ title_en: fields.titleEn, description_en: fields.descriptionEn }),
          network_id: fields.networkId,
          note: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceGoalChildren(id, fields);
      return id;
    },

    async updateGoal(programmeId: number, goalId: number, fields: GoalFields): Promise<void> {
      const current = await db.selectFrom('goals').select('focus_area_id').where('id', '=', goalId).executeTakeFirst();
      // A goal moved to another focus area goes last there, so positions stay unique per area.
      const position =
        current && current.focus_area_id !== fields.focusAreaId
          ? await nextGoalPosition(fields.focusAreaId)
          : undefined;
      await db
        .updateTable('goals')
        .set({
          focus_area_id: fields.focusAreaId,
          title: fields.title,
          description: fields.description,
          network_id: fields.networkId,
          ...given({ title_en: fields.titleEn, description_en: fields.descriptionEn }),
          ...(position === undefined ? {} : { position }),
        })
        .where('id', '=', goalId)
        .where('programme_id', '=', programmeId)
        .execute();
      await replaceGoalChildren(goalId, fields);
    },

    async removeGoal(programmeId: number, goalId: number): Promise<void> {
      // Lineage pointing at this goal from later drafts goes with it; recorded programmes never lose goals.
      await db.deleteFrom('goal_lineage').where('predecessor_goal_id', '=', goalId).execute();
      // So do the indicators followed on it (a draft's configuration, not a record of its own).
      await db.deleteFrom('goal_indicators').where('goal_id', '=', goalId).execute();
      await db.deleteFrom('goals').where('id', '=', goalId).where('programme_id', '=', programmeId).execute();
    },

    async slugExists(collaborationId: number, slug: string): Promise<boolean> {
      return (await this.idBySlug(collaborationId, slug)) !== undefined;
    },
  };
};

export type ProgrammeRepository = ReturnType<typeof programmeRepository>;
