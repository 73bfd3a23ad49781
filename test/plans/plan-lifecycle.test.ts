/**
 * A plan's life at the application level on both databases: created by the network (one operational
 * plan per network and year), renamed with a version check, submitted by the lead, and adopted or sent
 * back by the committee — every step authorised for the network and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { createPlan } from '../../src/app/plans/create-plan.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { recordPlanDecision } from '../../src/app/plans/record-plan-decision.js';
import { submitPlan } from '../../src/app/plans/submit-plan.js';
import { updatePlan } from '../../src/app/plans/update-plan.js';
import { addActivity } from '../../src/app/plans/edit-activities.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { actAs, eventsOf, makeActivity, makePlan, networkByKey, planGoals, rejection } from '../support/plans.js';

const PLAN_KEYS = [
  'copiedFromPlanId',
  'isExample',
  'kind',
  'network',
  'parentPlanId',
  'programme',
  'state',
  'summary',
  'title',
  'year',
];

describe.each(testDialects)('plan lifecycle on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  it('lets a network member create the operational plan, serving the programme for new plans, audited', async () => {
    const member = await actAs(t.ctx, 'network_member', 'naringslivschefer');
    const network = await networkByKey(t.ctx, 'naringslivschefer');
    const plan = await createPlan(member.ctx, {
      networkId: String(network.id),
      year: '2027',
      kind: 'operational',
      title: '  Verksamhetsplan 2027 för näringslivscheferna ',
      summary: 'Fler etableringar.',
    });
    const target = (await programmeForPlans(t.ctx))!;
    expect(plan).toMatchObject({
      networkId: network.id,
      year: 2027,
      kind: 'operational',
      title: 'Verksamhetsplan 2027 för näringslivscheferna',
      state: 'draft',
      programmeId: target.programme.id,
      isExample: false,
      parentPlanId: null,
    });
    const event = (await eventsOf(t.ctx, 'plan.created')).at(-1)!;
    expect(event.entity_id).toBe(String(plan.id));
    expect(event.actor_user_id).toBe(member.userId);
    const after = JSON.parse(event.after_json!) as Record<string, unknown>;
    expect(Object.keys(after).sort()).toEqual(PLAN_KEYS);
    expect(after).toMatchObject({ network: 'Näringslivschefer', programme: target.programme.name, state: 'draft' });
    expect(event.summary).toBe(
      'Skapade planen ”Verksamhetsplan 2027 för näringslivscheferna” (Näringslivschefer, 2027).',
    );
  });

  it('refuses a second operational plan, a year out of range and missing fields, in Swedish, changing nothing', async () => {
    const network = await networkByKey(t.ctx, 'yh-natverket');
    await createPlan(t.ctx, { networkId: network.id, year: 2028, kind: 'operational', title: 'Plan 2028' });
    const before = await contentFingerprint(t.storage);
    const duplicate = await rejection(
      createPlan(t.ctx, { networkId: network.id, year: 2028, kind: 'operational', title: 'En till' }),
    );
    expect(duplicate.code).toBe('validation_failed');
    expect(duplicate.problems).toEqual([
      {
        field: 'year',
        message:
          'YH-nätverket har redan en verksamhetsplan för 2028. Varje nätverk har en verksamhetsplan per år: öppna den och lägg till en handlingsplan där i stället.',
      },
    ]);
    const outOfRange = await rejection(
      createPlan(t.ctx, { networkId: network.id, year: '2031', kind: 'operational', title: 'Långt fram' }),
    );
    expect(outOfRange.problems).toEqual([{ field: 'year', message: 'Året ska vara mellan 2025 och 2028.' }]);
    const empty = await rejection(createPlan(t.ctx, { networkId: '', year: '', kind: '', title: ' ' }));
    expect(empty.problems.map((p) => p.field)).toEqual(['networkId', 'year', 'kind', 'title']);
    expect(empty.problems[0]!.message).toBe('Välj nätverk.');
    expect(empty.problems[3]!.message).toBe('Skriv planens namn.');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('refuses a plan for another network to its members (403), changing nothing', async () => {
    const outsider = await actAs(t.ctx, 'network_lead', 'klimatstrateger');
    const reader = await actAs(t.ctx, 'reader');
    const network = await networkByKey(t.ctx, 'etablering-sodertorn');
    const before = await contentFingerprint(t.storage);
    const refused = await rejection(
      createPlan(outsider.ctx, { networkId: network.id, year: 2027, kind: 'operational', title: 'Inte min plan' }),
    );
    expect(refused.code).toBe('forbidden');
    // A reader writes no plans at all.
    expect((await rejection(createPlan(reader.ctx, { networkId: '', title: '' }))).code).toBe('forbidden');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('creates an action plan under the operational plan of the same network and year; an example stays one', async () => {
    const parent = await makePlan(t.ctx, {
      networkKey: 'etablering-sodertorn',
      year: 2025,
      state: 'draft',
      isExample: true,
    });
    const other = await makePlan(t.ctx, { networkKey: 'etablering-sodertorn', year: 2026, state: 'draft' });
    const wrong = await rejection(
      createPlan(t.ctx, {
        networkId: parent.networkId,
        year: 2025,
        kind: 'action',
        parentPlanId: other.id,
        title: 'Handlingsplan',
      }),
    );
    expect(wrong.problems).toEqual([
      {
        field: 'parentPlanId',
        message: 'En handlingsplan hör till verksamhetsplanen för samma nätverk och år. Välj den verksamhetsplanen.',
      },
    ]);
    const action = await createPlan(t.ctx, {
      networkId: parent.networkId,
      year: 2025,
      kind: 'action',
      parentPlanId: parent.id,
      title: 'Handlingsplan för språkstöd',
    });
    expect(action).toMatchObject({ kind: 'action', parentPlanId: parent.id, isExample: true, state: 'draft' });
    const after = JSON.parse((await eventsOf(t.ctx, 'plan.created')).at(-1)!.after_json!) as Record<string, unknown>;
    expect(after).toMatchObject({ parentPlanId: parent.title, isExample: 1, kind: 'action' });
  });

  it('renames a draft at the version it was opened at; a stale version is a conflict that changes nothing', async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2025, state: 'draft' });
    const member = await actAs(t.ctx, 'network_member', 'naringslivschefer');
    const renamed = await updatePlan(member.ctx, plan.id, {
      title: 'Verksamhetsplan 2025 (reviderad)',
      summary: plan.summary,
      version: String(plan.version),
    });
    expect(renamed).toMatchObject({ title: 'Verksamhetsplan 2025 (reviderad)', version: plan.version + 1 });
    const event = (await eventsOf(t.ctx, 'plan.updated')).at(-1)!;
    expect(JSON.parse(event.before_json!)).toEqual({ title: plan.title });
    expect(JSON.parse(event.after_json!)).toEqual({ title: 'Verksamhetsplan 2025 (reviderad)' });
    expect(event.summary).toBe('Ändrade namnet i planen ”Verksamhetsplan 2025 (reviderad)”.');

    const before = await contentFingerprint(t.storage);
    const stale = await rejection(
      updatePlan(member.ctx, plan.id, { title: 'Gammal flik', summary: '', version: plan.version }),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^Planen har ändrats av någon annan sedan du öppnade sidan\./);
    const blank = await rejection(
      updatePlan(member.ctx, plan.id, { title: '', summary: '', version: renamed.version }),
    );
    expect(blank.problems).toEqual([{ field: 'title', message: 'Skriv planens namn.' }]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('is submitted by the lead only with activities, then locked; the committee adopts or sends it back', async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'yh-natverket', year: 2027, state: 'draft' });
    const lead = await actAs(t.ctx, 'network_lead', 'yh-natverket');
    const member = await actAs(t.ctx, 'network_member', 'yh-natverket');

    const empty = await rejection(submitPlan(lead.ctx, plan.id));
    expect(empty.message).toBe('Planen har inga aktiviteter. Lägg till minst en aktivitet innan du lämnar in planen.');
    await makeActivity(t.ctx, plan);
    expect((await rejection(submitPlan(member.ctx, plan.id))).code).toBe('forbidden');
    const submitted = await submitPlan(lead.ctx, plan.id);
    expect(submitted.state).toBe('submitted');
    expect((await eventsOf(t.ctx, 'plan.submitted')).at(-1)!.summary).toBe(
      `Lämnade in planen ”${plan.title}” till samarbetskommittén.`,
    );

    // Submitted: no more changes, and not submitted twice.
    const goal = (await planGoals(t.ctx))[0]!;
    const locked = await rejection(
      addActivity(member.ctx, plan.id, { title: 'Sent påkommen', goalIds: [goal.id], ownerName: 'X' }),
    );
    expect(locked.code).toBe('not_a_draft');
    expect(locked.message).toMatch(/^Planen är inlämnad till samarbetskommittén och kan inte ändras\./);
    expect((await rejection(submitPlan(lead.ctx, plan.id))).code).toBe('not_a_draft');

    // Only the secretariat records the committee's decision, with a date that is not in the future.
    const decision = { outcome: 'referred_back', datePrecision: 'exact', date: '2026-11-20', paragraph: '§ 7' };
    expect((await rejection(recordPlanDecision(lead.ctx, plan.id, decision))).code).toBe('forbidden');
    const future = await rejection(recordPlanDecision(t.ctx, plan.id, { ...decision, date: '2026-12-01' }));
    expect(future.problems).toEqual([
      { field: 'date', message: 'Ett beslut kan inte ha fattats efter i dag (2026-11-27).' },
    ]);
    const noOutcome = await rejection(recordPlanDecision(t.ctx, plan.id, { ...decision, outcome: '' }));
    expect(noOutcome.problems).toEqual([
      { field: 'outcome', message: 'Välj beslutet: antaget, avslaget eller återremitterat.' },
    ]);
    await recordPlanDecision(t.ctx, plan.id, decision);
    expect((await readRepos(t.ctx).plans.planById(plan.id))!.state).toBe('draft');

    await submitPlan(lead.ctx, plan.id);
    const adopted = await recordPlanDecision(t.ctx, plan.id, { ...decision, outcome: 'adopted', paragraph: '§ 9' });
    expect((await readRepos(t.ctx).plans.planById(plan.id))!.state).toBe('adopted');
    expect(await readRepos(t.ctx).plans.decisionsOf([plan.id])).toHaveLength(2);
    const event = (await eventsOf(t.ctx, 'plan_decision.recorded')).at(-1)!;
    expect(event.entity_id).toBe(String(adopted.id));
    expect(JSON.parse(event.after_json!)).toEqual({
      datePrecision: 'exact',
      decidedOn: '2026-11-20',
      paragraph: '§ 9',
      outcome: 'adopted',
      note: '',
      source: '',
    });
    expect(event.summary).toBe(`Samarbetskommitténs beslut om planen ”${plan.title}”: antagen, 2026-11-20, § 9.`);
    const stateChange = (await eventsOf(t.ctx, 'plan.updated')).at(-1)!;
    expect(JSON.parse(stateChange.after_json!)).toMatchObject({ state: 'adopted' });
    // An adopted plan takes no new decision until it is submitted again.
    expect((await rejection(recordPlanDecision(t.ctx, plan.id, decision))).code).toBe('not_proposed');
  });
});
