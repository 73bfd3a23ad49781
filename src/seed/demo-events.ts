/**
 * The demo's events: only the occasions the sources name, with what they say about each and nothing
 * more. The demo file (data/demo/sodertorn.json, `collaboration.events`) describes the four recurring
 * meetings; for single occasions it gives:
 *
 * - Rådslaget: "host municipality rotates (Salem 2019, theme infrastructure)", from the sources
 *   `tyreso` and `flemingsberg` (the memo only says Rådslaget becomes more outward-facing).
 * - Södertörnskonferensen: "2019 theme: Utvecklingsprogram 2035; 2020 cancelled", from `so-konferens`
 *   and `so-2019-news`. The 2019 conference is linked to the programme its theme names.
 *
 * No source gives a day or a month for these, so each is stored with its year only (the date's
 * precision says so); no host is named for the conferences. The key-indicator conference ("every
 * other year") and the planning conference ("January") have no dated occasion in the sources, so the
 * demo has none of them: their kinds are shown with the sources' description and no events.
 */
import type { ChangeToRecord } from '../app/audit/record-event.js';
import type { Repositories } from '../app/context.js';
import { eventSnapshot, snapshotNames } from '../app/events/event-access.js';
import { baseSlug, eventName, type EventFields } from '../domain/events/event.js';
import { SOURCE_CITATIONS_SV } from './demo-texts-sv.js';

export interface DemoEventRecord {
  fields: Omit<EventFields, 'hostMemberId' | 'programmeId' | 'source'>;
  /** SCB code of the host member, if a source names one. */
  hostMemberCode: string | null;
  /** Slug of the programme the event concerns, if any. */
  programmeSlug: string | null;
  /** Keys in the demo file's `sources`. */
  sources: readonly (keyof typeof SOURCE_CITATIONS_SV)[];
}

const held = {
  startTime: '',
  endTime: '',
  place: '',
  programmeText: '',
  publication: 'published',
} as const;

export const DEMO_EVENTS: readonly DemoEventRecord[] = [
  {
    fields: {
      ...held,
      kind: 'radslaget',
      date: { precision: 'year', value: '2019' },
      theme: 'Infrastruktur',
      status: 'scheduled',
    },
    hostMemberCode: '0128',
    programmeSlug: null,
    sources: ['tyreso', 'flemingsberg'],
  },
  {
    fields: {
      ...held,
      kind: 'sodertornskonferensen',
      date: { precision: 'year', value: '2019' },
      theme: 'Utvecklingsprogram 2035',
      status: 'scheduled',
    },
    hostMemberCode: null,
    programmeSlug: 'sup-2035',
    sources: ['so-konferens', 'so-2019-news'],
  },
  {
    fields: {
      ...held,
      kind: 'sodertornskonferensen',
      date: { precision: 'year', value: '2020' },
      theme: '',
      status: 'cancelled',
    },
    hostMemberCode: null,
    programmeSlug: null,
    sources: ['so-konferens'],
  },
];

/** The Swedish citation of each source, as the other demo records cite them. */
export const demoEventSource = (e: DemoEventRecord): string =>
  e.sources.map((key) => SOURCE_CITATIONS_SV[key]!).join('; ');

/**
 * Writes the demo's events through the repositories in the demo seed's transaction (after the members
 * and programmes); returns their audit events, to be appended with the others.
 */
export async function seedDemoEvents(
  repos: Repositories,
  collaborationId: number,
  now: string,
  records: readonly DemoEventRecord[] = DEMO_EVENTS,
): Promise<ChangeToRecord[]> {
  const members = await repos.collaboration.members(collaborationId);
  const changes: ChangeToRecord[] = [];
  for (const e of records) {
    const hostMemberId = e.hostMemberCode === null ? null : members.find((m) => m.code === e.hostMemberCode)?.id;
    const programmeId =
      e.programmeSlug === null ? null : await repos.programmes.idBySlug(collaborationId, e.programmeSlug);
    if (hostMemberId === undefined) throw new Error(`Demodata: kommunen ${e.hostMemberCode} saknas.`);
    if (programmeId === undefined) throw new Error(`Demodata: programmet ${e.programmeSlug} saknas.`);
    const fields: EventFields = { ...e.fields, hostMemberId, programmeId, source: demoEventSource(e) };
    const id = await repos.events.insert(collaborationId, baseSlug(fields.kind, fields.date), fields, now);
    const stored = (await repos.events.get(id))!;
    changes.push({
      action: 'event.created',
      entityType: 'event',
      entityId: id,
      summary: `Lade till evenemanget ${eventName(stored)} från demodata.`,
      before: null,
      after: eventSnapshot(stored, await snapshotNames(repos, stored)),
    });
  }
  return changes;
}
