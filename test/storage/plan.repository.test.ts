import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { makeActivity, makePlan, members } from '../support/plans.js';

/** Plans, activities with their links, decisions, rounds and reports round-trip on both databases. */
describe.each(testDialects)('plan and follow-up storage on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  const now = '2026-11-27T10:00:00.000Z';

  /** A draft of `year` with one activity that fills every field (linked members, a large budget, …). */
  async function planWithActivity(year: number) {
    const repos = readRepos(t.ctx);
    const collaboration = (await repos.collaboration.first())!;
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year, state: 'draft' });
    const activity = await makeActivity(t.ctx, plan, {
      memberIds: (await members(t.ctx)).slice(0, 2).map((m) => m.id),
      budgetKr: 3_000_000_000,
      weight: 1.5,
      climateEffect: 'reduces',
      climateJustification: 'Färre resor',
      dimension: 'ecological',
    });
    return { repos, collaboration, plan, activity };
  }

  it('stores a plan with an activity and reads them back with their links', async () => {
    const { repos, plan, activity } = await planWithActivity(2030);
    expect(await repos.plans.planById(plan.id)).toEqual(plan);
    const [read] = await repos.plans.activitiesOf([plan.id]);
    expect(read).toEqual(activity);
    expect(read!.budgetKr).toBe(3_000_000_000);
    expect(read!.position).toBe(1);
    expect(await repos.plans.updateActivity(activity.id, { ...activity, memberIds: [], weight: 2 }, 1, now)).toBe(true);
    const updated = await repos.plans.activityById(activity.id);
    expect(updated).toMatchObject({ memberIds: [], weight: 2, goalIds: activity.goalIds, version: 2 });
    // A change from a version someone else has saved since changes nothing.
    expect(await repos.plans.updateActivity(activity.id, { ...activity, weight: 3 }, 1, now)).toBe(false);
    expect(await repos.plans.activityById(activity.id)).toEqual(updated);
  });

  it('keeps one operational plan per network and year', async () => {
    const { repos, plan } = await planWithActivity(2031);
    await expect(repos.plans.insertPlan({ ...plan, title: 'En till' }, now)).rejects.toThrow();
  });

  it('moves a plan between states only from the state it is in', async () => {
    const { repos, plan } = await planWithActivity(2032);
    expect(await repos.plans.changeState(plan.id, 'draft', 'submitted', now)).toBe(true);
    expect(await repos.plans.changeState(plan.id, 'draft', 'submitted', now)).toBe(false);
    expect((await repos.plans.planById(plan.id))!.version).toBe(plan.version + 1);
  });

  it('replaces a round report and keeps reports in deadline order', async () => {
    const { repos, collaboration, activity } = await planWithActivity(2033);
    const late = await repos.followUp.insertRound(
      {
        collaborationId: collaboration.id,
        year: 2033,
        name: 'Tertial 2',
        periodEnd: '2033-08-31',
        dueDate: '2033-09-15',
      },
      now,
    );
    const early = await repos.followUp.insertRound(
      {
        collaborationId: collaboration.id,
        year: 2033,
        name: 'Tertial 1',
        periodEnd: '2033-04-30',
        dueDate: '2033-05-15',
      },
      now,
    );
    const base = { activityId: activity.id, reportedByUserId: null, reportedByName: 'Test', reportedAt: now };
    await repos.followUp.saveReport({ ...base, roundId: late.id, status: 'red', progress: 10, comment: 'Försenad' });
    await repos.followUp.saveReport({ ...base, roundId: early.id, status: 'green', progress: 20, comment: '' });
    const replaced = await repos.followUp.saveReport({
      ...base,
      roundId: late.id,
      status: 'yellow',
      progress: 40,
      comment: 'Ikapp',
    });
    expect(replaced.status).toBe('yellow');
    const reports = await repos.followUp.reportsFor([activity.id]);
    expect(reports.map((r) => [r.roundId, r.status, r.progress])).toEqual([
      [early.id, 'green', 20],
      [late.id, 'yellow', 40],
    ]);
    expect((await repos.followUp.rounds(collaboration.id, 2033)).map((r) => r.name)).toEqual([
      'Tertial 1',
      'Tertial 2',
    ]);
    expect(await repos.followUp.reportCount(late.id)).toBe(1);
  });

  it('records the committee decision on a plan', async () => {
    const { repos, plan } = await planWithActivity(2034);
    const d = await repos.plans.insertDecision(
      {
        planId: plan.id,
        decided: { precision: 'exact', date: '2026-01-23' },
        paragraph: '§ 4',
        outcome: 'adopted',
        note: '',
        source: '',
      },
      now,
    );
    expect(await repos.plans.decisionsOf([plan.id])).toEqual([d]);
  });
});
