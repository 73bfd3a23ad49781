/** Finding an event by its address, who may see it, and how the audit trail keeps it. */
import type { Snapshot } from '../../domain/audit/snapshots.js';
import { allows } from '../../domain/auth/policies.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { agendaLine, type EventRecord } from '../../domain/events/event.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import type { AppContext, Repositories } from '../context.js';

/** The event at `ref`: its slug (`radslaget-2019`) or its number. */
export async function loadEvent(repos: Repositories, ref: string): Promise<EventRecord> {
  const collaboration = await currentCollaboration(repos);
  const id = (await repos.events.idBySlug(ref)) ?? (/^\d{1,9}$/.test(ref) ? Number(ref) : undefined);
  const event = id === undefined ? undefined : await repos.events.get(id);
  if (!event || event.collaborationId !== collaboration.id) throw notFound('Evenemanget');
  return event;
}

/** Published events are everyone's; a draft only the cooperation's own people see. */
export function authorizeRead(ctx: AppContext, event: Pick<EventRecord, 'publication'>): void {
  if (event.publication === 'draft') authorize(ctx, 'read_internal');
}

/** Whether the acting person may see drafts in the list. */
export const seesDrafts = (ctx: AppContext): boolean => allows(ctx.principal, 'read_internal');

export const eventConflict = (): DomainError =>
  new DomainError(
    'conflict',
    'Evenemanget har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Läs de senaste uppgifterna och försök igen.',
  );

const sizeText = (bytes: number | null) => (bytes === null ? '' : `, ${bytes} byte`);

/**
 * The event as the audit trail keeps it: its fields (codes and ids, with the host's and programme's
 * names beside them for a reader of the trail), the agenda as its lines and each documentation item.
 */
export function eventSnapshot(
  e: EventRecord,
  names: { hostMember: string | null; programme: string | null },
): Snapshot {
  return {
    slug: e.slug,
    eventKind: e.kind,
    date: e.date.value,
    startTime: e.startTime,
    endTime: e.endTime,
    place: e.place,
    hostMember: names.hostMember,
    theme: e.theme,
    programme: names.programme,
    programmeText: e.programmeText,
    eventStatus: e.status,
    publication: e.publication,
    source: e.source,
    summary: e.summary,
    agenda: e.agenda.map(agendaLine),
    files: e.files.map((f) => `${f.name} <${f.url}> (${f.format}${sizeText(f.sizeBytes)})`),
    recordings: e.recordings.map(
      (r) =>
        `${r.title} <${r.url}> (undertexter: ${r.hasCaptions ? 'ja' : 'nej'}, publicerad: ${r.published ? 'ja' : 'nej'})`,
    ),
    outcomes: e.outcomes.map((o) => (o.url ? `${o.text} <${o.url}>` : o.text)),
  };
}

/** The names the snapshot shows beside the ids. */
export async function snapshotNames(
  repos: Repositories,
  e: Pick<EventRecord, 'collaborationId' | 'hostMemberId' | 'programmeId'>,
): Promise<{ hostMember: string | null; programme: string | null }> {
  const [members, programme] = await Promise.all([
    e.hostMemberId === null ? [] : repos.collaboration.members(e.collaborationId),
    e.programmeId === null ? undefined : repos.programmes.summary(e.programmeId),
  ]);
  return {
    hostMember: members.find((m) => m.id === e.hostMemberId)?.name ?? null,
    programme: programme?.name ?? null,
  };
}
