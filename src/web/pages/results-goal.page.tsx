/**
 * The goal page's section "Aktiviteter i chefsnätverkens planer": the newest year's activities serving
 * the goal with their latest status, the goal's roll-up that year (each figure a link to the
 * activities behind it) and links to the other years. Shown beside the indicator section, never
 * combined with it.
 */
import type { GoalActivities } from '../../app/results/goal-activities.js';
import { SwedishData, swedishData } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { texts } from '../i18n/texts.js';
import { ActivityTitle, drillDownPath, figureCells, figureColumns, rollupPath } from './results-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';
import { ExampleNotice } from '../components/example-marking.js';

/** `goalTitle`: the goal's title as the page shows it (in its language when stored). */
export function GoalActivitiesSection({ activities, goalTitle }: { activities: GoalActivities; goalTitle: string }) {
  const { year, result, years, goalId } = activities;
  const t = texts().results;
  return (
    <section class="goal-activities" aria-labelledby="aktiviteter-i-planerna">
      <h2 id="aktiviteter-i-planerna">{t.goalActivitiesHeading}</h2>
      {year === null || result === null ? (
        <p class="ds-paragraph">{t.noGoalActivities}</p>
      ) : (
        <>
          {activities.includesExamples && <ExampleNotice of="figures" />}
          <p class="ds-paragraph">
            {t.goalActivitiesLead(year)}{' '}
            <a class="ds-link" href={`${rollupPath(year)}#sa-raknas-det`}>
              {t.howCountedLower}
            </a>
            .
          </p>
          <DataTable
            caption={t.goalRollupCaption(year)}
            rowHeaders
            columns={[{ label: t.year }, ...figureColumns()]}
            rows={[[String(year), ...figureCells(year, { goalId }, result.rollup, t.ofGoalInYear(goalTitle, year))]]}
          />
          <DataTable
            caption={t.goalActivitiesCaption(year)}
            rowHeaders
            columns={[
              { label: t.columns.activity },
              { label: t.columns.network },
              { label: t.columns.status },
              { label: t.columns.progress, numeric: true },
              { label: t.columns.comment },
            ]}
            rows={result.activities.map((a) => [
              <ActivityTitle a={a} />,
              <SwedishData>{a.network.name}</SwedishData>,
              <>
                <ReportStatusTag status={a.status} />
                {a.latestRound && (
                  <span class="meta block" lang={swedishData()}>
                    {a.latestRound.name}
                  </span>
                )}
              </>,
              a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–',
              a.latest?.comment ? <SwedishData>{a.latest.comment}</SwedishData> : <span class="meta">–</span>,
            ])}
          />
          <ul class="plain-list">
            <li>
              <a class="ds-link" href={rollupPath(year)}>
                {t.rollupAllGoals(year)}
              </a>
            </li>
            {years
              .filter((y) => y !== year)
              .map((y) => (
                <li>
                  <a class="ds-link" href={drillDownPath(y, { goalId })}>
                    {t.activitiesForGoalIn(y)}
                  </a>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
