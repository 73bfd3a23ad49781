import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * The chief networks' yearly plans with their activities and the committee's decisions on them;
 * follow-up rounds, the owners' reports and the reminders sent. Forward-only.
 */
export const plansAndFollowUp = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    const text = 'text' as const;

    await db.schema
      .createTable('plans')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('parent_plan_id', 'integer', (c) => c.references('plans.id'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('state', text, (c) => c.notNull())
      .addColumn('summary', text, (c) => c.notNull().defaultTo(''))
      .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('copied_from_plan_id', 'integer', (c) => c.references('plans.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    // One operational plan per network and year (both databases take a partial unique index).
    await db.schema
      .createIndex('plans_one_operational_idx')
      .on('plans')
      .columns(['network_id', 'year'])
      .unique()
      .where(sql.ref('kind'), '=', 'operational')
      .execute();
    await db.schema.createIndex('plans_year_idx').on('plans').columns(['year', 'network_id']).execute();
    await db.schema.createIndex('plans_parent_idx').on('plans').column('parent_plan_id').execute();

    await db.schema
      .createTable('plan_activities')
      .addColumn('id', 'integer', id)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('owner_name', text, (c) => c.notNull())
      .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('start_date', text, (c) => c.notNull())
      .addColumn('end_date', text, (c) => c.notNull())
      .addColumn('budget_kr', 'bigint')
      .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
      .addColumn('climate_effect', text, (c) => c.notNull())
      .addColumn('climate_justification', text, (c) => c.notNull().defaultTo(''))
      .addColumn('dimension', text, (c) => c.notNull())
      .addColumn('carried_over_from_activity_id', 'integer', (c) => c.references('plan_activities.id'))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_activities_plan_idx').on('plan_activities').column('plan_id').execute();

    for (const [table, column, target] of [
      ['activity_goals', 'goal_id', 'goals.id'],
      ['activity_strategies', 'strategy_id', 'strategies.id'],
      ['activity_members', 'member_id', 'members.id'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('activity_id', 'integer', (c) => c.notNull().references('plan_activities.id'))
        .addColumn(column, 'integer', (c) => c.notNull().references(target))
        .addPrimaryKeyConstraint(`${table}_pk`, ['activity_id', column])
        .execute();
      await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
    }

    await db.schema
      .createTable('plan_decisions')
      .addColumn('id', 'integer', id)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
      .addColumn('decided_on', text)
      .addColumn('date_precision', text, (c) => c.notNull())
      .addColumn('paragraph', text, (c) => c.notNull().defaultTo(''))
      .addColumn('outcome', text, (c) => c.notNull())
      .addColumn('note', text, (c) => c.notNull().defaultTo(''))
      .addColumn('source', text, (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_decisions_plan_idx').on('plan_decisions').column('plan_id').execute();

    await db.schema
      .createTable('follow_up_rounds')
      .addColumn('id', 'integer', id)
      .addColumn('collaboration_id', 'integer', (c) => c.notNull().references('collaborations.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('period_end', text, (c) => c.notNull())
      .addColumn('due_date', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addUniqueConstraint('follow_up_rounds_year_name_unique', ['collaboration_id', 'year', 'name'])
      .execute();

    await db.schema
      .createTable('activity_reports')
      .addColumn('id', 'integer', id)
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('plan_activities.id'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('follow_up_rounds.id'))
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('progress', 'integer', (c) => c.notNull())
      .addColumn('comment', text, (c) => c.notNull().defaultTo(''))
      .addColumn('climate_effect', text)
      .addColumn('reported_by_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reported_by_name', text, (c) => c.notNull())
      .addColumn('reported_at', text, (c) => c.notNull())
      .addUniqueConstraint('activity_reports_activity_round_unique', ['activity_id', 'round_id'])
      .execute();
    await db.schema.createIndex('activity_reports_round_idx').on('activity_reports').column('round_id').execute();

    await db.schema
      .createTable('follow_up_reminders')
      .addColumn('id', 'integer', id)
      .addColumn('round_id', 'integer', (c) => c.notNull().references('follow_up_rounds.id'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('plan_activities.id'))
      .addColumn('recipient', text, (c) => c.notNull())
      .addColumn('sent_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('follow_up_reminders_round_idx')
      .on('follow_up_reminders')
      .columns(['round_id', 'activity_id'])
      .execute();
  },
});
