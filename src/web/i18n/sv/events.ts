/**
 * The events pages (/evenemang): the public list and event page, and the secretariat's forms for an
 * event, its agenda and its documentation. What an event is about (theme, programme text, agenda,
 * summary) is data and is not here.
 */
import { formatNumber } from '../../../domain/format-sv.js';
import type {
  DatePrecision,
  EventKind,
  EventPublication,
  EventStatus,
  FileFormat,
} from '../../../domain/events/event.js';
import { common } from './common.js';

/** `2019-02-14` → 14 februari 2019; `2019-02` → februari 2019; `2019` → 2019. */
function dateText(date: { precision: DatePrecision; value: string }): string {
  const [y, m, d] = date.value.split('-').map(Number) as [number, number?, number?];
  if (date.precision === 'year' || m === undefined) return String(y);
  if (date.precision === 'month' || d === undefined) return common.monthYear(y, m);
  return common.longDate(date.value);
}

/** `09:30` → 09.30, as Språkrådet writes times. */
const time = (hhmm: string) => hhmm.replace(':', '.');

/** A size in bytes, in SI units: 2,4 MB, 350 kB. */
function sizeText(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} byte`;
  if (bytes < 1e6) return `${formatNumber(Math.round(bytes / 1e3))} kB`;
  if (bytes < 1e9) return `${formatNumber(bytes / 1e6, { decimals: 1 })} MB`;
  return `${formatNumber(bytes / 1e9, { decimals: 1 })} GB`;
}

const KIND_NAMES: Record<EventKind, string> = {
  radslaget: 'Rådslaget',
  sodertornskonferensen: 'Södertörnskonferensen',
  nyckeltalskonferensen: 'Nyckeltalskonferensen',
  planeringskonferensen: 'Planeringskonferensen',
};

const FORMATS: Record<FileFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  pptx: 'PowerPoint',
  odf: 'OpenDocument',
  image: 'Bild',
  other: 'Annat format',
};

export const events = {
  menuLabel: 'Evenemang',
  kindNames: KIND_NAMES,
  /** "Rådslaget 2019". */
  eventName: (kind: EventKind, year: number) => `${KIND_NAMES[kind]} ${year}`,
  dateText,
  timeSpan: (start: string, end: string) => (end ? `${time(start)}–${time(end)}` : time(start)),
  statusNames: { scheduled: 'Blir av enligt plan', cancelled: 'Inställt' } as Record<EventStatus, string>,
  publicationNames: { draft: 'Utkast', published: 'Publicerat' } as Record<EventPublication, string>,
  formatNames: FORMATS,
  fileLinkDetails: (format: FileFormat, bytes: number | null) =>
    bytes === null ? FORMATS[format] : `${FORMATS[format]}, ${sizeText(bytes)}`,

  // ---- The list
  listTitle: 'Evenemang',
  listDescription:
    'Södertörnskommunernas gemensamma evenemang: Rådslaget, Södertörnskonferensen, nyckeltalskonferensen och planeringskonferensen, kommande och tidigare.',
  listLead:
    'Södertörnskommunerna möts i Rådslaget, på Södertörnskonferensen, på nyckeltalskonferensen och på planeringskonferensen. Här finns de evenemang som är inlagda: kommande evenemang och dokumentationen från tidigare.',
  newEvent: 'Nytt evenemang',
  calendarLink: 'Evenemangen som kalender (iCalendar)',
  calendarHint:
    'Lägg till adressen i din kalender för att se evenemangen där. Bara evenemang med känt datum kommer med.',
  upcomingHeading: 'Kommande evenemang',
  noUpcoming: 'Inga kommande evenemang är inlagda.',
  pastHeading: 'Tidigare evenemang',
  noPast: 'Inga tidigare evenemang av det här slaget är inlagda.',
  seriesWhen: 'När',
  seriesAudience: 'För vem',
  seriesContent: 'Innehåll',
  seriesChange: 'Förändring enligt programmet 2035',
  themeInline: (theme: string) => `tema: ${theme}`,
  hostInline: (member: string) => `värd: ${member}`,
  cancelledTag: 'Inställt',
  draftTag: 'Utkast',

  // ---- One event
  eventDescription: (name: string, theme: string) =>
    theme
      ? `${name} med temat ${theme}: datum, värdkommun, program, dagordning och dokumentation.`
      : `${name}: datum, värdkommun, program, dagordning och dokumentation.`,
  breadcrumb: 'Evenemang',
  themeLead: (theme: string) => `Tema: ${theme}`,
  cancelledNotice: 'Evenemanget är inställt.',
  draftNotice: 'Utkast: evenemanget är inte publicerat. Bara samverkans egna ser det.',
  facts: {
    kind: 'Slag',
    date: 'Datum',
    time: 'Tid',
    place: 'Plats',
    host: 'Värdkommun',
    theme: 'Tema',
    programme: 'Gäller programmet',
    state: 'Läge',
  },
  stateUpcoming: 'Kommande',
  stateHeld: 'Genomfört',
  dateKnownOnly: (precision: DatePrecision): string =>
    precision === 'year' ? ' (bara året är känt)' : precision === 'month' ? ' (bara månaden är känd)' : '',
  editLinks: {
    label: 'Ändra evenemanget',
    fields: 'Ändra uppgifterna',
    agenda: 'Ändra dagordningen',
    documentation: 'Ändra dokumentationen',
  },
  aboutHeading: 'Om evenemanget',
  noProgrammeText: 'Inget program är inlagt ännu.',
  agendaHeading: 'Dagordning',
  noAgenda: 'Ingen dagordning är inlagd.',
  documentationHeading: 'Dokumentation',
  noDocumentation: 'Ingen dokumentation är publicerad ännu.',
  documentationLater: 'Dokumentationen publiceras här efter evenemanget.',
  summaryHeading: 'Sammanfattning',
  filesHeading: 'Filer',
  recordingsHeading: 'Inspelningar',
  recordingCaptioned: 'textad',
  unpublishedRecordings: (n: number) =>
    n === 1
      ? 'En inspelning är inte publicerad (den syns bara för sekretariatet).'
      : `${n} inspelningar är inte publicerade (de syns bara för sekretariatet).`,
  outcomesHeading: 'Det här kom ut av evenemanget',
  noOutcomes: 'Inga resultat är inlagda.',
  seriesHeading: (kind: string) => `Om ${kind}`,
  source: 'Källa',
  noSource: 'Ingen källa är angiven.',
  lastChanged: 'Senast ändrad',

  // ---- The event form
  newTitle: 'Nytt evenemang',
  newDescription: 'Lägg in ett nytt evenemang: slag, datum, värdkommun, tema och program.',
  editTitle: (name: string) => `Ändra ${name}`,
  editDescription: (name: string) => `Ändra uppgifterna om ${name}.`,
  errorTitle: (title: string) => `Fel: ${title}`,
  form: {
    kind: 'Slag av evenemang',
    date: 'Datum',
    dateHint:
      'Skriv ÅÅÅÅ-MM-DD, till exempel 2027-02-11. Är bara månaden eller året känt: skriv ÅÅÅÅ-MM eller ÅÅÅÅ. Hitta inte på en dag.',
    startTime: 'Starttid (valfritt)',
    endTime: 'Sluttid (valfritt)',
    timeHint: 'TT.MM, till exempel 09.30. Bara när dagen är känd.',
    place: 'Plats (valfritt)',
    host: 'Värdkommun (valfritt)',
    hostHint: 'Värdskapet för Rådslaget växlar mellan medlemskommunerna.',
    noHost: 'Ingen värdkommun',
    theme: 'Tema (valfritt)',
    programme: 'Programmet som evenemanget gäller (valfritt)',
    noProgramme: 'Inget program',
    programmeText: 'Program för evenemanget (valfritt)',
    programmeTextHint: 'Vad evenemanget handlar om och för vem, som i inbjudan. En tom rad skiljer styckena åt.',
    status: 'Blir evenemanget av?',
    publication: 'Publicering',
    publicationHint: 'Ett utkast syns bara för samverkans egna. Ett publicerat evenemang syns för alla.',
    source: 'Källa (valfritt)',
    sourceHint:
      'Var uppgifterna kommer ifrån, till exempel inbjudan eller en sida på webben. Visas på evenemangets sida.',
    save: 'Spara',
    cancel: 'Tillbaka till evenemanget',
    cancelNew: 'Tillbaka till evenemangen',
  },
  conflictHeading: 'Ändringen sparades inte',
  conflictHelp: 'Formuläret visar det du skrev. Öppna evenemanget i en ny flik för att se det som är sparat nu.',
  saved: {
    created: 'Evenemanget är sparat.',
    updated: 'Ändringarna är sparade.',
    agenda: 'Dagordningen är sparad.',
    summary: 'Sammanfattningen är sparad.',
    file: 'Filen är tillagd.',
    fileRemoved: 'Filen är borttagen.',
    recording: 'Inspelningen är tillagd.',
    recordingChanged: 'Inspelningen är ändrad.',
    recordingRemoved: 'Inspelningen är borttagen.',
    outcome: 'Resultatet är tillagt.',
    outcomeRemoved: 'Resultatet är borttaget.',
  },

  // ---- The agenda form
  agendaTitle: (name: string) => `Dagordning för ${name}`,
  agendaDescription: (name: string) => `Skriv dagordningen för ${name}.`,
  agendaLabel: 'Dagordning',
  agendaHint:
    'En punkt per rad. Börja raden med tiden om den är känd, till exempel ”09.00–09.30 Välkomna” eller ”13.00 Lunch”.',

  // ---- The documentation page
  documentationTitle: (name: string) => `Dokumentation av ${name}`,
  documentationDescription: (name: string) =>
    `Dokumentationen av ${name}: sammanfattning, filer, inspelningar och vad som kom ut av evenemanget.`,
  summaryLabel: 'Sammanfattning',
  summaryHint: 'Vad som sades och gjordes. En tom rad skiljer styckena åt.',
  saveSummary: 'Spara sammanfattningen',
  filesLead: 'Länka till filerna där de är publicerade, till exempel på samverkans webbplats.',
  noFiles: 'Inga filer är tillagda.',
  fileName: 'Filens namn',
  fileUrl: 'Filens adress',
  fileUrlHint: 'Hela adressen, som börjar med https://.',
  fileFormat: 'Format',
  chooseFormat: 'Välj format',
  fileSize: 'Storlek (valfritt)',
  fileSizeHint: 'Till exempel 2,4 MB eller 350 kB. Visas i länken, så att den som laddar ner vet vad som väntar.',
  addFile: 'Lägg till filen',
  addFileHeading: 'Lägg till en fil',
  remove: 'Ta bort',
  removeFile: (name: string) => ` filen ”${name}”`,
  recordingsLead:
    'En inspelning publiceras först när den har undertexter: inspelat ljud och video på en offentlig webbplats ska vara textade (lagen om tillgänglighet till digital offentlig service).',
  noRecordings: 'Inga inspelningar är tillagda.',
  recordingTitle: 'Inspelningens namn',
  recordingUrl: 'Inspelningens adress',
  recordingUrlHint: 'Hela adressen till inspelningen, som börjar med https://.',
  hasCaptions: 'Inspelningen har undertexter',
  publishRecording: 'Publicera inspelningen på evenemangets sida',
  addRecording: 'Lägg till inspelningen',
  addRecordingHeading: 'Lägg till en inspelning',
  recordingState: (published: boolean, captions: boolean) =>
    `${published ? 'Publicerad' : 'Inte publicerad'}, ${captions ? 'med undertexter' : 'utan undertexter'}`,
  recordingLegend: (title: string) => `Inspelningen ”${title}”`,
  saveRecording: 'Spara',
  saveRecordingContext: (title: string) => ` inspelningen ”${title}”`,
  removeRecording: (title: string) => ` inspelningen ”${title}”`,
  outcomesLead:
    'Samrådssynpunkter, beslut och annat som kom ut av evenemanget. Länka till synpunkten eller beslutet om det finns på webben.',
  outcomeText: 'Vad som kom ut av evenemanget',
  outcomeUrl: 'Länk (valfritt)',
  outcomeUrlHint: 'En sida i tjänsten (som börjar med /, till exempel /program/sup-2035) eller en hel adress.',
  addOutcome: 'Lägg till resultatet',
  addOutcomeHeading: 'Lägg till ett resultat',
  removeOutcome: (text: string) => ` resultatet ”${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`,
  backToEvent: 'Tillbaka till evenemanget',
};

export type EventsTexts = typeof events;
