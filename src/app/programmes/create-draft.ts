import type { NewProgramme } from '../../storage/programme.repository.js';
import { draftCreatedSummary } from '../../domain/audit/audit-summary-sv.js';
import { programmeSnapshot } from '../../domain/audit/snapshots.js';
import type { Programme } from '../../domain/programme/programme.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { parseInput } from '../input.js';
import { loadProgramme } from './get-programme.js';
import { newDraftInput } from './programme-input.js';
import { authorize } from '../auth/authorize.js';

/**
 * The perspectives every new programme starts with: the product's rule that sustainable development
 * is part of every focus area and the climate question permeates every goal. Editable in the draft.
 */
export const DEFAULT_PERSPECTIVES = [
  { name: 'Hållbar utveckling', description: 'Hållbar utveckling ingår i samtliga fokusområden.' },
  { name: 'Klimat', description: 'Klimatfrågan ska genomsyra alla målområden.' },
];

async function freeSlug(repos: Repositories, collaborationId: number, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await repos.programmes.slugExists(collaborationId, slug))) return slug;
  }
}

function emptyDraft(collaborationId: number, name: string): Omit<NewProgramme, 'slug'> {
  return {
    collaborationId,
    name: name || 'Nytt utvecklingsprogram',
    targetYear: null,
    validFromYear: null,
    validToYear: null,
    vision: '',
    overarchingGoal: '',
    state: 'draft',
    adoptionRule: 'all_members',
    replacesProgrammeId: null,
    derivedFromProgrammeId: null,
    statedChanges: [],
    note: '',
    source: '',
    perspectives: DEFAULT_PERSPECTIVES.map((p, i) => ({ id: i + 1, position: i + 1, ...p })),
    focusAreas: [],
  };
}

/**
 * A new draft that copies the structure of `source` and replaces it when in force. Each goal
 * records the goal it was copied from as its predecessor, so lineage survives any rewording.
 * A copy of a draft replaces what that draft replaces.
 */
function derivedDraft(source: Programme, name: string): Omit<NewProgramme, 'slug'> {
  return {
    collaborationId: source.collaborationId,
    name: name || source.name,
    targetYear: source.targetYear,
    validFromYear: source.validFromYear,
    validToYear: source.validToYear,
    vision: source.vision,
    overarchingGoal: source.overarchingGoal,
    // A new name has no English text yet; the copied one keeps the source's.
    nameEn: name ? '' : (source.nameEn ?? ''),
    visionEn: source.visionEn ?? '',
    overarchingGoalEn: source.overarchingGoalEn ?? '',
    state: 'draft',
    adoptionRule: 'all_members',
    replacesProgrammeId: source.state === 'draft' ? source.replacesProgrammeId : source.id,
    derivedFromProgrammeId: source.id,
    statedChanges: [],
    note: '',
    source: '',
    perspectives: source.perspectives,
    focusAreas: source.focusAreas.map((area) => ({
      ...area,
      note: '',
      // A draft's goals are not fixed yet, so a copy of a draft inherits their lineage instead.
      goals: area.goals.map((goal) => ({
        ...goal,
        note: '',
        predecessorGoalIds: source.state === 'draft' ? goal.predecessorGoalIds : [goal.id],
      })),
    })),
  };
}

/** Creates a draft, empty or derived from an existing programme; returns its slug. */
export async function createDraft(ctx: AppContext, raw: unknown): Promise<{ slug: string }> {
  authorize(ctx, 'edit_programme');
  const input = parseInput(newDraftInput, raw);
  return inTransaction(ctx, async (repos) => {
    const collaboration = await currentCollaboration(repos);
    const source = input.from ? await loadProgramme(repos, input.from) : null;
    const draft = source ? derivedDraft(source, input.name) : emptyDraft(collaboration.id, input.name);
    const slug = await freeSlug(repos, collaboration.id, source ? `${source.slug}-utkast` : 'utkast');
    const { id } = await repos.programmes.insert({ ...draft, slug }, timestamp(ctx));
    const created = (await repos.programmes.get(id))!;
    await recordEvent(ctx, repos, {
      action: 'programme.created',
      entityType: 'programme',
      entityId: id,
      summary: draftCreatedSummary(created.name, source?.name),
      before: null,
      after: programmeSnapshot(created),
    });
    return { slug };
  });
}
