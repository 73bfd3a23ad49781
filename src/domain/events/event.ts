/**
 * The cooperation's events as records: Rådslaget, Södertörnskonferensen, the key-indicator conference
 * (nyckeltalskonferensen) and the planning conference (planeringskonferensen). Each has a date known to
 * a stated precision (a day, a month or only a year: the sources often give no more), a host member,
 * a theme, the programme it concerns, its own programme text and agenda, and afterwards its
 * documentation (summary, files, recordings) and what came out of it. Pure types and rules.
 */
import { isIsoDate, type IsoDate } from '../dates.js';

export type EventKind = 'radslaget' | 'sodertornskonferensen' | 'nyckeltalskonferensen' | 'planeringskonferensen';
export const EVENT_KINDS: readonly EventKind[] = [
  'radslaget',
  'sodertornskonferensen',
  'nyckeltalskonferensen',
  'planeringskonferensen',
];

/** The Swedish proper name of each kind: the start of every event's name ("Rådslaget 2019"). */
export const EVENT_KIND_NAMES: Readonly<Record<EventKind, string>> = {
  radslaget: 'Rådslaget',
  sodertornskonferensen: 'Södertörnskonferensen',
  nyckeltalskonferensen: 'Nyckeltalskonferensen',
  planeringskonferensen: 'Planeringskonferensen',
};

/** Whether it takes place as planned (or took place), or was cancelled. */
export type EventStatus = 'scheduled' | 'cancelled';
export const EVENT_STATUSES: readonly EventStatus[] = ['scheduled', 'cancelled'];

/** A draft is the secretariat's; a published event is everyone's. */
export type EventPublication = 'draft' | 'published';
export const EVENT_PUBLICATIONS: readonly EventPublication[] = ['draft', 'published'];

/** How much of the date is known: the day, only the month, or only the year. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * An event's date as far as it is known: `2019-02-14` (day), `2019-02` (month) or `2019` (year). The
 * text sorts in time order within a precision and keeps what a source says without making up the rest.
 */
export interface EventDate {
  precision: DatePrecision;
  value: string;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `2019-02-14`, `2019-02` or `2019` as a date of that precision; undefined for anything else. */
export function parseEventDate(text: string): EventDate | undefined {
  const value = text.trim();
  if (isIsoDate(value)) return { precision: 'day', value };
  const month = MONTH.exec(value);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { precision: 'month', value } : undefined;
  }
  if (YEAR.test(value)) return { precision: 'year', value };
  return undefined;
}

export const yearOf = (date: EventDate): number => Number(date.value.slice(0, 4));

/** The last day the date may mean: the day itself, the month's last day, or 31 December. */
export function lastDayOf(date: EventDate): IsoDate {
  if (date.precision === 'day') return date.value;
  if (date.precision === 'year') return `${date.value}-12-31`;
  const [y, m] = date.value.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.value}-${String(last).padStart(2, '0')}`;
}

/** The first day the date may mean. */
export const firstDayOf = (date: EventDate): IsoDate =>
  date.precision === 'day' ? date.value : date.precision === 'month' ? `${date.value}-01` : `${date.value}-01-01`;

/** Upcoming until the last day the date may mean has passed (a year-only event counts all year). */
export const isUpcoming = (date: EventDate, today: IsoDate): boolean => lastDayOf(date) >= today;

/** A time of day as `HH:MM`, from `9.30`, `09.30` or `09:30`; undefined when it is none. */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** One point on the agenda: an optional time span and what happens. */
export interface AgendaItem {
  /** `HH:MM`, or '' when the item has no time. */
  startTime: string;
  /** `HH:MM`, or '' when the item has no end time. */
  endTime: string;
  title: string;
}

/**
 * An agenda line as the form writes it: "09.00–09.30 Välkomna", "13.00 Lunch" or "Avslutning". A
 * leading time (or span, with a dash) is the item's time; the rest is its title. `bad_time` when a
 * leading time is no time of day (25.00) or the span ends before it starts, so that a typing slip is
 * not taken for a title; `no_title` when there is only a time.
 */
export function parseAgendaLine(line: string): AgendaItem | 'bad_time' | 'no_title' {
  const m = /^(\d{1,2}[.:]\d{2})(?:\s*[–—-]\s*(\d{1,2}[.:]\d{2}))?(?:\s+(.*))?$/.exec(line.trim());
  if (!m) return { startTime: '', endTime: '', title: line.trim() };
  const start = parseTimeOfDay(m[1]!);
  const end = m[2] === undefined ? '' : parseTimeOfDay(m[2]);
  if (start === undefined || end === undefined || (end !== '' && end <= start)) return 'bad_time';
  const title = (m[3] ?? '').trim();
  if (title === '') return 'no_title';
  return { startTime: start, endTime: end, title };
}

/** An agenda item as a line of the form, the way parseAgendaLine reads it back. */
export const agendaLine = (item: AgendaItem): string => {
  const time = item.startTime
    ? `${item.startTime.replace(':', '.')}${item.endTime ? `–${item.endTime.replace(':', '.')}` : ''} `
    : '';
  return `${time}${item.title}`;
};

/** A file of the documentation: a link to where it is published, with its format and size. */
export type FileFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odf' | 'image' | 'other';
export const FILE_FORMATS: readonly FileFormat[] = ['pdf', 'docx', 'xlsx', 'pptx', 'odf', 'image', 'other'];

export interface EventFile {
  id: number;
  name: string;
  url: string;
  format: FileFormat;
  /** In bytes; null when not stated. */
  sizeBytes: number | null;
}

/** A recording of the event. Published only with captions (the DOS law: recorded media need them). */
export interface EventRecording {
  id: number;
  title: string;
  url: string;
  hasCaptions: boolean;
  published: boolean;
}

/** Something that came out of the event: a consultation comment, a decision; text with an optional link. */
export interface EventOutcome {
  id: number;
  text: string;
  /** An address on this site (`/program/…`) or a full http(s) address; '' for none. */
  url: string;
}

/** The fields the secretariat sets on the event itself. */
export interface EventFields {
  kind: EventKind;
  date: EventDate;
  /** `HH:MM` or '' (only with a day's date). */
  startTime: string;
  endTime: string;
  place: string;
  hostMemberId: number | null;
  theme: string;
  programmeId: number | null;
  /** The event's own programme: what it is about and for whom, as the invitation says. */
  programmeText: string;
  status: EventStatus;
  publication: EventPublication;
  /** Where what is recorded comes from (a page, an invitation, the minutes). */
  source: string;
}

/** An event without its agenda and documentation lists, as the list of events shows it. */
export interface EventSummary extends EventFields {
  id: number;
  collaborationId: number;
  /** The stable address: `radslaget-2019`, set when created. */
  slug: string;
  /** The documentation afterwards: a summary of what was said and done. */
  summary: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EventRecord extends EventSummary {
  agenda: AgendaItem[];
  files: EventFile[];
  recordings: EventRecording[];
  outcomes: EventOutcome[];
}

/** "Rådslaget 2019": the kind's name and the year. */
export const eventName = (e: Pick<EventRecord, 'kind' | 'date'>): string =>
  `${EVENT_KIND_NAMES[e.kind]} ${yearOf(e.date)}`;

/** The slug an event of `kind` on `date` would get before any suffix: `radslaget-2019`. */
export const baseSlug = (kind: EventKind, date: EventDate): string => `${kind}-${yearOf(date)}`;

/** Which kind a recurring meeting of the cooperation (its name in the collaboration's records) is. */
export function kindOfSeriesName(name: string): EventKind | undefined {
  const n = name.toLocaleLowerCase('sv-SE');
  if (n.startsWith('rådslag')) return 'radslaget';
  if (n.startsWith('södertörnskonferens')) return 'sodertornskonferensen';
  if (n.includes('nyckeltal')) return 'nyckeltalskonferensen';
  if (n.startsWith('planeringskonferens')) return 'planeringskonferensen';
  return undefined;
}

/** Size limits of what the secretariat writes. */
export const EVENT_LIMITS = {
  agendaItems: 60,
  files: 40,
  recordings: 20,
  outcomes: 40,
} as const;
