/**
 * The goal page's section "Aktiviteter i chefsnätverkens planer": the newest year's activities serving
 * the goal with their latest status, the goal's roll-up that year (each figure a link to the
 * activities behind it) and links to the other years. Shown beside the indicator section, never
 * combined with it.
 */
import type { GoalActivities } from '../../app/results/goal-activities.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { ActivityTitle, drillDownPath, FIGURE_COLUMNS, figureCells, rollupPath } from './results-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';
import { ExampleNotice } from '../components/example-marking.js';

export function GoalActivitiesSection({ activities, goalTitle }: { activities: GoalActivities; goalTitle: string }) {
  const { year, result, years, goalId } = activities;
  return (
    <section class="goal-activities" aria-labelledby="aktiviteter-i-planerna">
      <h2 id="aktiviteter-i-planerna">Aktiviteter i chefsnätverkens planer</h2>
      {year === null || result === null ? (
        <p class="ds-paragraph">
          Inga aktiviteter i chefsnätverkens planer tjänar målet ännu (bland de planer du kan se: antagna planer är
          öppna för alla).
        </p>
      ) : (
        <>
          {activities.includesExamples && <ExampleNotice of="figures" />}
          <p class="ds-paragraph">
            Aktiviteterna i planerna för {year} som tjänar målet, med sin senaste rapport i årets uppföljning.
            Nyckeltalens bedömning ovan och aktiviteternas framsteg här visas bredvid varandra och räknas aldrig ihop
            till ett tal. Varje siffra leder till aktiviteterna bakom den;{' '}
            <a class="ds-link" href={`${rollupPath(year)}#sa-raknas-det`}>
              så räknas siffrorna
            </a>
            .
          </p>
          <DataTable
            caption={`Aktiviteternas status och viktade framsteg ${year} för målet`}
            rowHeaders
            columns={[{ label: 'År' }, ...FIGURE_COLUMNS]}
            rows={[[String(year), ...figureCells(year, { goalId }, result.rollup, `målet ${goalTitle} ${year}`)]]}
          />
          <DataTable
            caption={`Aktiviteter ${year} som tjänar målet`}
            rowHeaders
            columns={[
              { label: 'Aktivitet' },
              { label: 'Nätverk' },
              { label: 'Status' },
              { label: 'Framsteg', numeric: true },
              { label: 'Kommentar' },
            ]}
            rows={result.activities.map((a) => [
              <ActivityTitle a={a} />,
              a.network.name,
              <>
                <ReportStatusTag status={a.status} />
                {a.latestRound && <span class="meta block">{a.latestRound.name}</span>}
              </>,
              a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–',
              a.latest?.comment || <span class="meta">–</span>,
            ])}
          />
          <ul class="plain-list">
            <li>
              <a class="ds-link" href={rollupPath(year)}>
                Måluppfyllelse {year} för alla mål
              </a>
            </li>
            {years
              .filter((y) => y !== year)
              .map((y) => (
                <li>
                  <a class="ds-link" href={drillDownPath(y, { goalId })}>
                    Aktiviteter {y} för målet
                  </a>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
