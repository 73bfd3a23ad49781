import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import { annualReportTable } from '../../src/app/results/annual-report.js';
import { drillDownOf, getDrillDown, parseDrillDownQuery } from '../../src/app/results/drill-down.js';
import { getGoalActivities } from '../../src/app/results/goal-activities.js';
import { getYearResults, type YearResults } from '../../src/app/results/year-results.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { resultsFixture, type ResultsFixture } from '../support/plans.js';

const goalResult = (r: YearResults, goalId: number) =>
  r.programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals)).find((g) => g.goal.id === goalId)!;
const areaResult = (r: YearResults, areaId: number) =>
  r.programmes.flatMap((p) => p.focusAreas).find((a) => a.focusArea.id === areaId)!;
const ids = (list: { view: { activity: Activity } }[]) => list.map((a) => a.view.activity.id);

/** The read model behind the roll-up, drill-down, annual report and goal pages, on both databases. */
describe.each(testDialects)('year results on %s', (dialect) => {
  let t: TestContext;
  let f: ResultsFixture;
  let publicCtx: AppContext;
  const YEAR = 2041;
  /** The context on the last day of `year`: the goal page shows this year's activities, or the latest before. */
  const inYear = (ctx: AppContext, year: number): AppContext => ({
    ...ctx,
    now: () => new Date(`${year}-12-31T12:00:00Z`),
  });
  let adopted: Plan;
  let draft: Plan;
  let a1: Activity, a2: Activity, a3: Activity, a4: Activity;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    f = await resultsFixture(t.ctx);
    publicCtx = actingAs(t.ctx, ANONYMOUS, PUBLIC_PRINCIPAL);
    adopted = await f.plan({ year: YEAR, network: 0, state: 'adopted' });
    draft = await f.plan({ year: YEAR, network: 1, state: 'draft' });
    a1 = await f.activity(adopted, { title: 'Gemensam analys', goalIds: [f.goalA1.id, f.goalA2.id], weight: 2 });
    a2 = await f.activity(adopted, { title: 'Nätverksträffar', goalIds: [f.goalA1.id] });
    a3 = await f.activity(adopted, { title: 'Kartläggning', goalIds: [f.goalA1.id, f.goalB1.id] });
    a4 = await f.activity(draft, { title: 'Utkastets aktivitet', goalIds: [f.goalA1.id], weight: 5 });
    const t1 = await f.round(YEAR, 'Tertial 1', `${YEAR}-05-15`);
    const t2 = await f.round(YEAR, 'Tertial 2', `${YEAR}-09-15`);
    await f.report(a1, t1, 'green', 80);
    await f.report(a1, t2, 'yellow', 60, 'Förseningar hos en leverantör');
    await f.report(a2, t1, 'red', 20, 'Ingen lokal');
    // A report in another year's round is not this year's outcome.
    const old = await f.round(YEAR - 1, 'Årsuppföljning', `${YEAR - 1}-12-15`);
    await f.report(a3, old, 'green', 100);
  });
  afterAll(() => t?.close());

  it('shows the public the adopted plan only, rolled up per goal and focus area', async () => {
    const r = await getYearResults(publicCtx, YEAR);
    expect(r.plans.map((p) => p.plan.id)).toEqual([adopted.id]);
    expect(r.includesExamples).toBe(false);
    expect(r.programmes.map((p) => p.programme.id)).toEqual([f.programme.id]);

    const g1 = goalResult(r, f.goalA1.id);
    expect(ids(g1.activities)).toEqual([a1.id, a2.id, a3.id]);
    expect(g1.rollup.counts).toEqual({ green: 0, yellow: 1, red: 1, not_reported: 1 });
    // (2·60 + 1·20) / (2 + 1): the latest report of a1 (tertial 2) counts, a3's old-year report does not.
    expect(g1.rollup.progress).toBeCloseTo(140 / 3, 10);
    expect(g1.rollup.coverage).toBeCloseTo(3 / 4, 10);
    expect(g1.activities[0]!.latestRound?.name).toBe('Tertial 2');
    expect(g1.activities[2]!.latest).toBeNull();

    expect(ids(goalResult(r, f.goalA2.id).activities)).toEqual([a1.id]);
    expect(goalResult(r, f.goalA2.id).rollup.progress).toBe(60);

    // a1 serves two goals of area A and counts once there.
    const areaA = areaResult(r, f.areaA.id);
    expect(ids(areaA.activities)).toEqual([a1.id, a2.id, a3.id]);
    expect(areaA.rollup.total).toBe(3);
    const areaB = areaResult(r, f.areaB.id);
    expect(ids(areaB.activities)).toEqual([a3.id]);
    expect(areaB.rollup).toMatchObject({ total: 1, progress: null, coverage: 0 });
  });

  it('shows the secretariat the draft too, which lowers the coverage', async () => {
    const r = await getYearResults(t.ctx, YEAR);
    expect(r.plans.map((p) => p.plan.id).sort()).toEqual([adopted.id, draft.id].sort());
    const g1 = goalResult(r, f.goalA1.id);
    expect(ids(g1.activities)).toContain(a4.id);
    expect(g1.rollup.total).toBe(4);
    expect(g1.rollup.coverage).toBeCloseTo(3 / 9, 10);
    expect(g1.rollup.progress).toBeCloseTo(140 / 3, 10);
  });

  it('lists exactly the activities behind each figure', async () => {
    const r = await getYearResults(publicCtx, YEAR);
    const red = drillDownOf(r, parseDrillDownQuery({ mal: String(f.goalA1.id), status: 'red' }));
    expect(ids(red.activities)).toEqual([a2.id]);
    expect(red.rollup.normalisedWeights.get(a2.id)).toBeCloseTo(1 / 3, 10);
    expect(red.rollup.normalisedWeights.get(a1.id)).toBeCloseTo(2 / 3, 10);
    const missing = drillDownOf(r, parseDrillDownQuery({ omrade: String(f.areaA.id), status: 'not_reported' }));
    expect(ids(missing.activities)).toEqual([a3.id]);
    expect(missing.scope.kind).toBe('focus_area');
    const all = drillDownOf(r, parseDrillDownQuery({}));
    expect(ids(all.activities).sort()).toEqual([a1.id, a2.id, a3.id].sort());
    expect(() => parseDrillDownQuery({ status: 'blue' })).toThrow(/green/);
    expect(() => parseDrillDownQuery({ mal: '1', omrade: '2' })).toThrow(/inte båda/);
    await expect(getDrillDown(publicCtx, YEAR, { goalId: 999_999 })).rejects.toThrow(
      `Målet finns inte bland målen som planerna för ${YEAR} tjänar.`,
    );
  });

  it('changes the roll-up when a new report is saved', async () => {
    const before = goalResult(await getYearResults(publicCtx, YEAR), f.goalA1.id).rollup;
    const round = (await getYearResults(publicCtx, YEAR)).rounds.find((x) => x.name === 'Tertial 2')!;
    await reportActivity(t.ctx, a3.id, { roundId: String(round.id), status: 'green', progress: '90', comment: '' });
    const after = goalResult(await getYearResults(publicCtx, YEAR), f.goalA1.id).rollup;
    expect(before.counts.not_reported).toBe(1);
    expect(after.counts).toEqual({ green: 1, yellow: 1, red: 1, not_reported: 0 });
    // (2·60 + 1·20 + 1·90) / 4 = 57,5; the whole weight is now reported.
    expect(after.progress).toBeCloseTo(57.5, 10);
    expect(after.coverage).toBe(1);
    const areaB = areaResult(await getYearResults(publicCtx, YEAR), f.areaB.id).rollup;
    expect(areaB).toMatchObject({ progress: 90, coverage: 1 });
  });

  it('says so when a plan behind the figures is an example, and gives the goal page its newest year', async () => {
    const year = 2043;
    const example = await f.plan({ year, network: 2, isExample: true, title: 'Exempelplan' });
    const act = await f.activity(example, { title: 'Påhittad aktivitet', goalIds: [f.goalB1.id] });
    const r = await getYearResults(publicCtx, year);
    expect(r.includesExamples).toBe(true);
    expect(goalResult(r, f.goalB1.id).includesExamples).toBe(true);
    expect(goalResult(r, f.goalA1.id).includesExamples).toBe(false);

    const goal = await getGoalActivities(inYear(publicCtx, year), f.goalB1.id);
    expect(goal.year).toBe(year);
    expect(goal.years.slice(0, 2)).toEqual([year, YEAR]);
    expect(goal.includesExamples).toBe(true);
    expect(ids(goal.result!.activities)).toEqual([act.id]);

    const table = annualReportTable(await getYearResults(publicCtx, year, { indicators: true }), 'http://x/');
    expect(table.preamble[0]).toBe(`Årsredovisning ${year} – utkast`);
    expect(table.preamble.join('\n')).toContain('uppgifterna bygger på påhittade exempelplaner');
    const row = table.rows.find((x) => x['activity'] === 'Påhittad aktivitet')!;
    expect(row).toMatchObject({ goal: f.goalB1.title, status: 'Ej rapporterad i årets omgångar', example: 'Exempel' });
  });

  it('groups the figures per programme when the year’s plans serve several', async () => {
    const year = 2047;
    const repos = readRepos(t.ctx);
    const collaboration = (await repos.collaboration.first())!;
    const others = await Promise.all(
      (await repos.programmes.list(collaboration.id))
        .filter((p) => p.id !== f.programme.id)
        .map((p) => repos.programmes.get(p.id)),
    );
    const other = others.find((p) => p && p.focusAreas.some((a) => a.goals.length > 0))!;
    const otherGoal = other.focusAreas.flatMap((a) => a.goals)[0]!;
    const first = await f.plan({ year, network: 0 });
    const second = await f.plan({ year, network: 1, programmeId: other.id });
    const mine = await f.activity(first, { title: 'I det nya programmet', goalIds: [f.goalA1.id] });
    const theirs = await f.activity(second, { title: 'I det äldre programmet', goalIds: [otherGoal.id] });
    const r = await getYearResults(publicCtx, year);
    expect(r.programmes.map((p) => p.programme.id).sort()).toEqual([f.programme.id, other.id].sort());
    const byId = new Map(r.programmes.map((p) => [p.programme.id, p]));
    expect(ids(byId.get(f.programme.id)!.activities)).toEqual([mine.id]);
    expect(ids(byId.get(other.id)!.activities)).toEqual([theirs.id]);
    expect(ids(goalResult(r, otherGoal.id).activities)).toEqual([theirs.id]);
    expect(ids(drillDownOf(r, {}).activities).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('hides a goal’s activities in draft plans from the public', async () => {
    const year = 2045;
    const hidden = await f.plan({ year, network: 3, state: 'submitted' });
    await f.activity(hidden, { title: 'Inlämnad', goalIds: [f.goalA2.id] });
    expect((await getGoalActivities(inYear(publicCtx, year), f.goalA2.id)).year).toBe(YEAR);
    expect((await getGoalActivities(inYear(t.ctx, year), f.goalA2.id)).year).toBe(year);
    // Before any of those years has come, the goal page shows the first coming one, not the newest.
    expect((await getGoalActivities(t.ctx, f.goalA2.id)).year).toBe(YEAR);
    expect((await getYearResults(publicCtx, year)).programmes).toEqual([]);
  });
});
