/** Key indicators: the list and search, an indicator's page, one year compared, and a goal's page. */
import type { ImportKind } from '../../../app/indicators/import-values.js';
import { IMPORT_KIND_LABELS } from '../../../app/indicators/import-values.js';
import type { GoalIndicatorView } from '../../../app/indicators/goal-targets.js';
import {
  groupFigureExplanationSv,
  type GroupFigure,
  type GroupFigureExplanationOptions,
} from '../../../domain/indicators/group-figures.js';
import type { Aggregation, IndicatorOrigin } from '../../../domain/indicators/indicator.js';
import { VERDICT_LABELS_SV } from '../../../domain/indicators/target-verdict.js';
import type { ImportRecord } from '../../../domain/indicators/import-record.js';

export const indicators = {
  // ---- List
  title: 'Nyckeltal',
  description:
    'Nyckeltalen som samverkan följer, med sök i Koladas katalog och i egna nyckeltal, och de senaste inläsningarna av värden.',
  lead: 'Nyckeltalen visar hur medlemskommunerna utvecklas jämfört med varandra, med gruppen, med regionen och med riket – och hur programmets mål ligger till. Varje nyckeltal anger sin källa och licens.',
  newLocal: 'Nytt eget nyckeltal',
  importValues: 'Läs in värden från fil',
  searchLabel: 'Sök nyckeltal',
  searchField: 'Sök på id eller ord',
  searchHint: (catalogueSize: string) =>
    `Söker bland våra nyckeltal och i Koladas katalog med ${catalogueSize} nyckeltal, till exempel ”N00945” eller ”eftergymnasial utbildning”.`,
  search: 'Sök',
  followedMatching: (query: string) => `Våra nyckeltal som matchar ”${query}”`,
  followed: 'Nyckeltal som följs i samverkan',
  columns: { indicator: 'Nyckeltal', unit: 'Enhet', source: 'Källa' },
  noneMatching: 'Inga av våra nyckeltal matchar sökningen.',
  catalogueCaption: 'Träffar i Koladas katalog (högst 50). Källa: Kolada',
  catalogueColumns: { id: 'Id', indicator: 'Nyckeltal', area: 'Verksamhetsområde', followed: 'Följs här' },
  catalogueMissing: 'Koladas katalog är inte inläst. Kör ”samverkan kolada sync --catalogue”.',
  noCatalogueHits: 'Inga träffar i Koladas katalog.',
  importsCaption: 'Senaste inläsningar',
  importColumns: {
    time: 'Tid',
    source: 'Källa',
    result: 'Resultat',
    read: 'Lästa',
    changed: 'Ändrade',
    deleted: 'Borttagna',
  },
  noImports: 'Inga inläsningar ännu.',
  importKind: IMPORT_KIND_LABELS as Record<ImportKind, string>,
  importStatus: { succeeded: 'Inläst', unchanged: 'Inga ändringar', failed: 'Misslyckades' } as Record<
    ImportRecord['status'],
    string
  >,
  conferenceHeading: (year: number) => `Nyckeltalskonferensen ${year}`,
  conferenceText: (previousYear: number) =>
    `Underlaget till konferensen: per tjänsteområde medlemskommunerna i rangordning med gruppens, regionens och rikets värden, för det senaste året med värden fram till ${previousYear}.`,
  conferencePack: (year: number) => `Konferensunderlaget ${year}`,

  // ---- Facts
  facts: {
    id: 'Id',
    definition: 'Definition',
    noDefinition: 'Ingen definition angiven.',
    unit: 'Enhet',
    noUnit: 'Ingen enhet angiven',
    groupValue: 'Gruppens värde',
    origin: 'Ursprung',
    source: 'Källa',
    koladaSource: ' Källa: Kolada.',
    licence: 'Licens',
    noLicence: 'Ingen licens angiven.',
  },
  origin: { kolada: 'Kolada', local: 'Eget nyckeltal' } as Record<IndicatorOrigin, string>,
  aggregation: {
    mean: 'Andel eller medelvärde: gruppen redovisas som medelvärde',
    sum: 'Antal: gruppen redovisas som summa',
  } as Record<Aggregation, string>,

  // ---- An indicator's page
  pageDescription: (title: string) =>
    `${title}: värden över tid för medlemskommunerna, gruppen, regionen och riket, som diagram och tabell, med definition och källa.`,
  genderFormLabel: 'Välj kön',
  showValuesFor: 'Visa värden för',
  noValues: 'Det finns inga värden för nyckeltalet ännu.',
  compareMembers: (year: number) => `Jämför kommunerna ${year}`,
  development: (from: number, to: number) => `Utveckling ${from}–${to}`,
  seriesCaption: (title: string, gender: string, unit: string, group: string, areas: string) =>
    `${title}, ${gender.toLowerCase()}, per år (${unit}). Medlemskommunerna, ${group}, ${areas}.`,
  seriesTableCaption: (title: string, gender: string, unit: string) =>
    `${title} per år, ${gender.toLowerCase()} (${unit})`,
  and: 'och',
  year: 'År',
  groupColumn: (group: string, figure: string) => `${group}, ${figure.toLowerCase()}`,
  groupValueHeading: (year: number) => `Gruppens värde ${year}`,
  groupFigureExplanation: (
    figure: GroupFigure,
    memberCount: number,
    nameOf: (code: string) => string,
    options: GroupFigureExplanationOptions,
  ): string => groupFigureExplanationSv(figure, memberCount, nameOf, options),
  byGenderHeading: (year: number) => `Kvinnor och män ${year}`,
  byGenderCaption: (title: string, year: number, unit: string) => `${title} ${year} per kön (${unit})`,
  area: 'Område',
  goalsHeading: 'Mål som följs med nyckeltalet',
  noGoals: 'Inget mål följs med det här nyckeltalet ännu.',
  downloadHeading: 'Ladda ner',
  downloadCsv: 'Alla värden som CSV',
  downloadXlsx: 'Alla värden som Excel',
  downloadJson: 'Alla värden som JSON',
  /** The charts' words (src/app/indicators/indicator-charts.ts). */
  seriesChartTitle: (title: string, gender: string, from: number, to: number) =>
    `${title}, ${gender.toLowerCase()}, ${from}–${to}`,
  seriesChartDescription: (members: number) =>
    `Linjediagram med ett värde per år för var och en av ${members} medlemskommuner, gruppens värden och jämförelseområdena. Samma siffror finns i tabellen under diagrammet.`,
  rankingChartTitle: (title: string, year: number, gender: string) =>
    `${title} ${year}, ${gender.toLowerCase()}: kommunerna i rangordning`,
  rankingChartDescription:
    'Liggande stapeldiagram: medlemskommunerna från högst till lägst värde, därefter gruppens värden och jämförelseområdena. Samma siffror finns i tabellen under diagrammet.',
  shortFigure: { unweighted_mean: 'ovägt', weighted_mean: 'viktat', sum: 'summa' },

  // ---- One year compared
  comparisonTitle: (title: string, year: number) => `${title} ${year}: jämförelse`,
  comparisonDescription: (title: string, year: number) =>
    `${title} ${year}: medlemskommunerna i rangordning, jämförda med gruppen, regionen och riket, som diagram och tabell.`,
  comparisonBreadcrumb: (year: number) => `Jämförelse ${year}`,
  comparisonLead: (unit: string) =>
    `Medlemskommunerna rangordnade efter värde, högst först (${unit}). Ett högt värde är inte alltid bättre: läs nyckeltalets definition. Kommuner utan värde står sist.`,
  yearFormLabel: 'Välj år',
  gender: 'Kön',
  comparisonCaption: (title: string, year: number, gender: string, group: string) =>
    `${title} ${year}, ${gender.toLowerCase()}: medlemskommunerna i rangordning, ${group}s värden och jämförelseområdena.`,
  comparisonTableCaption: (title: string, year: number, gender: string, unit: string) =>
    `${title} ${year}, ${gender.toLowerCase()} (${unit})`,
  rank: 'Plats',
  value: 'Värde',

  // ---- A goal
  goalDescription: (goal: string, programme: string, area: string) =>
    `Målet ”${goal}” i ${programme} (${area}): strategier, nyckeltal med bedömning mot målvärdet och aktiviteterna i nätverkens planer.`,
  goalInArea: 'Mål i fokusområdet',
  targetYearSuffix: (year: number) => ` (målår ${year})`,
  strategiesHeading: 'Strategier',
  noStrategies: 'Inga strategier angivna.',
  evidenceHeading: 'Nyckeltal och måluppfyllelse',
  linkIndicator: 'Koppla ett nyckeltal',
  noEvidence: 'Inga nyckeltal är kopplade till målet ännu.',
  verdictRules:
    'Bedömningen jämför det senaste värdet med målbanan (en rak linje från basåret till målet) och trenden (en rät linje genom värdena sedan basåret) med målet: båda når målet ger ”I fas”, en av dem ”Risk att målet inte nås”, ingen ”Inte i fas”.',
  /** The sentence that explains a verdict, without the verdict (the tag beside it says it). */
  verdictSentence: (view: GoalIndicatorView): string => {
    const { sentence, verdict } = view.evaluation;
    const prefix = `${VERDICT_LABELS_SV[verdict]}: `;
    return sentence.startsWith(prefix)
      ? sentence.charAt(prefix.length).toUpperCase() + sentence.slice(prefix.length + 1)
      : sentence;
  },
  /** What the target is measured on, e.g. "Södertörn (befolkningsviktat)". */
  measuredName: (view: GoalIndicatorView): string => view.measuredName,
  target: 'Mål',
  measuredAs: 'Mäts som',
  note: 'Anteckning',
  targetSource: 'Källa för målet',
  valuesSource: 'Källa för värdena',
  targetRelative: (measured: string, higher: boolean, comparison: string, year: number, baseYear: number) =>
    `${measured} ska ligga ${higher ? 'minst lika högt som' : 'högst lika högt som'} ${comparison} år ${year} (basår ${baseYear}).`,
  targetAbsolute: (
    value: string,
    unit: string,
    year: number,
    higher: boolean,
    baseYear: number,
    baseValue: string | null,
  ) =>
    `${value} ${unit} år ${year}, ${higher ? 'högre är bättre' : 'lägre är bättre'} (basår ${baseYear}${baseValue === null ? '' : `, basvärde ${baseValue}`}).`,
  goalChartCaption: (title: string, measured: string, unit: string) => `${title}: ${measured} per år (${unit}).`,
  goalTableCaption: (title: string, unit: string) => `${title} per år (${unit})`,
  targetPath: 'Målbana',
  trendTo: (year: number) => `Trend till ${year}:`,
  trendRelative: (comparison: string, value: string, unit: string) =>
    `skillnaden mot ${comparison} blir ${value} (${unit === 'procent' ? 'procentenheter' : unit}) om utvecklingen fortsätter som hittills.`,
  trendAbsolute: (value: string, unit: string) => `${value} ${unit} om utvecklingen fortsätter som hittills.`,
  removeIndicator: 'Ta bort nyckeltalet från målet',
};

export type IndicatorsTexts = typeof indicators;
