/**
 * Activities of a draft plan at the application level on both databases: every field read as people
 * write it, every problem named at once in Swedish, members of other networks and municipalities
 * outside the cooperation refused with nothing changed, and every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { addActivity, removeActivity, updateActivity } from '../../src/app/plans/edit-activities.js';
import type { Plan } from '../../src/domain/plans/plan.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import {
  actAs,
  eventsOf,
  makeActivity,
  makePlan,
  makeRound,
  members,
  oldProgrammeGoal,
  planGoals,
  rejection,
  report,
} from '../support/plans.js';

const ACTIVITY_KEYS = [
  'budgetKr',
  'carriedOverFromActivityId',
  'climateEffect',
  'climateJustification',
  'description',
  'dimension',
  'endDate',
  'goals',
  'members',
  'ownerName',
  'ownerUserId',
  'plan',
  'startDate',
  'strategies',
  'title',
  'weight',
];

describe.each(testDialects)('activities of a plan on %s', (dialect) => {
  let t: TestContext;
  let plan: Plan;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2027, state: 'draft' });
  });
  afterAll(() => t?.close());

  /** A valid form as a browser sends it (all text, checkboxes as lists). */
  async function validForm(change: Record<string, unknown> = {}) {
    const goals = await planGoals(t.ctx);
    const goal = goals.find((g) => g.strategies.length >= 2)!;
    const [huddinge, botkyrka] = (await members(t.ctx)).filter((m) => ['0126', '0127'].includes(m.code));
    return {
      title: 'Etableringsmässa för Södertörn',
      description: 'En gemensam mässa.\nFör företag som vill etablera sig.',
      goalIds: [String(goal.id)],
      strategyIds: goal.strategies.slice(0, 2).map((s) => String(s.id)),
      ownerName: 'Näringslivschefen i Huddinge',
      ownerUserId: '',
      memberIds: [String(huddinge!.id), String(botkyrka!.id)],
      startDate: '2027-03-01',
      endDate: '2027-10-31',
      budgetKr: '1 250 000',
      weight: '1,5',
      climateEffect: 'increases',
      climateJustification: 'Resor till mässan.',
      dimension: 'economic',
      ...change,
    };
  }

  it('adds an activity with every field read as people write it, audited, bumping the plan version', async () => {
    const member = await actAs(t.ctx, 'network_member', 'naringslivschefer');
    const form = await validForm({ ownerUserId: String(member.userId) });
    const activity = await addActivity(member.ctx, plan.id, form);
    expect(activity).toMatchObject({
      planId: plan.id,
      title: 'Etableringsmässa för Södertörn',
      goalIds: form.goalIds.map(Number),
      strategyIds: form.strategyIds.map(Number).sort((a, b) => a - b),
      ownerUserId: member.userId,
      memberIds: form.memberIds.map(Number).sort((a, b) => a - b),
      budgetKr: 1_250_000,
      weight: 1.5,
      climateEffect: 'increases',
      dimension: 'economic',
      carriedOverFromActivityId: null,
    });
    expect((await readRepos(t.ctx).plans.planById(plan.id))!.version).toBeGreaterThan(plan.version);
    const event = (await eventsOf(t.ctx, 'activity.added')).at(-1)!;
    expect(event.entity_id).toBe(String(activity.id));
    const after = JSON.parse(event.after_json!) as Record<string, unknown>;
    expect(Object.keys(after).sort()).toEqual(ACTIVITY_KEYS);
    expect(after).toMatchObject({ plan: plan.title, members: ['Huddinge', 'Botkyrka'], budgetKr: 1_250_000 });
    expect(event.summary).toBe(`Lade till aktiviteten ”Etableringsmässa för Södertörn” i planen ”${plan.title}”.`);
  });

  it('names every problem at once, in the form’s order, in Swedish, and changes nothing', async () => {
    const before = await contentFingerprint(t.storage);
    const refused = await rejection(
      addActivity(t.ctx, plan.id, {
        title: '',
        goalIds: [],
        ownerName: '',
        startDate: '2027-02-30',
        endDate: '',
        budgetKr: '-5',
        weight: '0',
        climateEffect: 'reduces',
        climateJustification: '',
        dimension: 'kulturell',
      }),
    );
    expect(refused.code).toBe('validation_failed');
    expect(refused.problems).toEqual([
      { field: 'title', message: 'Skriv aktivitetens namn.' },
      { field: 'goalIds', message: 'Välj minst ett mål i programmet som aktiviteten bidrar till.' },
      { field: 'ownerName', message: 'Skriv den ansvariges namn eller roll.' },
      {
        field: 'startDate',
        message: 'Startdatumet ska vara ett riktigt datum ÅÅÅÅ-MM-DD, till exempel 2027-03-01.',
      },
      { field: 'endDate', message: 'Skriv slutdatumet, till exempel 2027-12-31.' },
      { field: 'budgetKr', message: 'Skriv budgeten i hela kronor, till exempel 1 250 000, eller lämna fältet tomt.' },
      { field: 'weight', message: 'Skriv vikten som ett tal större än 0, till exempel 1 eller 1,5.' },
      { field: 'climateJustification', message: 'Motivera varför aktiviteten minskar klimatpåverkan.' },
      { field: 'dimension', message: 'Välj hållbarhetsdimension: ekologisk, social eller ekonomisk.' },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('checks goals, strategies, dates and the justification against the plan', async () => {
    const goals = await planGoals(t.ctx);
    const [first, second] = [goals[0]!, goals.find((g, i) => i > 0 && g.strategies.length > 0)!];
    const problems = async (change: Record<string, unknown>) =>
      (await rejection(addActivity(t.ctx, plan.id, await validForm(change)))).problems;
    expect(await problems({ goalIds: [String((await oldProgrammeGoal(t.ctx)).id)], strategyIds: [] })).toEqual([
      { field: 'goalIds', message: 'Välj bara mål i det program planen följer.' },
    ]);
    expect(await problems({ goalIds: [String(first.id)], strategyIds: [String(second.strategies[0]!.id)] })).toEqual([
      { field: 'strategyIds', message: 'Välj bara strategier som hör till de valda målen.' },
    ]);
    expect(await problems({ startDate: '2027-06-01', endDate: '2027-05-31' })).toEqual([
      { field: 'endDate', message: 'Slutdatumet kan inte vara före startdatumet.' },
    ]);
    expect(await problems({ startDate: '2028-01-01', endDate: '2028-06-30' })).toEqual([
      { field: 'startDate', message: 'Aktiviteten ska pågå åtminstone en del av planens år, 2027.' },
    ]);
    expect(await problems({ climateJustification: ' ' })).toEqual([
      { field: 'climateJustification', message: 'Motivera varför aktiviteten ökar klimatpåverkan.' },
    ]);
    expect(await problems({ budgetKr: '12,50' })).toEqual([
      { field: 'budgetKr', message: 'Skriv budgeten i hela kronor, till exempel 1 250 000, eller lämna fältet tomt.' },
    ]);
    // Neutral and unknown need no justification; an empty budget is none, an empty weight is 1.
    const plain = await addActivity(
      t.ctx,
      plan.id,
      await validForm({ climateEffect: 'unknown', climateJustification: '', budgetKr: '', weight: '' }),
    );
    expect(plain).toMatchObject({ climateEffect: 'unknown', budgetKr: null, weight: 1 });
  });

  it('takes an owner account only from the network, and municipalities only from the cooperation', async () => {
    const outsider = await actAs(t.ctx, 'network_member', 'klimatstrateger');
    const owner = await rejection(
      addActivity(t.ctx, plan.id, await validForm({ ownerUserId: String(outsider.userId) })),
    );
    expect(owner.problems).toEqual([
      {
        field: 'ownerUserId',
        message: 'Kontot har ingen roll i planens nätverk. Välj någon i nätverket, eller inget konto.',
      },
    ]);
    const before = await contentFingerprint(t.storage);
    const foreign = await rejection(addActivity(t.ctx, plan.id, await validForm({ memberIds: ['999999'] })));
    expect(foreign.code).toBe('foreign_member');
    expect(foreign.problems).toEqual([
      {
        field: 'memberIds',
        message: 'Bara medlemskommuner i Södertörnssamarbetet kan delta. Välj bland kommunerna i listan.',
      },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it("refuses a foreign network's member (403) to add, change or remove, changing nothing", async () => {
    const activity = await makeActivity(t.ctx, plan, { title: 'Befintlig' });
    const outsider = await actAs(t.ctx, 'network_lead', 'planeringschefer');
    const before = await contentFingerprint(t.storage);
    expect((await rejection(addActivity(outsider.ctx, plan.id, await validForm()))).code).toBe('forbidden');
    const version = String(activity.version);
    expect(
      (await rejection(updateActivity(outsider.ctx, plan.id, activity.id, await validForm({ version })))).code,
    ).toBe('forbidden');
    expect((await rejection(removeActivity(outsider.ctx, plan.id, activity.id, { version }))).code).toBe('forbidden');
    // Even an invalid form tells them nothing but "not yours".
    expect((await rejection(addActivity(outsider.ctx, plan.id, {}))).code).toBe('forbidden');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('changes and removes an activity of a draft, audited; an activity of another plan is not found', async () => {
    const activity = await makeActivity(t.ctx, plan, { title: 'Att ändra' });
    const changed = await updateActivity(
      t.ctx,
      plan.id,
      activity.id,
      await validForm({ title: 'Ändrad', version: String(activity.version) }),
    );
    expect(changed).toMatchObject({ id: activity.id, title: 'Ändrad', position: activity.position });
    expect(changed.version).toBe(activity.version + 1);
    const updated = (await eventsOf(t.ctx, 'activity.updated')).at(-1)!;
    expect(JSON.parse(updated.before_json!)).toMatchObject({ title: 'Att ändra' });
    expect(JSON.parse(updated.after_json!)).toMatchObject({ title: 'Ändrad', dimension: 'economic' });

    const other = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2028, state: 'draft' });
    const version = String(changed.version);
    expect((await rejection(removeActivity(t.ctx, other.id, activity.id, { version }))).code).toBe('not_found');

    await removeActivity(t.ctx, plan.id, activity.id, { version });
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toBeUndefined();
    const removed = (await eventsOf(t.ctx, 'activity.removed')).at(-1)!;
    expect(removed.after_json).toBeNull();
    expect(JSON.parse(removed.before_json!)).toMatchObject({ title: 'Ändrad' });
  });

  it('keeps an activity that has reports (a plan sent back to draft) and one carried into next year', async () => {
    const reported = await makeActivity(t.ctx, plan, { title: 'Rapporterad' });
    await report(t.ctx, reported, await makeRound(t.ctx, 2027, { dueDate: '2027-05-15' }), 30);
    const refused = await rejection(removeActivity(t.ctx, plan.id, reported.id, { version: '1' }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'Aktiviteten har rapporter från uppföljningen och kan inte tas bort. Ändra den i stället.',
    );

    const carriedFrom = await makeActivity(t.ctx, plan, { title: 'Överförd' });
    const next = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2028, kind: 'action', state: 'draft' });
    await makeActivity(t.ctx, next, { carriedOverFromActivityId: carriedFrom.id });
    expect((await rejection(removeActivity(t.ctx, plan.id, carriedFrom.id, { version: '1' }))).message).toBe(
      'Aktiviteten är överförd till planen för 2028 och kan inte tas bort här. Ändra den i stället.',
    );
  });

  it('refuses the second of two saves from the same version (409), keeping the first person’s activity', async () => {
    const activity = await makeActivity(t.ctx, plan, { title: 'Delad aktivitet' });
    const first = await actAs(t.ctx, 'network_member', 'naringslivschefer');
    const second = await actAs(t.ctx, 'network_lead', 'naringslivschefer');
    // Both opened the form at the same version.
    const opened = String(activity.version);
    const saved = await updateActivity(
      first.ctx,
      plan.id,
      activity.id,
      await validForm({ title: 'Den förstas namn', description: 'Den förstas text.', version: opened }),
    );
    expect(saved.version).toBe(activity.version + 1);

    const before = await contentFingerprint(t.storage);
    const stale = await rejection(
      updateActivity(
        second.ctx,
        plan.id,
        activity.id,
        await validForm({ title: 'Den andras namn', description: 'Den andras text.', version: opened }),
      ),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.message).toBe(
      'Aktiviteten har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Jämför med de senaste uppgifterna och försök igen.',
    );
    expect(await contentFingerprint(t.storage)).toEqual(before);
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toMatchObject({
      title: 'Den förstas namn',
      description: 'Den förstas text.',
      version: activity.version + 1,
    });
    expect((await eventsOf(t.ctx, 'activity.updated')).at(-1)!.actor_name).toBe(first.name);

    // A form without a version (opened before versions existed, or tampered with) saves nothing either.
    const unversioned = await rejection(updateActivity(second.ctx, plan.id, activity.id, await validForm()));
    expect(unversioned.problems).toEqual([
      { field: 'version', message: 'Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.' },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);

    // Sent again at the version the refusal showed, the second person's text wins deliberately.
    const again = await updateActivity(
      second.ctx,
      plan.id,
      activity.id,
      await validForm({ title: 'Den andras namn', version: String(saved.version) }),
    );
    expect(again).toMatchObject({ title: 'Den andras namn', version: saved.version + 1 });
  });

  it('removes an activity only at the version the person saw; a change meanwhile keeps it (409)', async () => {
    const activity = await makeActivity(t.ctx, plan, { title: 'Att ta bort' });
    const opened = String(activity.version);
    await updateActivity(
      t.ctx,
      plan.id,
      activity.id,
      await validForm({ title: 'Ändrad under tiden', version: opened }),
    );
    const before = await contentFingerprint(t.storage);
    const stale = await rejection(removeActivity(t.ctx, plan.id, activity.id, { version: opened }));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toBe(
      'Aktiviteten har ändrats av någon annan sedan du öppnade sidan och har inte tagits bort. Se hur den ser ut nu och ta bort den igen om den ska bort.',
    );
    expect(await contentFingerprint(t.storage)).toEqual(before);
    expect((await rejection(removeActivity(t.ctx, plan.id, activity.id, {}))).code).toBe('validation_failed');

    await removeActivity(t.ctx, plan.id, activity.id, { version: String(activity.version + 1) });
    expect(await readRepos(t.ctx).plans.activityById(activity.id)).toBeUndefined();
    // The plan remembers the activity it lost, for its history.
    expect(await readRepos(t.ctx).plans.removedActivityIdsOf(plan.id)).toContain(activity.id);
  });
});
