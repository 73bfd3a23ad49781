/**
 * The public's comments: written on one part of the programme while the consultation is open, stored
 * unconfirmed and mailed a one-time link (its token kept only as a hash), published when the link is
 * followed and confirmed. Refused with a Swedish message when the text holds a personnummer, when the
 * consultation is not open, when no mail can be sent, or past the flood limits.
 */
import { randomToken, hashToken } from '../auth/secrets.js';
import { confirmationMail } from '../../domain/consultation/consultation-mail-sv.js';
import { parsePartKey, type ConsultationComment } from '../../domain/consultation/consultation.js';
import { findPart, partLabelSv, type ProgrammePart } from '../../domain/consultation/parts.js';
import { DomainError, notFound, validationFailed } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import {
  loadConsultation,
  publicComment,
  type ConsultationSubject,
  type PublicComment,
} from './consultation-access.js';
import { commentInput, type CommentInput } from './consultation-input.js';
import { checkFloodLimits, commentKeys, countAttempt } from './flood-limits.js';

/** How long a confirmation link works. */
export const CONFIRMATION_VALID_DAYS = 7;

/** The paths the mails link to, in Swedish (mails are written in Swedish). */
export const consultationPagePath = (slug: string) => `/program/${slug}/samrad`;
export const confirmationPath = (token: string) => `/samrad/bekrafta/${token}`;

export interface RequestOrigin {
  /** The client's address, for the flood limits (only its hash is stored). */
  address: string;
  /** The service's address as the visitor sees it (https://…), for links in mails. */
  baseUrl: string;
}

const notOpen = (subject: ConsultationSubject) =>
  new DomainError(
    'conflict',
    subject.phase === 'upcoming'
      ? `Samrådet har inte börjat. Du kan kommentera från ${subject.consultation.startDate}.`
      : `Samrådet är avslutat sedan ${subject.consultation.endDate}. Inga fler kommentarer tas emot.`,
  );

const noMailer = () =>
  new DomainError(
    'conflict',
    'Det går inte att kommentera just nu: tjänsten kan inte skicka e-post för att bekräfta adresser.',
  );

/** The part a thread is about, by its key in the address (`goal-12`); not found when the version has no such part. */
export function partOf(subject: ConsultationSubject, key: string): ProgrammePart {
  const ref = parsePartKey(key);
  const part = ref && findPart(subject.parts, ref);
  if (!part) throw notFound('Delen av programmet');
  return part;
}

/**
 * Stores a comment on `partKey` unconfirmed and mails its author the confirmation link. When the mail
 * server refuses the address, the person is told (the comment stays unconfirmed and is never shown).
 */
export async function submitComment(
  ctx: AppContext,
  ref: string,
  partKey: string,
  raw: unknown,
  origin: RequestOrigin,
): Promise<ConsultationComment> {
  const { comment, token, subject, part } = await inTransaction(ctx, async (repos) => {
    const subject = await loadConsultation(ctx, repos, ref);
    const part = partOf(subject, partKey);
    if (subject.phase !== 'open') throw notOpen(subject);
    if (!ctx.mailer) throw noMailer();
    const { values, problems } = parseEachField(commentInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(commentInput, problems));
    const input = values as CommentInput;
    const keys = commentKeys(origin.address, input.email);
    await checkFloodLimits(ctx, repos, keys);
    const token = randomToken();
    const now = ctx.now();
    const comment = await repos.consultations.insertComment(
      {
        consultationId: subject.consultation.id,
        part,
        displayName: input.displayName,
        email: input.email,
        body: input.body,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + CONFIRMATION_VALID_DAYS * 86_400_000).toISOString(),
      },
      timestamp(ctx),
    );
    await countAttempt(ctx, repos, keys);
    await recordEvent(ctx, repos, {
      action: 'consultation_comment.submitted',
      entityType: 'consultation_comment',
      entityId: comment.id,
      summary: `En kommentar om ${partLabelSv(part)} i samrådet om ”${subject.programme.name}” väntar på att adressen bekräftas.`,
      before: null,
      // No name, address or text in the hashed trail: it must outlive a request to erase a person.
      after: { consultationId: subject.consultation.id, part: part.key, status: comment.status },
    });
    return { comment, token, subject, part };
  });

  const base = origin.baseUrl.replace(/\/+$/, '');
  const mail = confirmationMail({
    programmeName: subject.programme.name,
    partLabel: partLabelSv(part),
    displayName: comment.displayName,
    body: comment.body,
    confirmLink: `${base}${confirmationPath(token)}`,
    pageLink: `${base}${consultationPagePath(subject.programme.slug)}`,
    responsible: subject.consultation.responsible,
    validDays: CONFIRMATION_VALID_DAYS,
  });
  try {
    await ctx.mailer!.send({ to: [comment.email], ...mail });
  } catch {
    const message =
      'Vi kunde inte skicka bekräftelsen: e-postservern tog inte emot meddelandet till din adress. Kontrollera adressen och försök igen.';
    throw validationFailed([{ field: 'email', message }]);
  }
  return comment;
}

export interface ConfirmationView {
  programme: Programme;
  part: ProgrammePart;
  comment: PublicComment;
}

const linkUnusable = () =>
  new DomainError(
    'not_found',
    'Länken är ogiltig, redan använd eller för gammal. Skriv kommentaren igen om den inte syns i samrådet.',
  );

/** What a confirmation link will publish (the page with the button), while the link is usable. */
export async function getConfirmation(ctx: AppContext, token: string): Promise<ConfirmationView> {
  const repos = readRepos(ctx);
  const comment = await repos.consultations.commentByToken(hashToken(token), ctx.now().toISOString());
  if (!comment) throw linkUnusable();
  return viewOf(ctx, comment);
}

async function viewOf(ctx: AppContext, comment: ConsultationComment): Promise<ConfirmationView> {
  const repos = readRepos(ctx);
  const consultation = await repos.consultations.byId(comment.consultationId);
  const programme = consultation && (await repos.programmes.get(consultation.programmeId));
  if (!programme) throw linkUnusable();
  const subject = await loadConsultation(ctx, repos, programme.slug);
  const part = findPart(subject.parts, comment.part);
  if (!part) throw linkUnusable();
  return { programme, part, comment: publicComment({ ...comment, status: 'published' })! };
}

/**
 * Publishes the comment of a confirmation link and spends the link. Confirming works after the end date
 * too, within the link's days: the comment came in while the consultation was open.
 */
export async function confirmComment(ctx: AppContext, token: string): Promise<ConfirmationView> {
  const confirmed = await inTransaction(ctx, async (repos) => {
    const comment = await repos.consultations.confirm(hashToken(token), timestamp(ctx));
    if (!comment) throw linkUnusable();
    await recordEvent(ctx, repos, {
      action: 'consultation_comment.confirmed',
      entityType: 'consultation_comment',
      entityId: comment.id,
      summary: 'Kommentarens e-postadress bekräftades och kommentaren publicerades.',
      before: { status: 'unconfirmed' },
      after: { status: comment.status },
    });
    return comment;
  });
  return viewOf(ctx, confirmed);
}
