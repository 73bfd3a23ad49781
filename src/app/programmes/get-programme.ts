import type { Decision } from '../../domain/adoption/decision.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { notFound } from '../../domain/errors.js';
import { goalsOf, type Programme, type ProgrammeSummary } from '../../domain/programme/programme.js';
import type { ProgrammeStatus } from '../../domain/programme/programme-status.js';
import { readRepos, today, type AppContext, type Repositories } from '../context.js';
import { currentCollaboration } from '../collaboration.js';
import { loadRegister, type ProgrammeRegister } from './list-programmes.js';
import { authorize } from '../auth/authorize.js';

export interface GoalLink {
  goalId: number;
  title: string;
  /** The goal's English text, '' when none is stored. */
  titleEn?: string;
  programme: Pick<ProgrammeSummary, 'id' | 'slug' | 'name' | 'nameEn'>;
}

export interface ProgrammeView {
  programme: Programme;
  status: ProgrammeStatus;
  decisions: Decision[];
  /** Programmes this one replaces or was derived from, and those that replace or derive from it. */
  predecessors: ProgrammeSummary[];
  successors: ProgrammeSummary[];
  /** Per goal id: the goals it continues, and the goals that continue it. */
  goalPredecessors: Map<number, GoalLink[]>;
  goalSuccessors: Map<number, GoalLink[]>;
}

/** Finds a programme by its slug (or numeric id) within the current cooperation (read here unless given). */
export async function resolveProgrammeId(
  repos: Repositories,
  ref: string,
  collaboration?: Collaboration,
): Promise<number> {
  collaboration ??= await currentCollaboration(repos);
  const bySlug = await repos.programmes.idBySlug(collaboration.id, ref);
  if (bySlug !== undefined) return bySlug;
  // Only ids that fit the integer column: a longer number is no id (PostgreSQL would refuse the query).
  if (/^\d{1,9}$/.test(ref)) {
    const summary = await repos.programmes.summary(Number(ref));
    if (summary && summary.collaborationId === collaboration.id) return summary.id;
  }
  throw notFound('Programmet');
}

export async function loadProgramme(
  repos: Repositories,
  ref: string,
  collaboration?: Collaboration,
): Promise<Programme> {
  const programme = await repos.programmes.get(await resolveProgrammeId(repos, ref, collaboration));
  if (!programme) throw notFound('Programmet');
  return programme;
}

export async function getProgramme(ctx: AppContext, ref: string): Promise<ProgrammeView> {
  return (await readProgramme(ctx, ref)).view;
}

/** A programme's view, with the cooperation and register it was read with (each read once). */
export async function readProgramme(
  ctx: AppContext,
  ref: string,
): Promise<{ view: ProgrammeView; collaboration: Collaboration; register: ProgrammeRegister }> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const programme = await loadProgramme(repos, ref, collaboration);
  // Drafts are not published: only the cooperation's own people see them.
  if (programme.state === 'draft') authorize(ctx, 'read_internal');
  const register = await loadRegister(repos, today(ctx), collaboration);
  const summaries = register.items.map((i) => i.programme);
  const byId = new Map(summaries.map((p) => [p.id, p]));
  const status = register.items.find((i) => i.programme.id === programme.id)!.status;

  const goals = goalsOf(programme);
  const predecessorIds = [...new Set(goals.flatMap((g) => g.predecessorGoalIds))];
  const [predecessorGoals, successorGoals] = await Promise.all([
    repos.programmes.goalsWithProgramme(predecessorIds),
    repos.programmes.successorGoals(goals.map((g) => g.id)),
  ]);
  const link = (goalId: number, title: string, programmeId: number, titleEn = ''): GoalLink => {
    const p = byId.get(programmeId)!;
    return { goalId, title, titleEn, programme: { id: p.id, slug: p.slug, name: p.name, nameEn: p.nameEn ?? '' } };
  };
  const predecessorById = new Map(predecessorGoals.map((g) => [g.goalId, g]));
  const goalPredecessors = new Map(
    goals.map((g) => [
      g.id,
      g.predecessorGoalIds.flatMap((pid) => {
        const found = predecessorById.get(pid);
        return found ? [link(found.goalId, found.title, found.programmeId, found.titleEn)] : [];
      }),
    ]),
  );
  const goalSuccessors = new Map<number, GoalLink[]>(goals.map((g) => [g.id, []]));
  for (const s of successorGoals)
    goalSuccessors.get(s.predecessorGoalId)?.push(link(s.goalId, s.title, s.programmeId, s.titleEn));

  const linkedIds = [programme.replacesProgrammeId, programme.derivedFromProgrammeId].filter(
    (id): id is number => id !== null,
  );
  const view: ProgrammeView = {
    programme,
    status,
    decisions: register.decisions.filter((d) => d.programmeId === programme.id),
    predecessors: [...new Set(linkedIds)].map((id) => byId.get(id)!).filter(Boolean),
    successors: summaries.filter(
      (p) => p.replacesProgrammeId === programme.id || p.derivedFromProgrammeId === programme.id,
    ),
    goalPredecessors,
    goalSuccessors,
  };
  return { view, collaboration, register };
}
