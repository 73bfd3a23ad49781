import { diffProgrammes, type ProgrammeDiff } from '../../domain/programme/programme-diff.js';
import { renderDiffSv } from '../../domain/programme/programme-diff-sv.js';
import type { Programme } from '../../domain/programme/programme.js';
import { readRepos, type AppContext } from '../context.js';
import { loadProgramme } from './get-programme.js';

export interface ProgrammeComparison {
  from: Programme;
  to: Programme;
  diff: ProgrammeDiff;
  /** The changes as Swedish lines, ready to paste into a memo. */
  lines: string[];
}

/** The structural difference between two versions, oldest as `from`. */
export async function comparePrograms(ctx: AppContext, fromRef: string, toRef: string): Promise<ProgrammeComparison> {
  const repos = readRepos(ctx);
  const [from, to] = await Promise.all([loadProgramme(repos, fromRef), loadProgramme(repos, toRef)]);
  const diff = diffProgrammes(from, to);
  return { from, to, diff, lines: renderDiffSv(diff) };
}
