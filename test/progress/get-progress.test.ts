/**
 * The public progress read model on both databases: the 2013 education goal's verdict and trend, the
 * activities serving it in adopted plans only (whoever asks), the roll-up beside the verdict and never
 * changing it, the last update as the latest of the values' and the reports' dates, and drafts left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import {
  getGoalProgress,
  getProgrammeProgress,
  getProgressOverview,
  progressPaths,
} from '../../src/app/progress/get-progress.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { counting } from '../support/counting-queries.js';
import { testDialects } from '../support/databases.js';
import { makeActivity, makePlan } from '../support/plans.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

describe.each(testDialects)('public progress on %s', (dialect) => {
  let t: TestContext;
  let goalId: number;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    const repos = readRepos(t.ctx);
    goalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!.goalId;
    const sup2013 = (await repos.programmes.idBySlug(1, 'sup-2013'))!;
    // An adopted 2026 plan serving the 2013 programme's education goal, reported on after the values were
    // imported; and a draft plan's activity for the same goal, which the public pages never count.
    const adopted = await makePlan(t.ctx, { networkKey: 'yh-natverket', year: 2026, programmeId: sup2013 });
    const activity = await makeActivity(t.ctx, adopted, { title: 'Studie- och yrkesvägledning', goalIds: [goalId] });
    const draft = await makePlan(t.ctx, {
      networkKey: 'etablering-sodertorn',
      year: 2026,
      programmeId: sup2013,
      state: 'draft',
    });
    await makeActivity(t.ctx, draft, { title: 'Utkastets aktivitet', goalIds: [goalId], weight: 5 });
    const [round] = await repos.followUp.rounds(1, 2026);
    await repos.followUp.saveReport({
      activityId: activity.id,
      roundId: round!.id,
      status: 'yellow',
      progress: 40,
      comment: 'Pågår.',
      reportedByUserId: null,
      reportedByName: 'Test',
      reportedAt: '2026-12-01T09:00:00.000Z',
    });
  });
  afterAll(() => t?.close());

  it('gives the 2013 education goal its verdict, trend, latest value and source', async () => {
    const page = await getGoalProgress(t.ctx, 'sup-2013', goalId);
    expect(page.programme.slug).toBe('sup-2013');
    expect(page.focusArea.name).toBe('Näringsliv och högskola');
    const [indicator] = page.goal.indicators;
    expect(indicator!.view.evaluation.verdict).toBe('off_track');
    // Södertörn rises, Riket faster: the gap to "as high as Riket" widens.
    expect(indicator!.trend).toBe('worse');
    expect(indicator!.latest).toEqual({ year: 2014, value: expect.closeTo(20.7, 1) });
    expect(indicator!.comparisonLatest).toEqual({ year: 2014, value: expect.closeTo(25.8, 1) });
    expect(indicator!.view.indicator.source).toContain('Södertörnsmodellen (SCB)');
    expect(indicator!.valuesChangedOn).toBe('2026-11-27');
    expect(page.later.map((g) => g.programme.slug)).toEqual(['sup-2035']);
  });

  it("counts the adopted plan's activity only, and the verdict stays the indicators' own", async () => {
    // The test context acts as the system, which may see every draft: the public pages still do not.
    const { activities, indicators } = (await getGoalProgress(t.ctx, 'sup-2013', goalId)).goal;
    expect(activities.year).toBe(2026);
    expect(activities.activities.map((a) => a.view.activity.title)).toEqual(['Studie- och yrkesvägledning']);
    expect(activities.rollup).toMatchObject({ total: 1, counts: { yellow: 1 }, progress: 40, coverage: 1 });
    expect(activities.includesExamples).toBe(false);
    expect(indicators[0]!.view.evaluation.verdict).toBe('off_track');
  });

  it("is last updated on the latest of the values' and the reports' dates", async () => {
    const { goal } = await getGoalProgress(t.ctx, 'sup-2013', goalId);
    expect(goal.activities.reportedOn).toBe('2026-12-01');
    expect(goal.updatedOn).toBe('2026-12-01');
    const programme = await getProgrammeProgress(t.ctx, 'sup-2013');
    expect(programme.updatedOn).toBe('2026-12-01');
    const area = programme.focusAreas.find((a) => a.goals.some((g) => g.goal.id === goalId))!;
    expect(area.activities.rollup?.total).toBe(1);
  });

  it('lists the published programmes only, newest first, and their pages for the sitemap', async () => {
    const overview = await getProgressOverview(t.ctx);
    expect(overview.map((p) => p.programme.slug)).toEqual([
      'sup-2023',
      'sup-2035-rev-2021',
      'sup-2035',
      'sup-2035-proposal',
      'sup-2013',
    ]);
    const paths = await progressPaths(t.ctx);
    expect(paths).toContain('/framsteg');
    expect(paths).toContain(`/framsteg/sup-2013/mal/${goalId}`);
  });

  it('reads as many times however many goals have indicators and activities (no query per goal)', async () => {
    const before = counting(t.ctx);
    await getProgressOverview(before.ctx);
    // The same indicator on two more goals, and activities of the adopted plan serving three more goals.
    const repos = readRepos(t.ctx);
    const programme = (await repos.programmes.get((await repos.programmes.idBySlug(1, 'sup-2013'))!))!;
    const others = programme.focusAreas.flatMap((a) => a.goals).filter((g) => g.id !== goalId);
    const [link] = await repos.goalIndicators.forGoals([goalId]);
    const { id: _id, ...copy } = link!;
    for (const goal of others.slice(0, 2))
      await repos.goalIndicators.insert({ ...copy, goalId: goal.id }, '2026-11-27');
    const plan = (await repos.plans.plans({ collaborationId: 1, year: 2026 })).find(
      (p) => p.programmeId === programme.id && p.state === 'adopted',
    )!;
    for (const goal of others.slice(0, 3)) await makeActivity(t.ctx, plan, { title: goal.title, goalIds: [goal.id] });
    const after = counting(t.ctx);
    const overview = await getProgressOverview(after.ctx);
    const goals = overview.find((p) => p.programme.slug === 'sup-2013')!.focusAreas.flatMap((a) => a.goals);
    expect(goals.filter((g) => g.indicators.length > 0)).toHaveLength(3);
    expect(goals.filter((g) => g.activities.rollup !== null)).toHaveLength(4);
    expect(after.count()).toBe(before.count());
  });

  it('finds no programme by number, no unknown goal and no goal of another programme', async () => {
    const id = await readRepos(t.ctx).programmes.idBySlug(1, 'sup-2013');
    await expect(getProgrammeProgress(t.ctx, String(id))).rejects.toMatchObject({ code: 'not_found' });
    await expect(getGoalProgress(t.ctx, 'sup-2013', 999_999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getGoalProgress(t.ctx, 'sup-2035', goalId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
