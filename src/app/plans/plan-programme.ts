import { goalsOf, type Programme } from '../../domain/programme/programme.js';
import { readRepos, today, type AppContext } from '../context.js';
import { loadRegister } from '../programmes/list-programmes.js';

export interface PlanProgramme {
  programme: Programme;
  /**
   * Set when the programme in force has no registered goals (the 2023 programme's texts are not in
   * the sources), so plans follow the newest programme that took effect and has goals: its name,
   * for the page to say so.
   */
  inForceWithoutGoals: string | null;
}

/**
 * The programme whose goals and strategies new plans serve: the one in force today, or, when it has no
 * registered goals, the newest that took effect and has them. Undefined when there is none.
 */
export async function programmeForPlans(ctx: AppContext): Promise<PlanProgramme | undefined> {
  const repos = readRepos(ctx);
  const { items } = await loadRegister(repos, today(ctx));
  const inForce = items.filter((i) => i.status.kind === 'in_force').at(-1);
  for (const item of [...items].reverse().filter((i) => i.status.tookEffect)) {
    const programme = await repos.programmes.get(item.programme.id);
    if (programme && goalsOf(programme).length > 0) {
      const skipped = inForce && inForce.programme.id !== programme.id ? inForce.programme.name : null;
      return { programme, inForceWithoutGoals: skipped };
    }
  }
  return undefined;
}
