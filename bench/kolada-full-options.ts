/**
 * The command-line options of the kolada-full part (`npm run bench -- --only kolada-full …`), parsed
 * with the others by bench/run.ts:
 *
 *   --areas N          the first N areas of data/kolada/munic.csv (the demo's always among them); default all 312
 *   --kpis N           the first N KPIs of data/kolada/kpi_df.csv; default all 6 099
 *   --layout-kpis N    KPIs of the slice the table layouts are compared on (0: not compared); default 400
 *   --ratio-rows N     rows of the slice the import rate is measured on; default 6 000 000
 *   --keep             keep the database afterwards (its name is printed)
 */
import type { KoladaFullInput } from './kolada-full.bench.js';

export const KOLADA_FULL_OPTIONS = {
  areas: { type: 'string' },
  kpis: { type: 'string' },
  'layout-kpis': { type: 'string' },
  'ratio-rows': { type: 'string' },
  keep: { type: 'boolean', default: false },
} as const;

type Args = { areas?: string; kpis?: string; 'layout-kpis'?: string; 'ratio-rows'?: string; keep?: boolean };

function whole(value: string | undefined, name: string, min: number): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}.`);
  return n;
}

export function koladaFullInput(
  args: Args,
  load: { connections: number; loadSeconds: number; warmupSeconds: number },
): KoladaFullInput {
  const kpis = whole(args.kpis, 'kpis', 1);
  const layoutKpis = whole(args['layout-kpis'], 'layout-kpis', 0) ?? 400;
  return {
    areas: whole(args.areas, 'areas', 10),
    kpis,
    years: 25,
    lastYear: 2022,
    chunkKpis: 10,
    ratioRows: whole(args['ratio-rows'], 'ratio-rows', 1) ?? 6_000_000,
    ratioRuns: 3,
    layoutKpis: kpis === null ? layoutKpis : Math.min(layoutKpis, kpis),
    comparisonCalls: 500,
    comparisonYear: 2020,
    warmKeys: 20,
    connections: load.connections,
    loadSeconds: load.loadSeconds,
    warmupSeconds: load.warmupSeconds,
    keep: args.keep ?? false,
  };
}
