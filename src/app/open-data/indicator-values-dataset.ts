/**
 * Every stored value of every key indicator the cooperation follows, for its members and its comparison
 * areas (region, nation): a row per indicator, area, year and gender. A stored value may be empty (the
 * source reports it missing, with its status); it is never written as 0. Each row carries its source and
 * licence: the values are the sources' (Kolada's with "Källa: Kolada"), not the cooperation's own.
 */
import { GENDER_LABELS_SV, type Indicator } from '../../domain/indicators/indicator.js';
import type { ExportRow } from '../../exports/table.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { yearSpan, type DatasetTable } from './dataset-table.js';

const COLUMNS = [
  { key: 'nyckeltal_id', header: 'Nyckeltal (id)' },
  { key: 'nyckeltal', header: 'Nyckeltal' },
  { key: 'enhet', header: 'Enhet' },
  { key: 'omradeskod', header: 'Områdeskod' },
  { key: 'omrade', header: 'Område' },
  { key: 'ar', header: 'År' },
  { key: 'kon', header: 'Kön' },
  { key: 'varde', header: 'Värde' },
  { key: 'status', header: 'Status' },
  { key: 'kalla', header: 'Källa' },
  { key: 'licens', header: 'Licens' },
];

/** Kolada's terms ask for this attribution wherever its values are shown. */
const KOLADA_ATTRIBUTION = 'Källa: Kolada';

export const sourceText = (i: Pick<Indicator, 'origin' | 'source'>): string =>
  i.origin === 'kolada' ? `${KOLADA_ATTRIBUTION}. ${i.source}` : i.source;

export async function indicatorValuesDataset(ctx: AppContext): Promise<DatasetTable> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [indicators, members, comparison, imports] = await Promise.all([
    repos.indicators.list(),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
    repos.indicators.recentImports(50),
  ]);
  const areas = new Map([...members, ...comparison].map((a) => [a.code, a.name]));
  const areaCodes = [...areas.keys()];
  const rows: ExportRow[] = [];
  const years: number[] = [];
  for (const indicator of indicators) {
    const values = await repos.indicators.values(indicator.id, { areaCodes });
    for (const v of values) {
      if (v.value !== null) years.push(v.year);
      rows.push({
        nyckeltal_id: indicator.key,
        nyckeltal: indicator.title,
        enhet: indicator.unit,
        omradeskod: v.areaCode,
        omrade: areas.get(v.areaCode) ?? null,
        ar: v.year,
        kon: GENDER_LABELS_SV[v.gender],
        varde: v.value,
        status: v.status,
        kalla: sourceText(indicator),
        licens: indicator.licence,
      });
    }
  }
  // The values change only through imports (the demo's too): the newest one that changed anything.
  const lastChange = imports.find((i) => i.status === 'succeeded' && i.rowsChanged + i.rowsDeleted > 0);
  return {
    columns: COLUMNS,
    rows,
    modified: lastChange?.finishedAt ?? null,
    temporal: yearSpan(years),
    notices: [],
  };
}
