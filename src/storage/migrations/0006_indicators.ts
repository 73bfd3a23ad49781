import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * Key indicators: Kolada's catalogue (KPIs, areas, area groups), the indicators we follow (from
 * Kolada or our own), their values per area/year/gender, the imports that brought them, and the
 * indicators linked to programme goals with their targets. Forward-only.
 */
export const indicators = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    // PostgreSQL's `real` is 4 bytes; values need double precision (SQLite takes it as REAL).
    const number = 'double precision' as const;

    await db.schema
      .createTable('kolada_kpis')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_divided_by_gender', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('municipality_type', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('operating_area', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('auspice', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('publ_period', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('publication_date', 'text', (c) => c.notNull().defaultTo(''))
      // Id, title and description lower-cased by the application: SQLite's lower() knows only ASCII.
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('areas')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('area_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .execute();

    // Members are area codes as Kolada lists them; no foreign key, a group may name an area we lack.
    await db.schema
      .createTable('area_group_members')
      .addColumn('group_id', 'text', (c) => c.notNull().references('area_groups.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('area_group_members_pk', ['group_id', 'area_code'])
      .execute();

    await db.schema
      .createTable('indicators')
      .addColumn('id', 'integer', id)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('aggregation', 'text', (c) => c.notNull())
      .addColumn('weight_key', 'text')
      .addColumn('by_gender', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('licence', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('indicator_values')
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      // Null is "no value" (Kolada's missing), never 0.
      .addColumn('value', number)
      .addColumn('status', 'text')
      .addColumn('import_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_values_pk', ['indicator_id', 'area_code', 'year', 'gender'])
      .execute();
    // The comparison page reads one year across areas.
    await db.schema
      .createIndex('indicator_values_year_idx')
      .on('indicator_values')
      .columns(['indicator_id', 'year', 'gender'])
      .execute();

    await db.schema
      .createTable('indicator_imports')
      .addColumn('id', 'integer', id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rows_changed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rows_deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('goal_indicators')
      .addColumn('id', 'integer', id)
      .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      // Whose value is measured: a group figure of the cooperation, or one area.
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text')
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('base_year', 'integer', (c) => c.notNull())
      .addColumn('base_value', number)
      .addColumn('target_year', 'integer', (c) => c.notNull())
      .addColumn('target_value', number)
      .addColumn('comparison_area_code', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('goal_indicators_goal_indicator_unique', ['goal_id', 'indicator_id', 'measure'])
      .execute();
  },
});
