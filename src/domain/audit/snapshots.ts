/**
 * Records as flat field maps for the audit trail: `name`, `goals.12.title`, `goals.12.statements.3`.
 * Flat keys with ids make two versions comparable field by field, so an event can keep only what
 * changed, and a removed goal stays recognisable by its id. Values are the stored facts (ids, codes),
 * not display text: the history page names them.
 */
import type { Decision } from '../adoption/decision.js';
import type { Programme } from '../programme/programme.js';
import { canonicalJson } from './audit-chain.js';

export type SnapshotValue = string | number | null | readonly (string | number)[];
export type Snapshot = Record<string, SnapshotValue>;

/** The English texts that are stored (non-empty), under their keys: a programme without any keeps its old snapshot. */
const english = (entries: Record<string, string | undefined>): Snapshot =>
  Object.fromEntries(Object.entries(entries).filter(([, text]) => text !== undefined && text !== '')) as Snapshot;

/**
 * A programme with its whole structure; empty statements are left out, as storage leaves them out, and
 * so are English texts that are not stored.
 */
export function programmeSnapshot(p: Programme): Snapshot {
  const s: Snapshot = {
    slug: p.slug,
    name: p.name,
    targetYear: p.targetYear,
    validFromYear: p.validFromYear,
    validToYear: p.validToYear,
    vision: p.vision,
    overarchingGoal: p.overarchingGoal,
    state: p.state,
    adoptionRule: p.adoptionRule,
    replacesProgrammeId: p.replacesProgrammeId,
    derivedFromProgrammeId: p.derivedFromProgrammeId,
    statedChanges: p.statedChanges,
    note: p.note,
    source: p.source,
    ...english({ nameEn: p.nameEn, visionEn: p.visionEn, overarchingGoalEn: p.overarchingGoalEn }),
  };
  for (const x of p.perspectives) {
    Object.assign(s, {
      [`perspectives.${x.id}.name`]: x.name,
      [`perspectives.${x.id}.description`]: x.description,
      [`perspectives.${x.id}.position`]: x.position,
      ...english({
        [`perspectives.${x.id}.nameEn`]: x.nameEn,
        [`perspectives.${x.id}.descriptionEn`]: x.descriptionEn,
      }),
    });
  }
  for (const a of p.focusAreas) {
    Object.assign(s, {
      [`focusAreas.${a.id}.name`]: a.name,
      [`focusAreas.${a.id}.description`]: a.description,
      [`focusAreas.${a.id}.networkId`]: a.networkId,
      [`focusAreas.${a.id}.note`]: a.note,
      [`focusAreas.${a.id}.position`]: a.position,
      ...english({
        [`focusAreas.${a.id}.nameEn`]: a.nameEn,
        [`focusAreas.${a.id}.descriptionEn`]: a.descriptionEn,
      }),
    });
    for (const g of a.goals) {
      Object.assign(s, {
        [`goals.${g.id}.title`]: g.title,
        [`goals.${g.id}.description`]: g.description,
        [`goals.${g.id}.focusAreaId`]: g.focusAreaId,
        [`goals.${g.id}.networkId`]: g.networkId,
        [`goals.${g.id}.note`]: g.note,
        [`goals.${g.id}.position`]: g.position,
        [`goals.${g.id}.strategies`]: g.strategies.map((x) => x.text),
        [`goals.${g.id}.predecessorGoalIds`]: [...g.predecessorGoalIds].sort((m, n) => m - n),
        ...english({ [`goals.${g.id}.titleEn`]: g.titleEn, [`goals.${g.id}.descriptionEn`]: g.descriptionEn }),
      });
      if (g.strategies.some((x) => x.textEn)) s[`goals.${g.id}.strategiesEn`] = g.strategies.map((x) => x.textEn ?? '');
      for (const [perspectiveId, text] of Object.entries(g.statements)) {
        if (text.trim() !== '') s[`goals.${g.id}.statements.${perspectiveId}`] = text;
      }
    }
  }
  return s;
}

export function decisionSnapshot(d: Decision): Snapshot {
  return {
    programmeId: d.programmeId,
    memberId: d.memberId,
    bodyId: d.bodyId,
    bodyKind: d.bodyKind,
    datePrecision: d.decided.precision,
    decidedOn: d.decided.precision === 'unknown' ? null : d.decided.date,
    paragraph: d.paragraph,
    outcome: d.outcome,
    note: d.note,
    source: d.source,
  };
}

/** The field that names a part (`goals.12` → `goals.12.title`), kept in an event for context even when unchanged. */
export function nameKeyOf(part: string): string | undefined {
  const kind = part.split('.')[0];
  const nameField = kind === 'goals' ? 'title' : kind === 'perspectives' || kind === 'focusAreas' ? 'name' : undefined;
  return nameField && `${part}.${nameField}`;
}

/** The part of a record a key belongs to (`goals.12`), or '' for the record's own fields; and its name key. */
export function partOf(key: string): { part: string; nameKey: string | undefined } {
  const [kind, id] = key.split('.');
  if (id === undefined) return { part: '', nameKey: undefined };
  const part = `${kind}.${id}`;
  return { part, nameKey: nameKeyOf(part) };
}

/** The names that make a changed key readable: its part's name and, for a statement, the perspective's. */
function contextKeys(key: string): string[] {
  const keys = [partOf(key).nameKey];
  const statement = /^goals\.\d+\.statements\.(\d+)$/.exec(key);
  if (statement) keys.push(`perspectives.${statement[1]}.name`);
  return keys.filter((k): k is string => k !== undefined);
}

const same = (a: SnapshotValue | undefined, b: SnapshotValue | undefined) =>
  (a === undefined) === (b === undefined) && (a === undefined || canonicalJson(a) === canonicalJson(b));

/** The keys whose values differ between two snapshots (a key missing on one side counts). */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));
}

/**
 * What an event stores as before and after: only the changed fields, plus the unchanged names of
 * the parts they belong to (so "strategies of goal 12" can be shown as the goal's title without
 * looking anything up). A record created or removed is kept whole on its one side.
 */
export function changedFields(
  before: Snapshot | null,
  after: Snapshot | null,
): { before: Snapshot | null; after: Snapshot | null } {
  if (before === null || after === null) return { before, after };
  const keys = changedKeys(before, after);
  const withContext = new Set([...keys, ...keys.flatMap(contextKeys)]);
  const pick = (s: Snapshot) => Object.fromEntries([...withContext].filter((k) => k in s).map((k) => [k, s[k]!]));
  return { before: pick(before), after: pick(after) };
}

/** A snapshot as stored: canonical JSON, or null for "no record". */
export const snapshotJson = (s: Snapshot | null): string | null => (s === null ? null : canonicalJson(s));

export const parseSnapshot = (json: string | null): Snapshot | null =>
  json === null ? null : (JSON.parse(json) as Snapshot);

/**
 * An account as the audit trail keeps it: status and roles by id, never name or e-mail — the
 * chain is hashed and must survive pseudonymisation of the person.
 */
export function accountSnapshot(account: {
  status: string;
  grants: readonly { role: string; memberId: number | null; networkId: number | null }[];
}): Snapshot {
  return {
    status: account.status,
    roles: account.grants.map((g) => [g.role, g.memberId ?? '', g.networkId ?? ''].join(':')),
  };
}
