/**
 * What the requests that change nothing (GET) read of the cooperation and its programmes — the
 * cooperation's record, members, networks, bodies, comparison areas and events, the programme register,
 * a programme's structure, the decisions on programmes, indicators by key, and the yearly plans with
 * their activities and decisions — read once per version of
 * the data, however many use cases and requests ask. The version is the audit trail's last position
 * (src/app/audit/data-version.ts): every change writes its event in the same transaction, on any
 * instance, so a request that sees the same position sees the same records. Each request reads the
 * position once; a page of ten use cases then runs no statement for these reads at all while nothing
 * changes. readRepos gives these repositories when the context has a `readScope` (src/http/session.ts);
 * requests that may write (POST) read afresh.
 *
 * Callers get the same records, frozen (a caller that changed one would change it for every later
 * request), in arrays of their own, so that each may sort or filter its list.
 */
import type { AuditRepository } from '../storage/audit.repository.js';
import type { CollaborationRepository } from '../storage/collaboration.repository.js';
import type { DecisionRepository } from '../storage/decision.repository.js';
import type { IndicatorRepository } from '../storage/indicator.repository.js';
import type { PlanRepository } from '../storage/plan.repository.js';
import type { ProgrammeRepository } from '../storage/programme.repository.js';

export type Once = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/** Reads kept per key; a failed read is not kept. */
function keptIn(reads: Map<string, Promise<unknown>>) {
  return <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let promise = reads.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = read();
      reads.set(key, promise);
      promise.catch(() => reads.delete(key));
    }
    return promise;
  };
}

/** Within one request: each read once. */
export const oncePerRequest = (): Once => keptIn(new Map());

/** Keys kept for one version at most: a crawler asking for a thousand unknown slugs reads them, keeps none. */
const MOST_KEYS = 1_000;

/** The reads of the newest data version one database has been read at, in this process. */
export class VersionedReads {
  private version = -1;
  private reads = new Map<string, Promise<unknown>>();

  /** The reads kept for `version`; none (read, do not keep) for an older version than the newest seen. */
  at(version: number): Map<string, Promise<unknown>> | undefined {
    if (version > this.version) {
      this.version = version;
      this.reads = new Map();
    }
    return version === this.version ? this.reads : undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Each read once per data version (as `version` gives it for this request), kept in `store` for later
 * requests that see the same version; and once within the request whatever the version.
 */
export function oncePerVersion(store: VersionedReads, version: () => Promise<number>): Once {
  const request = oncePerRequest();
  return <T>(key: string, read: () => Promise<T>): Promise<T> =>
    request(key, async () => {
      const reads = store.at(await version());
      if (!reads || (reads.size >= MOST_KEYS && !reads.has(key))) return read();
      return keptIn(reads)(key, () => read().then(deepFreeze));
    });
}

const listed =
  (once: Once) =>
  <T>(key: string, read: () => Promise<T[]>): Promise<T[]> =>
    once(key, read).then((rows) => [...rows]);

/** The audit trail's last position read once per request: the version of everything else shared here. */
export function sharingAuditHead(repo: AuditRepository, once: Once = oncePerRequest()): AuditRepository {
  return { ...repo, headId: () => once('audit.headId', () => repo.headId()) };
}

export function sharingCollaborationReads(repo: CollaborationRepository, once: Once): CollaborationRepository {
  const list = listed(once);
  return {
    ...repo,
    first: () => once('collaboration.first', () => repo.first()),
    members: (id) => list(`collaboration.members:${id}`, () => repo.members(id)),
    comparisonAreas: (id) => list(`collaboration.comparisonAreas:${id}`, () => repo.comparisonAreas(id)),
    bodies: (id) => list(`collaboration.bodies:${id}`, () => repo.bodies(id)),
    networks: (id) => list(`collaboration.networks:${id}`, () => repo.networks(id)),
    events: (id) => list(`collaboration.events:${id}`, () => repo.events(id)),
  };
}

export function sharingProgrammeReads(repo: ProgrammeRepository, once: Once): ProgrammeRepository {
  const list = listed(once);
  return {
    ...repo,
    list: (collaborationId) => list(`programmes.list:${collaborationId}`, () => repo.list(collaborationId)),
    summary: (id) => once(`programmes.summary:${id}`, () => repo.summary(id)),
    idBySlug: (collaborationId, slug) =>
      once(`programmes.idBySlug:${collaborationId}:${slug}`, () => repo.idBySlug(collaborationId, slug)),
    get: (id) => once(`programmes.get:${id}`, () => repo.get(id)),
  };
}

export function sharingDecisionReads(repo: DecisionRepository, once: Once): DecisionRepository {
  const list = listed(once);
  return {
    ...repo,
    forProgrammes: (ids) => list(`decisions.forProgrammes:${ids.join(',')}`, () => repo.forProgrammes(ids)),
  };
}

/**
 * An indicator by key: a page of indicators reads their weighting indicator (the population) once each.
 * Values, too large to keep for later requests, are read once within the request (`request`): the
 * key-indicator conference pack asks for the same values in several sections.
 */
export function sharingIndicatorReads(repo: IndicatorRepository, once: Once, request: Once): IndicatorRepository {
  const list = listed(request);
  return {
    ...repo,
    byKey: (key) => once(`indicators.byKey:${key}`, () => repo.byKey(key)),
    values: (id, filter = {}) =>
      list(`indicators.values:${id}:${JSON.stringify(filter)}`, () => repo.values(id, filter)),
  };
}

/** The yearly plans, their activities and decisions: the plan, follow-up and progress pages each read them several times. */
export function sharingPlanReads(repo: PlanRepository, once: Once): PlanRepository {
  const list = listed(once);
  return {
    ...repo,
    planById: (id) => once(`plans.planById:${id}`, () => repo.planById(id)),
    plans: (filter) => list(`plans.plans:${JSON.stringify(filter)}`, () => repo.plans(filter)),
    plansByIds: (ids) => list(`plans.plansByIds:${ids.join(',')}`, () => repo.plansByIds(ids)),
    actionPlansOf: (id) => list(`plans.actionPlansOf:${id}`, () => repo.actionPlansOf(id)),
    activitiesOf: (ids) => list(`plans.activitiesOf:${ids.join(',')}`, () => repo.activitiesOf(ids)),
    decisionsOf: (ids) => list(`plans.decisionsOf:${ids.join(',')}`, () => repo.decisionsOf(ids)),
  };
}
