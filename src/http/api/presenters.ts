/**
 * The only place domain objects become public JSON. Rules: camelCase; dates as ISO text; programmes are
 * named by slug, never by their internal number; goals and focus areas keep their numeric ids because goal
 * lineage is keyed by them. Every function returns the type its zod schema declares.
 */
import type { AdoptionOverview } from '../../app/adoption/get-adoption.js';
import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import type { ProgrammeView, GoalLink } from '../../app/programmes/get-programme.js';
import type { ProgrammeComparison } from '../../app/programmes/diff-programmes.js';
import type { Decision, DecisionDate, Member } from '../../domain/adoption/decision.js';
import type { GoalMatch, GoalRef, ProgrammeDiff } from '../../domain/programme/programme-diff.js';
import type { Goal, Perspective, ProgrammeSummary } from '../../domain/programme/programme.js';
import { programmeStatusLabel, type ProgrammeStatus } from '../../domain/programme/programme-status.js';
import type { Network } from '../../domain/collaboration.js';
import type {
  AdoptionJson,
  ComparisonJson,
  DecisionJson,
  ProgrammeJson,
  ProgrammeStatusJson,
  ProgrammeSummaryJson,
} from './schemas.js';

/** Turns internal programme numbers into slugs; built from the cooperation's programme register. */
export type SlugOf = (programmeId: number | null) => string | null;

export const slugLookup = (programmes: readonly Pick<ProgrammeSummary, 'id' | 'slug'>[]): SlugOf => {
  const slugs = new Map(programmes.map((p) => [p.id, p.slug]));
  return (id) => (id === null ? null : (slugs.get(id) ?? null));
};

/** Copies so that no domain object (or its extra fields) leaks into a response by reference. */
export const presentDate = (d: DecisionDate): DecisionDate =>
  d.precision === 'unknown' ? { precision: 'unknown' } : { precision: d.precision, date: d.date };

export const presentStatus = (status: ProgrammeStatus, slugOf: SlugOf): ProgrammeStatusJson => ({
  kind: status.kind,
  label: programmeStatusLabel(status),
  adoptedCount: status.adoptedCount,
  requiredCount: status.requiredCount,
  inForceFrom: status.inForceFrom && presentDate(status.inForceFrom),
  replacedBy: slugOf(status.replacedBy),
  replacedFrom: status.replacedFrom && presentDate(status.replacedFrom),
  expiredOn: status.expiredOn,
});

export const presentProgrammeRef = (p: Pick<ProgrammeSummary, 'slug' | 'name'>) => ({ id: p.slug, name: p.name });

export function presentProgrammeSummary(
  programme: ProgrammeSummary,
  status: ProgrammeStatus,
  slugOf: SlugOf,
): ProgrammeSummaryJson {
  return {
    id: programme.slug,
    name: programme.name,
    targetYear: programme.targetYear,
    validity: { fromYear: programme.validFromYear, toYear: programme.validToYear },
    state: programme.state,
    adoptionRule: programme.adoptionRule,
    status: presentStatus(status, slugOf),
    replaces: slugOf(programme.replacesProgrammeId),
    derivedFrom: slugOf(programme.derivedFromProgrammeId),
  };
}

export const presentProgrammeList = (items: readonly ProgrammeListItem[]) => {
  const slugOf = slugLookup(items.map((i) => i.programme));
  return { programmes: items.map((i) => presentProgrammeSummary(i.programme, i.status, slugOf)) };
};

const presentNetwork = (networks: ReadonlyMap<number, Network>, id: number | null) => {
  const network = id === null ? undefined : networks.get(id);
  return network ? { key: network.key, name: network.name } : null;
};

const presentPerspective = (p: Perspective) => ({ name: p.name, description: p.description });

const presentGoalLink = (link: GoalLink) => ({
  goalId: link.goalId,
  title: link.title,
  programme: link.programme.slug,
});

/**
 * @param successors slugs of the programmes that replace this one or derive from it
 * @param networks the cooperation's networks, to name the networks goals and focus areas refer to
 */
export function presentProgramme(view: ProgrammeView, slugOf: SlugOf, networks: readonly Network[]): ProgrammeJson {
  const { programme } = view;
  const networkById = new Map(networks.map((n) => [n.id, n]));
  const goal = (g: Goal) => ({
    id: g.id,
    title: g.title,
    description: g.description,
    network: presentNetwork(networkById, g.networkId),
    statements: programme.perspectives.map((p) => {
      const statement = g.statements[p.id]?.trim() ?? '';
      return { perspective: p.name, statement: statement === '' ? null : statement };
    }),
    strategies: g.strategies.map((s) => s.text),
    note: g.note,
    predecessors: (view.goalPredecessors.get(g.id) ?? []).map(presentGoalLink),
    successors: (view.goalSuccessors.get(g.id) ?? []).map(presentGoalLink),
  });
  return {
    ...presentProgrammeSummary(programme, view.status, slugOf),
    vision: programme.vision,
    overarchingGoal: programme.overarchingGoal,
    statedChanges: [...programme.statedChanges],
    note: programme.note,
    source: programme.source,
    successors: view.successors.map((p) => p.slug),
    perspectives: programme.perspectives.map(presentPerspective),
    focusAreas: programme.focusAreas.map((area) => ({
      id: area.id,
      name: area.name,
      description: area.description,
      network: presentNetwork(networkById, area.networkId),
      note: area.note,
      goals: area.goals.map(goal),
    })),
  };
}

export function presentDecision(decision: Decision, members: ReadonlyMap<number, Member>): DecisionJson {
  const member = decision.memberId === null ? undefined : members.get(decision.memberId);
  return {
    date: presentDate(decision.decided),
    bodyKind: decision.bodyKind,
    member: member ? { code: member.code, name: member.name } : null,
    paragraph: decision.paragraph,
    outcome: decision.outcome,
    note: decision.note,
    source: decision.source,
    recordedAt: decision.recordedAt,
  };
}

export function presentAdoption(overview: AdoptionOverview, slugOf: SlugOf): AdoptionJson {
  const members = new Map(overview.members.map((m) => [m.member.id, m.member]));
  return {
    programme: presentProgrammeRef(overview.programme),
    status: presentStatus(overview.status, slugOf),
    committee: overview.status.committee && { standing: overview.status.committee.standing },
    members: overview.members.map((m) => ({
      code: m.member.code,
      name: m.member.name,
      standing: m.standing,
      decisions: m.decisions.map((d) => presentDecision(d, members)),
    })),
    otherDecisions: overview.otherDecisions.map((d) => presentDecision(d, members)),
  };
}

const presentGoalRef = (g: GoalRef) => ({
  id: g.id,
  order: g.order,
  title: g.title,
  focusAreaId: g.focusAreaId,
  focusAreaName: g.focusAreaName,
});

const presentGoalMatch = (m: GoalMatch) => ({
  from: presentGoalRef(m.from),
  to: presentGoalRef(m.to),
  basis: m.basis,
  similarity: m.similarity,
  reworded: m.reworded,
  moved: m.moved,
  strategies: {
    added: m.strategies.added.map((s) => s.text),
    removed: m.strategies.removed.map((s) => s.text),
    reworded: m.strategies.reworded.map((r) => ({ from: r.from.text, to: r.to.text, similarity: r.similarity })),
  },
});

/** The diff without its internal programme numbers: the comparison names both programmes by slug. */
export function presentDiff(diff: ProgrammeDiff): ComparisonJson['diff'] {
  const area = (a: { id: number; name: string }) => ({ id: a.id, name: a.name });
  const areaMatch = (m: ProgrammeDiff['focusAreas']['matched'][number]) => ({
    from: area(m.from),
    to: area(m.to),
    similarity: m.similarity,
  });
  return {
    focusAreas: {
      added: diff.focusAreas.added.map(area),
      removed: diff.focusAreas.removed.map(area),
      renamed: diff.focusAreas.renamed.map(areaMatch),
      matched: diff.focusAreas.matched.map(areaMatch),
    },
    goals: {
      added: diff.goals.added.map(presentGoalRef),
      removed: diff.goals.removed.map(presentGoalRef),
      matched: diff.goals.matched.map(presentGoalMatch),
    },
    vision: diff.vision && { from: diff.vision.from, to: diff.vision.to },
    overarchingGoal: diff.overarchingGoal && { from: diff.overarchingGoal.from, to: diff.overarchingGoal.to },
    targetYear: diff.targetYear && { from: diff.targetYear.from, to: diff.targetYear.to },
    validity: diff.validity && {
      from: { fromYear: diff.validity.from.fromYear, toYear: diff.validity.from.toYear },
      to: { fromYear: diff.validity.to.fromYear, toYear: diff.validity.to.toYear },
    },
    perspectives: {
      added: diff.perspectives.added.map(presentPerspective),
      removed: diff.perspectives.removed.map(presentPerspective),
    },
  };
}

export const presentComparison = (comparison: ProgrammeComparison): ComparisonJson => ({
  from: presentProgrammeRef(comparison.from),
  to: presentProgrammeRef(comparison.to),
  lines: [...comparison.lines],
  diff: presentDiff(comparison.diff),
});
