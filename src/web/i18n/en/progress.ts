/**
 * The public progress pages in English. Programme content (names of goals, indicators, networks, areas)
 * and the indicators' units stay as stored, in Swedish; numbers keep the Swedish format the format
 * helpers give (src/domain/format-sv.ts has no other locale).
 */
import type { GoalIndicatorView } from '../../../app/indicators/goal-targets.js';
import { groupName } from '../../../app/indicators/indicator-data.js';
import type { Verdict } from '../../../domain/indicators/target-verdict.js';
import { formatDifference, formatValue, isShareUnit } from '../../../domain/format-sv.js';
import type { ProgressTexts } from '../sv/progress.js';
import { common } from './common.js';

const VERDICTS: Record<Verdict, string> = {
  on_track: 'On track',
  at_risk: 'At risk of missing the target',
  off_track: 'Off track',
  no_data: 'Not enough data',
};

const GROUP_FIGURES = {
  unweighted_mean: 'unweighted mean',
  weighted_mean: 'population-weighted mean',
  sum: 'sum',
} as const;

const measuredName = (view: GoalIndicatorView) =>
  view.link.measure === 'area'
    ? view.measuredName
    : `${groupName(view.collaboration)} (${GROUP_FIGURES[view.link.measure]})`;

/** "Södertörnskommunerna (population-weighted mean)" → "Södertörnskommunerna" for a second mention. */
const shortName = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '') || name;

/** Values equal up to floating-point rounding count as meeting, as the verdict counts them. */
const meets = (value: number, reference: number, higher: boolean) => {
  const tolerance = 1e-9 * Math.max(1, Math.abs(value), Math.abs(reference));
  return higher ? value >= reference - tolerance : value <= reference + tolerance;
};

/** The verdict's reasons in one English sentence, from the same figures as the Swedish one. */
function explanation(view: GoalIndicatorView): string {
  const { link, indicator, evaluation } = view;
  const fv = (v: number) => formatValue(v, indicator.unit, indicator.decimals);
  const fd = (d: number) => formatDifference(d, indicator.unit, indicator.decimals);
  const measured = measuredName(view);
  const comparison = view.comparisonName ?? link.comparisonAreaCode ?? '';
  const what = isShareUnit(indicator.unit) ? 'share' : 'value';
  const noTrend = 'there are no values after the base year yet to calculate a trend from';
  const { latest, projection } = evaluation;

  if (link.targetKind === 'absolute') {
    const target = link.targetValue ?? 0;
    if (evaluation.verdict === 'no_data' || !latest)
      return evaluation.path.length === 0
        ? `${measured} has no value for the base year ${link.baseYear}.`
        : `${measured} has no values from the base year ${link.baseYear} on.`;
    const head = `In ${latest.year} the ${what} for ${measured} was ${fv(latest.value)}`;
    if (latest.year >= link.targetYear) return `${head}, against the target of ${fv(target)} for ${link.targetYear}.`;
    if (!projection) {
      const base = evaluation.path[0]?.value;
      const againstBase =
        base === undefined || fv(base) === fv(latest.value) ? '' : ` against the base value ${fv(base)}`;
      return `${head}${againstBase}; ${noTrend}.`;
    }
    const expected = latest.expected ?? latest.value;
    const relation = fv(latest.value) === fv(expected) ? 'level with' : latest.value > expected ? 'above' : 'below';
    return (
      `${head}, ${relation} the target path's ${fv(expected)}; if the trend continues it will be ` +
      `${fv(projection.value)} in ${link.targetYear}, against the target of ${fv(target)}.`
    );
  }

  const gap = evaluation.gap;
  if (evaluation.verdict === 'no_data' || !latest || !gap || gap.latest === null || gap.base === null)
    return `There are not values for both ${measured} and ${comparison} for the base year ${link.baseYear}.`;
  const higher = link.direction === 'higher';
  const short = shortName(measured);
  const head =
    `In ${latest.year} the ${what} for ${measured} was ${fv(latest.value)} against ` +
    `${fv(latest.value - gap.latest)} for ${comparison}`;
  if (latest.year >= link.targetYear)
    return `${head}, and the target was to be ${higher ? 'at least as high as' : 'no higher than'} ${comparison} by ${link.targetYear}.`;
  if (!projection) return `${head}; ${noTrend}.`;
  const side = (g: number) => (fd(g) === fd(0) ? 0 : Math.sign(g));
  const position = (s: number) => (s < 0 ? 'below' : 'above');
  const [sideThen, sideNow] = [side(gap.base), side(gap.latest)];
  const change =
    sideThen * sideNow < 0
      ? `${short} has gone from being ${position(sideThen)} to being ${position(sideNow)} ${comparison} since ${link.baseYear}`
      : fd(gap.base) === fd(gap.latest)
        ? `the gap is the same as in ${link.baseYear}`
        : `the gap has ${Math.abs(gap.latest) > Math.abs(gap.base) ? 'widened' : 'narrowed'} since ${link.baseYear}`;
  const projected =
    side(projection.value) === 0
      ? `level with ${comparison}`
      : `${fd(projection.value)} ${position(projection.value)} ${comparison}`;
  const behind =
    evaluation.verdict === 'at_risk' && latest.expected !== null && !meets(latest.value, latest.expected, higher)
      ? `, but ${short} is behind the target path for ${latest.year}`
      : '';
  return `${head}; ${change}, and if the trend continues ${short} will be ${projected} in ${link.targetYear}${behind}.`;
}

export const progress: ProgressTexts = {
  menuLabel: 'Progress',
  overviewTitle: 'Progress',
  overviewDescription:
    'How the goals of the municipalities’ joint development programme are going: what the key indicators show and how the networks’ activities are doing, goal by goal.',
  overviewLead:
    'Here you can see how the goals of the municipalities’ joint development programme are going. For each goal two things are shown separately: what the key indicators say about the development, and how the activities in the networks’ plans are going.',
  programmeDescription: (name: string) =>
    `How the goals of ${name} are going: the key indicators’ assessment and the networks’ activities by focus area and goal.`,
  goalDescription: (goal: string, programme: string) =>
    `How the goal “${goal}” of ${programme} is going: the key indicators’ assessment with chart and table, and the networks’ activities.`,
  programmeLead: 'How the programme’s goals are going, focus area by focus area.',
  goalLead: (focusArea: string, programme: string) => `A goal in the focus area ${focusArea} of ${programme}.`,
  seeProgramme: 'See all goals of the programme',
  seeProgrammeContext: (name: string) => ` – ${name}`,
  noGoals: 'There are no goals for this programme in the service.',
  noGoalsInArea: 'The focus area has no goals.',
  updated: (isoDate: string) => `Last updated ${common.longDate(isoDate)}.`,
  updatedExplained: 'The latest date on which a key indicator’s values changed or an activity was reported on.',
  notUpdated: 'There are no values or reports for the goals yet.',
  programmeStatus: {
    draft: 'Draft',
    proposed: 'Proposal',
    adopting: 'Being adopted',
    in_force: 'In force',
    replaced: 'Replaced by a later programme',
    expired: 'No longer in force',
  },
  statusLine: (status: string) => `Status of the programme: ${status}.`,

  indicatorsHeading: 'What the key indicators show',
  indicatorsIntro:
    'The key indicators are statistics that show how the municipalities and their residents are doing. Much more than the cooperation’s own activities affects them.',
  noIndicators: 'The goal is not followed with any key indicator yet.',
  indicatorsShort: 'Key indicators',
  noIndicatorsShort: 'no key indicators yet',
  verdict: VERDICTS,
  verdictCount: (verdict: Verdict, n: number) =>
    `${n} ${
      {
        on_track: 'on track',
        at_risk: 'at risk of missing the target',
        off_track: 'off track',
        no_data: 'without enough data',
      }[verdict]
    }`,
  trend: {
    better: 'Heading the right way',
    worse: 'Heading the wrong way',
    steady: 'Unchanged',
    unknown: 'Too early to tell the direction',
  },
  explanation,
  measuredName,
  targetText: (view: GoalIndicatorView, measured: string, comparison: string | null) => {
    const { link, indicator } = view;
    if (link.targetKind === 'relative')
      return `${measured} is to be ${link.direction === 'higher' ? 'at least as high as' : 'no higher than'} ${comparison ?? link.comparisonAreaCode} in ${link.targetYear}. Counted from ${link.baseYear}.`;
    return `${formatValue(link.targetValue ?? 0, indicator.unit, indicator.decimals)} in ${link.targetYear} (${link.direction === 'higher' ? 'higher is better' : 'lower is better'}). Counted from ${link.baseYear}.`;
  },
  latestLabel: 'Latest value',
  latestValue: (value: string, year: number) => `${value} (${year})`,
  comparisonValue: (area: string, value: string) => `${area}: ${value}`,
  noValue: 'No value yet',
  targetLabel: 'The target',
  sourceLabel: 'Source of the values',
  targetSourceLabel: 'Source of the target',
  chartCaption: (title: string, measured: string, unit: string) => `${title}: ${measured} by year (${unit}).`,
  tableCaption: (title: string, unit: string) => `${title} by year (${unit})`,
  /** A missing value in a table: never 0. */
  missingValue: 'missing',
  yearColumn: 'Year',
  targetPathColumn: 'Target path',
  chartTitle: (title: string, measured: string, comparison: string | null) =>
    `${title}: ${measured}${comparison ? ` and ${comparison}` : ''}`,
  chartDescription: (sentence: string) =>
    `Line chart over the years. ${sentence} The same figures are in the table below the chart.`,
  chartTargetPath: (year: number) => `Target path to ${year}`,
  chartTrend: (year: number) => `Trend to ${year}`,
  moreAboutIndicator: 'More about the key indicator',

  activitiesHeading: 'What the networks are doing',
  activitiesIntro:
    'The activities in the networks’ adopted plans that are to contribute to the goal, with how they were doing at the latest follow-up. How the activities are going is counted on its own and never added to the key indicators’ assessment.',
  activitiesLabel: 'Activities',
  activitiesShort: (year: number) => `Activities ${year}`,
  noActivities: 'No activities in the networks’ adopted plans contribute to the goal yet.',
  noActivitiesShort: 'no activities in the networks’ plans',
  areaActivities: (year: number) => `Activities ${year} in the focus area`,
  areaActivitiesNote: 'Each activity counts once, even when it contributes to several of the focus area’s goals.',
  activityCount: (n: number) => `${n} ${n === 1 ? 'activity' : 'activities'}`,
  statusCount: (status, n: number) =>
    `${n} ${{ green: 'green', yellow: 'yellow', red: 'red', not_reported: 'not reported' }[status]}`,
  status: {
    green: 'Green',
    yellow: 'Yellow',
    red: 'Red',
    not_reported: 'No report',
  },
  statusMeaning: {
    green: 'going to plan',
    yellow: 'at risk of not going to plan',
    red: 'not going to plan',
    not_reported: 'not reported on yet this year',
  },
  progressLine: (progress: string, coverage: string) =>
    `Average progress ${progress}, counted over the activities that have reported (${coverage} of the activities’ total weight).`,
  noProgressLine: 'No activity has reported yet, so there is no progress to show.',
  rollupCaption: (year: number) => `The activities ${year} by status`,
  totalColumn: 'Total',
  progressColumn: 'Average progress',
  coverageColumn: 'Reported (share of the weight)',
  activitiesCaption: (year: number) => `Activities ${year} that are to contribute to the goal`,
  activityColumn: 'Activity',
  networkColumn: 'Network',
  statusColumn: 'Status',
  activityProgressColumn: 'Progress',
  commentColumn: 'Latest comment',
  otherYears: 'Other years',
  otherYearLink: (year: number) => `Activities ${year} for the goal`,

  howToReadHeading: 'How to read this page',
  howToReadVerdicts:
    'Each key indicator has a target for a certain year. The assessment compares the latest value with where it should be for the target to be reached in time, and with where it ends up if the development goes on as so far:',
  verdictMeaning: {
    on_track: 'both the latest value and the development are enough to reach the target.',
    at_risk: 'one of them is enough but not the other, so it is uncertain whether the target is reached.',
    off_track: 'neither the latest value nor the development is enough to reach the target.',
    no_data: 'there are not enough values to assess.',
  },
  howToReadTrend:
    'The arrow shows which way the key indicator has gone since the target was set: ↗ the right way, ↘ the wrong way, → unchanged. The colours only repeat what the words say.',
  howToReadActivities:
    'The networks report on each activity a few times a year: green, yellow or red, and how much of it is done. Average progress weighs the activities by how large they are.',

  relatedHeading: 'The goal in other versions of the programme',
  earlier: 'Earlier version',
  later: 'Later version',
  relatedGoal: (goal: string, programme: string) => `${goal} (${programme})`,
  strategiesHeading: 'How the goal is to be reached',
};
