import type { GroupFigure, GroupFigureExplanationOptions } from '../../../domain/indicators/group-figures.js';
import type { IndicatorsTexts } from '../sv/indicators.js';
import { progress } from './progress.js';

/** "a", "a and b", "a, b and c". */
const englishList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const municipalities = (n: number) => `${n} ${n === 1 ? 'municipality' : 'municipalities'}`;

const FIGURE_NAMES = {
  unweighted_mean: 'Unweighted mean',
  weighted_mean: 'Population-weighted mean',
  sum: 'Sum',
} as const;

/** How a group figure was formed, from the same facts as the Swedish sentence (domain/indicators/group-figures.ts). */
function groupFigureExplanation(
  figure: GroupFigure,
  memberCount: number,
  nameOf: (code: string) => string,
  options: GroupFigureExplanationOptions,
): string {
  const missingNames = englishList(figure.missing.map(nameOf));
  const n = figure.present.length;
  const coverage =
    n === memberCount && memberCount > 1 ? `all ${municipalities(n)}` : `${n} of ${municipalities(memberCount)}`;
  if (figure.kind === 'sum') {
    if (figure.value !== null) return `Sum for ${coverage}.`;
    if (n === 0) return 'No sum: none of the municipalities has a value.';
    return `No sum, because ${missingNames} ${figure.missing.length === 1 ? 'has' : 'have'} no value; a sum of only ${n} of ${municipalities(memberCount)} would be too low.`;
  }
  const label = FIGURE_NAMES[figure.kind];
  if (figure.value === null)
    return `No ${label.toLowerCase()}: none of the municipalities has ${figure.kind === 'weighted_mean' ? 'both a value and a population figure' : 'a value'}.`;
  const what =
    figure.kind === 'weighted_mean'
      ? `${label} of ${coverage}, where municipalities with a larger population weigh more`
      : `${label} of ${coverage}${options.koladaGroupId ? ` (as Kolada’s group of municipalities ${options.koladaGroupId})` : ''}`;
  const lacks = figure.kind === 'weighted_mean' ? 'a value or a population figure' : 'a value';
  return figure.missing.length === 0
    ? `${what}.`
    : `${what}; ${missingNames} ${figure.missing.length === 1 ? 'lacks' : 'lack'} ${lacks}.`;
}

export const indicators: IndicatorsTexts = {
  title: 'Key indicators',
  description:
    'The key indicators the cooperation follows, with a search in Kolada’s catalogue and in its own indicators, and the latest imports of values.',
  lead: 'The key indicators show how the member municipalities develop compared with each other, with the group, with the region and with the nation – and how the programme’s goals are doing. Each indicator states its source and licence. Indicators, their names and definitions come from Kolada and are in Swedish.',
  newLocal: 'New local indicator (in Swedish)',
  importValues: 'Import values from a file (in Swedish)',
  searchLabel: 'Search key indicators',
  searchField: 'Search by id or word (in Swedish)',
  searchHint: (catalogueSize) =>
    `Searches our indicators and Kolada’s catalogue of ${catalogueSize} indicators, for example “N00945” or “eftergymnasial utbildning”.`,
  search: 'Search',
  followedMatching: (query) => `Our indicators matching “${query}”`,
  followed: 'Indicators followed in the cooperation',
  columns: { indicator: 'Indicator', unit: 'Unit', source: 'Source' },
  noneMatching: 'None of our indicators match the search.',
  catalogueCaption: 'Hits in Kolada’s catalogue (at most 50). Source: Kolada',
  catalogueColumns: { id: 'Id', indicator: 'Indicator', area: 'Area of operation', followed: 'Followed here' },
  catalogueMissing: 'Kolada’s catalogue has not been loaded. Run “samverkan kolada sync --catalogue”.',
  noCatalogueHits: 'No hits in Kolada’s catalogue.',
  importsCaption: 'Latest imports',
  importColumns: {
    time: 'Time',
    source: 'Source',
    result: 'Result',
    read: 'Read',
    changed: 'Changed',
    deleted: 'Deleted',
  },
  noImports: 'No imports yet.',
  importKind: {
    kolada_api: 'Kolada’s API',
    kolada_file: 'Kolada file (JSON)',
    csv: 'CSV file',
    xlsx: 'Excel file',
    demo: 'Demonstration data',
  },
  importStatus: { succeeded: 'Imported', unchanged: 'No changes', failed: 'Failed' },
  conferenceHeading: (year) => `The key indicator conference ${year}`,
  conferenceText: (previousYear) =>
    `The material for the conference: for each area of service, the member municipalities ranked with the values of the group, the region and the nation, for the latest year with values up to ${previousYear}.`,
  conferencePack: (year) => `The conference material ${year}`,

  facts: {
    id: 'Id',
    definition: 'Definition',
    noDefinition: 'No definition given.',
    unit: 'Unit',
    noUnit: 'No unit given',
    groupValue: 'The group’s value',
    origin: 'Origin',
    source: 'Source',
    koladaSource: ' Source: Kolada.',
    licence: 'Licence',
    noLicence: 'No licence given.',
  },
  origin: { kolada: 'Kolada', local: 'Local indicator' },
  aggregation: {
    mean: 'Share or mean: the group’s value is a mean',
    sum: 'Count: the group’s value is a sum',
  },

  pageDescription: (title) =>
    `${title}: values over time for the member municipalities, the group, the region and the nation, as a chart and a table, with definition and source.`,
  genderFormLabel: 'Choose sex',
  showValuesFor: 'Show values for',
  noValues: 'There are no values for the indicator yet.',
  compareMembers: (year) => `Compare the municipalities ${year}`,
  development: (from, to) => `Development ${from}–${to}`,
  seriesCaption: (title, gender, unit, group, areas) =>
    `${title}, ${gender.toLowerCase()}, by year (${unit}). The member municipalities, ${group}, ${areas}.`,
  seriesTableCaption: (title, gender, unit) => `${title} by year, ${gender.toLowerCase()} (${unit})`,
  and: 'and',
  year: 'Year',
  groupColumn: (group, figure) => `${group}, ${figure.toLowerCase()}`,
  groupValueHeading: (year) => `The group’s value ${year}`,
  groupFigureExplanation,
  byGenderHeading: (year) => `Women and men ${year}`,
  byGenderCaption: (title, year, unit) => `${title} ${year} by sex (${unit})`,
  area: 'Area',
  goalsHeading: 'Goals followed with the indicator',
  noGoals: 'No goal is followed with this indicator yet.',
  downloadHeading: 'Download',
  downloadCsv: 'All values as CSV',
  downloadXlsx: 'All values as Excel',
  downloadJson: 'All values as JSON',
  seriesChartTitle: (title, gender, from, to) => `${title}, ${gender.toLowerCase()}, ${from}–${to}`,
  seriesChartDescription: (members) =>
    `Line chart with one value a year for each of ${members} member municipalities, the group’s values and the comparison areas. The same figures are in the table below the chart.`,
  rankingChartTitle: (title, year, gender) => `${title} ${year}, ${gender.toLowerCase()}: the municipalities ranked`,
  rankingChartDescription:
    'Horizontal bar chart: the member municipalities from the highest to the lowest value, then the group’s values and the comparison areas. The same figures are in the table below the chart.',
  shortFigure: { unweighted_mean: 'unweighted', weighted_mean: 'weighted', sum: 'sum' },

  comparisonTitle: (title, year) => `${title} ${year}: comparison`,
  comparisonDescription: (title, year) =>
    `${title} ${year}: the member municipalities ranked and compared with the group, the region and the nation, as a chart and a table.`,
  comparisonBreadcrumb: (year) => `Comparison ${year}`,
  comparisonLead: (unit) =>
    `The member municipalities ranked by value, highest first (${unit}). A high value is not always better: read the indicator’s definition. Municipalities without a value come last.`,
  yearFormLabel: 'Choose year',
  gender: 'Sex',
  comparisonCaption: (title, year, gender, group) =>
    `${title} ${year}, ${gender.toLowerCase()}: the member municipalities ranked, the values of ${group} and the comparison areas.`,
  comparisonTableCaption: (title, year, gender, unit) => `${title} ${year}, ${gender.toLowerCase()} (${unit})`,
  rank: 'Rank',
  value: 'Value',

  goalDescription: (goal, programme, area) =>
    `The goal “${goal}” of ${programme} (${area}): strategies, key indicators assessed against the target and the activities in the networks’ plans.`,
  goalInArea: 'A goal in the focus area',
  targetYearSuffix: (year) => ` (target year ${year})`,
  strategiesHeading: 'Strategies',
  noStrategies: 'No strategies given.',
  evidenceHeading: 'Key indicators and goal attainment',
  linkIndicator: 'Link a key indicator (in Swedish)',
  noEvidence: 'No key indicators are linked to the goal yet.',
  verdictRules:
    'The assessment compares the latest value with the target path (a straight line from the base year to the target) and the trend (a straight line through the values since the base year) with the target: both reaching the target gives “On track”, one of them “At risk of missing the target”, neither “Off track”.',
  verdictSentence: (view) => progress.explanation(view),
  measuredName: (view) => progress.measuredName(view),
  target: 'Target',
  measuredAs: 'Measured as',
  note: 'Note',
  targetSource: 'Source of the target',
  valuesSource: 'Source of the values',
  targetRelative: (measured, higher, comparison, year, baseYear) =>
    `${measured} is to be ${higher ? 'at least as high as' : 'no higher than'} ${comparison} in ${year} (base year ${baseYear}).`,
  targetAbsolute: (value, unit, year, higher, baseYear, baseValue) =>
    `${value} ${unit} in ${year}, ${higher ? 'higher is better' : 'lower is better'} (base year ${baseYear}${baseValue === null ? '' : `, base value ${baseValue}`}).`,
  goalChartCaption: (title, measured, unit) => `${title}: ${measured} by year (${unit}).`,
  goalTableCaption: (title, unit) => `${title} by year (${unit})`,
  targetPath: 'Target path',
  trendTo: (year) => `Trend to ${year}:`,
  trendRelative: (comparison, value, unit) =>
    `the difference from ${comparison} will be ${value} (${unit === 'procent' ? 'percentage points' : unit}) if the development continues as it has.`,
  trendAbsolute: (value, unit) => `${value} ${unit} if the development continues as it has.`,
  removeIndicator: 'Remove the indicator from the goal',
};
