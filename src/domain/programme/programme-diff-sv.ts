/**
 * A programme diff as the Swedish list a memo uses ("Förändringar som föreslås från tidigare program är
 * att: — nytt målområde, funktionell samordning, införs"): one change per line, lower-case, no bullet
 * characters, ordered areas, goals, strategies, other.
 */
import type { GoalMatch, MatchBasis, ProgrammeDiff, YearsChange } from './programme-diff.js';

export function renderDiffSv(diff: ProgrammeDiff): string[] {
  return [...areaLines(diff), ...goalLines(diff), ...strategyLines(diff), ...otherLines(diff)];
}

const quoted = (text: string): string => `”${text.trim()}”`;

/** Only the weaker bases are explained: lineage and identical titles speak for themselves. */
const BASIS_NOTE: Record<MatchBasis, ((m: GoalMatch) => string) | null> = {
  lineage: null,
  same_text: null,
  similar_text: (m) => ` (matchat via liknande formulering, likhet ${Math.round(m.similarity * 100)} %)`,
  same_network: () => ' (matchat via samma chefsnätverk)',
  same_area: () => ' (matchat som enda kvarvarande mål i fokusområdet)',
};

function areaLines({ focusAreas }: ProgrammeDiff): string[] {
  return [
    ...focusAreas.added.map((a) => `nytt fokusområde, ${a.name.trim()}, införs`),
    ...focusAreas.removed.map((a) => `fokusområdet ${a.name.trim()} utgår`),
    ...focusAreas.renamed.map((m) => `fokusområdet ${m.from.name.trim()} byter namn till ${m.to.name.trim()}`),
  ];
}

function goalLines({ goals }: ProgrammeDiff): string[] {
  const lines: string[] = [];
  const added = new Set(goals.added.map((g) => g.id));
  const matchOf = new Map(goals.matched.map((m) => [m.to.id, m]));
  // The new version's document order, so matched and new goals read as the programme does.
  const inOrder = [...goals.matched.map((m) => m.to), ...goals.added].sort((a, b) => a.order - b.order);

  for (const goal of inOrder) {
    const match = matchOf.get(goal.id);
    if (match && (match.reworded || match.moved)) {
      const changes = [
        match.reworded ? `formuleras om till ${quoted(match.to.title)}` : null,
        match.moved ? `flyttas från ${match.from.focusAreaName.trim()} till ${match.to.focusAreaName.trim()}` : null,
      ].filter((c): c is string => c !== null);
      lines.push(`målet ${quoted(match.from.title)} ${changes.join(' och ')}${BASIS_NOTE[match.basis]?.(match) ?? ''}`);
    } else if (added.has(goal.id)) {
      lines.push(`nytt mål i ${goal.focusAreaName.trim()}: ${quoted(goal.title)}`);
    }
  }
  for (const goal of goals.removed) lines.push(`målet ${quoted(goal.title)} i ${goal.focusAreaName.trim()} utgår`);
  return lines;
}

function strategyLines({ goals }: ProgrammeDiff): string[] {
  return goals.matched.flatMap((m) => {
    const goal = quoted(m.to.title);
    return [
      ...m.strategies.reworded.map(
        (r) => `strategin ${quoted(r.from.text)} formuleras om till ${quoted(r.to.text)} i målet ${goal}`,
      ),
      ...m.strategies.added.map((s) => `ny strategi i målet ${goal}: ${quoted(s.text)}`),
      ...m.strategies.removed.map((s) => `strategin ${quoted(s.text)} utgår ur målet ${goal}`),
    ];
  });
}

function textLines(
  change: { from: string; to: string } | null,
  introduced: string,
  dropped: string,
  reworded: string,
): string[] {
  if (!change) return [];
  if (change.from.trim() === '') return [`${introduced}: ${quoted(change.to)}`];
  if (change.to.trim() === '') return [dropped];
  return [`${reworded} ${quoted(change.to)}`];
}

function period(p: YearsChange['from']): string | null {
  if (p.fromYear !== null && p.toYear !== null) return `${p.fromYear}–${p.toYear}`;
  if (p.fromYear !== null) return `från ${p.fromYear}`;
  if (p.toYear !== null) return `till ${p.toYear}`;
  return null;
}

/**
 * A field the new version leaves empty is reported as "not stated", not as dropped: a revision's
 * source often restates only what it changes, and the reader of a memo must not infer a decision.
 */
function otherLines(diff: ProgrammeDiff): string[] {
  const lines = [
    ...textLines(
      diff.vision,
      'en vision införs',
      'visionen anges inte i den nya versionen',
      'visionen formuleras om till',
    ),
    ...textLines(
      diff.overarchingGoal,
      'ett övergripande mål införs',
      'det övergripande målet anges inte i den nya versionen',
      'det övergripande målet formuleras om till',
    ),
  ];

  const year = diff.targetYear;
  if (year) {
    if (year.from === null) lines.push(`målår ${year.to} införs`);
    else if (year.to === null) lines.push(`målåret ${year.from} utgår`);
    else lines.push(`målåret ändras från ${year.from} till ${year.to}`);
  }

  if (diff.validity) {
    const [before, after] = [period(diff.validity.from), period(diff.validity.to)];
    if (before === null) lines.push(`giltighetsperioden ${after} införs`);
    else if (after === null) lines.push(`giltighetsperioden ${before} anges inte längre`);
    else lines.push(`giltighetsperioden ändras från ${before} till ${after}`);
  }

  lines.push(
    ...diff.perspectives.added.map((p) => `nytt tvärgående perspektiv, ${p.name.trim()}, införs`),
    ...diff.perspectives.removed.map(
      (p) => `det tvärgående perspektivet ${p.name.trim()} anges inte i den nya versionen`,
    ),
  );
  return lines;
}
