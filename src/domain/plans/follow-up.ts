/**
 * Follow-up of the plans: rounds configured per plan year (e.g. tertial 1, tertial 2, annual) with a
 * deadline, and the owners' report per activity and round. Pure types and labels.
 */
import type { IsoDate } from '../dates.js';
import type { ClimateEffect } from './plan.js';

export interface FollowUpRound {
  id: number;
  collaborationId: number;
  /** The plan year the round follows up. */
  year: number;
  /** e.g. "Tertial 1", "Tertial 2", "Årsuppföljning". */
  name: string;
  /** The last day the round reports on. */
  periodEnd: IsoDate;
  /** Reports are due on or before this day; after it a missing report is late. */
  dueDate: IsoDate;
}

export type ReportStatus = 'green' | 'yellow' | 'red';

export const REPORT_STATUSES: readonly ReportStatus[] = ['green', 'yellow', 'red'];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  green: 'Grön – enligt plan',
  yellow: 'Gul – risk för avvikelse',
  red: 'Röd – avviker från plan',
};

/** Short labels for tables and tags. */
export const REPORT_STATUS_SHORT: Record<ReportStatus, string> = {
  green: 'Grön',
  yellow: 'Gul',
  red: 'Röd',
};

/** One activity's report for one round; a later report for the same round replaces it (the trail keeps both). */
export interface ActivityReport {
  id: number;
  activityId: number;
  roundId: number;
  status: ReportStatus;
  /** 0–100, whole per cent. */
  progress: number;
  /** Required unless the status is green. */
  comment: string;
  /** The owner's assessment of the climate effect so far; null when not assessed in this round. */
  climateEffect: ClimateEffect | null;
  reportedByUserId: number | null;
  reportedByName: string;
  reportedAt: string;
}

/** A reminder e-mail sent about a missing report. */
export interface Reminder {
  id: number;
  roundId: number;
  activityId: number;
  recipient: string;
  sentAt: string;
}
