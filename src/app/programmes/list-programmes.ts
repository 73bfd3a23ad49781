import type { Decision, Member } from '../../domain/adoption/decision.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { goalsOf, type ProgrammeSummary } from '../../domain/programme/programme.js';
import { computeProgrammeStatuses, type ProgrammeStatus } from '../../domain/programme/programme-status.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext, type Repositories } from '../context.js';
import { allows } from '../../domain/auth/policies.js';

export interface ProgrammeListItem {
  programme: ProgrammeSummary;
  status: ProgrammeStatus;
}

export interface ProgrammeRegister {
  items: ProgrammeListItem[];
  decisions: Decision[];
  /** The cooperation's members, whose boards' decisions the statuses count. */
  members: Member[];
}

/** Every programme of the cooperation with its derived status, oldest first (the cooperation read once, by the caller if it has it). */
export async function loadRegister(
  repos: Repositories,
  todayIso: string,
  collaboration?: Collaboration,
): Promise<ProgrammeRegister> {
  collaboration ??= await currentCollaboration(repos);
  const [programmes, members] = await Promise.all([
    repos.programmes.list(collaboration.id),
    repos.collaboration.members(collaboration.id),
  ]);
  const decisions = await repos.decisions.forProgrammes(programmes.map((p) => p.id));
  const statuses = computeProgrammeStatuses(programmes, decisions, members, todayIso);
  return {
    items: programmes.map((programme) => ({ programme, status: statuses.get(programme.id)! })),
    decisions,
    members,
  };
}

/** The programmes the acting person may see: drafts only for the cooperation's own people. */
export async function listProgrammes(ctx: AppContext): Promise<ProgrammeListItem[]> {
  const items = (await loadRegister(readRepos(ctx), today(ctx))).items;
  return allows(ctx.principal, 'read_internal') ? items : items.filter((i) => i.programme.state !== 'draft');
}

/** The programme in force today, if any (the newest one when several are). */
export async function programmeInForce(ctx: AppContext): Promise<ProgrammeListItem | undefined> {
  const items = await listProgrammes(ctx);
  return items.filter((i) => i.status.kind === 'in_force').at(-1);
}

/**
 * The newest programme that took effect and has registered goals: the programme in force may have
 * none (the 2023 programme's texts are not in the sources). Reads only the structures it inspects.
 */
export async function latestProgrammeWithGoals(
  ctx: AppContext,
  items: readonly ProgrammeListItem[],
): Promise<ProgrammeListItem | undefined> {
  const repos = readRepos(ctx);
  for (const item of [...items].reverse().filter((i) => i.status.tookEffect)) {
    const programme = await repos.programmes.get(item.programme.id);
    if (programme && goalsOf(programme).length > 0) return item;
  }
  return undefined;
}
