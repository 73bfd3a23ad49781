import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitiesOfFocusArea,
  coveragePercent,
  normalisedWeights,
  rollUp,
  rollUpByFocusArea,
  rollUpByGoal,
  ROLLUP_STATUSES,
  type RollupActivity,
} from './rollup.js';

/** Goals 1–6 in focus areas 10 (goals 1–3) and 20 (goals 4–6). */
const AREA_OF_GOAL = new Map([
  [1, 10],
  [2, 10],
  [3, 10],
  [4, 20],
  [5, 20],
  [6, 20],
]);
const GOALS = [...AREA_OF_GOAL.keys()];

const report = fc.option(
  fc.record({
    status: fc.constantFrom('green' as const, 'yellow' as const, 'red' as const),
    progress: fc.integer({ min: 0, max: 100 }),
  }),
  { nil: null },
);

// Weights as planners give them: 0,01–1 000 with up to two decimals.
const weight = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100);

const activity = (id: number) =>
  fc.record({
    id: fc.constant(id),
    weight,
    goalIds: fc.uniqueArray(fc.constantFrom(...GOALS), { minLength: 1, maxLength: 4 }),
    latest: report,
  });

const activities = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activity(i + 1))))
  .map((list): RollupActivity[] => list);

const reportedActivities = activities.filter((list) => list.some((a) => a.latest !== null));

describe('rollUp', () => {
  it('counts, weighs and leaves out what is not reported: a worked example', () => {
    const r = rollUp([
      { id: 1, weight: 1, goalIds: [1], latest: { status: 'green', progress: 100 } },
      { id: 2, weight: 3, goalIds: [1], latest: { status: 'red', progress: 20 } },
      { id: 3, weight: 4, goalIds: [1], latest: null },
    ]);
    expect(r.counts).toEqual({ green: 1, yellow: 0, red: 1, not_reported: 1 });
    expect(r.total).toBe(3);
    // (1·100 + 3·20) / (1 + 3) = 160 / 4 = 40 — not (100 + 20 + 0) / 3, and not over weight 8.
    expect(r.progress).toBe(40);
    expect(r.coverage).toBe(0.5);
    expect([...r.normalisedWeights]).toEqual([
      [1, 0.25],
      [2, 0.75],
    ]);
  });

  it('gives no progress (not 0) when nothing is reported, and no coverage without activities', () => {
    const none = rollUp([{ id: 1, weight: 2, goalIds: [1], latest: null }]);
    expect(none.progress).toBeNull();
    expect(none.coverage).toBe(0);
    expect(none.counts.not_reported).toBe(1);
    const empty = rollUp([]);
    expect(empty).toMatchObject({ total: 0, progress: null, coverage: null });
  });

  it('refuses weights that are not positive and progress outside 0–100', () => {
    expect(() => rollUp([{ id: 1, weight: 0, goalIds: [1], latest: null }])).toThrow(RangeError);
    expect(() => rollUp([{ id: 1, weight: -1, goalIds: [1], latest: null }])).toThrow(RangeError);
    expect(() => rollUp([{ id: 1, weight: 1, goalIds: [1], latest: { status: 'green', progress: 101 } }])).toThrow(
      RangeError,
    );
  });

  it('normalised weights sum to 1', () => {
    fc.assert(
      fc.property(reportedActivities, (list) => {
        const n = rollUp(list).normalisedWeights;
        expect(n.size).toBe(list.filter((a) => a.latest).length);
        expect([...n.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
        for (const x of n.values()) expect(x).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 30 }), (ws) => {
        const n = normalisedWeights(ws.map((w, i) => ({ id: i, weight: w })));
        expect([...n.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
      }),
    );
  });

  it('P lies between the smallest and the largest reported progress, and equals Σ nᵢ·pᵢ', () => {
    fc.assert(
      fc.property(reportedActivities, (list) => {
        const r = rollUp(list);
        const ps = list.flatMap((a) => (a.latest ? [a.latest.progress] : []));
        expect(r.progress).not.toBeNull();
        expect(r.progress!).toBeGreaterThanOrEqual(Math.min(...ps));
        expect(r.progress!).toBeLessThanOrEqual(Math.max(...ps));
        const viaNormalised = list.reduce(
          (s, a) => s + (a.latest ? r.normalisedWeights.get(a.id)! * a.latest.progress : 0),
          0,
        );
        expect(r.progress!).toBeCloseTo(viaNormalised, 9);
      }),
    );
  });

  it('scaling every weight by the same factor leaves P, the coverage and the normalised weights unchanged', () => {
    fc.assert(
      fc.property(
        activities,
        fc.integer({ min: 1, max: 10_000 }).map((k) => k / 100),
        (list, k) => {
          const a = rollUp(list);
          const b = rollUp(list.map((x) => ({ ...x, weight: x.weight * k })));
          if (a.progress === null) expect(b.progress).toBeNull();
          else expect(b.progress!).toBeCloseTo(a.progress, 9);
          if (a.coverage === null) expect(b.coverage).toBeNull();
          else expect(b.coverage!).toBeCloseTo(a.coverage, 12);
          for (const [id, n] of a.normalisedWeights) expect(b.normalisedWeights.get(id)!).toBeCloseTo(n, 12);
        },
      ),
    );
  });

  it('the counts by status sum to the total, and coverage is the reported share of the weight', () => {
    fc.assert(
      fc.property(activities, (list) => {
        const r = rollUp(list);
        expect(ROLLUP_STATUSES.reduce((s, st) => s + r.counts[st], 0)).toBe(r.total);
        expect(r.total).toBe(list.length);
        if (list.length === 0) return;
        const reported = list.filter((a) => a.latest).reduce((s, a) => s + a.weight, 0);
        const all = list.reduce((s, a) => s + a.weight, 0);
        expect(r.coverage!).toBeCloseTo(reported / all, 12);
        expect(r.coverage!).toBeGreaterThanOrEqual(0);
        expect(r.coverage!).toBeLessThanOrEqual(1);
        expect(r.coverage === 1).toBe(r.counts.not_reported === 0);
      }),
    );
  });

  it('an unreported activity lowers the coverage, never the progress', () => {
    fc.assert(
      fc.property(reportedActivities, weight, (list, w) => {
        const before = rollUp(list);
        const after = rollUp([...list, { id: 999, weight: w, goalIds: [1], latest: null }]);
        expect(after.progress).toBe(before.progress);
        expect(after.total).toBe(before.total + 1);
        expect(after.coverage!).toBeLessThan(before.coverage!);
      }),
    );
  });
});

describe('roll-ups per goal and focus area', () => {
  it('an activity serving two goals counts fully in each goal', () => {
    const list: RollupActivity[] = [
      { id: 1, weight: 2, goalIds: [1, 4], latest: { status: 'yellow', progress: 50 } },
      { id: 2, weight: 2, goalIds: [1], latest: { status: 'green', progress: 100 } },
    ];
    const byGoal = rollUpByGoal(list, [1, 4]);
    expect(byGoal.get(1)).toMatchObject({ total: 2, progress: 75, activityIds: [1, 2] });
    expect(byGoal.get(4)).toMatchObject({ total: 1, progress: 50, activityIds: [1] });
    expect(byGoal.get(4)!.normalisedWeights.get(1)).toBe(1);
  });

  it('an activity serving several goals of one focus area counts once in the area', () => {
    const list: RollupActivity[] = [
      { id: 1, weight: 3, goalIds: [1, 2, 3], latest: { status: 'red', progress: 10 } },
      { id: 2, weight: 1, goalIds: [2], latest: { status: 'green', progress: 90 } },
    ];
    const area = rollUpByFocusArea(list, AREA_OF_GOAL).get(10)!;
    expect(area.total).toBe(2);
    expect(area.counts).toEqual({ green: 1, yellow: 0, red: 1, not_reported: 0 });
    expect(area.progress).toBe(30); // (3·10 + 1·90) / 4
    expect(rollUpByFocusArea(list, AREA_OF_GOAL).get(20)!.total).toBe(0);
  });

  it("an area's figures equal the figures over the distinct activities of its goals", () => {
    fc.assert(
      fc.property(activities, (list) => {
        const byGoal = rollUpByGoal(list, GOALS);
        for (const [areaId, area] of rollUpByFocusArea(list, AREA_OF_GOAL)) {
          const goalsOfArea = GOALS.filter((g) => AREA_OF_GOAL.get(g) === areaId);
          const ids = new Set(goalsOfArea.flatMap((g) => byGoal.get(g)!.activityIds));
          expect(new Set(area.activityIds)).toEqual(ids);
          const distinct = list.filter((a) => ids.has(a.id));
          const direct = rollUp(distinct);
          expect(area.counts).toEqual(direct.counts);
          expect(area.total).toBe(ids.size);
          expect(area.progress).toBe(direct.progress);
          expect(area.coverage).toBe(direct.coverage);
          expect(activitiesOfFocusArea(list, AREA_OF_GOAL, areaId).map((a) => a.id)).toEqual(area.activityIds);
          // Never more than the goals' totals added up (which count shared activities more than once).
          expect(area.total).toBeLessThanOrEqual(goalsOfArea.reduce((s, g) => s + byGoal.get(g)!.total, 0));
        }
      }),
    );
  });

  it('each goal counts exactly the activities that serve it', () => {
    fc.assert(
      fc.property(activities, (list) => {
        for (const [goalId, r] of rollUpByGoal(list, GOALS))
          expect(r.activityIds).toEqual(list.filter((a) => a.goalIds.includes(goalId)).map((a) => a.id));
      }),
    );
  });
});

describe('coveragePercent', () => {
  it('rounds to one decimal but never shows an incomplete coverage as 100 or a started one as 0', () => {
    expect(coveragePercent(2 / 3)).toBe(66.7);
    expect(coveragePercent(0.9996)).toBe(99.9);
    expect(coveragePercent(1)).toBe(100);
    expect(coveragePercent(0.0001)).toBe(0.1);
    expect(coveragePercent(0)).toBe(0);
  });
});
