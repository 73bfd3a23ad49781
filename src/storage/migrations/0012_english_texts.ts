import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Optional English texts of a programme's content, for the English pages at `/en/…`: the programme's
 * name, vision and overall goal, and the names and texts of its perspectives, focus areas, goals and
 * strategies. Empty means none is stored, and the pages show the Swedish text (marked as Swedish).
 * Forward-only.
 */
const COLUMNS: Record<string, string[]> = {
  programmes: ['name_en', 'vision_en', 'overarching_goal_en'],
  perspectives: ['name_en', 'description_en'],
  focus_areas: ['name_en', 'description_en'],
  goals: ['title_en', 'description_en'],
  strategies: ['text_en'],
};

export const englishTexts = (): Migration => ({
  async up(db: Kysely<unknown>) {
    for (const [table, columns] of Object.entries(COLUMNS)) {
      for (const column of columns) {
        await db.schema
          .alterTable(table)
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      }
    }
  },
});
