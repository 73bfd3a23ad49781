/**
 * Finding a consultation by its programme, and what the public may see of it: comments without their
 * addresses (a hidden comment only as the fact that one is hidden), published answers only.
 */
import {
  consultationPhase,
  type Answer,
  type CommentStatus,
  type Consultation,
  type ConsultationComment,
  type ConsultationPhase,
  type PartRef,
} from '../../domain/consultation/consultation.js';
import { programmeParts, type ProgrammePart } from '../../domain/consultation/parts.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import { today, type AppContext, type Repositories } from '../context.js';
import { loadProgramme } from '../programmes/get-programme.js';

export interface ConsultationSubject {
  programme: Programme;
  consultation: Consultation;
  phase: ConsultationPhase;
  parts: ProgrammePart[];
}

/** A consultation is held on a proposed version: its text is fixed, so every comment refers to words that stay. */
export const draftRefused = (): DomainError =>
  new DomainError(
    'not_proposed',
    'Programmet är ett utkast. Ett samråd hålls om ett föreslaget program, när texten inte längre ändras.',
  );

export const consultationNotFound = () => notFound('Samrådet');

/** The programme (by slug) and its consultation; not found when the programme has none. */
export async function loadConsultation(
  ctx: AppContext,
  repos: Repositories,
  ref: string,
): Promise<ConsultationSubject> {
  const programme = await loadProgramme(repos, ref);
  // A draft never has one, and saying so would tell the public that the draft exists.
  if (programme.state === 'draft') throw consultationNotFound();
  const consultation = await repos.consultations.byProgramme(programme.id);
  if (!consultation) throw consultationNotFound();
  return {
    programme,
    consultation,
    phase: consultationPhase(consultation, today(ctx)),
    parts: programmeParts(programme),
  };
}

/** A comment as anyone may see it: never the address; a hidden one without name or text. */
export interface PublicComment {
  id: number;
  part: PartRef;
  status: Exclude<CommentStatus, 'unconfirmed'>;
  displayName: string;
  body: string;
  /** When it was published (its address confirmed). */
  publishedAt: string;
  themeId: number | null;
}

export function publicComment(c: ConsultationComment): PublicComment | undefined {
  if (c.status === 'unconfirmed') return undefined;
  const hidden = c.status === 'hidden';
  return {
    id: c.id,
    part: c.part,
    status: c.status,
    displayName: hidden ? '' : c.displayName,
    body: hidden ? '' : c.body,
    publishedAt: c.confirmedAt ?? c.createdAt,
    themeId: c.themeId,
  };
}

export const publicComments = (comments: readonly ConsultationComment[]): PublicComment[] =>
  comments.flatMap((c) => publicComment(c) ?? []);

/** Published answers only, the themes' titles with them. */
export const publishedAnswers = (answers: readonly Answer[]): Answer[] =>
  answers.filter((a) => a.status === 'published');
