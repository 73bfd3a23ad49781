/**
 * The secretariat opens a consultation on a proposed version, with its dates, who receives the comments,
 * a description and how many reports hide a comment; and changes those later (closing early is setting
 * the last day). Open or closed follows from the dates and today's.
 */
import type { Snapshot } from '../../domain/audit/snapshots.js';
import type { Consultation } from '../../domain/consultation/consultation.js';
import { DomainError, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { ConsultationSettings } from '../../storage/consultation.repository.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadProgramme } from '../programmes/get-programme.js';
import { consultationNotFound, draftRefused } from './consultation-access.js';
import { consultationSettingsInput, type ConsultationSettingsInput } from './consultation-input.js';

const snapshot = (c: Consultation, programme: Programme): Snapshot => ({
  programme: programme.name,
  programmeId: programme.id,
  startDate: c.startDate,
  endDate: c.endDate,
  responsible: c.responsible,
  description: c.description,
  reportsToHide: c.reportsToHide,
});

const alreadyOpened = () =>
  new DomainError('conflict', 'Det finns redan ett samråd om den här versionen. Ändra det i stället.');

const changedSince = () =>
  new DomainError(
    'conflict',
    'Samrådet har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Ladda om sidan och försök igen.',
  );

/** Parses the settings, every problem at once; the last day may not come before the first. */
function parseSettings(raw: unknown): ConsultationSettingsInput {
  const { values, problems } = parseEachField(consultationSettingsInput, raw);
  const all: FieldProblem[] = [...problems];
  if (values.startDate && values.endDate && values.endDate < values.startDate)
    all.push({ field: 'endDate', message: 'Sista dagen kan inte komma före första dagen.' });
  if (all.length > 0) throw validationFailed(inFieldOrder(consultationSettingsInput, all));
  return values as ConsultationSettingsInput;
}

const settingsOf = (input: ConsultationSettingsInput): ConsultationSettings => ({
  startDate: input.startDate,
  endDate: input.endDate,
  responsible: input.responsible,
  description: input.description,
  reportsToHide: input.reportsToHide,
});

/** Who receives the comments, until the secretariat says: the cooperation's committee, else the cooperation. */
export async function defaultResponsible(ctx: AppContext): Promise<string> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const bodies = await repos.collaboration.bodies(collaboration.id);
  return bodies.find((b) => b.kind === 'committee')?.name ?? collaboration.name;
}

/** The proposed version the secretariat may open a consultation on (a draft is refused). */
export async function loadConsultable(ctx: AppContext, repos: Repositories, ref: string): Promise<Programme> {
  authorize(ctx, 'run_consultation');
  const programme = await loadProgramme(repos, ref);
  if (programme.state === 'draft') throw draftRefused();
  return programme;
}

export async function openConsultation(ctx: AppContext, ref: string, raw: unknown): Promise<Consultation> {
  return inTransaction(ctx, async (repos) => {
    const programme = await loadConsultable(ctx, repos, ref);
    if (await repos.consultations.byProgramme(programme.id)) throw alreadyOpened();
    const input = parseSettings(raw);
    const opened = await repos.consultations.insert(programme.id, settingsOf(input), timestamp(ctx));
    if (!opened) throw alreadyOpened();
    await recordEvent(ctx, repos, {
      action: 'consultation.opened',
      entityType: 'consultation',
      entityId: opened.id,
      summary: `Öppnade samråd om ”${programme.name}” ${opened.startDate}–${opened.endDate}.`,
      before: null,
      after: snapshot(opened, programme),
    });
    return opened;
  });
}

export async function updateConsultation(ctx: AppContext, ref: string, raw: unknown): Promise<Consultation> {
  return inTransaction(ctx, async (repos) => {
    const programme = await loadConsultable(ctx, repos, ref);
    const before = await repos.consultations.byProgramme(programme.id);
    if (!before) throw consultationNotFound();
    const input = parseSettings(raw);
    const saved = await repos.consultations.update(before.id, settingsOf(input), input.version, timestamp(ctx));
    if (!saved) throw changedSince();
    await recordEvent(ctx, repos, {
      action: 'consultation.updated',
      entityType: 'consultation',
      entityId: saved.id,
      summary: `Ändrade samrådet om ”${programme.name}” (${saved.startDate}–${saved.endDate}).`,
      before: snapshot(before, programme),
      after: snapshot(saved, programme),
    });
    return saved;
  });
}
