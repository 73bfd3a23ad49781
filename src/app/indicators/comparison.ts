import { validationFailed } from '../../domain/errors.js';
import type { GroupFigure } from '../../domain/indicators/group-figures.js';
import type { Gender } from '../../domain/indicators/indicator.js';
import type { AppContext } from '../context.js';
import { loadIndicatorData, type IndicatorData, type NamedArea } from './indicator-data.js';

export interface RankedMember extends NamedArea {
  value: number | null;
  /** 1 = highest value; members without a value have no rank and come last. */
  rank: number | null;
}

export interface Comparison {
  data: IndicatorData;
  year: number;
  gender: Gender;
  members: RankedMember[];
  groupFigures: GroupFigure[];
  comparisonAreas: (NamedArea & { value: number | null })[];
}

/** One year's values: members ranked by value (highest first), the group figures, region and nation. */
export async function getComparison(
  ctx: AppContext,
  key: string,
  options: { year?: number; gender?: Gender },
): Promise<Comparison> {
  const data = await loadIndicatorData(ctx, key);
  const gender = options.gender ?? 'T';
  const year = options.year ?? data.years.at(-1);
  if (year === undefined) throw validationFailed([{ field: 'ar', message: 'Nyckeltalet har inga värden ännu.' }]);
  if (!data.years.includes(year))
    throw validationFailed([
      {
        field: 'ar',
        message: `Det finns inga värden för ${year}. Välj ett år mellan ${data.years[0]} och ${data.years.at(-1)}.`,
      },
    ]);
  const valueOf = (code: string) => data.value(code, year, gender)?.value ?? null;
  const withValues = data.members.map((m) => ({ ...m, value: valueOf(m.code) }));
  const ranked = withValues
    .filter((m) => m.value !== null)
    .sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, 'sv'));
  const missing = withValues.filter((m) => m.value === null).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    data,
    year,
    gender,
    members: [...ranked.map((m, i) => ({ ...m, rank: i + 1 })), ...missing.map((m) => ({ ...m, rank: null }))],
    groupFigures: data.groupFigures(year, gender),
    comparisonAreas: data.comparisonAreas.map((a) => ({ ...a, value: valueOf(a.code) })),
  };
}
