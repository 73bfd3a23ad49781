import type { IsoDate } from '../dates.js';

export type DecisionOutcome = 'adopted' | 'rejected' | 'referred_back';

/**
 * When a decision was taken, as precisely as it is known: an exact date, only "on or before"
 * a date (e.g. "all eight had adopted by 2019-10-11"), or not known at all.
 */
export type DecisionDate =
  { precision: 'exact'; date: IsoDate } | { precision: 'on_or_before'; date: IsoDate } | { precision: 'unknown' };

export type BodyKind = 'committee' | 'management_group' | 'board' | 'board_committee';

export interface Decision {
  id: number;
  programmeId: number;
  /** Null when the source does not say which member's body decided (do not guess). */
  memberId: number | null;
  bodyId: number | null;
  bodyKind: BodyKind;
  decided: DecisionDate;
  /** e.g. "§ 78"; empty when not known. */
  paragraph: string;
  outcome: DecisionOutcome;
  note: string;
  source: string;
  recordedAt: string;
}

export interface Member {
  id: number;
  /** SCB municipality code, 4 digits. */
  code: string;
  name: string;
}

/** A member's own board's decisions among `decisions`, in their order (the committee's are not the member's). */
export const boardDecisionsOf = (decisions: readonly Decision[], memberId: number): Decision[] =>
  decisions.filter((d) => d.memberId === memberId && d.bodyKind === 'board');
