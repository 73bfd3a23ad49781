/**
 * A consultation (samråd) on a proposed programme version: anyone may comment on its focus areas, goals
 * and strategies between a start and an end date; the comments are moderated after publication and
 * answered by the secretariat, and at the end summed up in a samrådsredogörelse. Pure types and rules.
 */
import type { IsoDate } from '../dates.js';

/** Where a consultation stands: follows from its dates and today's, never stored. */
export type ConsultationPhase = 'upcoming' | 'open' | 'closed';

export interface Consultation {
  id: number;
  programmeId: number;
  /** The first and last day comments are taken (both included), Swedish time. */
  startDate: IsoDate;
  endDate: IsoDate;
  /** The body that receives the comments and answers for the service (BBS-lagen 3 §), e.g. a host municipality. */
  responsible: string;
  /** How the public is invited and what the secretariat wants to know; shown on the page and in the report. */
  description: string;
  /** A comment is hidden automatically at this many reports, until a moderator has looked at it. */
  reportsToHide: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Comments are taken from the start date to the end date, both included. */
export function consultationPhase(c: Pick<Consultation, 'startDate' | 'endDate'>, today: IsoDate): ConsultationPhase {
  if (today < c.startDate) return 'upcoming';
  if (today > c.endDate) return 'closed';
  return 'open';
}

export const DEFAULT_REPORTS_TO_HIDE = 3;
export const MAX_REPORTS_TO_HIDE = 50;

/** A part of the programme a comment is about: one thread each. */
export type PartKind = 'focus_area' | 'goal' | 'strategy';
export const PART_KINDS: readonly PartKind[] = ['focus_area', 'goal', 'strategy'];

export interface PartRef {
  kind: PartKind;
  id: number;
}

/** `goal-12`: the part as it stands in addresses and anchors. */
export const partKey = (p: PartRef): string => `${p.kind.replace('_', '-')}-${p.id}`;

/** `goal-12` → { kind: 'goal', id: 12 }; undefined for anything else. */
export function parsePartKey(key: string): PartRef | undefined {
  const m = /^(focus-area|goal|strategy)-(\d{1,9})$/.exec(key);
  return m ? { kind: m[1]!.replace('-', '_') as PartKind, id: Number(m[2]) } : undefined;
}

export const samePart = (a: PartRef, b: PartRef): boolean => a.kind === b.kind && a.id === b.id;

/**
 * A comment's state: `unconfirmed` until its author follows the link mailed to them, then `published`;
 * `hidden` when a moderator hid it or enough reports did. Nothing is ever deleted: a comment that
 * reached the service is an allmän handling.
 */
export type CommentStatus = 'unconfirmed' | 'published' | 'hidden';

export interface ConsultationComment {
  id: number;
  consultationId: number;
  part: PartRef;
  displayName: string;
  /** Never shown to anyone but the service itself: the confirmation and moderation mails go here. */
  email: string;
  body: string;
  status: CommentStatus;
  themeId: number | null;
  /** Reports since a moderator last looked at it (hiding or restoring resets the count). */
  reportCount: number;
  createdAt: string;
  confirmedAt: string | null;
  hiddenAt: string | null;
  /** Why it is hidden, as the author is told; empty while it is not hidden. */
  hiddenReason: string;
}

/** The grounds a visitor may report a comment on; threats and hate are BBS-lagen 5 §'s. */
export type ReportReason = 'spam' | 'threat' | 'hate' | 'personal_data' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'threat', 'hate', 'personal_data', 'other'];

export const REPORT_REASON_LABELS: Readonly<Record<ReportReason, string>> = {
  spam: 'Reklam eller skräppost',
  threat: 'Hot',
  hate: 'Hets eller kränkningar',
  personal_data: 'Personuppgifter om någon annan',
  other: 'Annat',
};

export interface CommentReport {
  id: number;
  commentId: number;
  reason: ReportReason;
  details: string;
  createdAt: string;
}

/** What a moderator (or the reports) did to a comment, with the reason the author was told. */
export type ModerationAction = 'hidden' | 'auto_hidden' | 'restored';

export interface ModerationEntry {
  id: number;
  commentId: number;
  action: ModerationAction;
  reason: string;
  actorName: string;
  createdAt: string;
}

/** Whether a comment with `reportCount` reports is to be hidden now (published ones only). */
export const shouldAutoHide = (
  comment: Pick<ConsultationComment, 'status' | 'reportCount'>,
  reportsToHide: number,
): boolean => comment.status === 'published' && comment.reportCount >= reportsToHide;

/** A group of comments the secretariat answers together. */
export interface Theme {
  id: number;
  consultationId: number;
  title: string;
  createdAt: string;
}

/** How far the next version meets a comment: Boverket's samrådsredogörelse asks which are not met, and why. */
export type AnswerOutcome = 'accommodated' | 'partly' | 'not_accommodated' | 'noted';
export const ANSWER_OUTCOMES: readonly AnswerOutcome[] = ['accommodated', 'partly', 'not_accommodated', 'noted'];

export const ANSWER_OUTCOME_LABELS: Readonly<Record<AnswerOutcome, string>> = {
  accommodated: 'Tillgodoses',
  partly: 'Tillgodoses delvis',
  not_accommodated: 'Tillgodoses inte',
  noted: 'Noteras',
};

/** An answer is written as a draft and published separately: only published answers are shown. */
export type AnswerStatus = 'draft' | 'published';

export interface Answer {
  id: number;
  consultationId: number;
  /** Exactly one of the two: the comment or the theme answered. */
  commentId: number | null;
  themeId: number | null;
  body: string;
  outcome: AnswerOutcome;
  status: AnswerStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** The answers that apply to a comment: its own and its theme's, published ones only unless `drafts`. */
export function answersFor(
  comment: Pick<ConsultationComment, 'id' | 'themeId'>,
  answers: readonly Answer[],
  drafts = false,
): Answer[] {
  return answers.filter(
    (a) =>
      (drafts || a.status === 'published') &&
      (a.commentId === comment.id || (comment.themeId !== null && a.themeId === comment.themeId)),
  );
}
