/** Reading events: the list by kind (upcoming and past), one event, and the choices of the forms. */
import type { Member } from '../../domain/adoption/decision.js';
import { allows } from '../../domain/auth/policies.js';
import {
  EVENT_KINDS,
  isUpcoming,
  kindOfSeriesName,
  type EventKind,
  type EventRecord,
  type EventSummary,
} from '../../domain/events/event.js';
import type { CollaborationEvent } from '../../domain/collaboration.js';
import { currentCollaboration, membersAndProgrammes } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { authorizeRead, loadEvent, seesDrafts } from './event-access.js';

export interface EventListItem extends EventSummary {
  hostMemberName: string | null;
  upcoming: boolean;
}

export interface EventKindSection {
  kind: EventKind;
  /** How the sources describe the recurring meeting (when, for whom, what), if they do. */
  series: CollaborationEvent | undefined;
  /** Past events of the kind, newest first. */
  past: EventListItem[];
}

export interface EventListView {
  /** Every upcoming event, soonest first. */
  upcoming: EventListItem[];
  kinds: EventKindSection[];
  mayEdit: boolean;
}

/** The events the acting person may see (drafts only for the cooperation's own people), by kind. */
export async function listEvents(ctx: AppContext): Promise<EventListView> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [events, members, series] = await Promise.all([
    repos.events.list(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.events(collaboration.id),
  ]);
  const day = today(ctx);
  const drafts = seesDrafts(ctx);
  const items: EventListItem[] = events
    .filter((e) => drafts || e.publication === 'published')
    .map((e) => ({
      ...e,
      hostMemberName: members.find((m) => m.id === e.hostMemberId)?.name ?? null,
      upcoming: isUpcoming(e.date, day),
    }));
  return {
    upcoming: items.filter((e) => e.upcoming),
    kinds: EVENT_KINDS.map((kind) => ({
      kind,
      series: series.find((s) => kindOfSeriesName(s.name) === kind),
      past: items.filter((e) => e.kind === kind && !e.upcoming).reverse(),
    })),
    mayEdit: allows(ctx.principal, 'edit_event'),
  };
}

export interface EventView {
  event: EventRecord;
  hostMember: Member | null;
  programme: { slug: string; name: string } | null;
  series: CollaborationEvent | undefined;
  upcoming: boolean;
  mayEdit: boolean;
}

/** One event with its agenda and documentation; a draft only for the cooperation's own people. */
export async function getEvent(ctx: AppContext, ref: string): Promise<EventView> {
  const repos = readRepos(ctx);
  const event = await loadEvent(repos, ref);
  authorizeRead(ctx, event);
  const [members, programme, series] = await Promise.all([
    repos.collaboration.members(event.collaborationId),
    event.programmeId === null ? undefined : repos.programmes.summary(event.programmeId),
    repos.collaboration.events(event.collaborationId),
  ]);
  return {
    event,
    hostMember: members.find((m) => m.id === event.hostMemberId) ?? null,
    // A programme that went back to draft is not linked for those who may not see it.
    programme:
      programme && (programme.state !== 'draft' || allows(ctx.principal, 'read_internal'))
        ? { slug: programme.slug, name: programme.name }
        : null,
    series: series.find((s) => kindOfSeriesName(s.name) === event.kind),
    upcoming: isUpcoming(event.date, today(ctx)),
    mayEdit: allows(ctx.principal, 'edit_event'),
  };
}

export interface EventFormChoices {
  members: Member[];
  /** The programmes an event may concern: every one that is not a draft. */
  programmes: { id: number; name: string }[];
}

export async function eventFormChoices(ctx: AppContext): Promise<EventFormChoices> {
  const { members, programmes } = await membersAndProgrammes(ctx);
  return { members, programmes: programmes.map((p) => ({ id: p.id, name: p.name })) };
}

/** The public addresses of the events (for the sitemap): the list and every published event, whoever asks. */
export async function eventPaths(ctx: AppContext): Promise<string[]> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const events = await repos.events.list(collaboration.id);
  return ['/evenemang', ...events.filter((e) => e.publication === 'published').map((e) => `/evenemang/${e.slug}`)];
}
