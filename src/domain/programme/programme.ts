/**
 * A development programme as structured data: the aggregate the rules, the diff,
 * the pages and the API all read. Pure types; storage maps rows to these.
 */

/** What is recorded about a programme's life; everything else (adopting, in force, ...) is derived. */
export type ProgrammeState = 'draft' | 'proposed';

/**
 * Who must adopt a programme for it to apply: every member's executive board (the
 * normal case), or the cooperation committee alone (e.g. the 2021 adjustment).
 */
export type AdoptionRule = 'all_members' | 'committee';

export interface Perspective {
  id: number;
  position: number;
  /** e.g. "Hållbar utveckling", "Klimat" */
  name: string;
  /** e.g. "Klimatfrågan ska genomsyra alla målområden" */
  description: string;
  /** English texts for the English pages; '' or absent when none is stored (the Swedish text is shown). */
  nameEn?: string;
  descriptionEn?: string;
}

export interface Strategy {
  id: number;
  position: number;
  text: string;
  /** The strategy in English; '' or absent when none is stored. */
  textEn?: string;
}

export interface Goal {
  id: number;
  focusAreaId: number;
  position: number;
  title: string;
  description: string;
  /** The owning network, when known. */
  networkId: number | null;
  /** How the goal serves each cross-cutting perspective, keyed by perspective id. Empty text = not stated. */
  statements: Record<number, string>;
  /** Goals in earlier programmes this goal continues (recorded lineage). */
  predecessorGoalIds: number[];
  strategies: Strategy[];
  /** Editorial note about the source, e.g. "strategies not in the captured page". */
  note: string;
  /** English texts; '' or absent when none is stored. */
  titleEn?: string;
  descriptionEn?: string;
}

export interface FocusArea {
  id: number;
  position: number;
  name: string;
  description: string;
  networkId: number | null;
  note: string;
  goals: Goal[];
  /** English texts; '' or absent when none is stored. */
  nameEn?: string;
  descriptionEn?: string;
}

export interface Programme {
  id: number;
  collaborationId: number;
  /** Stable, URL-safe identifier, e.g. `sup-2035`. */
  slug: string;
  name: string;
  targetYear: number | null;
  /** Validity period in whole years (a mandate period, e.g. 2019–2022); null when not stated. */
  validFromYear: number | null;
  validToYear: number | null;
  vision: string;
  overarchingGoal: string;
  /**
   * The programme's name, vision and overall goal in English, for the English pages; '' or absent when
   * none is stored (the pages then show the Swedish text and say so). Content is Swedish first.
   */
  nameEn?: string;
  visionEn?: string;
  overarchingGoalEn?: string;
  state: ProgrammeState;
  adoptionRule: AdoptionRule;
  /** The programme this one supersedes once it is in force. */
  replacesProgrammeId: number | null;
  /** The version this one's text was derived from (a revision or a draft copied from it). */
  derivedFromProgrammeId: number | null;
  /** The changes from the previous programme as the programme itself states them (the memo's list). */
  statedChanges: string[];
  note: string;
  /** Where the content comes from (free text, with addresses). */
  source: string;
  perspectives: Perspective[];
  focusAreas: FocusArea[];
  /** Optimistic-locking counter, bumped on every change. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A programme without its structure: lists, lineage and status. */
export type ProgrammeSummary = Omit<Programme, 'perspectives' | 'focusAreas'>;

/** All goals of a programme in document order. */
export const goalsOf = (p: Pick<Programme, 'focusAreas'>): Goal[] => p.focusAreas.flatMap((a) => a.goals);
