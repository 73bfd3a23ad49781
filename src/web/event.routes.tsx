/**
 * The events: the public list and event pages (cached for the public), the calendar feed, and the
 * secretariat's forms for an event, its agenda and its documentation. Every form page and post is the
 * secretariat's (edit_event), refused before the request is read; the use cases check the same.
 */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { eventCalendar, EVENT_CALENDAR_PATH } from '../app/events/event-calendar.js';
import {
  addFile,
  addOutcome,
  addRecording,
  removeFile,
  removeOutcome,
  removeRecording,
  saveSummary,
  updateRecording,
} from '../app/events/event-documentation.js';
import { eventFormChoices, getEvent, listEvents } from '../app/events/get-events.js';
import { createEvent, saveAgenda, updateEvent } from '../app/events/save-event.js';
import type { DomainError, FieldProblem } from '../domain/errors.js';
import type { EventRecord } from '../domain/events/event.js';
import { statusOf } from '../http/error-mapping.js';
import { publicOrigin } from '../http/proxy.js';
import { requirePolicy } from '../http/require-policy.js';
import { texts } from './i18n/texts.js';
import { EventAgendaPage, agendaFormValues, type AgendaFormValues } from './pages/event-agenda.page.js';
import {
  documentationFormValues,
  EventDocumentationPage,
  type DocumentationFormValues,
  type PostedRecordingState,
} from './pages/event-documentation.page.js';
import { EMPTY_EVENT_FORM, EventFormPage, eventFormValues, type EventFormValues } from './pages/event-form.page.js';
import { EventListPage } from './pages/event-list.page.js';
import { eventDocumentationPath, eventPath, EVENTS_PATH, NEW_EVENT_PATH } from './pages/event-parts.js';
import { EventPage } from './pages/event.page.js';
import { pageForThePublic } from './public-pages.js';
import { attempt, html } from './render.js';
import { idParam, postedForm, postedValues } from './route-params.js';

type Failure = { error: DomainError; problems: FieldProblem[] };
type SavedKey = keyof ReturnType<typeof texts>['events']['saved'];

const REF = ':ref{[a-z0-9-]+}';
const ITEM = ':itemId{[0-9]+}';

/** The secretariat's paths (forms and posts), each guarded before anything is read. */
const EDIT_PATHS = [
  NEW_EVENT_PATH,
  `${EVENTS_PATH}/${REF}/redigera`,
  `${EVENTS_PATH}/${REF}/dagordning`,
  `${EVENTS_PATH}/${REF}/dokumentation`,
  `${EVENTS_PATH}/${REF}/filer`,
  `${EVENTS_PATH}/${REF}/filer/${ITEM}/ta-bort`,
  `${EVENTS_PATH}/${REF}/inspelningar`,
  `${EVENTS_PATH}/${REF}/inspelningar/${ITEM}`,
  `${EVENTS_PATH}/${REF}/inspelningar/${ITEM}/ta-bort`,
  `${EVENTS_PATH}/${REF}/resultat`,
  `${EVENTS_PATH}/${REF}/resultat/${ITEM}/ta-bort`,
];

/** The confirmation a redirect after saving asks for (`?sparat=…`), if it is one. */
function savedText(c: Context): string | undefined {
  const key = c.req.query('sparat');
  const saved = texts().events.saved;
  return key && key in saved ? saved[key as SavedKey] : undefined;
}

const conflictOf = (failure: Failure | undefined) =>
  failure?.error.code === 'conflict' ? failure.error.message : undefined;

export function eventRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  for (const path of EDIT_PATHS) web.on(['GET', 'POST'], path, requirePolicy(ctx, 'edit_event'));
  const forThePublic = pageForThePublic(ctx);
  const refOf = (c: Context) => c.req.param('ref')!;

  // ---- For everyone
  web.get(EVENTS_PATH, (c) => forThePublic(c, async () => <EventListPage view={await listEvents(ctx)} />));

  web.get(EVENT_CALENDAR_PATH, async (c) => {
    const body = await eventCalendar(ctx, { baseUrl: publicOrigin(c) });
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="evenemang.ics"',
    });
  });

  // ---- A new event (before /evenemang/:ref, which would take "nytt" for a slug)
  const newForm = async (c: Context, values?: EventFormValues, failure?: Failure) =>
    html(
      c,
      <EventFormPage
        choices={await eventFormChoices(ctx)}
        values={values ?? EMPTY_EVENT_FORM}
        problems={failure?.problems}
        conflict={conflictOf(failure)}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  web.get(NEW_EVENT_PATH, (c) => newForm(c));
  web.post(NEW_EVENT_PATH, async (c) => {
    const posted = await postedForm(c);
    const result = await attempt(() => createEvent(ctx, posted));
    if (result.ok) return c.redirect(`${eventPath(result.value.slug)}?sparat=created`, 303);
    return newForm(c, postedValues(EMPTY_EVENT_FORM, posted), result);
  });

  web.get(`${EVENTS_PATH}/${REF}`, (c) => {
    const ref = refOf(c);
    return forThePublic(c, async () => <EventPage view={await getEvent(ctx, ref)} saved={savedText(c)} />);
  });

  // ---- The event's details
  const editForm = async (c: Context, values?: EventFormValues, failure?: Failure) => {
    const [{ event }, choices] = await Promise.all([getEvent(ctx, refOf(c)), eventFormChoices(ctx)]);
    return html(
      c,
      <EventFormPage
        event={event}
        choices={choices}
        values={values ?? eventFormValues(event)}
        problems={failure?.problems}
        conflict={conflictOf(failure)}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };
  web.get(`${EVENTS_PATH}/${REF}/redigera`, (c) => editForm(c));
  web.post(`${EVENTS_PATH}/${REF}/redigera`, async (c) => {
    const posted = await postedForm(c);
    const result = await attempt(() => updateEvent(ctx, refOf(c), posted));
    if (result.ok) return c.redirect(`${eventPath(result.value.slug)}?sparat=updated`, 303);
    return editForm(c, postedValues(EMPTY_EVENT_FORM, posted), result);
  });

  // ---- The agenda
  const agendaForm = async (c: Context, values?: AgendaFormValues, failure?: Failure) => {
    const { event } = await getEvent(ctx, refOf(c));
    return html(
      c,
      <EventAgendaPage
        event={event}
        values={values ?? agendaFormValues(event)}
        problems={failure?.problems}
        conflict={conflictOf(failure)}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };
  web.get(`${EVENTS_PATH}/${REF}/dagordning`, (c) => agendaForm(c));
  web.post(`${EVENTS_PATH}/${REF}/dagordning`, async (c) => {
    const posted = await postedForm(c);
    const result = await attempt(() => saveAgenda(ctx, refOf(c), posted));
    if (result.ok) return c.redirect(`${eventPath(result.value.slug)}?sparat=agenda`, 303);
    return agendaForm(c, postedValues({ agenda: '', version: '' }, posted), result);
  });

  // ---- The documentation
  const documentationPage = async (
    c: Context,
    extra: {
      posted?: Record<string, string | string[]>;
      recordingState?: PostedRecordingState;
      failure?: Failure;
    } = {},
  ) => {
    const { event } = await getEvent(ctx, refOf(c));
    const stored = documentationFormValues(event);
    // A refused form keeps what was typed in it; the other forms show what is stored.
    const typed = Object.entries(extra.posted ?? {}).filter(
      (entry): entry is [string, string] => entry[0] in stored && typeof entry[1] === 'string',
    );
    const values: DocumentationFormValues = { ...stored, ...Object.fromEntries(typed) };
    return html(
      c,
      <EventDocumentationPage
        event={event}
        values={values}
        recordingState={extra.recordingState}
        problems={extra.failure?.problems}
        conflict={conflictOf(extra.failure)}
        saved={savedText(c)}
      />,
      extra.failure ? statusOf[extra.failure.error.code] : 200,
    );
  };
  web.get(`${EVENTS_PATH}/${REF}/dokumentation`, (c) => documentationPage(c));

  /** Runs a documentation change from a form and sends the person back to the page, or shows what was wrong. */
  const documentationChange = (
    change: (c: Context, posted: Record<string, string | string[]>) => Promise<EventRecord>,
    saved: SavedKey,
    recordingState?: (c: Context, posted: Record<string, string | string[]>) => PostedRecordingState,
  ) => {
    return async (c: Context) => {
      const posted = await postedForm(c);
      const result = await attempt(() => change(c, posted));
      if (result.ok) return c.redirect(`${eventDocumentationPath(result.value.slug)}?sparat=${saved}`, 303);
      return documentationPage(c, {
        posted,
        failure: result,
        ...(recordingState ? { recordingState: recordingState(c, posted) } : {}),
      });
    };
  };
  const item = (c: Context, what: string) => idParam(c, 'itemId', what);

  web.post(
    `${EVENTS_PATH}/${REF}/dokumentation`,
    documentationChange((c, posted) => saveSummary(ctx, refOf(c), posted), 'summary'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/filer`,
    documentationChange((c, posted) => addFile(ctx, refOf(c), posted), 'file'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/filer/${ITEM}/ta-bort`,
    documentationChange((c) => removeFile(ctx, refOf(c), item(c, 'Filen')), 'fileRemoved'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/inspelningar`,
    documentationChange((c, posted) => addRecording(ctx, refOf(c), posted), 'recording'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/inspelningar/${ITEM}`,
    documentationChange(
      (c, posted) => updateRecording(ctx, refOf(c), item(c, 'Inspelningen'), posted),
      'recordingChanged',
      (c, posted) => ({
        id: item(c, 'Inspelningen'),
        hasCaptions: posted.hasCaptions === 'ja',
        published: posted.published === 'ja',
      }),
    ),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/inspelningar/${ITEM}/ta-bort`,
    documentationChange((c) => removeRecording(ctx, refOf(c), item(c, 'Inspelningen')), 'recordingRemoved'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/resultat`,
    documentationChange((c, posted) => addOutcome(ctx, refOf(c), posted), 'outcome'),
  );
  web.post(
    `${EVENTS_PATH}/${REF}/resultat/${ITEM}/ta-bort`,
    documentationChange((c) => removeOutcome(ctx, refOf(c), item(c, 'Resultatet')), 'outcomeRemoved'),
  );

  return web;
}
