/**
 * The chief networks' yearly plans: an operational plan (verksamhetsplan) per network and year and
 * its action plans (handlingsplaner), each with activities that serve goals of the programme in
 * force. Pure types and labels; storage maps rows to these.
 */
import type { DecisionDate, DecisionOutcome } from '../adoption/decision.js';
import type { IsoDate } from '../dates.js';

export type PlanKind = 'operational' | 'action';

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  operational: 'Verksamhetsplan',
  action: 'Handlingsplan',
};

/** Draft → submitted (by the network lead) → adopted (by the committee, a recorded decision). */
export type PlanState = 'draft' | 'submitted' | 'adopted';

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  draft: 'Utkast',
  submitted: 'Inlämnad till samarbetskommittén',
  adopted: 'Antagen av samarbetskommittén',
};

export interface Plan {
  id: number;
  collaborationId: number;
  networkId: number;
  year: number;
  kind: PlanKind;
  /** e.g. "Verksamhetsplan 2026 för planeringschefsnätverket" or an action plan's theme. */
  title: string;
  /** For an action plan: the operational plan of the same network and year it belongs to. */
  parentPlanId: number | null;
  /** The programme whose goals and strategies the activities serve (the one in force for the year). */
  programmeId: number;
  state: PlanState;
  /** The plan's introduction: its focus for the year, in a few paragraphs. */
  summary: string;
  /**
   * An invented example (the demo): every page and export that shows it, or anything derived from it,
   * says so. Copies of an example are examples.
   */
  isExample: boolean;
  /** The plan this one was copied from (last year's). */
  copiedFromPlanId: number | null;
  /** Optimistic-locking counter, bumped on every change of the plan or its activities. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ClimateEffect = 'reduces' | 'neutral' | 'increases' | 'unknown';

export const CLIMATE_EFFECT_LABELS: Record<ClimateEffect, string> = {
  reduces: 'Minskar klimatpåverkan',
  neutral: 'Neutral',
  increases: 'Ökar klimatpåverkan',
  unknown: 'Okänd',
};

export type SustainabilityDimension = 'ecological' | 'social' | 'economic';

export const DIMENSION_LABELS: Record<SustainabilityDimension, string> = {
  ecological: 'Ekologisk hållbarhet',
  social: 'Social hållbarhet',
  economic: 'Ekonomisk hållbarhet',
};

export interface Activity {
  id: number;
  planId: number;
  position: number;
  title: string;
  description: string;
  /** Goals of the plan's programme the activity serves: at least one. */
  goalIds: number[];
  /** Strategies (of those goals) it carries out; may be empty. */
  strategyIds: number[];
  /** Who answers for the activity, as the plan names them (a person or a role). */
  ownerName: string;
  /** The account that reports and gets reminders, when the owner has one. */
  ownerUserId: number | null;
  /** Member municipalities taking part. */
  memberIds: number[];
  startDate: IsoDate;
  endDate: IsoDate;
  /** Whole kronor; null when the activity has no budget of its own. */
  budgetKr: number | null;
  /** Relative weight in roll-ups (> 0, default 1); normalised per goal and focus area. */
  weight: number;
  climateEffect: ClimateEffect;
  climateJustification: string;
  dimension: SustainabilityDimension;
  /** Set when the activity was carried over, unfinished, from last year's plan. */
  carriedOverFromActivityId: number | null;
  /** Optimistic-locking counter, bumped on every change of the activity (its forms carry it). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The committee's decision on a submitted plan. Adopted → the plan is adopted; otherwise back to draft. */
export interface PlanDecision {
  id: number;
  planId: number;
  decided: DecisionDate;
  /** e.g. "§ 4"; empty when not known. */
  paragraph: string;
  outcome: DecisionOutcome;
  note: string;
  source: string;
  recordedAt: string;
}
