/**
 * The activities behind one figure of the roll-up: a goal's or a focus area's (or the whole year's)
 * activities, optionally of one status. Every figure on the roll-up page links here, so the list must
 * be exactly what the figure counts.
 */
import { DomainError, notFound } from '../../domain/errors.js';
import { rollUp, ROLLUP_STATUSES, type Rollup, type RollupStatus } from '../../domain/plans/rollup.js';
import type { FocusArea, Goal, Programme } from '../../domain/programme/programme.js';
import type { AppContext } from '../context.js';
import { getYearResults, type ResultActivity, type YearResults } from './year-results.js';

export interface DrillDownQuery {
  goalId?: number;
  focusAreaId?: number;
  status?: RollupStatus;
}

export type DrillDownScope =
  | { kind: 'goal'; programme: Programme; focusArea: FocusArea; goal: Goal }
  | { kind: 'focus_area'; programme: Programme; focusArea: FocusArea }
  | { kind: 'year' };

export interface DrillDown {
  results: YearResults;
  scope: DrillDownScope;
  status: RollupStatus | null;
  /** The figures of the whole scope, all statuses: the normalised weights are relative to these. */
  rollup: Rollup;
  /** All the scope's activities, each once (what `rollup` is over). */
  scoped: ResultActivity[];
  /** The activities behind the figure asked for: the scope's, of the status when one is given. */
  activities: ResultActivity[];
  /** Whether the year's figures build on an example plan: the page says so. */
  includesExamples: boolean;
}

const ID = /^\d{1,9}$/;

/** A problem with the query, said in the error page's own message (there is no form to show it beside). */
const badQuery = (field: string, message: string) =>
  new DomainError('validation_failed', message, [{ field, message }]);

/**
 * The query of the drill-down page (`mal`, `omrade`, `status`) checked: ids that are not ids name
 * nothing (not found); an unknown status, or a goal and an area at once, is a problem to show.
 */
export function parseDrillDownQuery(raw: { mal?: string; omrade?: string; status?: string }): DrillDownQuery {
  const query: DrillDownQuery = {};
  const mal = raw.mal?.trim() || undefined;
  const omrade = raw.omrade?.trim() || undefined;
  const status = raw.status?.trim() || undefined;
  if (mal !== undefined && omrade !== undefined)
    throw badQuery('omrade', 'Ange antingen ett mål (mal) eller ett fokusområde (omrade), inte båda.');
  if (mal !== undefined) {
    if (!ID.test(mal)) throw notFound('Målet');
    query.goalId = Number(mal);
  }
  if (omrade !== undefined) {
    if (!ID.test(omrade)) throw notFound('Fokusområdet');
    query.focusAreaId = Number(omrade);
  }
  if (status !== undefined) {
    if (!(ROLLUP_STATUSES as readonly string[]).includes(status))
      throw badQuery(
        'status',
        'Status anges som green (grön), yellow (gul), red (röd) eller not_reported (ej rapporterad).',
      );
    query.status = status as RollupStatus;
  }
  return query;
}

/** Selects the activities behind a figure from the year's results. */
export function drillDownOf(results: YearResults, query: DrillDownQuery): DrillDown {
  let scope: DrillDownScope = { kind: 'year' };
  let rollup: Rollup;
  let scoped: ResultActivity[];
  if (query.goalId !== undefined) {
    const found = results.programmes.flatMap((p) =>
      p.focusAreas.flatMap((a) => a.goals.filter((g) => g.goal.id === query.goalId).map((g) => ({ p, g }))),
    )[0];
    if (!found)
      throw new DomainError('not_found', `Målet finns inte bland målen som planerna för ${results.year} tjänar.`);
    scope = { kind: 'goal', programme: found.p.programme, focusArea: found.g.focusArea, goal: found.g.goal };
    ({ rollup, activities: scoped } = found.g);
  } else if (query.focusAreaId !== undefined) {
    const found = results.programmes.flatMap((p) =>
      p.focusAreas.filter((a) => a.focusArea.id === query.focusAreaId).map((a) => ({ p, a })),
    )[0];
    if (!found)
      throw new DomainError(
        'not_found',
        `Fokusområdet finns inte bland fokusområdena som planerna för ${results.year} tjänar.`,
      );
    scope = { kind: 'focus_area', programme: found.p.programme, focusArea: found.a.focusArea };
    ({ rollup, activities: scoped } = found.a);
  } else {
    scoped = results.programmes.flatMap((p) => p.activities);
    rollup = rollUp(
      scoped.map((a) => ({
        id: a.view.activity.id,
        weight: a.view.activity.weight,
        goalIds: a.view.activity.goalIds,
        latest: a.latest,
      })),
    );
  }
  const activities = query.status ? scoped.filter((a) => a.status === query.status) : scoped;
  return {
    results,
    scope,
    status: query.status ?? null,
    rollup,
    scoped,
    activities,
    includesExamples: results.includesExamples,
  };
}

/** The drill-down page's data: the year's results and the activities behind the figure asked for. */
export async function getDrillDown(ctx: AppContext, year: number, query: DrillDownQuery): Promise<DrillDown> {
  return drillDownOf(await getYearResults(ctx, year), query);
}
