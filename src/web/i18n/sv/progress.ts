/**
 * The public progress pages (/framsteg): written for residents, short and without the cooperation's
 * internal words. Programme content (names of goals, indicators, networks, areas) is data and is not here.
 */
import type { GoalIndicatorView } from '../../../app/indicators/goal-targets.js';
import type { Verdict } from '../../../domain/indicators/target-verdict.js';
import type { RollupStatus } from '../../../domain/plans/rollup.js';
import type { ProgrammeStatusKind } from '../../../domain/programme/programme-status.js';
import type { TrendDirection } from '../../../domain/progress/trend-direction.js';
import { formatValue } from '../../../domain/format-sv.js';
import { formatLongDate } from '../../format.js';

const VERDICTS: Record<Verdict, string> = {
  on_track: 'I fas',
  at_risk: 'Risk att målet inte nås',
  off_track: 'Inte i fas',
  no_data: 'Underlag saknas',
};

/** The verdict sentence of the domain begins with the verdict, which the tag beside it already says. */
const withoutVerdictPrefix = (sentence: string, verdict: Verdict) => {
  const prefix = `${VERDICTS[verdict]}: `;
  return sentence.startsWith(prefix)
    ? sentence.charAt(prefix.length).toUpperCase() + sentence.slice(prefix.length + 1)
    : sentence;
};

const STATUS_WORDS: Record<RollupStatus, [string, string]> = {
  green: ['grön', 'gröna'],
  yellow: ['gul', 'gula'],
  red: ['röd', 'röda'],
  not_reported: ['utan rapport', 'utan rapport'],
};

export const progress = {
  menuLabel: 'Framsteg',
  overviewTitle: 'Framsteg',
  overviewDescription:
    'Så går det med målen i kommunernas gemensamma utvecklingsprogram: vad nyckeltalen visar och hur nätverkens aktiviteter går, mål för mål.',
  overviewLead:
    'Här ser du hur det går med målen i kommunernas gemensamma utvecklingsprogram. För varje mål visas två saker var för sig: vad nyckeltalen säger om utvecklingen, och hur det går för aktiviteterna i nätverkens planer.',
  programmeDescription: (name: string) =>
    `Så går det med målen i ${name}: nyckeltalens bedömning och nätverkens aktiviteter per fokusområde och mål.`,
  goalDescription: (goal: string, programme: string) =>
    `Så går det med målet ”${goal}” i ${programme}: nyckeltalens bedömning med diagram och tabell, och nätverkens aktiviteter.`,
  programmeLead: 'Hur det går med programmets mål, fokusområde för fokusområde.',
  goalLead: (focusArea: string, programme: string) => `Ett mål i fokusområdet ${focusArea} i ${programme}.`,
  seeProgramme: 'Se alla mål i programmet',
  seeProgrammeContext: (name: string) => ` – ${name}`,
  noGoals: 'Det finns inga mål för det här programmet i tjänsten.',
  noGoalsInArea: 'Fokusområdet har inga mål.',
  updated: (isoDate: string) => `Senast uppdaterad ${formatLongDate(isoDate)}.`,
  updatedExplained: 'Det senaste datum då ett nyckeltals värden ändrades eller en aktivitet rapporterades.',
  notUpdated: 'Det finns ännu inga värden eller rapporter för målen.',
  programmeStatus: {
    draft: 'Utkast',
    proposed: 'Förslag',
    adopting: 'Håller på att antas',
    in_force: 'Gäller nu',
    replaced: 'Ersatt av ett senare program',
    expired: 'Har slutat gälla',
  } satisfies Record<ProgrammeStatusKind, string>,
  statusLine: (status: string) => `Programmets läge: ${status}.`,

  // ---- Indicators
  indicatorsHeading: 'Vad nyckeltalen visar',
  indicatorsIntro:
    'Nyckeltalen är statistik som visar hur det går för kommunerna och deras invånare. De påverkas av mycket mer än samarbetets egna aktiviteter.',
  noIndicators: 'Målet följs inte med något nyckeltal ännu.',
  indicatorsShort: 'Nyckeltal',
  noIndicatorsShort: 'inga nyckeltal ännu',
  verdict: VERDICTS,
  verdictCount: (verdict: Verdict, n: number) =>
    `${n} ${
      {
        on_track: 'i fas',
        at_risk: 'med risk att målet inte nås',
        off_track: 'inte i fas',
        no_data: 'utan underlag',
      }[verdict]
    }`,
  trend: {
    better: 'Går åt rätt håll',
    worse: 'Går åt fel håll',
    steady: 'Oförändrat',
    unknown: 'Utvecklingen går inte att säga ännu',
  } satisfies Record<TrendDirection, string>,
  /** What the verdict rests on, in one sentence (the domain's own Swedish sentence, without the verdict). */
  explanation: (view: GoalIndicatorView) => withoutVerdictPrefix(view.evaluation.sentence, view.evaluation.verdict),
  /** Who is measured, e.g. "Södertörnskommunerna (befolkningsviktat medelvärde)". */
  measuredName: (view: GoalIndicatorView) => view.measuredName,
  targetText: (view: GoalIndicatorView, measured: string, comparison: string | null) => {
    const { link, indicator } = view;
    if (link.targetKind === 'relative')
      return `${measured} ska ligga ${link.direction === 'higher' ? 'minst lika högt som' : 'högst lika högt som'} ${comparison ?? link.comparisonAreaCode} år ${link.targetYear}. Räknat från ${link.baseYear}.`;
    return `${formatValue(link.targetValue ?? 0, indicator.unit, indicator.decimals)} år ${link.targetYear} (${link.direction === 'higher' ? 'högre är bättre' : 'lägre är bättre'}). Räknat från ${link.baseYear}.`;
  },
  latestLabel: 'Senaste värde',
  latestValue: (value: string, year: number) => `${value} (${year})`,
  comparisonValue: (area: string, value: string) => `${area}: ${value}`,
  noValue: 'Inget värde ännu',
  targetLabel: 'Målet',
  sourceLabel: 'Källa för värdena',
  targetSourceLabel: 'Källa för målet',
  chartCaption: (title: string, measured: string, unit: string) => `${title}: ${measured} per år (${unit}).`,
  tableCaption: (title: string, unit: string) => `${title} per år (${unit})`,
  /** A missing value in a table: never 0. */
  missingValue: 'saknas',
  yearColumn: 'År',
  targetPathColumn: 'Målbana',
  chartTitle: (title: string, measured: string, comparison: string | null) =>
    `${title}: ${measured}${comparison ? ` och ${comparison}` : ''}`,
  chartDescription: (sentence: string) =>
    `Linjediagram över åren. ${sentence} Samma siffror finns i tabellen under diagrammet.`,
  chartTargetPath: (year: number) => `Målbana till ${year}`,
  chartTrend: (year: number) => `Trend till ${year}`,
  moreAboutIndicator: 'Mer om nyckeltalet',

  // ---- Activities
  activitiesHeading: 'Vad nätverken gör',
  activitiesIntro:
    'Aktiviteterna i nätverkens antagna planer som ska bidra till målet, med hur det gick vid senaste uppföljningen. Hur aktiviteterna går räknas för sig och vägs aldrig ihop med nyckeltalens bedömning.',
  activitiesLabel: 'Aktiviteter',
  activitiesShort: (year: number) => `Aktiviteter ${year}`,
  noActivities: 'Inga aktiviteter i nätverkens antagna planer ska bidra till målet ännu.',
  noActivitiesShort: 'inga aktiviteter i nätverkens planer',
  areaActivities: (year: number) => `Aktiviteter ${year} i fokusområdet`,
  areaActivitiesNote: 'Varje aktivitet räknas en gång, även om den bidrar till flera av fokusområdets mål.',
  activityCount: (n: number) => `${n} ${n === 1 ? 'aktivitet' : 'aktiviteter'}`,
  statusCount: (status: RollupStatus, n: number) => `${n} ${STATUS_WORDS[status][n === 1 ? 0 : 1]}`,
  status: {
    green: 'Grön',
    yellow: 'Gul',
    red: 'Röd',
    not_reported: 'Ingen rapport',
  } satisfies Record<RollupStatus, string>,
  statusMeaning: {
    green: 'går enligt plan',
    yellow: 'risk att planen inte hålls',
    red: 'går inte enligt plan',
    not_reported: 'har inte rapporterat ännu i år',
  } satisfies Record<RollupStatus, string>,
  progressLine: (progress: string, coverage: string) =>
    `Genomsnittligt framsteg ${progress}, räknat på de aktiviteter som har rapporterat (${coverage} av aktiviteternas samlade vikt).`,
  noProgressLine: 'Ingen aktivitet har rapporterat ännu, så det finns inget framsteg att visa.',
  rollupCaption: (year: number) => `Aktiviteterna ${year} per status`,
  totalColumn: 'Totalt',
  progressColumn: 'Genomsnittligt framsteg',
  coverageColumn: 'Har rapporterat (andel av vikten)',
  activitiesCaption: (year: number) => `Aktiviteter ${year} som ska bidra till målet`,
  activityColumn: 'Aktivitet',
  networkColumn: 'Nätverk',
  statusColumn: 'Status',
  activityProgressColumn: 'Framsteg',
  commentColumn: 'Senaste kommentar',
  otherYears: 'Andra år',
  otherYearLink: (year: number) => `Aktiviteter ${year} för målet`,

  // ---- How to read
  howToReadHeading: 'Så läser du sidan',
  howToReadVerdicts:
    'Varje nyckeltal har ett mål för ett visst år. Bedömningen jämför det senaste värdet med var det borde ligga för att målet ska nås i tid, och hur det går om utvecklingen fortsätter som hittills:',
  verdictMeaning: {
    on_track: 'både det senaste värdet och utvecklingen räcker för att nå målet.',
    at_risk: 'det ena räcker men inte det andra, så det är osäkert om målet nås.',
    off_track: 'varken det senaste värdet eller utvecklingen räcker för att nå målet.',
    no_data: 'det finns inte tillräckligt med värden för att bedöma.',
  } satisfies Record<Verdict, string>,
  howToReadTrend:
    'Pilen visar åt vilket håll nyckeltalet har gått sedan målet sattes: ↗ åt rätt håll, ↘ åt fel håll, → oförändrat. Färgerna upprepar bara det som orden säger.',
  howToReadActivities:
    'Nätverken rapporterar varje aktivitet några gånger om året: grön, gul eller röd, och hur stor del som är gjord. Genomsnittligt framsteg väger aktiviteterna efter hur stora de är.',

  // ---- Other versions of the goal
  relatedHeading: 'Målet i andra versioner av programmet',
  earlier: 'Tidigare version',
  later: 'Senare version',
  relatedGoal: (goal: string, programme: string) => `${goal} (${programme})`,
  strategiesHeading: 'Så ska målet nås',
};

export type ProgressTexts = typeof progress;
