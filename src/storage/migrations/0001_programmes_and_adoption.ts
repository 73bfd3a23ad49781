import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * The cooperation, its members, bodies and networks; programmes as structured data
 * with lineage; and the members' decisions. Forward-only.
 */
export const programmesAndAdoption = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    const text = 'text' as const;

    await db.schema
      .createTable('collaborations')
      .addColumn('id', 'integer', id)
      .addColumn('slug', text, (c) => c.notNull().unique())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('formalised_year', 'integer')
      .addColumn('kolada_group_id', text, (c) => c.notNull().defaultTo(''))
      .addColumn('kolada_group_title', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('members')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('code', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addUniqueConstraint('members_collaboration_code_unique', ['collaboration_id', 'code'])
      .execute();

    await db.schema
      .createTable('comparison_areas')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('code', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addUniqueConstraint('comparison_areas_collaboration_code_unique', ['collaboration_id', 'code'])
      .execute();

    await db.schema
      .createTable('bodies')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('key', text, (c) => c.notNull())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('bodies_collaboration_key_unique', ['collaboration_id', 'key'])
      .execute();

    await db.schema
      .createTable('networks')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('key', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('area', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('networks_collaboration_key_unique', ['collaboration_id', 'key'])
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('when_text', text, (c) => c.notNull().defaultTo(''))
      .addColumn('audience', text, (c) => c.notNull().defaultTo(''))
      .addColumn('content', text, (c) => c.notNull().defaultTo(''))
      .addColumn('memo_change', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('programmes')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('slug', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('target_year', 'integer')
      .addColumn('valid_from_year', 'integer')
      .addColumn('valid_to_year', 'integer')
      .addColumn('vision', text, (c) => c.notNull().defaultTo(''))
      .addColumn('overarching_goal', text, (c) => c.notNull().defaultTo(''))
      .addColumn('state', text, (c) => c.notNull())
      .addColumn('adoption_rule', text, (c) => c.notNull())
      .addColumn('replaces_programme_id', 'integer', (c) => c.references('programmes.id'))
      .addColumn('derived_from_programme_id', 'integer', (c) => c.references('programmes.id'))
      .addColumn('note', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addUniqueConstraint('programmes_collaboration_slug_unique', ['collaboration_id', 'slug'])
      .execute();

    await db.schema
      .createTable('programme_stated_changes')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('perspectives')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('focus_areas')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('network_id', 'integer', (c) => c.references('networks.id'))
      .addColumn('note', text, (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('goals')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('focus_area_id', 'integer', (c) => c.notNull().references('focus_areas.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('network_id', 'integer', (c) => c.references('networks.id'))
      .addColumn('note', text, (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('goal_statements')
      .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
      .addColumn('perspective_id', 'integer', (c) => c.notNull().references('perspectives.id').onDelete('cascade'))
      .addColumn('statement', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('goal_statements_pk', ['goal_id', 'perspective_id'])
      .execute();

    await db.schema
      .createTable('goal_lineage')
      .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
      .addColumn('predecessor_goal_id', 'integer', (c) => c.notNull().references('goals.id'))
      .addPrimaryKeyConstraint('goal_lineage_pk', ['goal_id', 'predecessor_goal_id'])
      .execute();

    await db.schema
      .createTable('strategies')
      .addColumn('id', 'integer', id)
      .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', text, (c) => c.notNull())
      .execute();

    // Decisions are public records: no cascade, never deleted.
    await db.schema
      .createTable('decisions')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('body_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('body_kind', text, (c) => c.notNull())
      .addColumn('decided_on', text)
      .addColumn('date_precision', text, (c) => c.notNull())
      .addColumn('paragraph', text, (c) => c.notNull().defaultTo(''))
      .addColumn('outcome', text, (c) => c.notNull())
      .addColumn('note', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_at', text, (c) => c.notNull())
      .execute();

    for (const [table, column] of [
      ['members', 'collaboration_id'],
      ['programmes', 'collaboration_id'],
      ['focus_areas', 'programme_id'],
      ['goals', 'programme_id'],
      ['goals', 'focus_area_id'],
      ['strategies', 'goal_id'],
      ['perspectives', 'programme_id'],
      ['decisions', 'programme_id'],
      ['goal_lineage', 'predecessor_goal_id'],
    ] as const) {
      await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
    }
  },
});
