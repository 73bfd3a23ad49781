import type { AuditAction, AuditEntityType, AuditRecord } from '../../domain/audit/audit-event.js';
import { actorOf } from '../../domain/audit/audit-event.js';
import { parseSnapshot, type Snapshot } from '../../domain/audit/snapshots.js';
import { actorLabel } from '../../domain/auth/actor.js';
import type { Programme } from '../../domain/programme/programme.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { loadProgramme } from '../programmes/get-programme.js';

export interface HistoryEntry {
  id: number;
  occurredAt: string;
  /** Who, as `actorLabel` names them. */
  actor: string;
  action: AuditAction;
  entityType: AuditEntityType;
  /** With `entityType`, the record the event is about. */
  entityId: string;
  summary: string;
  /** The changed fields (with the names of the parts they belong to); a created record whole in `after`. */
  before: Snapshot | null;
  after: Snapshot | null;
}

/** Names for the ids events store, so the page can say "Klimatstrateger" rather than "3". */
export interface HistoryNames {
  programmes: Map<number, string>;
  networks: Map<number, string>;
  members: Map<number, string>;
  bodies: Map<number, string>;
  focusAreas: Map<number, string>;
  goals: Map<number, string>;
  /** For plans' and activities' events: accounts (an activity's owner), plans and activities by id. */
  accounts?: Map<number, string>;
  plans?: Map<number, string>;
  activities?: Map<number, string>;
}

export interface ProgrammeHistory {
  programme: Programme;
  /** Newest first. */
  entries: HistoryEntry[];
  names: HistoryNames;
}

/** A stored event as the history pages show it: who in words, the snapshots parsed. */
export const toHistoryEntry = (r: AuditRecord): HistoryEntry => ({
  id: r.id,
  occurredAt: r.occurredAt,
  actor: actorLabel(actorOf(r)),
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  summary: r.summary,
  before: parseSnapshot(r.beforeJson),
  after: parseSnapshot(r.afterJson),
});

/** Values of every key ending in `.${field}` across the snapshots, oldest first. */
function* valuesOf(snapshots: (Snapshot | null)[], pattern: RegExp) {
  for (const s of snapshots) {
    for (const [key, value] of Object.entries(s ?? {})) {
      const m = pattern.exec(key);
      if (m) yield { id: Number(m[1]), value };
    }
  }
}

/**
 * The audit trail of a programme and of every decision on it. Not public: it names who did what,
 * and a draft's history shows the draft's text.
 */
export async function getProgrammeHistory(ctx: AppContext, ref: string): Promise<ProgrammeHistory> {
  authorize(ctx, 'read_audit');
  const repos = readRepos(ctx);
  const programme = await loadProgramme(repos, ref);
  const collaboration = await currentCollaboration(repos);
  const decisions = await repos.decisions.forProgrammes([programme.id]);
  const [records, programmes, networks, members, bodies] = await Promise.all([
    repos.audit.list(
      { entityType: 'programme', entityId: String(programme.id) },
      ...decisions.map((d) => ({ entityType: 'decision' as const, entityId: String(d.id) })),
    ),
    repos.programmes.list(collaboration.id),
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.bodies(collaboration.id),
  ]);
  const entries = records.map(toHistoryEntry);

  // Removed focus areas are named as the history last knew them; current ones as they are now.
  const snapshots = entries.flatMap((e) => [e.before, e.after]);
  const focusAreas = new Map<number, string>();
  for (const { id, value } of valuesOf(snapshots, /^focusAreas\.(\d+)\.name$/)) focusAreas.set(id, String(value));
  for (const area of programme.focusAreas) focusAreas.set(area.id, area.name);
  const predecessorIds = new Set<number>();
  for (const { value } of valuesOf(snapshots, /^goals\.(\d+)\.predecessorGoalIds$/)) {
    for (const id of Array.isArray(value) ? value : []) predecessorIds.add(Number(id));
  }
  const slugs = new Map(programmes.map((p) => [p.id, p.slug]));
  const goals = await repos.programmes.goalsWithProgramme([...predecessorIds]);

  return {
    programme,
    entries: entries.reverse(),
    names: {
      programmes: new Map(programmes.map((p) => [p.id, `${p.name} (${p.slug})`])),
      networks: new Map(networks.map((n) => [n.id, n.name])),
      members: new Map(members.map((m) => [m.id, m.name])),
      bodies: new Map(bodies.map((b) => [b.id, b.name])),
      focusAreas,
      goals: new Map(goals.map((g) => [g.goalId, `”${g.title}” (${slugs.get(g.programmeId) ?? g.programmeId})`])),
    },
  };
}
