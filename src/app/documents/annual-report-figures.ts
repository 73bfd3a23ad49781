/**
 * A goal's indicator as a document figure: the chart of the measured series, the comparison area or
 * the target path and the trend to the target year (as the goal page draws it), with the table of the
 * same figures, which it never replaces.
 */
import type { Block, TableBlock } from '../../documents/document-model.js';
import { valueText } from '../../domain/format-sv.js';
import { goalIndicatorSvg } from '../indicators/indicator-charts.js';
import type { GoalIndicatorView } from '../indicators/goal-targets.js';

/** The figures behind the chart, one row per year: measured, comparison area or target path. */
export function goalIndicatorTable(view: GoalIndicatorView): TableBlock {
  const { indicator, evaluation, link } = view;
  const d = indicator.decimals;
  const comparison = new Map((view.comparison ?? []).map((p) => [p.year, p.value]));
  const path = new Map(evaluation.path.map((p) => [p.year, p.value]));
  const withComparison = view.comparisonName !== null && view.comparison !== null;
  const withPath = link.targetKind === 'absolute';
  const head = [
    'År',
    view.measuredName,
    ...(withComparison ? [view.comparisonName!] : []),
    ...(withPath ? ['Målbana'] : []),
  ];
  return {
    kind: 'table',
    caption: `${indicator.title} per år (${indicator.unit})`,
    head,
    rows: view.series.map((p) => [
      String(p.year),
      valueText(p.value, d),
      ...(withComparison ? [valueText(comparison.get(p.year), d)] : []),
      ...(withPath ? [valueText(path.get(p.year), d)] : []),
    ]),
    numericColumns: head.slice(1).map((_, i) => i + 1),
    rowHeaders: true,
  };
}

/** The figure of a goal's indicator; `idPrefix` must be unique in the document. */
export async function goalIndicatorFigure(view: GoalIndicatorView, idPrefix: string): Promise<Block> {
  return {
    kind: 'figure',
    svg: await goalIndicatorSvg(view, idPrefix),
    alt: `${view.evaluation.sentence} Samma siffror finns i tabellen.`,
    caption: `${view.indicator.title}: ${view.measuredName} per år (${view.indicator.unit}).`,
    table: goalIndicatorTable(view),
  };
}
