/**
 * The documentation of an event afterwards, the secretariat's: the summary, files (links to where they
 * are published, with format and size), recordings and what came out of the event. A recording is
 * published only when it has captions: recorded media on a public body's site must have them (lagen
 * (2018:1937) om tillgänglighet till digital offentlig service, WCAG 2.1 AA 1.2.2). Every change is
 * recorded in the audit trail.
 */
import { notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { EVENT_LIMITS, eventName, type EventRecord } from '../../domain/events/event.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { eventConflict, eventSnapshot, loadEvent, snapshotNames } from './event-access.js';
import type { z } from 'zod';
import { fileInput, outcomeInput, recordingInput, recordingStateInput, summaryInput } from './event-input.js';

/** The refusal of a recording without captions, on the field that says whether it has them. */
export const captionsRequired = (field: string): FieldProblem => ({
  field,
  message:
    'En inspelning kan publiceras först när den har undertexter. Lägg till undertexter i inspelningen och markera att den har det, eller spara den utan att publicera.',
});

function parse<S extends z.ZodObject>(schema: S, raw: unknown): z.output<S> {
  const { values, problems } = parseEachField(schema, raw);
  if (problems.length > 0) throw validationFailed(inFieldOrder(schema, problems));
  return values as z.output<S>;
}

const tooMany = (field: string, message: string) => validationFailed([{ field, message }]);

/**
 * Runs one change to an event's documentation: loads the event, makes the change (`change` returns the
 * audit summary), and records the event before and after.
 */
async function changeDocumentation(
  ctx: AppContext,
  ref: string,
  change: (repos: Repositories, event: EventRecord, at: string) => Promise<string>,
): Promise<EventRecord> {
  authorize(ctx, 'edit_event');
  return inTransaction(ctx, async (repos) => {
    const before = await loadEvent(repos, ref);
    const summary = await change(repos, before, timestamp(ctx));
    const after = (await repos.events.get(before.id))!;
    const names = await snapshotNames(repos, after);
    await recordEvent(ctx, repos, {
      action: 'event.documentation_changed',
      entityType: 'event',
      entityId: after.id,
      summary,
      before: eventSnapshot(before, names),
      after: eventSnapshot(after, names),
    });
    return after;
  });
}

/** Saves the summary of what was said and done, over the version the form was opened at. */
export const saveSummary = (ctx: AppContext, ref: string, raw: unknown) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const input = parse(summaryInput, raw);
    if (!(await repos.events.saveSummary(event.id, input.summary, input.version, at))) throw eventConflict();
    return `Sparade sammanfattningen av ${eventName(event)}.`;
  });

export const addFile = (ctx: AppContext, ref: string, raw: unknown) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const input = parse(fileInput, raw);
    if (event.files.length >= EVENT_LIMITS.files) {
      throw tooMany('fileName', `Ett evenemang kan ha högst ${EVENT_LIMITS.files} filer. Ta bort en fil först.`);
    }
    await repos.events.addFile(
      event.id,
      { name: input.fileName, url: input.fileUrl, format: input.fileFormat, sizeBytes: input.fileSize },
      at,
    );
    return `Lade till filen ”${input.fileName}” i dokumentationen av ${eventName(event)}.`;
  });

export const removeFile = (ctx: AppContext, ref: string, fileId: number) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const file = event.files.find((f) => f.id === fileId);
    if (!file || !(await repos.events.removeFile(event.id, fileId, at))) throw notFound('Filen');
    return `Tog bort filen ”${file.name}” ur dokumentationen av ${eventName(event)}.`;
  });

export const addRecording = (ctx: AppContext, ref: string, raw: unknown) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const input = parse(recordingInput, raw);
    if (input.recordingPublished && !input.recordingCaptions) {
      throw validationFailed([captionsRequired('recordingCaptions')]);
    }
    if (event.recordings.length >= EVENT_LIMITS.recordings) {
      throw tooMany(
        'recordingTitle',
        `Ett evenemang kan ha högst ${EVENT_LIMITS.recordings} inspelningar. Ta bort en inspelning först.`,
      );
    }
    await repos.events.addRecording(
      event.id,
      {
        title: input.recordingTitle,
        url: input.recordingUrl,
        hasCaptions: input.recordingCaptions,
        published: input.recordingPublished,
      },
      at,
    );
    return `Lade till inspelningen ”${input.recordingTitle}” (${input.recordingPublished ? 'publicerad' : 'inte publicerad'}) i dokumentationen av ${eventName(event)}.`;
  });

/** The form fields of one recording's state: unique on a page that lists several. */
export const recordingFieldIds = (recordingId: number) => ({
  hasCaptions: `recording-${recordingId}-captions`,
  published: `recording-${recordingId}-published`,
});

/** Changes whether a recording has captions and whether it is published (never published without). */
export const updateRecording = (ctx: AppContext, ref: string, recordingId: number, raw: unknown) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const recording = event.recordings.find((r) => r.id === recordingId);
    if (!recording) throw notFound('Inspelningen');
    const input = parse(recordingStateInput, raw);
    if (input.published && !input.hasCaptions) {
      throw validationFailed([captionsRequired(recordingFieldIds(recordingId).hasCaptions)]);
    }
    await repos.events.updateRecording(event.id, recordingId, input, at);
    const state = input.published ? 'publicerad' : 'inte publicerad';
    return `Ändrade inspelningen ”${recording.title}” i ${eventName(event)} (${state}, ${input.hasCaptions ? 'med' : 'utan'} undertexter).`;
  });

export const removeRecording = (ctx: AppContext, ref: string, recordingId: number) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const recording = event.recordings.find((r) => r.id === recordingId);
    if (!recording || !(await repos.events.removeRecording(event.id, recordingId, at))) {
      throw notFound('Inspelningen');
    }
    return `Tog bort inspelningen ”${recording.title}” ur dokumentationen av ${eventName(event)}.`;
  });

export const addOutcome = (ctx: AppContext, ref: string, raw: unknown) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    const input = parse(outcomeInput, raw);
    if (event.outcomes.length >= EVENT_LIMITS.outcomes) {
      throw tooMany('outcomeText', `Ett evenemang kan ha högst ${EVENT_LIMITS.outcomes} resultat. Ta bort ett först.`);
    }
    await repos.events.addOutcome(event.id, { text: input.outcomeText, url: input.outcomeUrl }, at);
    return `Lade till ett resultat av ${eventName(event)}.`;
  });

export const removeOutcome = (ctx: AppContext, ref: string, outcomeId: number) =>
  changeDocumentation(ctx, ref, async (repos, event, at) => {
    if (!event.outcomes.some((o) => o.id === outcomeId)) throw notFound('Resultatet');
    if (!(await repos.events.removeOutcome(event.id, outcomeId, at))) throw notFound('Resultatet');
    return `Tog bort ett resultat av ${eventName(event)}.`;
  });
