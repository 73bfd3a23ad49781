/**
 * The secretariat creates and edits events and their agenda. Every change is checked whole before
 * anything is stored, saved over the version the form was opened at (a newer save wins nothing
 * silently), and recorded in the audit trail in the same transaction.
 */
import type { FieldProblem } from '../../domain/errors.js';
import { validationFailed } from '../../domain/errors.js';
import { baseSlug, eventName, type EventFields, type EventRecord } from '../../domain/events/event.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { eventConflict, eventSnapshot, loadEvent, snapshotNames } from './event-access.js';
import { agendaInput, eventInput, type EventInput } from './event-input.js';

/** The rules between fields and against the records: times need a day, host and programme must exist. */
async function checkFields(
  repos: Repositories,
  collaborationId: number,
  input: Partial<EventInput>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const { date, startTime, endTime } = input;
  if (date && date.precision !== 'day' && (startTime || endTime)) {
    problems.push({
      field: startTime ? 'startTime' : 'endTime',
      message: 'Klockslag kan bara anges när dagen är känd. Skriv hela datumet (ÅÅÅÅ-MM-DD) eller ta bort klockslaget.',
    });
  } else if (endTime && !startTime && startTime !== undefined) {
    problems.push({ field: 'startTime', message: 'Skriv starttiden när sluttiden är angiven.' });
  } else if (startTime && endTime && endTime <= startTime) {
    problems.push({ field: 'endTime', message: 'Sluttiden ska vara efter starttiden.' });
  }
  if (input.hostMemberId != null) {
    const members = await repos.collaboration.members(collaborationId);
    if (!members.some((m) => m.id === input.hostMemberId)) {
      problems.push({ field: 'hostMemberId', message: 'Välj värdkommunen bland medlemskommunerna i listan.' });
    }
  }
  if (input.programmeId != null) {
    const programme = await repos.programmes.summary(input.programmeId);
    if (!programme || programme.collaborationId !== collaborationId || programme.state === 'draft') {
      problems.push({ field: 'programmeId', message: 'Välj ett program i listan (utkast kan inte väljas).' });
    }
  }
  return problems;
}

async function parseEvent(repos: Repositories, collaborationId: number, raw: unknown): Promise<EventInput> {
  const { values, problems } = parseEachField(eventInput, raw);
  problems.push(...(await checkFields(repos, collaborationId, values)));
  if (problems.length > 0) throw validationFailed(inFieldOrder(eventInput, problems));
  return values as EventInput;
}

const fieldsOf = (input: EventInput): EventFields => ({
  kind: input.kind,
  date: input.date,
  startTime: input.startTime,
  endTime: input.endTime,
  place: input.place,
  hostMemberId: input.hostMemberId,
  theme: input.theme,
  programmeId: input.programmeId,
  programmeText: input.programmeText,
  status: input.status,
  publication: input.publication,
  source: input.source,
});

/** A slug not taken yet: `radslaget-2019`, else `radslaget-2019-2`, `-3`, … */
async function freeSlug(repos: Repositories, base: string): Promise<string> {
  const taken = new Set(await repos.events.slugsStartingWith(base));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Stores a new event; the secretariat's. Returns it as stored. */
export async function createEvent(ctx: AppContext, raw: unknown): Promise<EventRecord> {
  authorize(ctx, 'edit_event');
  return inTransaction(ctx, async (repos) => {
    const collaboration = await currentCollaboration(repos);
    const fields = fieldsOf(await parseEvent(repos, collaboration.id, raw));
    const at = timestamp(ctx);
    const slug = await freeSlug(repos, baseSlug(fields.kind, fields.date));
    const id = await repos.events.insert(collaboration.id, slug, fields, at);
    const created = (await repos.events.get(id))!;
    await recordEvent(ctx, repos, {
      action: 'event.created',
      entityType: 'event',
      entityId: id,
      summary: `Lade till evenemanget ${eventName(created)} (${created.publication === 'published' ? 'publicerat' : 'utkast'}).`,
      before: null,
      after: eventSnapshot(created, await snapshotNames(repos, created)),
    });
    return created;
  });
}

/** Saves the event's own fields over the version the form was opened at. */
export async function updateEvent(ctx: AppContext, ref: string, raw: unknown): Promise<EventRecord> {
  authorize(ctx, 'edit_event');
  return inTransaction(ctx, async (repos) => {
    const before = await loadEvent(repos, ref);
    const input = await parseEvent(repos, before.collaborationId, raw);
    const at = timestamp(ctx);
    if (!(await repos.events.update(before.id, fieldsOf(input), input.version, at))) throw eventConflict();
    const after = (await repos.events.get(before.id))!;
    await recordEvent(ctx, repos, {
      action: 'event.updated',
      entityType: 'event',
      entityId: after.id,
      summary: `Ändrade uppgifterna om evenemanget ${eventName(after)}.`,
      before: eventSnapshot(before, await snapshotNames(repos, before)),
      after: eventSnapshot(after, await snapshotNames(repos, after)),
    });
    return after;
  });
}

/** Replaces the event's agenda (one item per line) over the version the form was opened at. */
export async function saveAgenda(ctx: AppContext, ref: string, raw: unknown): Promise<EventRecord> {
  authorize(ctx, 'edit_event');
  return inTransaction(ctx, async (repos) => {
    const before = await loadEvent(repos, ref);
    const { values, problems } = parseEachField(agendaInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(agendaInput, problems));
    const { agenda, version } = values as { agenda: EventRecord['agenda']; version: number };
    if (!(await repos.events.replaceAgenda(before.id, agenda, version, timestamp(ctx)))) throw eventConflict();
    const after = (await repos.events.get(before.id))!;
    const names = await snapshotNames(repos, after);
    await recordEvent(ctx, repos, {
      action: 'event.agenda_saved',
      entityType: 'event',
      entityId: after.id,
      summary: `Sparade dagordningen för ${eventName(after)} (${agenda.length} ${agenda.length === 1 ? 'punkt' : 'punkter'}).`,
      before: eventSnapshot(before, names),
      after: eventSnapshot(after, names),
    });
    return after;
  });
}
