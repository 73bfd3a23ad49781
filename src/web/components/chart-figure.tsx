/**
 * A chart as the architecture asks: a <figure> with a <figcaption>, the server-rendered SVG (with
 * role="img", <title> and <desc>), and the same figures in a data table right after it.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export interface ChartFigureProps {
  caption: string;
  /** Accessible SVG from src/charts (already escaped and sanitised there). */
  svg: string;
  /** The data table with the chart's figures. */
  children: Child;
}

export function ChartFigure({ caption, svg, children }: ChartFigureProps) {
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <div class="chart__svg">{raw(svg)}</div>
      {children}
    </figure>
  );
}
