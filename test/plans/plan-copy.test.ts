/**
 * Next year's plan from last year's, at the application level on both databases: only unfinished
 * activities go along, marked, with their dates moved into the new year; goals the programme for new
 * plans lacks are dropped; examples stay examples; a second copy, a foreign network and a year too far
 * ahead are refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { copyPlanToNextYear, nextYearPlanOf } from '../../src/app/plans/copy-plan.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { submitPlan } from '../../src/app/plans/submit-plan.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import {
  actAs,
  eventsOf,
  makeActivity,
  makePlan,
  makeRound,
  oldProgrammeGoal,
  planGoals,
  rejection,
  report,
} from '../support/plans.js';

describe.each(testDialects)('copying a plan to next year on %s', (dialect) => {
  let t: TestContext;
  let source: Plan;
  let action: Plan;
  let a: Record<'done' | 'lateDone' | 'behind' | 'silent' | 'oldGoal' | 'ended' | 'actionDone', Activity>;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    source = await makePlan(t.ctx, {
      networkKey: 'yh-natverket',
      year: 2026,
      title: 'Verksamhetsplan 2026 för YH-nätverket',
      isExample: true,
    });
    action = await makePlan(t.ctx, {
      networkKey: 'yh-natverket',
      year: 2026,
      kind: 'action',
      parent: source,
      title: 'Handlingsplan 2026 för lärcentra',
      isExample: true,
    });
    const goal = (await planGoals(t.ctx)).find((g) => g.strategies.length > 0)!;
    const old = await oldProgrammeGoal(t.ctx);
    a = {
      done: await makeActivity(t.ctx, source, { title: 'Slutförd' }),
      lateDone: await makeActivity(t.ctx, source, { title: 'Slutförd i sista omgången' }),
      behind: await makeActivity(t.ctx, source, {
        title: 'Efter plan',
        goalIds: [goal.id, old.id],
        strategyIds: [goal.strategies[0]!.id],
        startDate: '2026-03-01',
        endDate: '2027-06-30',
      }),
      silent: await makeActivity(t.ctx, source, {
        title: 'Utan rapport',
        startDate: '2026-02-01',
        endDate: '2026-09-30',
      }),
      oldGoal: await makeActivity(t.ctx, source, { title: 'Gammalt mål', goalIds: [old.id], strategyIds: [] }),
      ended: await makeActivity(t.ctx, action, { title: 'Lärcentra i fler kommuner', endDate: '2026-12-31' }),
      actionDone: await makeActivity(t.ctx, action, { title: 'Klar i handlingsplanen' }),
    };
    const [early, late] = [
      await makeRound(t.ctx, 2026, { dueDate: '2026-05-15' }),
      await makeRound(t.ctx, 2026, { dueDate: '2026-09-15' }),
    ];
    await report(t.ctx, a.done, early, 100);
    await report(t.ctx, a.lateDone, early, 40);
    await report(t.ctx, a.lateDone, late, 100);
    // Finished early, then behind again: the latest round counts.
    await report(t.ctx, a.behind, early, 100);
    await report(t.ctx, a.behind, late, 60);
    await report(t.ctx, a.ended, late, 90);
    await report(t.ctx, a.actionDone, early, 100);
  });
  afterAll(() => t?.close());

  it("refuses a foreign network's member (403), changing nothing", async () => {
    const outsider = await actAs(t.ctx, 'network_member', 'naringslivschefer');
    const before = await contentFingerprint(t.storage);
    expect((await rejection(copyPlanToNextYear(outsider.ctx, source.id))).code).toBe('forbidden');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('carries only the unfinished activities into a draft for 2027, marked, with their dates moved', async () => {
    const member = await actAs(t.ctx, 'network_member', 'yh-natverket');
    // Copying from the action plan copies its operational plan with all its action plans.
    const copy = await copyPlanToNextYear(member.ctx, action.id);
    const target = (await programmeForPlans(t.ctx))!;
    expect(copy).toMatchObject({
      kind: 'operational',
      year: 2027,
      state: 'draft',
      title: 'Verksamhetsplan 2027 för YH-nätverket',
      copiedFromPlanId: source.id,
      programmeId: target.programme.id,
      isExample: true,
      networkId: source.networkId,
      summary: source.summary,
    });
    const repos = readRepos(t.ctx);
    const [copiedAction] = await repos.plans.actionPlansOf(copy.id);
    expect(copiedAction).toMatchObject({
      title: 'Handlingsplan 2027 för lärcentra',
      year: 2027,
      copiedFromPlanId: action.id,
      isExample: true,
      state: 'draft',
    });
    const carried = await repos.plans.activitiesOf([copy.id, copiedAction!.id]);
    expect(carried.map((x) => [x.planId, x.title, x.carriedOverFromActivityId])).toEqual([
      [copy.id, 'Efter plan', a.behind.id],
      [copy.id, 'Utan rapport', a.silent.id],
      [copy.id, 'Gammalt mål', a.oldGoal.id],
      [copiedAction!.id, 'Lärcentra i fler kommuner', a.ended.id],
    ]);
    const byTitle = new Map(carried.map((x) => [x.title, x]));
    // Still going into the new year: starts on 1 January, keeps its end.
    expect(byTitle.get('Efter plan')).toMatchObject({ startDate: '2027-01-01', endDate: '2027-06-30' });
    // Ended before the new year: the whole new year.
    expect(byTitle.get('Utan rapport')).toMatchObject({ startDate: '2027-01-01', endDate: '2027-12-31' });
    expect(byTitle.get('Lärcentra i fler kommuner')).toMatchObject({ startDate: '2027-01-01', endDate: '2027-12-31' });
    // Goals of another programme go; the strategy of a kept goal stays; the other fields come along.
    const goalIds = new Set((await planGoals(t.ctx)).map((g) => g.id));
    expect(byTitle.get('Efter plan')!.goalIds).toEqual(a.behind.goalIds.filter((id) => goalIds.has(id)));
    expect(byTitle.get('Efter plan')).toMatchObject({
      strategyIds: a.behind.strategyIds,
      ownerName: a.behind.ownerName,
      budgetKr: a.behind.budgetKr,
      dimension: a.behind.dimension,
    });
    expect(byTitle.get('Gammalt mål')).toMatchObject({ goalIds: [], strategyIds: [] });

    const created = (await eventsOf(t.ctx, 'plan.created')).filter((e) =>
      [copy.id, copiedAction!.id].includes(Number(e.entity_id)),
    );
    expect(created.map((e) => e.summary)).toEqual([
      'Skapade planen ”Verksamhetsplan 2027 för YH-nätverket” (YH-nätverket, 2027), kopierad från planen för 2026.',
      'Skapade planen ”Handlingsplan 2027 för lärcentra” (YH-nätverket, 2027), kopierad från planen för 2026.',
    ]);
    expect(created.every((e) => e.actor_user_id === member.userId)).toBe(true);
    const added = (await eventsOf(t.ctx, 'activity.added')).filter((e) =>
      carried.some((x) => String(x.id) === e.entity_id),
    );
    expect(added).toHaveLength(4);
    expect(JSON.parse(added[0]!.after_json!)).toMatchObject({
      carriedOverFromActivityId: a.behind.id,
      startDate: '2027-01-01',
      plan: copy.title,
    });
    expect(added[0]!.summary).toBe(
      `Förde över den ofullbordade aktiviteten ”Efter plan” från 2026 till planen ”${copy.title}”.`,
    );
  });

  it('refuses a second copy with a message naming next year’s plan, and a copy too far ahead', async () => {
    const copy = (await nextYearPlanOf(t.ctx, source.id))!;
    expect(copy.year).toBe(2027);
    const far = await makePlan(t.ctx, { networkKey: 'etablering-sodertorn', year: 2028 });
    const before = await contentFingerprint(t.storage);
    const again = await rejection(copyPlanToNextYear(t.ctx, source.id));
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(
      'Nätverket har redan en verksamhetsplan för 2027: ”Verksamhetsplan 2027 för YH-nätverket”. Öppna den och fortsätt där.',
    );
    const tooFar = await rejection(copyPlanToNextYear(t.ctx, far.id));
    expect(tooFar.problems).toEqual([
      { field: 'form', message: 'Nästa års plan kan inte skapas: året ska vara mellan 2025 och 2028.' },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('is not submitted while a carried activity lacks a goal', async () => {
    const copy = (await nextYearPlanOf(t.ctx, source.id))!;
    const refused = await rejection(submitPlan(t.ctx, copy.id));
    expect(refused.message).toBe(
      'Välj mål för ”Gammalt mål” innan du lämnar in planen: varje aktivitet ska bidra till minst ett mål i programmet.',
    );
    expect((await readRepos(t.ctx).plans.planById(copy.id))!.state).toBe('draft');
  });
});
