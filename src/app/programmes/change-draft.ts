import { notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { goalsOf, type Programme } from '../../domain/programme/programme.js';
import { checkProgrammeFields } from '../../domain/programme/programme-fields.js';
import { currentCollaboration } from '../collaboration.js';
import type { AppContext, Repositories } from '../context.js';
import { parseInput } from '../input.js';
import { editDraft } from './edit-draft.js';
import {
  focusAreaInput,
  goalInput,
  perspectiveInput,
  programmeFieldsInput,
  type GoalInput,
} from './programme-input.js';

/** Use cases that change a draft's content. Each validates fully before it changes anything. */

export async function updateProgrammeFields(
  ctx: AppContext,
  ref: string,
  version: number,
  raw: unknown,
): Promise<void> {
  const fields = parseInput(programmeFieldsInput, raw);
  const problems = checkProgrammeFields(fields);
  if (problems.length) throw validationFailed(problems);
  await editDraft(ctx, ref, version, (p, repos) => repos.programmes.updateFields(p.id, fields));
}

export async function addPerspective(ctx: AppContext, ref: string, version: number, raw: unknown): Promise<void> {
  const input = parseInput(perspectiveInput, raw);
  await editDraft(ctx, ref, version, (p, repos) => repos.programmes.addPerspective(p.id, input));
}

export async function updatePerspective(
  ctx: AppContext,
  ref: string,
  version: number,
  perspectiveId: number,
  raw: unknown,
) {
  const input = parseInput(perspectiveInput, raw);
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(p.perspectives.some((x) => x.id === perspectiveId));
    await repos.programmes.updatePerspective(p.id, perspectiveId, input);
  });
}

export async function removePerspective(ctx: AppContext, ref: string, version: number, perspectiveId: number) {
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(p.perspectives.some((x) => x.id === perspectiveId));
    await repos.programmes.removePerspective(p.id, perspectiveId);
  });
}

async function checkNetwork(repos: Repositories, networkId: number | null): Promise<FieldProblem[]> {
  if (networkId === null) return [];
  const collaboration = await currentCollaboration(repos);
  const networks = await repos.collaboration.networks(collaboration.id);
  return networks.some((n) => n.id === networkId)
    ? []
    : [{ field: 'networkId', message: 'Nätverket finns inte i samverkan. Välj ett nätverk i listan.' }];
}

export async function addFocusArea(ctx: AppContext, ref: string, version: number, raw: unknown): Promise<number> {
  const input = parseInput(focusAreaInput, raw);
  return editDraft(ctx, ref, version, async (p, repos) => {
    const problems = await checkNetwork(repos, input.networkId);
    if (problems.length) throw validationFailed(problems);
    return repos.programmes.addFocusArea(p.id, input);
  });
}

export async function updateFocusArea(ctx: AppContext, ref: string, version: number, areaId: number, raw: unknown) {
  const input = parseInput(focusAreaInput, raw);
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(p.focusAreas.some((a) => a.id === areaId));
    const problems = await checkNetwork(repos, input.networkId);
    if (problems.length) throw validationFailed(problems);
    await repos.programmes.updateFocusArea(p.id, areaId, input);
  });
}

/** Moves a focus area one step up or down in the document. */
export async function moveFocusArea(
  ctx: AppContext,
  ref: string,
  version: number,
  areaId: number,
  direction: 'up' | 'down',
) {
  await editDraft(ctx, ref, version, async (p, repos) => {
    const ids = p.focusAreas.map((a) => a.id);
    const at = ids.indexOf(areaId);
    requirePart(at >= 0);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await repos.programmes.setFocusAreaPositions(p.id, ids);
  });
}

export async function removeFocusArea(ctx: AppContext, ref: string, version: number, areaId: number) {
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(p.focusAreas.some((a) => a.id === areaId));
    await repos.programmes.removeFocusArea(p.id, areaId);
  });
}

/** A goal's references must stay inside the programme (area, perspectives) and the cooperation (network, lineage). */
async function checkGoal(repos: Repositories, programme: Programme, input: GoalInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.strategiesEn && input.strategiesEn.length > input.strategies.length) {
    problems.push({
      field: 'strategiesEn',
      message: `Det finns fler engelska strategier (${input.strategiesEn.length}) än svenska (${input.strategies.length}). Skriv en rad per strategi, i samma ordning som de svenska.`,
    });
  }
  if (!programme.focusAreas.some((a) => a.id === input.focusAreaId)) {
    problems.push({ field: 'focusAreaId', message: 'Fokusområdet finns inte i programmet. Välj ett i listan.' });
  }
  problems.push(...(await checkNetwork(repos, input.networkId)));
  for (const perspectiveId of Object.keys(input.statements)) {
    if (!programme.perspectives.some((x) => x.id === Number(perspectiveId))) {
      problems.push({ field: `statements.${perspectiveId}`, message: 'Perspektivet finns inte i programmet.' });
    }
  }
  // Lineage points only at goals of programmes whose text is fixed (proposed or later): those never
  // change, so no cycle can form and a predecessor never disappears.
  const predecessors = await repos.programmes.goalsWithProgramme(input.predecessorGoalIds);
  const fixed = new Set(
    (await repos.programmes.list(programme.collaborationId))
      .filter((p) => p.state !== 'draft' && p.id !== programme.id)
      .map((p) => p.id),
  );
  if (
    predecessors.length !== new Set(input.predecessorGoalIds).size ||
    predecessors.some((g) => !fixed.has(g.programmeId))
  ) {
    problems.push({
      field: 'predecessorGoalIds',
      message: 'Ett föregående mål ska vara ett mål i ett tidigare, föreslaget eller antaget program i samverkan.',
    });
  }
  return problems;
}

const goalFields = (input: GoalInput) => ({
  ...input,
  statements: Object.fromEntries(Object.entries(input.statements).map(([k, v]) => [Number(k), v])),
});

export async function addGoal(ctx: AppContext, ref: string, version: number, raw: unknown): Promise<number> {
  const input = parseInput(goalInput, raw);
  return editDraft(ctx, ref, version, async (p, repos) => {
    const problems = await checkGoal(repos, p, input);
    if (problems.length) throw validationFailed(problems);
    return repos.programmes.addGoal(p.id, goalFields(input));
  });
}

export async function updateGoal(ctx: AppContext, ref: string, version: number, goalId: number, raw: unknown) {
  const input = parseInput(goalInput, raw);
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(goalsOf(p).some((g) => g.id === goalId));
    const problems = await checkGoal(repos, p, input);
    if (problems.length) throw validationFailed(problems);
    await repos.programmes.updateGoal(p.id, goalId, goalFields(input));
  });
}

export async function removeGoal(ctx: AppContext, ref: string, version: number, goalId: number) {
  await editDraft(ctx, ref, version, async (p, repos) => {
    requirePart(goalsOf(p).some((g) => g.id === goalId));
    await repos.programmes.removeGoal(p.id, goalId);
  });
}

function requirePart(found: boolean): void {
  if (!found) throw notFound('Den delen av programmet');
}
