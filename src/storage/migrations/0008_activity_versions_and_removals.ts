import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Activities get an optimistic-locking version, so that of two people editing the same activity the
 * second is told instead of overwriting the first; and a removed activity leaves a row naming its plan,
 * so the plan's history can list the activity's audit events after the activity row is gone (the audit
 * snapshots name the plan by its title, which is neither unique nor fixed). Forward-only.
 *
 * Activities removed before this migration are found from their `activity.removed` events: the plan is
 * the one that has had that title (now, or in a plan event), when exactly one plan has. Where two plans
 * have shared the title the removal is left out rather than shown in the wrong plan's history.
 */
export const activityVersionsAndRemovals = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('plan_activities')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('removed_activities')
      // The removed activity's id (ids are never reused: SQLite AUTOINCREMENT, PostgreSQL identity).
      .addColumn('activity_id', 'integer', (c) => c.primaryKey())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
      .addColumn('removed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('removed_activities_plan_idx').on('removed_activities').column('plan_id').execute();

    await rememberEarlierRemovals(db);
  },
});

type Row = { entity_id: string; before_json: string | null; after_json: string | null; occurred_at: string };

const titleIn = (json: string | null, field: string): string | undefined => {
  const value = json === null ? undefined : (JSON.parse(json) as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
};

async function rememberEarlierRemovals(db: Kysely<unknown>): Promise<void> {
  const removals = await sql<Row>`
    select entity_id, before_json, after_json, occurred_at from audit_events
    where entity_type = 'activity' and action = 'activity.removed' order by id`.execute(db);
  if (removals.rows.length === 0) return;

  // Every title each plan has had: its title now and those its own events recorded.
  const plansByTitle = new Map<string, Set<number>>();
  const add = (title: string | undefined, planId: number) => {
    if (title !== undefined) plansByTitle.set(title, (plansByTitle.get(title) ?? new Set()).add(planId));
  };
  const plans = await sql<{ id: number; title: string }>`select id, title from plans`.execute(db);
  for (const p of plans.rows) add(p.title, Number(p.id));
  const planEvents = await sql<Row>`
    select entity_id, before_json, after_json, occurred_at from audit_events where entity_type = 'plan'`.execute(db);
  for (const e of planEvents.rows) {
    add(titleIn(e.before_json, 'title'), Number(e.entity_id));
    add(titleIn(e.after_json, 'title'), Number(e.entity_id));
  }

  for (const r of removals.rows) {
    const title = titleIn(r.before_json, 'plan');
    const candidates = title === undefined ? undefined : plansByTitle.get(title);
    if (!candidates || candidates.size !== 1 || !/^\d+$/.test(r.entity_id)) continue;
    const [planId] = candidates;
    await sql`insert into removed_activities (activity_id, plan_id, removed_at)
      values (${Number(r.entity_id)}, ${planId}, ${r.occurred_at})`.execute(db);
  }
}
