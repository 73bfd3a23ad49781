/**
 * What one request reads of the cooperation and its programmes — the cooperation's record, members,
 * networks, bodies, comparison areas and events, the programme register, a programme's structure, the
 * decisions on programmes and indicators by key — read once however many use cases of the request ask (the adoption page
 * asked for the cooperation three times, a plan's page read its programme three times). Only for
 * requests that change nothing (GET): readRepos gives these repositories when the context has a
 * `readScope` (src/http/session.ts).
 *
 * Callers get the same records (arrays of their own, so none can reorder another's); nothing here
 * changes what they read, as nothing is written while such a request is served.
 */
import type { CollaborationRepository } from '../storage/collaboration.repository.js';
import type { DecisionRepository } from '../storage/decision.repository.js';
import type { IndicatorRepository } from '../storage/indicator.repository.js';
import type { ProgrammeRepository } from '../storage/programme.repository.js';

type Once = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/** Keeps each read's promise under its key for the request; a failed read is not kept. */
function onceEach(): Once {
  const reads = new Map<string, Promise<unknown>>();
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

const listed =
  (once: Once) =>
  <T>(key: string, read: () => Promise<T[]>): Promise<T[]> =>
    once(key, read).then((rows) => [...rows]);

export function sharingCollaborationReads(repo: CollaborationRepository): CollaborationRepository {
  const once = onceEach();
  const list = listed(once);
  return {
    ...repo,
    first: () => once('first', () => repo.first()),
    members: (id) => list(`members:${id}`, () => repo.members(id)),
    comparisonAreas: (id) => list(`comparisonAreas:${id}`, () => repo.comparisonAreas(id)),
    bodies: (id) => list(`bodies:${id}`, () => repo.bodies(id)),
    networks: (id) => list(`networks:${id}`, () => repo.networks(id)),
    events: (id) => list(`events:${id}`, () => repo.events(id)),
  };
}

export function sharingProgrammeReads(repo: ProgrammeRepository): ProgrammeRepository {
  const once = onceEach();
  const list = listed(once);
  return {
    ...repo,
    list: (collaborationId) => list(`list:${collaborationId}`, () => repo.list(collaborationId)),
    summary: (id) => once(`summary:${id}`, () => repo.summary(id)),
    idBySlug: (collaborationId, slug) =>
      once(`idBySlug:${collaborationId}:${slug}`, () => repo.idBySlug(collaborationId, slug)),
    get: (id) => once(`get:${id}`, () => repo.get(id)),
  };
}

export function sharingDecisionReads(repo: DecisionRepository): DecisionRepository {
  const list = listed(onceEach());
  return {
    ...repo,
    forProgrammes: (ids) => list(`forProgrammes:${ids.join(',')}`, () => repo.forProgrammes(ids)),
  };
}

/** An indicator by key: a page of indicators reads their weighting indicator (the population) once each. */
export function sharingIndicatorReads(repo: IndicatorRepository): IndicatorRepository {
  const once = onceEach();
  return { ...repo, byKey: (key) => once(`byKey:${key}`, () => repo.byKey(key)) };
}
