import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { actAs, eventsOf, makeActivity, makePlan, makeRound, networks, rejection } from '../support/plans.js';

describe.each(testDialects)('reporting on an activity on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  async function setUp(year: number) {
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year, state: 'adopted' });
    const activity = await makeActivity(t.ctx, plan);
    const round = await makeRound(t.ctx, year, {
      name: 'Tertial 1',
      periodEnd: `${year}-04-30`,
      dueDate: `${year}-05-15`,
    });
    const member = await actAs(t.ctx, 'network_member', 'planeringschefer');
    return { plan, activity, round, member };
  }

  it('stores a report by a network member, with who reported it, and audits it', async () => {
    const { activity, round, member } = await setUp(2040);
    const report = await reportActivity(member.ctx, activity.id, {
      roundId: String(round.id),
      status: 'yellow',
      progress: '40 %',
      comment: 'Underlaget från två kommuner dröjer.',
    });
    expect(report).toMatchObject({
      activityId: activity.id,
      roundId: round.id,
      status: 'yellow',
      progress: 40,
      comment: 'Underlaget från två kommuner dröjer.',
      reportedByUserId: member.userId,
      reportedByName: member.name,
    });
    expect(await readRepos(t.ctx).followUp.report(activity.id, round.id)).toEqual(report);
    const event = (await eventsOf(t.ctx, 'activity_report.saved')).at(-1)!;
    expect(event.entity_id).toBe(String(report.id));
    expect(event.actor_user_id).toBe(member.userId);
    expect(event.before_json).toBeNull();
    expect(JSON.parse(event.after_json!)).toMatchObject({ status: 'yellow', progress: 40, round: 'Tertial 1 2040' });
  });

  it('replaces an earlier report for the same round and audits before and after', async () => {
    const { activity, round, member } = await setUp(2041);
    const first = await reportActivity(member.ctx, activity.id, {
      roundId: round.id,
      status: 'red',
      progress: 10,
      comment: 'Stoppat.',
    });
    const second = await reportActivity(member.ctx, activity.id, {
      roundId: round.id,
      status: 'green',
      progress: '55',
      comment: '',
    });
    expect(second.id).toBe(first.id);
    const reports = await readRepos(t.ctx).followUp.reportsFor([activity.id]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'green', progress: 55, comment: '' });
    const event = (await eventsOf(t.ctx, 'activity_report.saved')).at(-1)!;
    expect(JSON.parse(event.before_json!)).toMatchObject({ status: 'red', progress: 10, comment: 'Stoppat.' });
    expect(JSON.parse(event.after_json!)).toMatchObject({ status: 'green', progress: 55, comment: '' });
    expect(event.summary).toContain('Ändrade rapporten');
  });

  it('names every problem by field in Swedish, and stores nothing', async () => {
    const { activity, member } = await setUp(2042);
    const before = (await eventsOf(t.ctx, 'activity_report.saved')).length;
    const error = await rejection(
      reportActivity(member.ctx, activity.id, { roundId: '', status: 'blue', progress: '140 %', comment: '' }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.problems).toEqual([
      { field: 'roundId', message: 'Välj uppföljningsomgången.' },
      { field: 'status', message: 'Välj status: grön, gul eller röd.' },
      {
        field: 'progress',
        message: 'Skriv hur stor del av aktiviteten som är genomförd, i hela procent från 0 till 100, till exempel 40.',
      },
    ]);
    const noComment = await rejection(
      reportActivity(member.ctx, activity.id, { roundId: 999999, status: 'red', progress: '12,5', comment: '  ' }),
    );
    expect(noComment.problems.map((p) => p.field)).toEqual(['roundId', 'progress', 'comment']);
    expect(noComment.problems[2]!.message).toMatch(/^Skriv en kommentar: vid gul eller röd status/);
    expect(await readRepos(t.ctx).followUp.reportsFor([activity.id])).toEqual([]);
    expect(await eventsOf(t.ctx, 'activity_report.saved')).toHaveLength(before);
  });

  it('refuses a round of another year than the plan', async () => {
    const { activity, member } = await setUp(2043);
    const other = await makeRound(t.ctx, 2044, { name: 'Tertial 1', periodEnd: '2044-04-30', dueDate: '2044-05-15' });
    const error = await rejection(
      reportActivity(member.ctx, activity.id, { roundId: other.id, status: 'green', progress: 0, comment: '' }),
    );
    expect(error.problems).toEqual([
      {
        field: 'roundId',
        message: 'Omgången ”Tertial 1 2044” följer upp 2044, men planen gäller 2043. Välj en omgång för 2043.',
      },
    ]);
    expect(await readRepos(t.ctx).followUp.reportsFor([activity.id])).toEqual([]);
  });

  it('refuses a draft plan', async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2045, state: 'draft' });
    const activity = await makeActivity(t.ctx, plan);
    const round = await makeRound(t.ctx, 2045, { name: 'Tertial 1', periodEnd: '2045-04-30', dueDate: '2045-05-15' });
    const error = await rejection(
      reportActivity(t.ctx, activity.id, { roundId: round.id, status: 'green', progress: 5, comment: '' }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^Planen är ett utkast/);
    expect(await readRepos(t.ctx).followUp.reportsFor([activity.id])).toEqual([]);
  });

  it('refuses a member of another network, and the public, with nothing changed', async () => {
    const { activity, round } = await setUp(2046);
    const other = (await networks(t.ctx)).find((n) => n.key !== 'planeringschefer')!;
    const stranger = await actAs(t.ctx, 'network_lead', other.key);
    const valid = { roundId: round.id, status: 'green', progress: 30, comment: '' };
    expect((await rejection(reportActivity(stranger.ctx, activity.id, valid))).code).toBe('forbidden');
    const reader = await actAs(t.ctx, 'reader');
    expect((await rejection(reportActivity(reader.ctx, activity.id, valid))).code).toBe('forbidden');
    const anonymous = { ...t.ctx, actor: { kind: 'anonymous' as const }, principal: { signedIn: false, grants: [] } };
    expect((await rejection(reportActivity(anonymous, activity.id, valid))).code).toBe('unauthenticated');
    expect((await rejection(reportActivity(t.ctx, 987654321, valid))).code).toBe('not_found');
    expect(await readRepos(t.ctx).followUp.reportsFor([activity.id])).toEqual([]);
  });
});
