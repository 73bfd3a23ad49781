/**
 * Figures for the cooperation as a whole ("Södertörn") from its members' values in one year.
 *
 * - Rates and shares (`mean`): the unweighted mean over the members that have a value — Kolada's
 *   convention for its own groups, e.g. G96274 "Södertörnskommunerna (ovägt medel)", so our figure
 *   can be checked against Kolada's — and, when weights are given (e.g. the population aged 25–64),
 *   the weighted mean over the members with both a value and a positive weight, which is the share
 *   for the region's population as a whole.
 * - Counts (`sum`): the sum, and only when every member has a value: a sum of seven of eight
 *   municipalities would look like a fall, so it is null and the missing members are named.
 *
 * A null value is a missing value, never 0. Each figure says which members it covers (`present`)
 * and which it does not (`missing`), in the order of `memberCodes`.
 */
import type { Aggregation } from './indicator.js';

export type GroupFigureKind = 'unweighted_mean' | 'weighted_mean' | 'sum';

export interface GroupFigure {
  kind: GroupFigureKind;
  /** Null when no member has what the figure needs (or, for a sum, when any member lacks a value). */
  value: number | null;
  /** Member codes the figure is formed from. */
  present: string[];
  /** Member codes left out: no value (or, for the weighted mean, no value or no positive weight). */
  missing: string[];
}

export interface GroupFiguresInput {
  aggregation: Aggregation;
  memberCodes: readonly string[];
  /** Value per member code; an absent code or null is a missing value. */
  values: ReadonlyMap<string, number | null>;
  /** Weight per member code (e.g. population); the weighted mean is formed only when given. */
  weights?: ReadonlyMap<string, number | null>;
}

export const GROUP_FIGURE_LABELS_SV: Readonly<Record<GroupFigureKind, string>> = {
  unweighted_mean: 'Ovägt medelvärde',
  weighted_mean: 'Befolkningsviktat medelvärde',
  sum: 'Summa',
};

/** A usable number: null, absent, NaN and ±Infinity are all "no value". */
function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A mean can only fall outside [min, max] through rounding in the last bit; clamping keeps the
 * promise that the group figure lies between its members' values.
 */
function clamp(value: number, values: readonly number[]): number {
  return Math.min(Math.max(value, Math.min(...values)), Math.max(...values));
}

function unweightedMean(codes: readonly string[], values: GroupFiguresInput['values']): GroupFigure {
  const present = codes.filter((c) => known(values.get(c)));
  const xs = present.map((c) => values.get(c)!);
  const value = xs.length === 0 ? null : clamp(xs.reduce((s, x) => s + x, 0) / xs.length, xs);
  return { kind: 'unweighted_mean', value, present, missing: codes.filter((c) => !present.includes(c)) };
}

function weightedMean(
  codes: readonly string[],
  values: GroupFiguresInput['values'],
  weights: NonNullable<GroupFiguresInput['weights']>,
): GroupFigure {
  const present = codes.filter((c) => {
    const w = weights.get(c);
    return known(values.get(c)) && known(w) && w > 0;
  });
  const xs = present.map((c) => values.get(c)!);
  const ws = present.map((c) => weights.get(c)!);
  const totalWeight = ws.reduce((s, w) => s + w, 0);
  const value =
    xs.length === 0
      ? null
      : clamp(
          xs.reduce((s, x, i) => s + x * (ws[i]! / totalWeight), 0),
          xs,
        );
  return { kind: 'weighted_mean', value, present, missing: codes.filter((c) => !present.includes(c)) };
}

function sum(codes: readonly string[], values: GroupFiguresInput['values']): GroupFigure {
  const present = codes.filter((c) => known(values.get(c)));
  const missing = codes.filter((c) => !present.includes(c));
  const value = present.length === 0 || missing.length > 0 ? null : present.reduce((s, c) => s + values.get(c)!, 0);
  return { kind: 'sum', value, present, missing };
}

/**
 * The group figures for one year: `[unweighted_mean]` or `[unweighted_mean, weighted_mean]` (when
 * weights are given) for `mean` indicators, `[sum]` for `sum` indicators. A member code listed
 * twice counts once.
 */
export function groupFigures(input: GroupFiguresInput): GroupFigure[] {
  const codes = [...new Set(input.memberCodes)];
  if (input.aggregation === 'sum') return [sum(codes, input.values)];
  const figures = [unweightedMean(codes, input.values)];
  if (input.weights) figures.push(weightedMean(codes, input.values, input.weights));
  return figures;
}

/** "a", "a och b", "a, b och c". */
function swedishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

const municipalities = (n: number) => `${n} ${n === 1 ? 'kommun' : 'kommuner'}`;

export interface GroupFigureExplanationOptions {
  /** Kolada's group with the same unweighted mean, e.g. `G96274`, named so readers can compare. */
  koladaGroupId?: string;
}

/**
 * One Swedish sentence for a figure: what it is and which members it covers, e.g.
 * "Ovägt medelvärde av 7 av 8 kommuner (som Koladas kommungrupp G96274); Nykvarn saknar värde."
 * `nameOf` turns a member code into the municipality's name; `memberCount` is the number of members.
 */
export function groupFigureExplanationSv(
  figure: GroupFigure,
  memberCount: number,
  nameOf: (code: string) => string,
  options: GroupFigureExplanationOptions = {},
): string {
  const missingNames = swedishList(figure.missing.map(nameOf));
  const n = figure.present.length;
  const coverage =
    n === memberCount && memberCount > 1 ? `alla ${municipalities(n)}` : `${n} av ${municipalities(memberCount)}`;

  if (figure.kind === 'sum') {
    if (figure.value !== null) return `Summa för ${coverage}.`;
    if (n === 0) return `Summa saknas: ingen av kommunerna har något värde.`;
    return `Summa saknas eftersom ${missingNames} saknar värde; en summa av bara ${n} av ${municipalities(memberCount)} skulle ge en för låg bild.`;
  }

  const label = GROUP_FIGURE_LABELS_SV[figure.kind];
  const lacks = figure.kind === 'weighted_mean' ? 'saknar värde eller befolkningsuppgift' : 'saknar värde';
  if (figure.value === null)
    return `${label} saknas: ingen av kommunerna har ${figure.kind === 'weighted_mean' ? 'både värde och befolkningsuppgift' : 'något värde'}.`;
  const what =
    figure.kind === 'weighted_mean'
      ? `${label} av ${coverage}, där kommuner med större befolkning väger tyngre`
      : `${label} av ${coverage}${options.koladaGroupId ? ` (som Koladas kommungrupp ${options.koladaGroupId})` : ''}`;
  return figure.missing.length === 0 ? `${what}.` : `${what}; ${missingNames} ${lacks}.`;
}
