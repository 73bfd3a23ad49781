/**
 * What the next version changed in one part of the consulted version, in the words the memos use for a
 * whole programme (renderDiffSv): the diff of the two versions narrowed to the part. A focus area's
 * changes are its own (new name, removed) and its new goals; a goal's are its wording, its move and its
 * strategies; a strategy's are its own.
 */
import { renderDiffSv, type ProgrammeDiff, type StrategyDiff } from '../programme/programme-diff.js';
import type { PartRef } from './consultation.js';

const NO_STRATEGY_CHANGES: StrategyDiff = { added: [], removed: [], reworded: [] };

function narrowed(diff: ProgrammeDiff, pick: Partial<Pick<ProgrammeDiff, 'focusAreas' | 'goals'>>): ProgrammeDiff {
  return {
    ...diff,
    focusAreas: pick.focusAreas ?? { added: [], removed: [], renamed: [], matched: [] },
    goals: pick.goals ?? { added: [], removed: [], matched: [] },
    vision: null,
    overarchingGoal: null,
    targetYear: null,
    validity: null,
    perspectives: { added: [], removed: [] },
  };
}

/**
 * The changes to `part` (of the diff's `from` version) in the diff's `to` version; empty when none. A
 * strategy names its goal (`goalId`), as a strategy goes when its goal does.
 */
export function partChangesSv(diff: ProgrammeDiff, part: PartRef, goalId?: number): string[] {
  switch (part.kind) {
    case 'focus_area': {
      const match = diff.focusAreas.matched.find((m) => m.from.id === part.id);
      const removed = diff.focusAreas.removed.filter((a) => a.id === part.id);
      const renamed = diff.focusAreas.renamed.filter((m) => m.from.id === part.id);
      const newGoals = match ? diff.goals.added.filter((g) => g.focusAreaId === match.to.id) : [];
      return renderDiffSv(
        narrowed(diff, {
          focusAreas: { added: [], removed, renamed, matched: [] },
          goals: { added: newGoals, removed: [], matched: [] },
        }),
      );
    }
    case 'goal': {
      const removed = diff.goals.removed.filter((g) => g.id === part.id);
      const matched = diff.goals.matched.filter((m) => m.from.id === part.id);
      return renderDiffSv(narrowed(diff, { goals: { added: [], removed, matched } }));
    }
    case 'strategy': {
      const lines: string[] = [];
      for (const m of diff.goals.matched) {
        const strategies: StrategyDiff = {
          ...NO_STRATEGY_CHANGES,
          removed: m.strategies.removed.filter((s) => s.id === part.id),
          reworded: m.strategies.reworded.filter((r) => r.from.id === part.id),
        };
        const only = { ...m, reworded: false, moved: false, strategies };
        lines.push(...renderDiffSv(narrowed(diff, { goals: { added: [], removed: [], matched: [only] } })));
      }
      const goalRemoved = diff.goals.removed.filter((g) => g.id === goalId);
      return [...lines, ...renderDiffSv(narrowed(diff, { goals: { added: [], removed: goalRemoved, matched: [] } }))];
    }
  }
}
