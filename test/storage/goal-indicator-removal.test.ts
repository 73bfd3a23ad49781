import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { linkIndicatorToGoal } from '../../src/app/indicators/link-goal-indicator.js';
import { addFocusArea, addGoal, removeFocusArea, removeGoal } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const link = {
  indicatorKey: 'sm-eftergymnasial-3ar-25-64',
  measure: 'weighted_mean',
  targetKind: 'absolute',
  targetValue: '30',
  direction: 'higher',
  baseYear: '2014',
  targetYear: '2035',
};

/** A draft's goal (or focus area) with indicators linked can still be removed; its links go with it. */
describe.each(testDialects)('removing a goal with linked indicators on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  const draftWithGoal = async (name: string) => {
    const { slug } = await createDraft(t.ctx, { from: '', name });
    const version = async () => (await getProgramme(t.ctx, slug)).programme.version;
    const areaId = await addFocusArea(t.ctx, slug, await version(), {
      name: 'Utbildning',
      description: '',
      networkId: '',
    });
    const goalId = await addGoal(t.ctx, slug, await version(), {
      focusAreaId: String(areaId),
      title: 'Höj',
      strategies: '',
    });
    await linkIndicatorToGoal(t.ctx, goalId, link);
    expect(await readRepos(t.ctx).goalIndicators.forGoals([goalId])).toHaveLength(1);
    return { slug, version, areaId, goalId };
  };

  it('removes the goal and its links', async () => {
    const d = await draftWithGoal('Utkast A');
    await removeGoal(t.ctx, d.slug, await d.version(), d.goalId);
    expect(await readRepos(t.ctx).goalIndicators.forGoals([d.goalId])).toEqual([]);
  });

  it('removes the focus area, its goals and their links', async () => {
    const d = await draftWithGoal('Utkast B');
    await removeFocusArea(t.ctx, d.slug, await d.version(), d.areaId);
    expect(await readRepos(t.ctx).goalIndicators.forGoals([d.goalId])).toEqual([]);
  });
});
