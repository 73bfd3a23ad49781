/**
 * Pieces the follow-up pages share: their addresses, the report status as a tag (text first, colour
 * only supports it), and the example marking of invented plans.
 */
import { formatNumber } from '../format.js';

export const HUB_PATH = '/uppfoljning';
export const ROUNDS_PATH = '/uppfoljning/omgangar';
export const STANDARD_ROUNDS_PATH = '/uppfoljning/omgangar/standard';
export const LATE_PATH = '/uppfoljning/sena';
export const REMINDERS_PATH = '/uppfoljning/paminnelser';
export const CALENDAR_PATH = '/uppfoljning/kalender.ics';

export const hubPath = (year: number) => `${HUB_PATH}?ar=${year}`;
export const roundsPath = (year: number) => `${ROUNDS_PATH}?ar=${year}`;
export const editRoundPath = (roundId: number) => `${ROUNDS_PATH}/${roundId}/redigera`;
export const removeRoundPath = (roundId: number) => `${ROUNDS_PATH}/${roundId}/ta-bort`;
export const planPath = (planId: number) => `/planer/${planId}`;
export const activityAnchor = (activityId: number) => `aktivitet-${activityId}`;
export const reportFormPath = (planId: number, activityId: number) =>
  `/planer/${planId}/aktiviteter/${activityId}/rapport`;
/** Helper C's pages for the year. */
export const rollupPath = (year: number) => `/uppfoljning/${year}/maluppfyllelse`;
export const annualReportPath = (year: number) => `/uppfoljning/${year}/arsredovisning`;

export const hubCrumb = (year?: number) => ({
  href: year === undefined ? HUB_PATH : hubPath(year),
  label: 'Uppföljning',
});

/** Whole per cent with a no-break space: "40 %". */
export const percentText = (n: number) => `${formatNumber(n)}\u00a0%`;
