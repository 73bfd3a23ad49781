/**
 * Moderation after publication (BBS-lagen 4–5 §§): anyone may report a published comment, which is hidden
 * by itself at the consultation's number of reports; a moderator (the secretariat) hides or restores a
 * comment with a reason its author is told by mail. Hiding never deletes: the comment stays an allmän
 * handling, and every action is in the audit trail and the comment's moderation history.
 */
import { actorLabel } from '../../domain/auth/actor.js';
import { hiddenMail, restoredMail, type Mail } from '../../domain/consultation/consultation-mail-sv.js';
import {
  REPORT_REASON_LABELS,
  shouldAutoHide,
  type CommentReport,
  type ConsultationComment,
  type ModerationEntry,
} from '../../domain/consultation/consultation.js';
import { findPart, partLabelSv } from '../../domain/consultation/parts.js';
import { DomainError, notFound, validationFailed } from '../../domain/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { hashToken } from '../auth/secrets.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { parseInput } from '../input.js';
import { consultationPagePath, type RequestOrigin } from './comments.js';
import { loadConsultation, type ConsultationSubject } from './consultation-access.js';
import { moderationInput, reportInput, type ReportInput } from './consultation-input.js';
import { checkFloodLimits, countAttempt, reportKeys } from './flood-limits.js';

/** Said to the author when enough reports hid the comment. */
export const AUTO_HIDE_REASON = 'Kommentaren har anmälts av flera besökare och granskas av en moderator.';

const alreadyHidden = () => new DomainError('conflict', 'Kommentaren är redan dold och granskas av en moderator.');

/** A comment of this consultation that anyone can see (published or hidden); not found otherwise. */
async function visibleComment(
  repos: Repositories,
  subject: ConsultationSubject,
  commentId: number,
): Promise<ConsultationComment> {
  const comment = await repos.consultations.comment(commentId);
  if (!comment || comment.consultationId !== subject.consultation.id || comment.status === 'unconfirmed')
    throw notFound('Kommentaren');
  return comment;
}

/** The comment as the public may see it before reporting it; a hidden one cannot be reported. */
export async function getReportable(ctx: AppContext, ref: string, commentId: number) {
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  const comment = await visibleComment(repos, subject, commentId);
  if (comment.status === 'hidden') throw alreadyHidden();
  const part = findPart(subject.parts, comment.part)!;
  return { subject, part, comment: { id: comment.id, displayName: comment.displayName, body: comment.body } };
}

export interface ReportOutcome {
  /** This address had reported the comment before: nothing more was counted. */
  alreadyReported: boolean;
  /** The report made the comment hide itself. */
  hidden: boolean;
}

interface PendingMail {
  to: string;
  mail: Mail;
}

/** Mails that may fail without undoing the moderation: the moderator is told instead. */
async function sendAll(ctx: AppContext, mails: readonly PendingMail[]): Promise<boolean> {
  if (mails.length === 0) return true;
  if (!ctx.mailer) return false;
  let ok = true;
  for (const { to, mail } of mails) {
    try {
      await ctx.mailer.send({ to: [to], ...mail });
    } catch {
      ok = false;
    }
  }
  return ok;
}

function authorMail(
  subject: ConsultationSubject,
  comment: ConsultationComment,
  baseUrl: string,
  kind: 'hidden' | 'auto_hidden' | 'restored',
  reason: string,
): PendingMail {
  const part = findPart(subject.parts, comment.part);
  const facts = {
    programmeName: subject.programme.name,
    partLabel: part ? partLabelSv(part) : 'programmet',
    displayName: comment.displayName,
    pageLink: `${baseUrl.replace(/\/+$/, '')}${consultationPagePath(subject.programme.slug)}`,
    responsible: subject.consultation.responsible,
    reason,
  };
  return {
    to: comment.email,
    mail: kind === 'restored' ? restoredMail(facts) : hiddenMail({ ...facts, automatic: kind === 'auto_hidden' }),
  };
}

/** Anyone reports a published comment; at the consultation's number of reports it hides itself and its author is told. */
export async function reportComment(
  ctx: AppContext,
  ref: string,
  commentId: number,
  raw: unknown,
  origin: RequestOrigin,
): Promise<ReportOutcome> {
  const { outcome, mails } = await inTransaction(ctx, async (repos) => {
    const subject = await loadConsultation(ctx, repos, ref);
    const comment = await visibleComment(repos, subject, commentId);
    if (comment.status === 'hidden') throw alreadyHidden();
    const { values, problems } = parseEachField(reportInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(reportInput, problems));
    const input = values as ReportInput;
    const keys = reportKeys(origin.address);
    await checkFloodLimits(ctx, repos, keys);
    const at = timestamp(ctx);
    const stored = await repos.consultations.insertReport(
      { commentId, reason: input.reason, details: input.details, reporterHash: hashToken(`report:${origin.address}`) },
      at,
    );
    if (!stored) return { outcome: { alreadyReported: true, hidden: false }, mails: [] };
    await countAttempt(ctx, repos, keys);
    const counted = await repos.consultations.countReport(commentId);
    await recordEvent(ctx, repos, {
      action: 'consultation_comment.reported',
      entityType: 'consultation_comment',
      entityId: commentId,
      summary: `Kommentaren anmäldes (${REPORT_REASON_LABELS[input.reason].toLowerCase()}).`,
      before: { reportCount: comment.reportCount },
      after: { reportCount: counted.reportCount, reason: input.reason },
    });
    if (!shouldAutoHide(counted, subject.consultation.reportsToHide))
      return { outcome: { alreadyReported: false, hidden: false }, mails: [] };
    const hidden = await repos.consultations.hide(commentId, AUTO_HIDE_REASON, at, false);
    await repos.consultations.insertModeration(
      { commentId, action: 'auto_hidden', reason: AUTO_HIDE_REASON, actorName: 'Systemet (anmälningar)' },
      at,
    );
    await recordEvent(ctx, repos, {
      action: 'consultation_comment.hidden',
      entityType: 'consultation_comment',
      entityId: commentId,
      summary: `Kommentaren doldes av sig själv efter ${counted.reportCount} anmälningar.`,
      before: { status: 'published' },
      after: { status: hidden.status, reason: AUTO_HIDE_REASON },
    });
    return {
      outcome: { alreadyReported: false, hidden: true },
      mails: [authorMail(subject, hidden, origin.baseUrl, 'auto_hidden', AUTO_HIDE_REASON)],
    };
  });
  await sendAll(ctx, mails);
  return outcome;
}

export interface ModerationResult {
  comment: ConsultationComment;
  /** The author was told by mail (false: no mailer, or the server refused). */
  mailed: boolean;
}

/** A moderator hides a published (or reports-hidden) comment, with the reason the author is told. */
export const hideComment = (ctx: AppContext, ref: string, commentId: number, raw: unknown, baseUrl: string) =>
  moderate(ctx, ref, commentId, raw, baseUrl, 'hidden');

/** A moderator shows a hidden comment again, with the reason the author is told. */
export const restoreComment = (ctx: AppContext, ref: string, commentId: number, raw: unknown, baseUrl: string) =>
  moderate(ctx, ref, commentId, raw, baseUrl, 'restored');

async function moderate(
  ctx: AppContext,
  ref: string,
  commentId: number,
  raw: unknown,
  baseUrl: string,
  action: 'hidden' | 'restored',
): Promise<ModerationResult> {
  const { comment, mail } = await inTransaction(ctx, async (repos) => {
    authorize(ctx, 'moderate_comments');
    const subject = await loadConsultation(ctx, repos, ref);
    const before = await visibleComment(repos, subject, commentId);
    if (action === 'restored' && before.status !== 'hidden')
      throw new DomainError('conflict', 'Kommentaren visas redan. Ladda om sidan för att se hur det står till nu.');
    const { reason } = parseInput(moderationInput, raw);
    const at = timestamp(ctx);
    const after =
      action === 'hidden'
        ? await repos.consultations.hide(commentId, reason, at, true)
        : await repos.consultations.restore(commentId);
    await repos.consultations.insertModeration({ commentId, action, reason, actorName: actorLabel(ctx.actor) }, at);
    await recordEvent(ctx, repos, {
      action: action === 'hidden' ? 'consultation_comment.hidden' : 'consultation_comment.restored',
      entityType: 'consultation_comment',
      entityId: commentId,
      summary: action === 'hidden' ? 'En moderator dolde kommentaren.' : 'En moderator visade kommentaren igen.',
      before: { status: before.status, reportCount: before.reportCount },
      after: { status: after.status, reportCount: after.reportCount, reason },
    });
    return { comment: after, mail: authorMail(subject, after, baseUrl, action, reason) };
  });
  return { comment, mailed: await sendAll(ctx, [mail]) };
}

export interface ModerationRow {
  comment: ConsultationComment;
  reports: CommentReport[];
  history: ModerationEntry[];
}

export interface ModerationView extends ConsultationSubject {
  /** Hidden and reported comments first (newest first), then the rest (newest first). */
  rows: ModerationRow[];
  /** Comments whose address is not confirmed (never shown, not moderated). */
  unconfirmed: number;
}

/** Everything a moderator needs: each published or hidden comment with its reports and what was done to it. */
export async function getModeration(ctx: AppContext, ref: string): Promise<ModerationView> {
  authorize(ctx, 'moderate_comments');
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  const comments = await repos.consultations.comments(subject.consultation.id);
  const shown = comments.filter((c) => c.status !== 'unconfirmed');
  const ids = shown.map((c) => c.id);
  const [reports, history] = await Promise.all([
    repos.consultations.reportsFor(ids),
    repos.consultations.moderationsFor(ids),
  ]);
  const needsLook = (c: ConsultationComment) => c.status === 'hidden' || c.reportCount > 0;
  const rows = shown
    .map((comment) => ({
      comment,
      reports: reports.filter((r) => r.commentId === comment.id),
      history: history.filter((h) => h.commentId === comment.id),
    }))
    .sort((a, b) => Number(needsLook(b.comment)) - Number(needsLook(a.comment)) || b.comment.id - a.comment.id);
  return { ...subject, rows, unconfirmed: comments.length - shown.length };
}
