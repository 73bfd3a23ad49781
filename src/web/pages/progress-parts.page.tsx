/**
 * Pieces the public progress pages share: the verdict in words, the trend sign (a symbol with its words
 * beside it, never colour alone), an indicator in short, the activities' roll-up in words and as a
 * table, the last update, the example notice and how to read the page. Texts come from the page's
 * language (src/web/i18n/*\/progress.ts); programme content is shown as stored.
 */
import type { ActivityProgress, GoalProgress, IndicatorProgress } from '../../app/progress/get-progress.js';
import type { Verdict } from '../../domain/indicators/target-verdict.js';
import { formatValue } from '../../domain/format-sv.js';
import { coverageText, progressText, ROLLUP_STATUSES, type RollupStatus } from '../../domain/plans/rollup.js';
import type { TrendDirection } from '../../domain/progress/trend-direction.js';
import { swedishData } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { ExampleTag } from '../components/example-marking.js';
import { formatNumber } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { drillDownPath } from './results-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';

export const PROGRESS_PATH = '/framsteg';
export const programmeProgressPath = (slug: string) => `${PROGRESS_PATH}/${encodeURIComponent(slug)}`;
export const goalProgressPath = (slug: string, goalId: number) => `${programmeProgressPath(slug)}/mal/${goalId}`;

const VERDICT_CLASS: Record<Verdict, string> = {
  on_track: 'verdict verdict--on-track',
  at_risk: 'verdict verdict--at-risk',
  off_track: 'verdict verdict--off-track',
  no_data: 'verdict verdict--no-data',
};

/** The arrows the pages explain in "how to read": towards the goal, away from it, unchanged. */
const TREND_SYMBOLS: Record<TrendDirection, string> = { better: '↗', worse: '↘', steady: '→', unknown: '–' };

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  return <strong class={VERDICT_CLASS[verdict]}>{texts().progress.verdict[verdict]}</strong>;
}

/** The symbol is decoration for the eye; its words are always written out beside it. */
export function TrendSign({ trend }: { trend: TrendDirection }) {
  return (
    <span class="trend-sign" data-trend={trend}>
      <span aria-hidden="true">{TREND_SYMBOLS[trend]}</span> {texts().progress.trend[trend]}
    </span>
  );
}

/** An activity's latest status as a tag in words; the colour only repeats them. */
export const ActivityStatusTag = ({ status }: { status: RollupStatus }) => (
  <ReportStatusTag status={status} words={texts().progress.status} />
);

export function UpdatedOn({ date }: { date: string | null }) {
  const t = texts().progress;
  return (
    <p class="ds-paragraph updated-on">
      {date === null ? (
        t.notUpdated
      ) : (
        <>
          <strong>{t.updated(date)}</strong> <span class="meta">{t.updatedExplained}</span>
        </>
      )}
    </p>
  );
}

/** "20,7 procent (2014)", with the comparison area's value in the same year when the target names one. */
export function LatestValue({ ip }: { ip: IndicatorProgress }) {
  const t = texts().progress;
  const { indicator, comparisonName } = ip.view;
  const value = (v: number) => formatValue(v, indicator.unit, indicator.decimals);
  if (!ip.latest) return <>{t.noValue}</>;
  return (
    <>
      {t.latestValue(value(ip.latest.value), ip.latest.year)}
      {ip.comparisonLatest && comparisonName && (
        <>
          {'. '}
          {t.comparisonValue(comparisonName, value(ip.comparisonLatest.value))}
        </>
      )}
    </>
  );
}

/** One indicator in a list: verdict, trend, name, the sentence that explains the verdict, the latest value. */
export function IndicatorInShort({ ip }: { ip: IndicatorProgress }) {
  const t = texts().progress;
  const { indicator, evaluation } = ip.view;
  return (
    <li class="indicator-progress">
      <VerdictTag verdict={evaluation.verdict} /> <TrendSign trend={ip.trend} />
      {': '}
      <a class="ds-link" href={localized(`/nyckeltal/${encodeURIComponent(indicator.key)}`)} lang={swedishData()}>
        {indicator.title}
      </a>
      <span class="block">{t.explanation(ip.view)}</span>
      <span class="block meta">
        {t.latestLabel}: <LatestValue ip={ip} />
      </span>
    </li>
  );
}

/** "3 aktiviteter: 2 gröna, 1 gul." and the average progress with how much of it is reported. */
export function RollupInWords({ activities }: { activities: ActivityProgress }) {
  const t = texts().progress;
  const { rollup } = activities;
  if (!rollup) return null;
  const counts = ROLLUP_STATUSES.filter((s) => rollup.counts[s] > 0).map((s) => t.statusCount(s, rollup.counts[s]));
  return (
    <>
      {`${t.activityCount(rollup.total)}: ${counts.join(', ')}. `}
      {rollup.progress === null || rollup.coverage === null
        ? t.noProgressLine
        : t.progressLine(progressText(rollup.progress), coverageText(rollup.coverage))}
    </>
  );
}

/** A goal's status in one line: the indicators' verdicts, then (separately) the activities. */
export function GoalStatusLine({ goal }: { goal: GoalProgress }) {
  const t = texts().progress;
  const verdicts = (['on_track', 'at_risk', 'off_track', 'no_data'] as const)
    .map((v) => [v, goal.indicators.filter((i) => i.view.evaluation.verdict === v).length] as const)
    .filter(([, n]) => n > 0);
  const { activities } = goal;
  const counts =
    activities.rollup &&
    ROLLUP_STATUSES.filter((s) => activities.rollup!.counts[s] > 0).map((s) =>
      t.statusCount(s, activities.rollup!.counts[s]),
    );
  return (
    <span class="block goal-status">
      {t.indicatorsShort}:{' '}
      {verdicts.length === 0 ? t.noIndicatorsShort : verdicts.map(([v, n]) => t.verdictCount(v, n)).join(', ')}.{' '}
      {activities.year === null || !activities.rollup ? (
        <>
          {t.activitiesLabel}: {t.noActivitiesShort}.
        </>
      ) : (
        <>
          {t.activitiesShort(activities.year)}: {t.activityCount(activities.rollup.total)}
          {counts && counts.length > 0 && ` (${counts.join(', ')})`}.
        </>
      )}
    </span>
  );
}

/** The activities serving a goal: the roll-up in words and as a table, each activity, the other years. */
export function GoalActivities({ activities, goalId }: { activities: ActivityProgress; goalId: number }) {
  const t = texts().progress;
  const { year, rollup } = activities;
  if (year === null || !rollup) return <p class="ds-paragraph">{t.noActivities}</p>;
  return (
    <>
      <p class="ds-paragraph">
        <RollupInWords activities={activities} />
      </p>
      <DataTable
        caption={t.rollupCaption(year)}
        rowHeaders
        columns={[
          { label: t.yearColumn },
          ...ROLLUP_STATUSES.map((s) => ({ label: t.status[s], numeric: true })),
          { label: t.totalColumn, numeric: true },
          { label: t.progressColumn, numeric: true },
          { label: t.coverageColumn, numeric: true },
        ]}
        rows={[
          [
            String(year),
            ...ROLLUP_STATUSES.map((s) => formatNumber(rollup.counts[s])),
            formatNumber(rollup.total),
            rollup.progress === null ? '–' : progressText(rollup.progress),
            rollup.coverage === null ? '–' : coverageText(rollup.coverage),
          ],
        ]}
      />
      <DataTable
        caption={t.activitiesCaption(year)}
        rowHeaders
        columns={[
          { label: t.activityColumn },
          { label: t.networkColumn },
          { label: t.statusColumn },
          { label: t.activityProgressColumn, numeric: true },
          { label: t.commentColumn },
        ]}
        rows={activities.activities.map((a) => [
          <>
            <a
              class="ds-link"
              href={localized(`/planer/${a.plan.id}#aktivitet-${a.view.activity.id}`)}
              data-activity-id={a.view.activity.id}
              lang={swedishData()}
            >
              {a.view.activity.title}
            </a>
            {a.plan.isExample && (
              <>
                {' '}
                <ExampleTag />
              </>
            )}
          </>,
          <span lang={swedishData()}>{a.network.name}</span>,
          <ActivityStatusTag status={a.status} />,
          a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–',
          a.latest?.comment ? <span lang={swedishData()}>{a.latest.comment}</span> : '–',
        ])}
      />
      {activities.years.length > 1 && (
        <nav class="year-links" aria-label={t.otherYears}>
          <ul class="plain-list">
            {activities.years
              .filter((y) => y !== year)
              .map((y) => (
                <li>
                  <a class="ds-link" href={localized(drillDownPath(y, { goalId }))}>
                    {t.otherYearLink(y)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      )}
    </>
  );
}

/** What the verdict words, the arrows and the activities' colours mean, in plain words. */
export function HowToRead({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = texts().progress;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="panel how-to-read" aria-labelledby="sa-laser-du-sidan">
      <Heading id="sa-laser-du-sidan">{t.howToReadHeading}</Heading>
      <p class="ds-paragraph">{t.howToReadVerdicts}</p>
      <ul class="plain-list">
        {(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((v) => (
          <li>
            <VerdictTag verdict={v} /> – {t.verdictMeaning[v]}
          </li>
        ))}
      </ul>
      <p class="ds-paragraph">{t.howToReadTrend}</p>
      <p class="ds-paragraph">{t.howToReadActivities}</p>
      <ul class="plain-list">
        {ROLLUP_STATUSES.map((s) => (
          <li>
            <ActivityStatusTag status={s} /> – {t.statusMeaning[s]}
          </li>
        ))}
      </ul>
    </section>
  );
}
