/**
 * What changed between two versions of a programme: focus areas, goals and strategies matched across
 * the versions, plus the programme-level fields. Each goal match records why the two goals were taken
 * to be the same goal, so a reader can judge it. Text similarity: see text-similarity.ts.
 */
import type { FocusArea, Goal, Perspective, Programme, Strategy } from './programme.js';
import { normaliseText, pairBySimilarity, textSimilarity } from './text-similarity.js';

export { renderDiffSv } from './programme-diff-sv.js';

/**
 * Why two goals are taken to be the same goal, in the order the matching tries them: recorded lineage,
 * identical title, similar title and strategies, the only unmatched goal of the same owning network on
 * both sides, the only unmatched goal of matched focus areas on both sides.
 */
export type MatchBasis = 'lineage' | 'same_text' | 'similar_text' | 'same_network' | 'same_area';

export interface FocusAreaRef {
  id: number;
  name: string;
}

export interface FocusAreaMatch {
  from: FocusAreaRef;
  to: FocusAreaRef;
  /** Name similarity, 1 for names equal once normalised. */
  similarity: number;
}

export interface GoalRef {
  id: number;
  /** Index of the goal in its programme's document order (0-based). */
  order: number;
  title: string;
  focusAreaId: number;
  focusAreaName: string;
}

export interface StrategyRef {
  id: number;
  text: string;
}

export interface StrategyDiff {
  added: StrategyRef[];
  removed: StrategyRef[];
  reworded: Array<{ from: StrategyRef; to: StrategyRef; similarity: number }>;
}

export interface GoalMatch {
  from: GoalRef;
  to: GoalRef;
  basis: MatchBasis;
  /** Similarity of title and strategies, whatever the basis; shown for 'similar_text'. */
  similarity: number;
  /** The title's wording changed. */
  reworded: boolean;
  /** The goal now sits in a focus area other than the counterpart of its old one. */
  moved: boolean;
  strategies: StrategyDiff;
}

export interface TextChange {
  from: string;
  to: string;
}

export interface YearsChange {
  from: { fromYear: number | null; toYear: number | null };
  to: { fromYear: number | null; toYear: number | null };
}

export interface ProgrammeDiff {
  fromProgrammeId: number;
  toProgrammeId: number;
  focusAreas: {
    added: FocusAreaRef[];
    removed: FocusAreaRef[];
    /** Matched areas whose name changed (a subset of `matched`). */
    renamed: FocusAreaMatch[];
    matched: FocusAreaMatch[];
  };
  goals: {
    added: GoalRef[];
    removed: GoalRef[];
    /** Every goal pair, changed or not, in the new version's order: the lineage view reads these. */
    matched: GoalMatch[];
  };
  vision: TextChange | null;
  overarchingGoal: TextChange | null;
  targetYear: { from: number | null; to: number | null } | null;
  validity: YearsChange | null;
  perspectives: { added: Perspective[]; removed: Perspective[] };
}

export function diffProgrammes(from: Programme, to: Programme): ProgrammeDiff {
  const areas = matchFocusAreas(from.focusAreas, to.focusAreas);
  const areaCounterpart = new Map(areas.matched.map((m) => [m.from.id, m.to.id]));
  const goals = matchGoals(from.focusAreas, to.focusAreas, areaCounterpart);

  const textChange = (a: string, b: string): TextChange | null => (a.trim() === b.trim() ? null : { from: a, to: b });
  const validityFrom = { fromYear: from.validFromYear, toYear: from.validToYear };
  const validityTo = { fromYear: to.validFromYear, toYear: to.validToYear };
  const perspectiveKey = (p: Perspective): string => normaliseText(p.name);
  const toPerspectives = new Set(to.perspectives.map(perspectiveKey));
  const fromPerspectives = new Set(from.perspectives.map(perspectiveKey));

  return {
    fromProgrammeId: from.id,
    toProgrammeId: to.id,
    focusAreas: areas,
    goals,
    vision: textChange(from.vision, to.vision),
    overarchingGoal: textChange(from.overarchingGoal, to.overarchingGoal),
    targetYear: from.targetYear === to.targetYear ? null : { from: from.targetYear, to: to.targetYear },
    validity:
      validityFrom.fromYear === validityTo.fromYear && validityFrom.toYear === validityTo.toYear
        ? null
        : { from: validityFrom, to: validityTo },
    perspectives: {
      added: to.perspectives.filter((p) => !fromPerspectives.has(perspectiveKey(p))),
      removed: from.perspectives.filter((p) => !toPerspectives.has(perspectiveKey(p))),
    },
  };
}

/** True when the two versions differ in nothing the diff looks at. */
export function isDiffEmpty(diff: ProgrammeDiff): boolean {
  const { focusAreas: a, goals: g } = diff;
  return (
    a.added.length + a.removed.length + a.renamed.length + g.added.length + g.removed.length === 0 &&
    g.matched.every((m) => !m.reworded && !m.moved && !hasStrategyChanges(m.strategies)) &&
    diff.vision === null &&
    diff.overarchingGoal === null &&
    diff.targetYear === null &&
    diff.validity === null &&
    diff.perspectives.added.length + diff.perspectives.removed.length === 0
  );
}

export const hasStrategyChanges = (s: StrategyDiff): boolean =>
  s.added.length + s.removed.length + s.reworded.length > 0;

const areaRef = (a: FocusArea): FocusAreaRef => ({ id: a.id, name: a.name });

function matchFocusAreas(from: readonly FocusArea[], to: readonly FocusArea[]): ProgrammeDiff['focusAreas'] {
  const matched: FocusAreaMatch[] = [];
  const usedTo = new Set<number>();
  for (const a of from) {
    const b = to.find((t) => !usedTo.has(t.id) && normaliseText(t.name) === normaliseText(a.name));
    if (!b) continue;
    usedTo.add(b.id);
    matched.push({ from: areaRef(a), to: areaRef(b), similarity: 1 });
  }
  const usedFrom = new Set(matched.map((m) => m.from.id));
  const similar = pairBySimilarity(
    from.filter((a) => !usedFrom.has(a.id)),
    to.filter((b) => !usedTo.has(b.id)),
    (a) => a.name,
    (b) => b.name,
  );
  for (const p of similar) {
    usedFrom.add(p.from.id);
    usedTo.add(p.to.id);
    matched.push({ from: areaRef(p.from), to: areaRef(p.to), similarity: p.similarity });
  }

  const toOrder = new Map(to.map((b, i) => [b.id, i]));
  matched.sort((x, y) => (toOrder.get(x.to.id) ?? 0) - (toOrder.get(y.to.id) ?? 0));
  return {
    added: to.filter((b) => !usedTo.has(b.id)).map(areaRef),
    removed: from.filter((a) => !usedFrom.has(a.id)).map(areaRef),
    renamed: matched.filter((m) => m.from.name.trim() !== m.to.name.trim()),
    matched,
  };
}

/** A goal with what matching needs from its focus area. */
interface PlacedGoal {
  goal: Goal;
  order: number;
  area: FocusArea;
  /** The goal's network, else its area's: a goal is owned by its area's network unless it names its own. */
  networkId: number | null;
  text: string;
}

const place = (areas: readonly FocusArea[]): PlacedGoal[] =>
  areas
    .flatMap((area) => area.goals.map((goal) => ({ goal, area })))
    .map(({ goal, area }, order) => ({
      goal,
      order,
      area,
      networkId: goal.networkId ?? area.networkId,
      text: [goal.title, ...goal.strategies.map((s) => s.text)].join(' '),
    }));

const goalRef = (p: PlacedGoal): GoalRef => ({
  id: p.goal.id,
  order: p.order,
  title: p.goal.title,
  focusAreaId: p.area.id,
  focusAreaName: p.area.name,
});

function matchGoals(
  fromAreas: readonly FocusArea[],
  toAreas: readonly FocusArea[],
  areaCounterpart: ReadonlyMap<number, number>,
): ProgrammeDiff['goals'] {
  const from = place(fromAreas);
  const to = place(toAreas);
  const pairs: Array<{ from: PlacedGoal; to: PlacedGoal; basis: MatchBasis }> = [];
  const usedFrom = new Set<PlacedGoal>();
  const usedTo = new Set<PlacedGoal>();
  const pair = (a: PlacedGoal, b: PlacedGoal, basis: MatchBasis): void => {
    usedFrom.add(a);
    usedTo.add(b);
    pairs.push({ from: a, to: b, basis });
  };
  const openFrom = (): PlacedGoal[] => from.filter((a) => !usedFrom.has(a));
  const openTo = (): PlacedGoal[] => to.filter((b) => !usedTo.has(b));

  for (const b of to) {
    const a = openFrom().find((f) => b.goal.predecessorGoalIds.includes(f.goal.id));
    if (a) pair(a, b, 'lineage');
  }
  for (const b of openTo()) {
    const a = openFrom().find((f) => normaliseText(f.goal.title) === normaliseText(b.goal.title));
    if (a) pair(a, b, 'same_text');
  }
  for (const p of pairBySimilarity(
    openFrom(),
    openTo(),
    (a) => a.text,
    (b) => b.text,
  ))
    pair(p.from, p.to, 'similar_text');

  pairOnlyOnes(
    openFrom(),
    openTo(),
    (g) => (g.networkId === null ? null : `n${g.networkId}`),
    (a, b) => pair(a, b, 'same_network'),
  );
  pairOnlyOnes(
    openFrom(),
    openTo(),
    (g) => {
      const counterpart = areaCounterpart.get(g.area.id);
      return counterpart === undefined ? null : `a${counterpart}`;
    },
    (a, b) => pair(a, b, 'same_area'),
    (g) => `a${g.area.id}`,
  );

  pairs.sort((x, y) => x.to.order - y.to.order);
  return {
    added: openTo().map(goalRef),
    removed: openFrom().map(goalRef),
    matched: pairs.map(({ from: a, to: b, basis }) => ({
      from: goalRef(a),
      to: goalRef(b),
      basis,
      similarity: textSimilarity(a.text, b.text),
      reworded: a.goal.title.trim() !== b.goal.title.trim(),
      moved: areaCounterpart.get(a.area.id) !== b.area.id,
      strategies: diffStrategies(a.goal.strategies, b.goal.strategies),
    })),
  };
}

/**
 * Pairs the goals that are alone in their group on both sides. Groups are keyed so that a from-goal and
 * a to-goal meet under the same key (e.g. the to-side id of the from-goal's focus area).
 */
function pairOnlyOnes(
  from: readonly PlacedGoal[],
  to: readonly PlacedGoal[],
  fromKey: (g: PlacedGoal) => string | null,
  pair: (a: PlacedGoal, b: PlacedGoal) => void,
  toKey: (g: PlacedGoal) => string | null = fromKey,
): void {
  const group = (goals: readonly PlacedGoal[], key: (g: PlacedGoal) => string | null): Map<string, PlacedGoal[]> => {
    const groups = new Map<string, PlacedGoal[]>();
    for (const g of goals) {
      const k = key(g);
      if (k !== null) groups.set(k, [...(groups.get(k) ?? []), g]);
    }
    return groups;
  };
  const toGroups = group(to, toKey);
  for (const [k, fromGoals] of group(from, fromKey)) {
    const toGoals = toGroups.get(k);
    const [a] = fromGoals;
    const [b] = toGoals ?? [];
    if (fromGoals.length === 1 && toGoals?.length === 1 && a && b) pair(a, b);
  }
}

const strategyRef = (s: Strategy): StrategyRef => ({ id: s.id, text: s.text });

function diffStrategies(from: readonly Strategy[], to: readonly Strategy[]): StrategyDiff {
  const reworded: StrategyDiff['reworded'] = [];
  const usedFrom = new Set<Strategy>();
  const usedTo = new Set<Strategy>();
  for (const b of to) {
    const a = from.find((s) => !usedFrom.has(s) && normaliseText(s.text) === normaliseText(b.text));
    if (!a) continue;
    usedFrom.add(a);
    usedTo.add(b);
    // Same words, different punctuation or case: still a change to the published text.
    if (a.text.trim() !== b.text.trim()) reworded.push({ from: strategyRef(a), to: strategyRef(b), similarity: 1 });
  }
  const similar = pairBySimilarity(
    from.filter((s) => !usedFrom.has(s)),
    to.filter((s) => !usedTo.has(s)),
    (s) => s.text,
    (s) => s.text,
  );
  for (const p of similar) {
    usedFrom.add(p.from);
    usedTo.add(p.to);
    reworded.push({ from: strategyRef(p.from), to: strategyRef(p.to), similarity: p.similarity });
  }
  const toOrder = new Map(to.map((s, i) => [s.id, i]));
  reworded.sort((x, y) => (toOrder.get(x.to.id) ?? 0) - (toOrder.get(y.to.id) ?? 0));
  return {
    added: to.filter((s) => !usedTo.has(s)).map(strategyRef),
    removed: from.filter((s) => !usedFrom.has(s)).map(strategyRef),
    reworded,
  };
}
