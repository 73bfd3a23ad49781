/**
 * The demo's example plans: invented, so every plan is marked as an example and says so; adopted 2026 plans
 * of two networks serving the programme new plans follow; rounds for 2026 and 2027; reports that leave
 * something late on the test day and one activity finished; every record with its audit event in a chain
 * that verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { lateReports } from '../../src/app/follow-up/late-reports.js';
import { getPlan } from '../../src/app/plans/get-plan.js';
import { listPlans } from '../../src/app/plans/list-plans.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import type { AuditRecord } from '../../src/domain/audit/audit-event.js';
import { parseSnapshot } from '../../src/domain/audit/snapshots.js';
import type { ActivityReport } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('the demo example plans on %s', (dialect) => {
  let t: TestContext;
  let plans: Plan[];
  let activities: Activity[];
  let reports: ActivityReport[];
  let events: AuditRecord[];
  const publicCtx = (): AppContext => actingAs(t.ctx, ANONYMOUS, PUBLIC_PRINCIPAL);

  beforeAll(async () => {
    t = await openTestContext(dialect);
    const repos = readRepos(t.ctx);
    const collaboration = (await repos.collaboration.first())!;
    plans = await repos.plans.plans({ collaborationId: collaboration.id });
    activities = await repos.plans.activitiesOf(plans.map((p) => p.id));
    reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
    events = [];
    for await (const e of repos.audit.all()) events.push(e);
  });
  afterAll(() => t?.close());

  const planOf = (network: string, kind: Plan['kind']) => {
    const plan = plans.find((p) => p.kind === kind && p.title.includes(network));
    expect(plan, `${kind} plan of ${network}`).toBeDefined();
    return plan!;
  };

  it('are adopted 2026 plans of two networks, every one an example that says so first', async () => {
    const { networks } = await listPlans(t.ctx);
    const keyOf = (p: Plan) => networks.find((n) => n.id === p.networkId)!.key;
    expect(plans.map((p) => [keyOf(p), p.kind, p.year, p.state])).toEqual([
      ['planeringschefer', 'operational', 2026, 'adopted'],
      ['planeringschefer', 'action', 2026, 'adopted'],
      ['klimatstrateger', 'operational', 2026, 'adopted'],
    ]);
    expect(plans.every((p) => p.isExample)).toBe(true);
    for (const p of plans) expect(p.summary).toMatch(/^Påhittat exempel: .*inte samverkans verkliga plan\./);
    const operational = planOf('planeringschef', 'operational');
    expect(planOf('cykel', 'action').parentPlanId).toBe(operational.id);
    // Adopted, so the public sees them.
    expect((await listPlans(publicCtx(), { year: 2026 })).plans.map((p) => p.id)).toEqual(plans.map((p) => p.id));
  });

  it('serve goals and strategies of the programme new plans follow, with owners, members and effects', async () => {
    const { programme } = (await programmeForPlans(t.ctx))!;
    expect(programme.slug).toBe('sup-2035-rev-2021');
    expect(plans.every((p) => p.programmeId === programme.id)).toBe(true);
    const goals = new Map(goalsOf(programme).map((g) => [g.id, g]));
    for (const p of plans.filter((x) => x.kind === 'operational'))
      expect(activities.filter((a) => a.planId === p.id).length).toBeGreaterThanOrEqual(3);
    expect(activities).toHaveLength(10);
    for (const a of activities) {
      expect(a.goalIds.length, a.title).toBeGreaterThan(0);
      expect(
        a.goalIds.every((id) => goals.has(id)),
        a.title,
      ).toBe(true);
      const strategies = a.goalIds.flatMap((id) => goals.get(id)!.strategies.map((s) => s.id));
      expect(
        a.strategyIds.every((id) => strategies.includes(id)),
        a.title,
      ).toBe(true);
      expect(a.ownerName).toMatch(/^[A-ZÅÄÖ][a-zåäö]+, [A-ZÅÄÖ][a-zåäö]+s? kommun$/);
      expect(a.ownerUserId).toBeNull();
      expect(a.memberIds.length).toBeGreaterThan(0);
      expect(a.startDate <= '2026-04-30' && a.startDate < a.endDate, a.title).toBe(true);
      expect(a.climateJustification).not.toBe('');
    }
    expect(new Set(activities.map((a) => a.climateEffect))).toEqual(
      new Set(['reduces', 'neutral', 'increases', 'unknown']),
    );
    expect(new Set(activities.map((a) => a.dimension))).toEqual(new Set(['ecological', 'social', 'economic']));
    expect(activities.some((a) => a.budgetKr === null)).toBe(true);
    expect(activities.some((a) => a.budgetKr !== null && a.budgetKr > 0)).toBe(true);
  });

  it('were each adopted by a committee decision of January 2026 marked as an example', async () => {
    const decisions = await readRepos(t.ctx).plans.decisionsOf(plans.map((p) => p.id));
    expect(decisions.map((d) => d.planId)).toEqual(plans.map((p) => p.id));
    for (const d of decisions) {
      expect(d.outcome).toBe('adopted');
      expect(d.decided).toEqual({ precision: 'exact', date: '2026-01-22' });
      expect(d.note).toMatch(/^Exempel: beslutet är påhittat/);
    }
  });

  it('have the three rounds of 2026 and of 2027', async () => {
    const rounds = await readRepos(t.ctx).followUp.rounds(1);
    expect(rounds.map((r) => [r.year, r.name, r.periodEnd, r.dueDate])).toEqual([
      [2026, 'Tertial 1', '2026-04-30', '2026-05-15'],
      [2026, 'Tertial 2', '2026-08-31', '2026-09-15'],
      [2026, 'Årsuppföljning', '2026-12-31', '2027-01-31'],
      [2027, 'Tertial 1', '2027-04-30', '2027-05-15'],
      [2027, 'Tertial 2', '2027-08-31', '2027-09-15'],
      [2027, 'Årsuppföljning', '2027-12-31', '2028-01-31'],
    ]);
  });

  it('have reports by "Exempeldata": tertial 1 on all, tertial 2 on all but two, one activity finished', async () => {
    const rounds = await readRepos(t.ctx).followUp.rounds(1, 2026);
    const [t1, t2] = rounds;
    expect(reports.every((r) => r.reportedByName === 'Exempeldata' && r.reportedByUserId === null)).toBe(true);
    const reported = (roundId: number) =>
      new Set(reports.filter((r) => r.roundId === roundId).map((r) => r.activityId));
    expect(reported(t1!.id)).toEqual(new Set(activities.map((a) => a.id)));
    const missing = activities.filter((a) => !reported(t2!.id).has(a.id));
    expect(missing).toHaveLength(2);
    // One late in each network's plans, so each network's lead has something on the late list.
    expect(new Set(missing.map((a) => plans.find((p) => p.id === a.planId)!.networkId)).size).toBe(2);
    expect(reports.filter((r) => r.roundId === rounds[2]!.id)).toEqual([]);
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(['green', 'yellow', 'red']));
    for (const r of reports) {
      if (r.status === 'green') expect(r.comment).toBe('');
      else expect(r.comment.length).toBeGreaterThan(10);
      // Reported on time: before the round's deadline.
      const due = rounds.find((x) => x.id === r.roundId)!.dueDate;
      expect(r.reportedAt.slice(0, 10) <= due).toBe(true);
    }
    const finished = reports.filter((r) => r.progress === 100);
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ roundId: t2!.id, status: 'green' });
  });

  it('show on the late list on the test day, and on the plan page with their latest report', async () => {
    const late = await lateReports(t.ctx, { year: 2026 });
    expect(late.includesExamples).toBe(true);
    expect(late.items.map((i) => i.round.name)).toEqual(['Tertial 2', 'Tertial 2']);
    expect(late.items.map((i) => i.activity.title).sort()).toEqual([
      'Samordnad planering av bebyggelse nära stationer',
      'Samordnad skyfallskartering',
    ]);
    const view = await getPlan(publicCtx(), planOf('klimatstrateg', 'operational').id);
    const charging = view.activities.find((a) => a.activity.title === 'Behovet av laddinfrastruktur')!;
    expect(charging.latest).toMatchObject({ status: 'red', progress: 45 });
    expect(charging.latest!.comment).toContain('förlängas');
  });

  it('have one audit event per record, named as examples, in a chain that verifies', async () => {
    const plansEvents = events.filter((e) =>
      ['plan', 'activity', 'plan_decision', 'follow_up_round', 'activity_report'].includes(e.entityType),
    );
    const count = (action: string) => plansEvents.filter((e) => e.action === action).length;
    expect([
      count('plan.created'),
      count('activity.added'),
      count('plan_decision.recorded'),
      count('follow_up_round.created'),
      count('activity_report.saved'),
    ]).toEqual([3, 10, 3, 6, reports.length]);
    expect(reports).toHaveLength(18);
    for (const e of plansEvents.filter((x) => x.action === 'plan.created')) {
      expect(e.summary).toContain('exempelplanen');
      expect(parseSnapshot(e.afterJson)).toMatchObject({ isExample: 1, state: 'adopted', year: 2026 });
    }
    expect(
      plansEvents.filter((e) => e.action === 'activity_report.saved').every((e) => e.summary.includes('påhittad')),
    ).toBe(true);
    expect(new Set(plansEvents.filter((e) => e.entityType === 'activity_report').map((e) => e.entityId))).toEqual(
      new Set(reports.map((r) => String(r.id))),
    );
    expect(plansEvents.every((e) => e.actorKind === 'system')).toBe(true);
    expect(await verifyAuditTrail(t.ctx)).toMatchObject({ ok: true, count: events.length });
  });
});
