/**
 * Migration 0008 on both databases, over data written before it: every activity gets version 1, and the
 * activities removed before it are remembered with their plan where the audit trail names that plan
 * beyond doubt (the plan's name at the time, which no other plan had); otherwise they are left out.
 */
import { describe, expect, it } from 'vitest';
import { recordEvent } from '../../src/app/audit/record-event.js';
import { createContext, inTransaction, type AppContext } from '../../src/app/context.js';
import { loadDemoDataset } from '../../src/seed/demo-dataset.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { TEST_NOW } from '../support/context.js';
import { openTestStorage, testDialects } from '../support/databases.js';
import { makePlan } from '../support/plans.js';

/** An `activity.removed` event as the use case recorded it (the whole activity before, named by plan title). */
const removal = (ctx: AppContext, activityId: number, planTitle: string) =>
  inTransaction(ctx, (repos) =>
    recordEvent(ctx, repos, {
      action: 'activity.removed',
      entityType: 'activity',
      entityId: activityId,
      summary: `Tog bort aktiviteten ”Nr ${activityId}” ur planen ”${planTitle}”.`,
      before: { plan: planTitle, title: `Nr ${activityId}`, ownerName: 'Någon' },
      after: null,
    }),
  );

describe.each(testDialects)('migration 0008 (activity versions and removals) on %s', (dialect) => {
  it('gives activities a version and remembers the removals whose plan is certain', { timeout: 60_000 }, async () => {
    const storage = await openTestStorage(dialect, { upTo: '0007_plans_and_follow_up' });
    try {
      const ctx = createContext(storage, () => TEST_NOW);
      await seedDemo(ctx, loadDemoDataset(), []); // the events' tables come with 0010
      const only = await makePlan(ctx, { networkKey: 'klimatstrateger', year: 2027, state: 'draft', title: 'Ensam' });
      await makePlan(ctx, { networkKey: 'planeringschefer', year: 2027, state: 'draft', title: 'Tvilling' });
      await makePlan(ctx, { networkKey: 'naringslivschefer', year: 2027, state: 'draft', title: 'Tvilling' });
      const renamed = await makePlan(ctx, { networkKey: 'yh-natverket', year: 2027, state: 'draft', title: 'Nytt' });
      await removal(ctx, 900_001, 'Ensam');
      await removal(ctx, 900_002, 'Tvilling');
      await removal(ctx, 900_003, 'Gammalt');
      await inTransaction(ctx, (repos) =>
        recordEvent(ctx, repos, {
          action: 'plan.updated',
          entityType: 'plan',
          entityId: renamed.id,
          summary: 'Ändrade namnet i planen ”Nytt”.',
          before: { title: 'Gammalt' },
          after: { title: 'Nytt' },
        }),
      );

      expect(await migrateToLatest(storage)).toContain('0008_activity_versions_and_removals');
      const db = storage.db;
      const versions = await db.selectFrom('plan_activities').select('version').distinct().execute();
      expect(versions.map((r) => Number(r.version))).toEqual([1]);
      const removed = await db
        .selectFrom('removed_activities')
        .select(['activity_id', 'plan_id', 'removed_at'])
        .orderBy('activity_id')
        .execute();
      expect(removed).toEqual([
        { activity_id: 900_001, plan_id: only.id, removed_at: TEST_NOW.toISOString() },
        { activity_id: 900_003, plan_id: renamed.id, removed_at: TEST_NOW.toISOString() },
      ]);
    } finally {
      await storage.close();
    }
  });
});
