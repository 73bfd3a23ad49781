import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { readRepos } from '../../src/app/context.js';
import { lateReports } from '../../src/app/follow-up/late-reports.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { actAs, makeActivity, makePlan, makeRound, networkByKey, rejection } from '../support/plans.js';

const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });

describe.each(testDialects)('late reports on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  it('lists a missing report from the day after the deadline, Swedish time', async () => {
    const year = 2060;
    const round = await makeRound(t.ctx, year, {
      name: 'Tertial 1',
      periodEnd: `${year}-04-30`,
      dueDate: `${year}-05-15`,
    });
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year });
    const activity = await makeActivity(t.ctx, plan, { ownerName: 'Planeringschefen i Haninge' });

    // 23.59 on the due date in Stockholm (summer time, UTC+2): still on time.
    expect((await lateReports(at(t.ctx, `${year}-05-15T21:59:00Z`), { year })).items).toEqual([]);
    // 00.00 the day after: late, one day.
    const late = await lateReports(at(t.ctx, `${year}-05-15T22:00:00Z`), { year });
    expect(late.today).toBe(`${year}-05-16`);
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({
      network: { key: 'planeringschefer' },
      plan: { id: plan.id, title: plan.title, isExample: false },
      activity: { id: activity.id, title: activity.title, ownerName: 'Planeringschefen i Haninge' },
      round: { id: round.id, dueDate: `${year}-05-15` },
      daysLate: 1,
      lastReminderAt: null,
    });
    expect((await lateReports(at(t.ctx, `${year}-06-14T10:00:00Z`), { year })).items[0]!.daysLate).toBe(30);

    // A report (even after the deadline) takes it off the list.
    await reportActivity(at(t.ctx, `${year}-06-14T10:00:00Z`), activity.id, {
      roundId: round.id,
      status: 'yellow',
      progress: 15,
      comment: 'Sent igång.',
    });
    expect((await lateReports(at(t.ctx, `${year}-06-14T10:00:00Z`), { year })).items).toEqual([]);
  });

  it('expects reports only from activities that had started, of plans that are not drafts', async () => {
    const year = 2061;
    const now = at(t.ctx, `${year}-10-01T10:00:00Z`);
    await makeRound(t.ctx, year, { name: 'Tertial 1', periodEnd: `${year}-04-30`, dueDate: `${year}-05-15` });
    await makeRound(t.ctx, year, { name: 'Tertial 2', periodEnd: `${year}-08-31`, dueDate: `${year}-09-15` });
    await makeRound(t.ctx, year, { name: 'Årsuppföljning', periodEnd: `${year}-12-31`, dueDate: `${year + 1}-01-31` });
    const adopted = await makePlan(t.ctx, { networkKey: 'planeringschefer', year, isExample: true });
    const submitted = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year, state: 'submitted' });
    const draft = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year, state: 'draft' });
    await makeActivity(t.ctx, adopted, { title: 'Från april', startDate: `${year}-04-30` });
    await makeActivity(t.ctx, adopted, { title: 'Från maj', startDate: `${year}-05-01` });
    await makeActivity(t.ctx, submitted, { title: 'Inlämnad', startDate: `${year}-01-01` });
    await makeActivity(t.ctx, draft, { title: 'Utkast', startDate: `${year}-01-01` });
    // A plan of another year is not followed up by these rounds.
    await makeActivity(t.ctx, await makePlan(t.ctx, { networkKey: 'planeringschefer', year: year + 1 }));

    const list = await lateReports(now, { year });
    expect(list.items.map((i) => [i.round.name, i.activity.title, i.daysLate])).toEqual([
      ['Tertial 1', 'Från april', 139],
      ['Tertial 1', 'Inlämnad', 139],
      ['Tertial 2', 'Från april', 16],
      ['Tertial 2', 'Från maj', 16],
      ['Tertial 2', 'Inlämnad', 16],
    ]);
    expect(list.includesExamples).toBe(true);
    expect(list.items.find((i) => i.activity.title === 'Från maj')!.plan.isExample).toBe(true);
  });

  it('shows the secretariat every network, a lead their own, and refuses everyone else', async () => {
    const year = 2064;
    const now = `${year}-06-01T10:00:00Z`;
    await makeRound(t.ctx, year, { name: 'Tertial 1', periodEnd: `${year}-04-30`, dueDate: `${year}-05-15` });
    const own = await makePlan(t.ctx, { networkKey: 'planeringschefer', year });
    const foreign = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year });
    await makeActivity(t.ctx, own, { title: 'Egen' });
    await makeActivity(t.ctx, foreign, { title: 'Främmande' });
    const climate = await networkByKey(t.ctx, 'klimatstrateger');

    const all = await lateReports(at(t.ctx, now), { year });
    expect(all.items.map((i) => i.activity.title)).toEqual(['Egen', 'Främmande']);
    expect(all.networks.length).toBeGreaterThan(2);

    const lead = await actAs(at(t.ctx, now), 'network_lead', 'planeringschefer');
    const leads = await lateReports(lead.ctx, { year });
    expect(leads.items.map((i) => i.activity.title)).toEqual(['Egen']);
    expect(leads.networks.map((n) => n.key)).toEqual(['planeringschefer']);
    expect((await rejection(lateReports(lead.ctx, { year, networkId: climate.id }))).code).toBe('forbidden');
    expect((await lateReports(t.ctx, { networkId: climate.id, year })).items).toEqual([]);
    expect(
      (await lateReports(at(t.ctx, now), { networkId: climate.id, year })).items.map((i) => i.activity.title),
    ).toEqual(['Främmande']);

    const member = await actAs(at(t.ctx, now), 'network_member', 'planeringschefer');
    expect((await rejection(lateReports(member.ctx, { year }))).code).toBe('forbidden');
    const reader = await actAs(at(t.ctx, now), 'reader');
    expect((await rejection(lateReports(reader.ctx, { year }))).code).toBe('forbidden');
    const visitor = {
      ...at(t.ctx, now),
      actor: { kind: 'anonymous' as const },
      principal: { signedIn: false, grants: [] },
    };
    expect((await rejection(lateReports(visitor, { year }))).code).toBe('unauthenticated');
  });

  it('says when the last reminder was sent', async () => {
    const year = 2065;
    const round = await makeRound(t.ctx, year, {
      name: 'Tertial 1',
      periodEnd: `${year}-04-30`,
      dueDate: `${year}-05-15`,
    });
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year });
    const activity = await makeActivity(t.ctx, plan);
    const repos = readRepos(t.ctx);
    for (const sentAt of [`${year}-05-17T08:00:00.000Z`, `${year}-05-24T08:00:00.000Z`, `${year}-05-20T08:00:00.000Z`])
      await repos.followUp.insertReminder({
        roundId: round.id,
        activityId: activity.id,
        recipient: 'a@test.invalid',
        sentAt,
      });
    const [item] = (await lateReports(at(t.ctx, `${year}-06-01T10:00:00Z`), { year })).items;
    expect(item!.lastReminderAt).toBe(`${year}-05-24T08:00:00.000Z`);
  });
});
