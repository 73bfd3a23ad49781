/**
 * Key indicators as public JSON, and the same JSON as tables to download (CSV, Excel). JSON numbers are
 * plain numbers; a missing value is null, never 0. The downloads are made from the JSON, so a file can
 * never say something the API does not.
 */
import type { Comparison } from '../../app/indicators/comparison.js';
import { groupName, type IndicatorData, type NamedArea } from '../../app/indicators/indicator-data.js';
import type { IndicatorSearch } from '../../app/indicators/search-indicators.js';
import {
  GROUP_FIGURE_LABELS_SV,
  groupFigureExplanationSv,
  type GroupFigure,
} from '../../domain/indicators/group-figures.js';
import { GENDER_LABELS_SV, type Gender, type Indicator } from '../../domain/indicators/indicator.js';
import type { ExportColumn, ExportRow } from '../../exports/table.js';
import {
  KOLADA_ATTRIBUTION,
  type GroupFigureJson,
  type IndicatorGroupJson,
  type IndicatorSearchJson,
  type IndicatorSummaryJson,
  type IndicatorValuesJson,
} from './indicator-schemas.js';

/**
 * Where the API is mounted (e.g. `/api/v1`), taken from the request path so that links hold wherever
 * that is. Keys never contain "/", so the first "/indicators" followed by a route's tail is the route's.
 */
export const apiBaseOf = (path: string): string => path.replace(/\/indicators(\/[^/]+\/(values|group))?\/?$/, '');

export const attributionOf = (i: Indicator): string | null => (i.origin === 'kolada' ? KOLADA_ATTRIBUTION : null);

export function presentIndicator(i: Indicator, base: string): IndicatorSummaryJson {
  const path = `${base}/indicators/${encodeURIComponent(i.key)}`;
  return {
    key: i.key,
    title: i.title,
    definition: i.definition,
    unit: i.unit,
    decimals: i.decimals,
    aggregation: i.aggregation,
    weightKey: i.weightKey,
    origin: i.origin,
    byGender: i.byGender,
    source: i.source,
    licence: i.licence,
    attribution: attributionOf(i),
    links: { values: `${path}/values`, group: `${path}/group` },
  };
}

export const presentSearch = (s: IndicatorSearch, base: string): IndicatorSearchJson => ({
  query: s.query,
  followed: s.followed.map((i) => presentIndicator(i, base)),
  catalogue: s.catalogue.map((k) => ({
    id: k.id,
    title: k.title,
    description: k.description,
    operatingArea: k.operatingArea,
    followed: k.followed,
    attribution: KOLADA_ATTRIBUTION,
  })),
  catalogueSize: s.catalogueSize,
});

/**
 * Every area × year × gender within the request, with null where there is no value: a gap in the data
 * shows as a gap (a row with an empty value), and is never left out where it could go unnoticed.
 * @param gender the one gender asked for; without it, every gender the indicator has values for
 */
export function presentValues(
  data: IndicatorData,
  areas: readonly NamedArea[],
  gender: Gender | undefined,
  base: string,
): IndicatorValuesJson {
  const genders = gender ? [gender] : data.genders;
  return {
    indicator: presentIndicator(data.indicator, base),
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
    years: [...data.years],
    genders: [...genders],
    values: areas.flatMap((a) =>
      data.years.flatMap((year) =>
        genders.map((g) => {
          const v = data.value(a.code, year, g);
          return {
            areaCode: a.code,
            areaName: a.name,
            year,
            gender: g,
            value: v?.value ?? null,
            status: v?.status ?? null,
          };
        }),
      ),
    ),
  };
}

export function presentGroupFigure(
  figure: GroupFigure,
  members: readonly NamedArea[],
  indicator: Indicator,
  koladaGroupId: string,
): GroupFigureJson {
  const names = new Map(members.map((m) => [m.code, m.name]));
  return {
    kind: figure.kind,
    label: GROUP_FIGURE_LABELS_SV[figure.kind],
    value: figure.value,
    // Kolada's own group figure exists only for Kolada's indicators; naming it for ours would mislead.
    explanation: groupFigureExplanationSv(
      figure,
      members.length,
      (code) => names.get(code) ?? code,
      indicator.origin === 'kolada' && koladaGroupId ? { koladaGroupId } : {},
    ),
    present: [...figure.present],
    missing: [...figure.missing],
  };
}

export function presentGroup(c: Comparison, base: string): IndicatorGroupJson {
  const { data } = c;
  return {
    indicator: presentIndicator(data.indicator, base),
    year: c.year,
    gender: c.gender,
    years: [...data.years],
    groupName: groupName(data.collaboration),
    members: c.members.map((m) => ({ code: m.code, name: m.name, value: m.value, rank: m.rank })),
    groupFigures: c.groupFigures.map((f) =>
      presentGroupFigure(f, data.members, data.indicator, data.collaboration.koladaGroupId),
    ),
    comparisonAreas: c.comparisonAreas.map((a) => ({ code: a.code, name: a.name, value: a.value })),
  };
}

// ---------------------------------------------------------------------------------------------- downloads

/** A table to download, and the note that says where its values come from and on what terms. */
export interface DownloadTable {
  sheetName: string;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** Indicator, source and licence in one text: the note under an Excel sheet's table. */
  sourceNote: string;
  /** The source (with "Källa: Kolada" for Kolada's indicators) and the licence, for the CSV's columns. */
  source: string;
  licence: string;
}

const sentence = (text: string) => {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
};

const sourceOf = (i: IndicatorSummaryJson) => (i.attribution ? `${sentence(i.attribution)} ${i.source}` : i.source);

function described(
  i: IndicatorSummaryJson,
  sheetName: string,
  columns: ExportColumn[],
  rows: ExportRow[],
): DownloadTable {
  const source = sourceOf(i);
  const note = [
    sentence(`Nyckeltal: ${i.title} (${i.key}), ${i.unit}`),
    sentence(i.attribution ? source : `Källa: ${source}`),
    sentence(`Licens: ${i.licence}`),
  ];
  return { sheetName, columns, rows, sourceNote: note.join(' '), source, licence: i.licence };
}

const valueHeader = (i: IndicatorSummaryJson) => `Värde (${i.unit})`;

export function valuesTable(json: IndicatorValuesJson): DownloadTable {
  const i = json.indicator;
  return described(
    i,
    'Värden',
    [
      { key: 'nyckeltal', header: 'Nyckeltal' },
      { key: 'omradeskod', header: 'Områdeskod' },
      { key: 'omrade', header: 'Område' },
      { key: 'ar', header: 'År' },
      { key: 'kon', header: 'Kön' },
      { key: 'varde', header: valueHeader(i) },
      { key: 'status', header: 'Status' },
    ],
    json.values.map((v) => ({
      nyckeltal: i.title,
      omradeskod: v.areaCode,
      omrade: v.areaName,
      ar: v.year,
      kon: GENDER_LABELS_SV[v.gender],
      varde: v.value,
      status: v.status,
    })),
  );
}

export function groupTable(json: IndicatorGroupJson): DownloadTable {
  const i = json.indicator;
  const common = { nyckeltal: i.title, ar: json.year, kon: GENDER_LABELS_SV[json.gender] };
  return described(
    i,
    `Jämförelse ${json.year}`,
    [
      { key: 'nyckeltal', header: 'Nyckeltal' },
      { key: 'typ', header: 'Typ' },
      { key: 'omradeskod', header: 'Områdeskod' },
      { key: 'namn', header: 'Namn' },
      { key: 'ar', header: 'År' },
      { key: 'kon', header: 'Kön' },
      { key: 'varde', header: valueHeader(i) },
      { key: 'rang', header: 'Rang' },
      { key: 'forklaring', header: 'Förklaring' },
    ],
    [
      ...json.members.map((m) => ({
        ...common,
        typ: 'Kommun',
        omradeskod: m.code,
        namn: m.name,
        varde: m.value,
        rang: m.rank,
      })),
      ...json.groupFigures.map((f) => ({
        ...common,
        typ: 'Gruppvärde',
        namn: `${json.groupName}, ${f.label.toLocaleLowerCase('sv')}`,
        varde: f.value,
        forklaring: f.explanation,
      })),
      ...json.comparisonAreas.map((a) => ({
        ...common,
        typ: 'Jämförelseområde',
        omradeskod: a.code,
        namn: a.name,
        varde: a.value,
      })),
    ],
  );
}

/**
 * The CSV's way of naming its source: the columns Källa and Licens on every row. A Swedish Excel user
 * sees them beside the values, and a program reads the file as one plain table — a comment line or a
 * note under the table would be read as a broken data row, and an HTTP header is lost once saved.
 */
export function withSourceColumns(table: DownloadTable): Pick<DownloadTable, 'columns' | 'rows'> {
  return {
    columns: [...table.columns, { key: 'kalla', header: 'Källa' }, { key: 'licens', header: 'Licens' }],
    rows: table.rows.map((r) => ({ ...r, kalla: table.source, licens: table.licence })),
  };
}
