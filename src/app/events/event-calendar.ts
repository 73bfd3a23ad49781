import ical, { ICalEventStatus } from 'ical-generator';
import { eventName, type EventSummary } from '../../domain/events/event.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';

export const EVENT_CALENDAR_PATH = '/evenemang/kalender.ics';

/** A stable id per event, so a calendar that subscribes updates the event when it changes. */
export const eventUid = (eventId: number, collaborationSlug: string) =>
  `evenemang-${eventId}@${collaborationSlug}.samverkan`;

const DAY = 86_400_000;

/** Stockholm's wall clock, made once (constructing one per call costs far more than formatting). */
const STOCKHOLM_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Stockholm is ahead of UTC at `utcMillis` (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(utcMillis: number): number {
  const parts = STOCKHOLM_CLOCK.formatToParts(new Date(utcMillis));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - utcMillis) / 60_000);
}

/** A Swedish wall-clock time (`2027-02-11`, `09:30`) as the moment it is. */
export function stockholmTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - stockholmOffsetMinutes(wall) * 60_000;
  return new Date(wall - stockholmOffsetMinutes(first) * 60_000);
}

/** Only an event whose day is known can stand in a calendar; month- and year-only ones are left out. */
const onADay = (e: EventSummary) => e.date.precision === 'day';

/**
 * The published events whose day is known as an iCalendar feed (RFC 5545): all-day unless a start time
 * is stored, cancelled ones marked so. Public, as the events are. `baseUrl` (the service's address)
 * gives each event a link to its page.
 */
export async function eventCalendar(ctx: AppContext, options: { baseUrl?: string } = {}): Promise<string> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const events = (await repos.events.list(collaboration.id)).filter((e) => e.publication === 'published' && onADay(e));
  const base = options.baseUrl?.replace(/\/+$/, '');
  const calendar = ical({
    name: `Evenemang – ${collaboration.name}`,
    description: `Rådslaget, Södertörnskonferensen och samverkans övriga evenemang i ${collaboration.name}.`,
    prodId: { company: 'samverkan', product: 'evenemang', language: 'SV' },
    ...(base ? { url: `${base}${EVENT_CALENDAR_PATH}` } : {}),
  });
  for (const e of events) {
    const link = base ? `${base}/evenemang/${e.slug}` : null;
    const day = e.date.value;
    const timed = e.startTime !== '';
    const start = timed ? stockholmTime(day, e.startTime) : new Date(`${day}T00:00:00Z`);
    const end = timed
      ? e.endTime
        ? stockholmTime(day, e.endTime)
        : new Date(start.getTime() + 3_600_000)
      : new Date(start.getTime() + DAY);
    calendar.createEvent({
      id: eventUid(e.id, collaboration.slug),
      start,
      end,
      allDay: !timed,
      stamp: ctx.now(),
      summary: e.theme ? `${eventName(e)}: ${e.theme}` : eventName(e),
      description: [e.theme && `Tema: ${e.theme}`, e.programmeText, link].filter(Boolean).join('\n\n'),
      ...(e.place ? { location: e.place } : {}),
      ...(e.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}),
      ...(link ? { url: link } : {}),
    });
  }
  return calendar.toString();
}
