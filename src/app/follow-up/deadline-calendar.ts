import ical from 'ical-generator';
import { deadlineEventDescription, deadlineEventTitle } from '../../domain/plans/follow-up-summary-sv.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';

export const CALENDAR_PATH = '/uppfoljning/kalender.ics';

/** The day after an ISO date, for an all-day event's exclusive end. */
const nextDay = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);

/** A stable id per round, so a calendar that subscribes updates the event when the date changes. */
export const deadlineUid = (roundId: number, collaborationSlug: string) =>
  `uppfoljning-${roundId}@${collaborationSlug}.samverkan`;

/**
 * The follow-up deadlines as an iCalendar feed (RFC 5545): one all-day event per round on its last day
 * for reports, every year. Public: the deadlines are not secret. `baseUrl` (the service's address)
 * gives each event a link to the year's follow-up.
 */
export async function deadlineCalendar(ctx: AppContext, options: { baseUrl?: string } = {}): Promise<string> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const rounds = await repos.followUp.rounds(collaboration.id);
  const base = options.baseUrl?.replace(/\/+$/, '');
  const calendar = ical({
    name: `Uppföljning – ${collaboration.name}`,
    description: `Sista dag för rapporter i uppföljningen av planerna i ${collaboration.name}.`,
    prodId: { company: 'samverkan', product: 'uppfoljning', language: 'SV' },
    ...(base ? { url: `${base}${CALENDAR_PATH}` } : {}),
  });
  for (const round of rounds) {
    const link = base ? `${base}/uppfoljning?ar=${round.year}` : null;
    calendar.createEvent({
      id: deadlineUid(round.id, collaboration.slug),
      start: new Date(`${round.dueDate}T00:00:00Z`),
      end: nextDay(round.dueDate),
      allDay: true,
      stamp: ctx.now(),
      summary: deadlineEventTitle(round),
      description: deadlineEventDescription(round, collaboration.name, link),
      ...(link ? { url: link } : {}),
    });
  }
  return calendar.toString();
}
