import type { IsoDate } from '../dates.js';
import type { DecisionOutcome } from '../adoption/decision.js';

/**
 * What reading a board's document gives: the text as read, the text with OCR damage repaired (every
 * change kept), and the decision fields found in the repaired text with where they were found.
 * The shape of `POST /api/v1/documents/read` and `samverkan document read --json`.
 */

/** A memo proposes a decision; only minutes (a protokoll or protokollsutdrag) record one. */
export type DocumentKind = 'memo' | 'minutes' | 'unknown';

/** One change the repair made. `at` is the character offset of `from` in the text as read. */
export interface TextRepair {
  at: number;
  from: string;
  to: string;
  /** In Swedish, for the reviewer: e.g. "a → å (vanlig skanningsskada), vanligare ord". */
  reason: string;
}

export interface RepairedText {
  text: string;
  repairs: TextRepair[];
}

/** Where a field was found: offset and length in the repaired text, and that text. */
export interface Evidence {
  at: number;
  length: number;
  text: string;
}

export interface EarlierDecision {
  body: string | null;
  date: IsoDate | null;
  paragraph: string | null;
}

/** Each field null (signatories empty) when the text does not say. */
export interface DecisionFields {
  /** The deciding body as written, e.g. "Kommunstyrelsen", "Kommunledningsutskottet". */
  body: string | null;
  member: { code: string; name: string } | null;
  /** The meeting's date. */
  date: IsoDate | null;
  /** "§ 78". */
  paragraph: string | null;
  /** e.g. "KS-2019/1234". */
  diarienummer: string | null;
  outcome: DecisionOutcome | null;
  programme: { id: number; name: string } | null;
  earlierDecision: EarlierDecision | null;
  signatories: string[];
}

export type FieldName = keyof DecisionFields;

export interface ExtractedDecision {
  kind: DocumentKind;
  /** Why the kind was judged so, in Swedish. */
  kindReason: string;
  fields: DecisionFields;
  /** Where each found field was found (a field not found has no entry). */
  evidence: Partial<Record<FieldName, Evidence[]>>;
}

/** What extraction needs to know of the cooperation: its members and the programmes held. */
export interface ExtractionContext {
  members: readonly { code: string; name: string }[];
  programmes: readonly { id: number; name: string; targetYear: number | null }[];
}
