import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositories, type Repositories } from '../../src/app/context.js';
import type { NewProgramme } from '../../src/storage/programme.repository.js';
import { testDialects } from '../support/databases.js';
import { openTestContext, type TestContext } from '../support/context.js';

const NOW = '2026-11-27T10:00:00.000Z';

/** A small programme with placeholder ids, as `insert` takes it. */
const sample = (collaborationId: number, slug: string, predecessorGoalIds: number[] = []): NewProgramme => ({
  collaborationId,
  slug,
  name: `Program ${slug}`,
  targetYear: 2035,
  validFromYear: 2027,
  validToYear: 2030,
  vision: 'En vision',
  overarchingGoal: 'Ett övergripande mål',
  state: 'draft',
  adoptionRule: 'all_members',
  replacesProgrammeId: null,
  derivedFromProgrammeId: null,
  statedChanges: ['första ändringen', 'andra ändringen'],
  note: '',
  source: '',
  perspectives: [
    { id: 901, position: 1, name: 'Hållbar utveckling', description: 'a' },
    { id: 902, position: 2, name: 'Klimat', description: 'b' },
  ],
  focusAreas: [
    {
      id: 801,
      position: 1,
      name: 'Infrastruktur',
      description: '',
      networkId: null,
      note: '',
      goals: [
        {
          id: 701,
          focusAreaId: 801,
          position: 1,
          title: 'Snabbare kollektivtrafik',
          description: '',
          networkId: null,
          statements: { 901: 'Fler reser hållbart', 902: 'Mindre utsläpp' },
          predecessorGoalIds,
          strategies: [
            { id: 601, position: 1, text: 'Strategi ett' },
            { id: 602, position: 2, text: 'Strategi två' },
          ],
          note: '',
        },
      ],
    },
  ],
});

describe.each(testDialects)('programme repository on %s', (dialect) => {
  let t: TestContext;
  let repos: Repositories;
  let collaborationId: number;
  beforeEach(async () => {
    t = await openTestContext(dialect);
    repos = repositories(t.storage.db, t.storage.dialect);
    collaborationId = (await repos.collaboration.first())!.id;
  });
  afterEach(() => t.close());

  it('stores a whole programme and reads it back the same, with real ids', async () => {
    const { id, goalIds } = await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW);
    const p = (await repos.programmes.get(id))!;
    expect(p.statedChanges).toEqual(['första ändringen', 'andra ändringen']);
    expect(p.perspectives.map((x) => x.name)).toEqual(['Hållbar utveckling', 'Klimat']);
    const goal = p.focusAreas[0]!.goals[0]!;
    expect(goal.id).toBe(goalIds.get(701));
    expect(goal.strategies.map((s) => s.text)).toEqual(['Strategi ett', 'Strategi två']);
    // Statements are re-keyed from placeholder to real perspective ids.
    expect(Object.values(goal.statements).sort()).toEqual(['Fler reser hållbart', 'Mindre utsläpp']);
    expect(goal.statements[p.perspectives[1]!.id]).toBe('Mindre utsläpp');
    expect(p.version).toBe(1);
  });

  it('links goals across programmes both ways', async () => {
    const first = await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW);
    const firstGoal = first.goalIds.get(701)!;
    const second = await repos.programmes.insert(sample(collaborationId, 'test-2', [firstGoal]), NOW);
    const secondGoal = second.goalIds.get(701)!;
    expect((await repos.programmes.get(second.id))!.focusAreas[0]!.goals[0]!.predecessorGoalIds).toEqual([firstGoal]);
    expect(await repos.programmes.successorGoals([firstGoal])).toEqual([
      {
        goalId: secondGoal,
        predecessorGoalId: firstGoal,
        programmeId: second.id,
        title: 'Snabbare kollektivtrafik',
        titleEn: '',
      },
    ]);
  });

  it('bumps the version only for the writer who saw the current one', async () => {
    const { id } = await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW);
    const [a, b] = await Promise.all([repos.programmes.touch(id, 1, NOW), repos.programmes.touch(id, 1, NOW)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await repos.programmes.summary(id))!.version).toBe(2);
  });

  it('removes a focus area with its goals, strategies, statements and lineage', async () => {
    const first = await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW);
    const second = await repos.programmes.insert(sample(collaborationId, 'test-2', [first.goalIds.get(701)!]), NOW);
    const areaId = (await repos.programmes.get(first.id))!.focusAreas[0]!.id;
    await repos.programmes.removeFocusArea(first.id, areaId);
    expect((await repos.programmes.get(first.id))!.focusAreas).toEqual([]);
    expect((await repos.programmes.get(second.id))!.focusAreas[0]!.goals[0]!.predecessorGoalIds).toEqual([]);
    const left = await t.storage.db
      .selectFrom('strategies')
      .select('id')
      .where('goal_id', '=', first.goalIds.get(701)!)
      .execute();
    expect(left).toEqual([]);
  });

  it('refuses a second programme with the same slug in one cooperation', async () => {
    await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW);
    const error = await repos.programmes.insert(sample(collaborationId, 'test-1'), NOW).catch((e: unknown) => e);
    expect(t.storage.dialect.isUniqueViolation(error)).toBe(true);
  });

  it('keeps decisions in recording order with their date precision', async () => {
    const { id } = await repos.programmes.insert({ ...sample(collaborationId, 'test-1'), state: 'proposed' }, NOW);
    const member = (await repos.collaboration.members(collaborationId))[0]!;
    const base = {
      programmeId: id,
      memberId: member.id,
      bodyId: null,
      bodyKind: 'board' as const,
      paragraph: '',
      note: '',
      source: '',
    };
    await repos.decisions.insert(
      { ...base, decided: { precision: 'exact', date: '2027-03-01' }, outcome: 'referred_back' },
      NOW,
    );
    await repos.decisions.insert({ ...base, decided: { precision: 'unknown' }, outcome: 'adopted' }, NOW);
    const decisions = await repos.decisions.forProgrammes([id]);
    expect(decisions.map((d) => [d.outcome, d.decided])).toEqual([
      ['referred_back', { precision: 'exact', date: '2027-03-01' }],
      ['adopted', { precision: 'unknown' }],
    ]);
  });
});
