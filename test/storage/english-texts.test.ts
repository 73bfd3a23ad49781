/**
 * The optional English texts of a programme's content (migration 0012) on both databases: stored by the
 * repository's insert (the path the demo import and a new draft take) and by the draft editor's updates,
 * read back, left alone by updates that do not name them, and added as empty texts to programmes written
 * before the migration.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositories, type Repositories } from '../../src/app/context.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import type { NewProgramme } from '../../src/storage/programme.repository.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { openTestStorage, testDialects } from '../support/databases.js';

const NOW = '2026-11-27T10:00:00.000Z';

const bilingual = (collaborationId: number): NewProgramme => ({
  collaborationId,
  slug: 'tvasprakigt',
  name: 'Tvåspråkigt program',
  nameEn: 'Bilingual programme',
  targetYear: 2035,
  validFromYear: 2027,
  validToYear: 2030,
  vision: 'En vision',
  visionEn: 'A vision',
  overarchingGoal: 'Ett mål',
  overarchingGoalEn: '',
  state: 'draft',
  adoptionRule: 'all_members',
  replacesProgrammeId: null,
  derivedFromProgrammeId: null,
  statedChanges: [],
  note: '',
  source: '',
  perspectives: [{ id: 1, position: 1, name: 'Klimat', description: 'Överallt', nameEn: 'Climate' }],
  focusAreas: [
    {
      id: 2,
      position: 1,
      name: 'Infrastruktur',
      description: 'Vägar',
      nameEn: 'Infrastructure',
      descriptionEn: 'Roads',
      networkId: null,
      note: '',
      goals: [
        {
          id: 3,
          focusAreaId: 2,
          position: 1,
          title: 'Snabbare resor',
          titleEn: 'Faster journeys',
          description: '',
          networkId: null,
          statements: {},
          predecessorGoalIds: [],
          strategies: [
            { id: 4, position: 1, text: 'Fler bussar', textEn: 'More buses' },
            { id: 5, position: 2, text: 'Tätare tåg' },
          ],
          note: '',
        },
      ],
    },
  ],
});

describe.each(testDialects)('English programme texts on %s', (dialect) => {
  let t: TestContext;
  let repos: Repositories;
  let collaborationId: number;
  beforeEach(async () => {
    t = await openTestContext(dialect);
    repos = repositories(t.storage.db, t.storage.dialect);
    collaborationId = (await repos.collaboration.first())!.id;
  });
  afterEach(() => t.close());

  it('stores the English texts with a programme and reads them back; absent ones are empty', async () => {
    const { id } = await repos.programmes.insert(bilingual(collaborationId), NOW);
    const p = (await repos.programmes.get(id))!;
    expect(p).toMatchObject({ nameEn: 'Bilingual programme', visionEn: 'A vision', overarchingGoalEn: '' });
    expect(p.perspectives[0]).toMatchObject({ nameEn: 'Climate', descriptionEn: '' });
    expect(p.focusAreas[0]).toMatchObject({ nameEn: 'Infrastructure', descriptionEn: 'Roads' });
    const goal = p.focusAreas[0]!.goals[0]!;
    expect(goal).toMatchObject({ titleEn: 'Faster journeys', descriptionEn: '' });
    expect(goal.strategies.map((s) => [s.text, s.textEn])).toEqual([
      ['Fler bussar', 'More buses'],
      ['Tätare tåg', ''],
    ]);
    expect((await repos.programmes.list(collaborationId)).find((s) => s.id === id)).toMatchObject({
      nameEn: 'Bilingual programme',
    });
  });

  it('changes English texts only when an update names them, and keeps a strategy’s while its Swedish stays', async () => {
    const { id } = await repos.programmes.insert(bilingual(collaborationId), NOW);
    const before = (await repos.programmes.get(id))!;
    const area = before.focusAreas[0]!;
    const goal = area.goals[0]!;
    await repos.programmes.updateFields(id, {
      name: 'Nytt namn',
      targetYear: 2035,
      validFromYear: 2027,
      validToYear: 2030,
      vision: 'En vision',
      overarchingGoal: 'Ett mål',
      note: '',
    });
    await repos.programmes.updateFocusArea(id, area.id, { name: 'Infra', description: '', networkId: null });
    await repos.programmes.updateGoal(id, goal.id, {
      focusAreaId: area.id,
      title: goal.title,
      description: '',
      networkId: null,
      statements: {},
      strategies: ['Fler bussar', 'Ny strategi'],
      predecessorGoalIds: [],
    });
    let p = (await repos.programmes.get(id))!;
    expect(p.nameEn).toBe('Bilingual programme');
    expect(p.focusAreas[0]!.nameEn).toBe('Infrastructure');
    expect(p.focusAreas[0]!.goals[0]!.titleEn).toBe('Faster journeys');
    expect(p.focusAreas[0]!.goals[0]!.strategies.map((s) => s.textEn)).toEqual(['More buses', '']);

    await repos.programmes.updateFields(id, { ...p, nameEn: '', visionEn: 'Another vision' });
    await repos.programmes.updatePerspective(id, p.perspectives[0]!.id, {
      name: 'Klimat',
      description: '',
      descriptionEn: 'Everywhere',
    });
    await repos.programmes.updateGoal(id, goal.id, {
      focusAreaId: area.id,
      title: goal.title,
      description: '',
      networkId: null,
      statements: {},
      strategies: ['Fler bussar', 'Ny strategi'],
      strategiesEn: ['', 'New strategy'],
      predecessorGoalIds: [],
      titleEn: 'Quicker journeys',
    });
    p = (await repos.programmes.get(id))!;
    expect(p).toMatchObject({ nameEn: '', visionEn: 'Another vision' });
    expect(p.perspectives[0]).toMatchObject({ nameEn: 'Climate', descriptionEn: 'Everywhere' });
    expect(p.focusAreas[0]!.goals[0]!.titleEn).toBe('Quicker journeys');
    expect(p.focusAreas[0]!.goals[0]!.strategies.map((s) => s.textEn)).toEqual(['', 'New strategy']);
  });
});

describe.each(testDialects)('migration 0012 (English texts) on %s', (dialect) => {
  it('gives the programmes written before it empty English texts', { timeout: 60_000 }, async () => {
    const storage = await openTestStorage(dialect, { upTo: '0009_member_memos' });
    try {
      const repos = repositories(storage.db, storage.dialect);
      const collaborationId = await repos.collaboration.insert(
        {
          slug: 'prov',
          name: 'Provsamarbetet',
          formalisedYear: null,
          koladaGroupId: '',
          koladaGroupTitle: '',
          source: '',
        },
        NOW,
      );
      const swedishOnly = bilingual(collaborationId);
      const { id } = await repos.programmes.insert(
        {
          ...swedishOnly,
          nameEn: '',
          visionEn: '',
          perspectives: swedishOnly.perspectives.map((p) => ({ ...p, nameEn: '' })),
          focusAreas: swedishOnly.focusAreas.map((a) => ({
            ...a,
            nameEn: '',
            descriptionEn: '',
            goals: a.goals.map((g) => ({
              ...g,
              titleEn: '',
              strategies: g.strategies.map((x) => ({ ...x, textEn: '' })),
            })),
          })),
        },
        NOW,
      );
      expect(await migrateToLatest(storage)).toContain('0012_english_texts');
      const p = (await repos.programmes.get(id))!;
      expect(p).toMatchObject({ name: 'Tvåspråkigt program', nameEn: '', visionEn: '', overarchingGoalEn: '' });
      expect(p.perspectives[0]).toMatchObject({ name: 'Klimat', nameEn: '', descriptionEn: '' });
      expect(p.focusAreas[0]!.goals[0]!.strategies.map((x) => [x.text, x.textEn])).toEqual([
        ['Fler bussar', ''],
        ['Tätare tåg', ''],
      ]);
    } finally {
      await storage.close();
    }
  });
});
