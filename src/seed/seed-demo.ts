import { recordEvent, type ChangeToRecord } from '../app/audit/record-event.js';
import { inTransaction, timestamp, type AppContext } from '../app/context.js';
import {
  collaborationSeededSummary,
  decisionRecordedSummary,
  programmeSeededSummary,
} from '../domain/audit/audit-summary-sv.js';
import { decisionSnapshot, programmeSnapshot } from '../domain/audit/snapshots.js';
import type { Goal } from '../domain/programme/programme.js';
import { indicatorSnapshot } from '../app/indicators/define-indicator.js';
import { checkImport, writeImport } from '../app/indicators/import-values.js';
import { goalIndicatorSnapshot } from '../app/indicators/link-goal-indicator.js';
import { loadDemoDataset, type DemoDataset } from './demo-dataset.js';
import { DEMO_GOAL_TARGET, DEMO_SERIES, demoValueRows } from './demo-indicators.js';
import { DEMO_EVENTS, seedDemoEvents, type DemoEventRecord } from './demo-events.js';
import { seedDemoPlans } from './demo-plans.js';
import { shippedAreas } from './kolada-catalogue-files.js';

const lookup = <K, V>(map: Map<K, V>, key: K, what: string): V => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demodata: ${what} ${String(key)} saknas.`);
  return value;
};

/**
 * Loads the shipped real demo (data/demo/) into an empty database, all in one transaction.
 * Does nothing when the database already holds a cooperation; returns whether it seeded.
 * The audit trail gets one event for the cooperation and one per programme and decision, as if each
 * had been entered by hand, so every record has a history from its first day; so do the invented
 * example plans with their activities, decisions, rounds and reports (src/seed/demo-plans.ts).
 */
export async function seedDemo(
  ctx: AppContext,
  dataset: DemoDataset = loadDemoDataset(),
  /** The events (src/seed/demo-events.ts); none for a database migrated only up to before 0010. */
  calendarEvents: readonly DemoEventRecord[] = DEMO_EVENTS,
): Promise<boolean> {
  return inTransaction(ctx, async (repos) => {
    if ((await repos.collaboration.count()) > 0) return false;
    const now = timestamp(ctx);
    const collaborationId = await repos.collaboration.insert(dataset.collaboration, now);
    const events: ChangeToRecord[] = [
      {
        action: 'collaboration.created',
        entityType: 'collaboration',
        entityId: collaborationId,
        summary: collaborationSeededSummary(dataset.collaboration.name, dataset.members.length),
        before: null,
        after: {
          slug: dataset.collaboration.slug,
          name: dataset.collaboration.name,
          formalisedYear: dataset.collaboration.formalisedYear,
          members: dataset.members.map((m) => `${m.code} ${m.name}`),
          bodies: dataset.bodies.map((b) => b.name),
          networks: dataset.networks.map((n) => n.name),
        },
      },
    ];

    const memberIds = new Map<string, number>();
    for (const m of dataset.members) memberIds.set(m.code, await repos.collaboration.insertMember(collaborationId, m));
    for (const a of dataset.comparisonAreas) await repos.collaboration.insertComparisonArea(collaborationId, a);

    const bodyIds = new Map<string, number>();
    for (const b of dataset.bodies) {
      const memberId = b.memberCode === null ? null : lookup(memberIds, b.memberCode, 'kommunen');
      bodyIds.set(b.key, await repos.collaboration.insertBody(collaborationId, { ...b, memberId }));
    }

    // The dataset numbers networks by position (index + 1).
    const networkIds = new Map<number, number>();
    for (const [i, n] of dataset.networks.entries())
      networkIds.set(i + 1, await repos.collaboration.insertNetwork(collaborationId, n));
    for (const [i, e] of dataset.events.entries()) {
      await repos.collaboration.insertEvent(collaborationId, i + 1, { ...e, whenText: e.when });
    }

    const network = (id: number | null) => (id === null ? null : lookup(networkIds, id, 'nätverket'));
    const programmeIds = new Map<number, number>();
    const goalIds = new Map<number, number>();
    const programme = (id: number | null) => (id === null ? null : lookup(programmeIds, id, 'programmet'));
    for (const p of dataset.programmes) {
      const mapGoal = (g: Goal): Goal => ({
        ...g,
        networkId: network(g.networkId),
        predecessorGoalIds: g.predecessorGoalIds.map((id) => lookup(goalIds, id, 'målet')),
      });
      const { id, goalIds: inserted } = await repos.programmes.insert(
        {
          ...p,
          collaborationId,
          replacesProgrammeId: programme(p.replacesProgrammeId),
          derivedFromProgrammeId: programme(p.derivedFromProgrammeId),
          focusAreas: p.focusAreas.map((a) => ({ ...a, networkId: network(a.networkId), goals: a.goals.map(mapGoal) })),
        },
        now,
      );
      programmeIds.set(p.id, id);
      for (const [placeholder, real] of inserted) goalIds.set(placeholder, real);
      const stored = (await repos.programmes.get(id))!;
      events.push({
        action: 'programme.created',
        entityType: 'programme',
        entityId: id,
        summary: programmeSeededSummary(stored.name),
        before: null,
        after: programmeSnapshot(stored),
      });
    }

    const programmeNames = new Map(dataset.programmes.map((p) => [p.id, p.name]));
    const bodyNames = new Map(dataset.bodies.map((b) => [b.key, b.name]));
    for (const d of dataset.decisions) {
      const decision = await repos.decisions.insert(
        {
          ...d,
          programmeId: lookup(programmeIds, d.programmeId, 'programmet'),
          memberId: d.memberCode === null ? null : lookup(memberIds, d.memberCode, 'kommunen'),
          bodyId: d.bodyKey === null ? null : lookup(bodyIds, d.bodyKey, 'organet'),
        },
        now,
      );
      events.push({
        action: 'decision.recorded',
        entityType: 'decision',
        entityId: decision.id,
        summary: decisionRecordedSummary({
          ...decision,
          programmeName: lookup(programmeNames, d.programmeId, 'programmet'),
          bodyName: d.bodyKey === null ? null : lookup(bodyNames, d.bodyKey, 'organet'),
        }),
        before: null,
        after: decisionSnapshot(decision),
      });
    }
    // Kolada's areas (312 rows) are always needed to check values; the full catalogue is seeded apart.
    await repos.catalogue.upsertAreas(shippedAreas());
    for (const series of DEMO_SERIES) {
      const id = await repos.indicators.upsert(series.definition, now);
      events.push({
        action: 'indicator.defined',
        entityType: 'indicator',
        entityId: id,
        summary: `Lade till nyckeltalet ”${series.definition.title}” från demodata.`,
        before: null,
        after: indicatorSnapshot(series.definition),
      });
    }
    const areaCodes = new Set([...memberIds.keys(), ...dataset.comparisonAreas.map((a) => a.code)]);
    const demoImport = {
      kind: 'demo' as const,
      sourceName: 'Södertörnsmodellen (SCB) 2000–2014',
      sha256: null,
      rows: demoValueRows(areaCodes),
    };
    const written = await writeImport(ctx, repos, demoImport, await checkImport(ctx, repos, demoImport), now);
    if (written.event) events.push(written.event);

    const target = DEMO_GOAL_TARGET;
    const programmeId = programmeIds.get(dataset.programmes.find((p) => p.slug === target.programmeSlug)!.id);
    const goal = (await repos.programmes.get(programmeId!))!.focusAreas
      .flatMap((a) => a.goals)
      .find((g) => g.title === target.goalTitle);
    const indicator = (await repos.indicators.byKey(target.indicatorKey))!;
    if (!goal) throw new Error(`Demodata: målet ${target.goalTitle} saknas.`);
    const link = await repos.goalIndicators.insert({ ...target.link, goalId: goal.id, indicatorId: indicator.id }, now);
    events.push({
      action: 'goal_indicator.linked',
      entityType: 'goal_indicator',
      entityId: link.id,
      summary: `Kopplade nyckeltalet ”${indicator.title}” till målet ”${goal.title}”.`,
      before: null,
      after: goalIndicatorSnapshot(link, indicator, goal.title),
    });

    // Invented example plans for the networks (marked as examples everywhere), their rounds and reports.
    events.push(...(await seedDemoPlans(repos, collaborationId, now)));
    // The events the sources name, with what they say about each (src/seed/demo-events.ts).
    events.push(...(await seedDemoEvents(repos, collaborationId, now, calendarEvents)));

    // Appended last: on PostgreSQL the chain lock is then held only for the moment before commit.
    for (const event of events) await recordEvent(ctx, repos, event);
    return true;
  });
}
