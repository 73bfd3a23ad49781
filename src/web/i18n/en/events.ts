import type { DatePrecision, EventKind, FileFormat } from '../../../domain/events/event.js';
import type { EventsTexts } from '../sv/events.js';
import { common } from './common.js';

/** `2019-02-14` → 14 February 2019; `2019-02` → February 2019; `2019` → 2019. */
function dateText(date: { precision: DatePrecision; value: string }): string {
  const [y, m, d] = date.value.split('-').map(Number) as [number, number?, number?];
  if (date.precision === 'year' || m === undefined) return String(y);
  if (date.precision === 'month' || d === undefined) return common.monthYear(y, m);
  return common.longDate(date.value);
}

const WHOLE = new Intl.NumberFormat('en-GB');
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const number = (n: number, decimals?: 1) => (decimals === undefined ? WHOLE : ONE_DECIMAL).format(n);

function sizeText(bytes: number): string {
  if (bytes < 1000) return `${number(bytes)} bytes`;
  if (bytes < 1e6) return `${number(Math.round(bytes / 1e3))} kB`;
  if (bytes < 1e9) return `${number(bytes / 1e6, 1)} MB`;
  return `${number(bytes / 1e9, 1)} GB`;
}

const KIND_NAMES: Record<EventKind, string> = {
  radslaget: 'Rådslaget',
  sodertornskonferensen: 'The Södertörn Conference',
  nyckeltalskonferensen: 'The key-indicator conference',
  planeringskonferensen: 'The planning conference',
};

const FORMATS: Record<FileFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  pptx: 'PowerPoint',
  odf: 'OpenDocument',
  image: 'Image',
  other: 'Other format',
};

export const events: EventsTexts = {
  menuLabel: 'Events',
  kindNames: KIND_NAMES,
  eventName: (kind, year) => `${KIND_NAMES[kind]} ${year}`,
  dateText,
  timeSpan: (start, end) => (end ? `${start}–${end}` : start),
  statusNames: { scheduled: 'Taking place as planned', cancelled: 'Cancelled' },
  publicationNames: { draft: 'Draft', published: 'Published' },
  formatNames: FORMATS,
  fileLinkDetails: (format, bytes) => (bytes === null ? FORMATS[format] : `${FORMATS[format]}, ${sizeText(bytes)}`),

  listTitle: 'Events',
  listDescription:
    'The joint events of the Södertörn municipalities: Rådslaget, the Södertörn Conference, the key-indicator conference and the planning conference, upcoming and past.',
  listLead:
    'The Södertörn municipalities meet at Rådslaget, the Södertörn Conference, the key-indicator conference and the planning conference. Here are the events on record: upcoming events and the documentation of past ones.',
  newEvent: 'New event',
  calendarLink: 'The events as a calendar (iCalendar)',
  calendarHint: 'Add the address to your calendar to see the events there. Only events with a known date are included.',
  upcomingHeading: 'Upcoming events',
  noUpcoming: 'No upcoming events are on record.',
  pastHeading: 'Past events',
  noPast: 'No past events of this kind are on record.',
  seriesWhen: 'When',
  seriesAudience: 'For whom',
  seriesContent: 'Content',
  seriesChange: 'Change under the 2035 programme',
  themeInline: (theme) => `theme: ${theme}`,
  hostInline: (member) => `host: ${member}`,
  cancelledTag: 'Cancelled',
  draftTag: 'Draft',

  eventDescription: (name, theme) =>
    theme
      ? `${name}, theme ${theme}: date, host municipality, programme, agenda and documentation.`
      : `${name}: date, host municipality, programme, agenda and documentation.`,
  breadcrumb: 'Events',
  themeLead: (theme) => `Theme: ${theme}`,
  cancelledNotice: 'The event is cancelled.',
  draftNotice: 'Draft: the event is not published. Only the cooperation’s own people can see it.',
  facts: {
    kind: 'Kind',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    host: 'Host municipality',
    theme: 'Theme',
    programme: 'Concerns the programme',
    state: 'Status',
  },
  stateUpcoming: 'Upcoming',
  stateHeld: 'Held',
  dateKnownOnly: (precision) =>
    precision === 'year' ? ' (only the year is known)' : precision === 'month' ? ' (only the month is known)' : '',
  editLinks: {
    label: 'Edit the event',
    fields: 'Edit the details',
    agenda: 'Edit the agenda',
    documentation: 'Edit the documentation',
  },
  aboutHeading: 'About the event',
  noProgrammeText: 'No programme is on record yet.',
  agendaHeading: 'Agenda',
  noAgenda: 'No agenda is on record.',
  documentationHeading: 'Documentation',
  noDocumentation: 'No documentation is published yet.',
  documentationLater: 'The documentation will be published here after the event.',
  summaryHeading: 'Summary',
  filesHeading: 'Files',
  recordingsHeading: 'Recordings',
  recordingCaptioned: 'captioned',
  unpublishedRecordings: (n) =>
    n === 1
      ? 'One recording is not published (only the secretariat sees it).'
      : `${n} recordings are not published (only the secretariat sees them).`,
  outcomesHeading: 'What came out of the event',
  noOutcomes: 'No outcomes are on record.',
  seriesHeading: (kind) => `About ${kind}`,
  source: 'Source',
  noSource: 'No source is given.',
  lastChanged: 'Last changed',

  newTitle: 'New event',
  newDescription: 'Add a new event: kind, date, host municipality, theme and programme.',
  editTitle: (name) => `Edit ${name}`,
  editDescription: (name) => `Edit the details of ${name}.`,
  errorTitle: (title) => `Error: ${title}`,
  form: {
    kind: 'Kind of event',
    date: 'Date',
    dateHint:
      'Write YYYY-MM-DD, for example 2027-02-11. If only the month or the year is known, write YYYY-MM or YYYY. Do not make up a day.',
    startTime: 'Start time (optional)',
    endTime: 'End time (optional)',
    timeHint: 'HH.MM, for example 09.30. Only when the day is known.',
    place: 'Place (optional)',
    host: 'Host municipality (optional)',
    hostHint: 'Hosting Rådslaget rotates among the member municipalities.',
    noHost: 'No host municipality',
    theme: 'Theme (optional)',
    programme: 'The programme the event concerns (optional)',
    noProgramme: 'No programme',
    programmeText: 'Programme of the event (optional)',
    programmeTextHint: 'What the event is about and for whom, as in the invitation. A blank line separates paragraphs.',
    status: 'Is the event taking place?',
    publication: 'Publication',
    publicationHint: 'A draft is seen only by the cooperation’s own people. A published event is seen by everyone.',
    source: 'Source (optional)',
    sourceHint: 'Where the details come from, for example the invitation or a web page. Shown on the event’s page.',
    save: 'Save',
    cancel: 'Back to the event',
    cancelNew: 'Back to the events',
  },
  conflictHeading: 'The change was not saved',
  conflictHelp: 'The form shows what you wrote. Open the event in a new tab to see what is saved now.',
  saved: {
    created: 'The event is saved.',
    updated: 'The changes are saved.',
    agenda: 'The agenda is saved.',
    summary: 'The summary is saved.',
    file: 'The file is added.',
    fileRemoved: 'The file is removed.',
    recording: 'The recording is added.',
    recordingChanged: 'The recording is changed.',
    recordingRemoved: 'The recording is removed.',
    outcome: 'The outcome is added.',
    outcomeRemoved: 'The outcome is removed.',
  },

  agendaTitle: (name) => `Agenda of ${name}`,
  agendaDescription: (name) => `Write the agenda of ${name}.`,
  agendaLabel: 'Agenda',
  agendaHint:
    'One item per line. Start the line with the time if it is known, for example “09.00–09.30 Welcome” or “13.00 Lunch”.',

  documentationTitle: (name) => `Documentation of ${name}`,
  documentationDescription: (name) =>
    `The documentation of ${name}: summary, files, recordings and what came out of the event.`,
  summaryLabel: 'Summary',
  summaryHint: 'What was said and done. A blank line separates paragraphs.',
  saveSummary: 'Save the summary',
  filesLead: 'Link to the files where they are published, for example on the cooperation’s website.',
  noFiles: 'No files are added.',
  fileName: 'Name of the file',
  fileUrl: 'Address of the file',
  fileUrlHint: 'The full address, starting with https://.',
  fileFormat: 'Format',
  chooseFormat: 'Choose a format',
  fileSize: 'Size (optional)',
  fileSizeHint: 'For example 2.4 MB or 350 kB. Shown in the link, so that people know what they download.',
  addFile: 'Add the file',
  addFileHeading: 'Add a file',
  remove: 'Remove',
  removeFile: (name) => ` the file “${name}”`,
  recordingsLead:
    'A recording is published only when it has captions: recorded audio and video on a public body’s website must be captioned (the Swedish act on accessibility of digital public services).',
  noRecordings: 'No recordings are added.',
  recordingTitle: 'Name of the recording',
  recordingUrl: 'Address of the recording',
  recordingUrlHint: 'The full address of the recording, starting with https://.',
  hasCaptions: 'The recording has captions',
  publishRecording: 'Publish the recording on the event’s page',
  addRecording: 'Add the recording',
  addRecordingHeading: 'Add a recording',
  recordingState: (published, captions) =>
    `${published ? 'Published' : 'Not published'}, ${captions ? 'with captions' : 'without captions'}`,
  recordingLegend: (title) => `The recording “${title}”`,
  saveRecording: 'Save',
  saveRecordingContext: (title) => ` the recording “${title}”`,
  removeRecording: (title) => ` the recording “${title}”`,
  outcomesLead:
    'Consultation comments, decisions and anything else that came out of the event. Link to the comment or decision if it is on the web.',
  outcomeText: 'What came out of the event',
  outcomeUrl: 'Link (optional)',
  outcomeUrlHint: 'A page of this service (starting with /, for example /program/sup-2035) or a full address.',
  addOutcome: 'Add the outcome',
  addOutcomeHeading: 'Add an outcome',
  removeOutcome: (text) => ` the outcome “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`,
  backToEvent: 'Back to the event',
};
